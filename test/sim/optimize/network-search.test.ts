// The network optimiser on the engine (in this thread; the CLI runs the same on its worker pool).
// Every tolerance is an interval of the run it checks: the 99.9% Student-t interval of
// test/sim/oracles/interval.ts, so a correct optimiser fails one assertion with probability 0.1%,
// and with fixed seeds a pass is stable.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { buildResult, optimizeNetwork, planScenario, type OptimizationResult } from "../../../src/sim/optimize/index.ts";
import { clarkScarf, EXAMPLE_6_1 } from "../oracles/clark-scarf.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { interval } from "../oracles/interval.ts";
import { engineEvaluator, networkValues } from "./engine-evaluator.ts";

const example61 = JSON.parse(readFileSync(new URL("../../../scenarios/serial-example-6-1.json", import.meta.url), "utf8")) as Scenario;
const stages = ["stage-1", "stage-2", "stage-3"];
const levelOf = (r: OptimizationResult, id: string) => (r.nodes[id] as { baseStock: number }).baseStock;
const differences = (a: Float64Array, b: Float64Array) => a.map((v, i) => v - b[i]);
// Grid error of the Clark–Scarf oracle (see serial-example-6-1.test.ts).
const ORACLE_ERROR = 1e-3;

describe("optimizeNetwork on Snyder & Shen Example 6.1 (total cost)", () => {
  // One test, the computation inside it: run at describe level it would run before Stryker
  // switches a mutant on, and no test would be credited with it (docs/testing.md, "Reading a
  // survivor"); run before each of several tests it would cost seconds each. Each block below
  // states one property. The timeout is 5 minutes: instrumented by Stryker, it runs 20–50× slower.
  it("optimizeNetwork on Snyder & Shen Example 6.1 (total cost): every property below", async () => {
    // Search: 50 replications × 1,000 days (seed 1). Check: 400 fresh replications (seed 2).
    const optimum = clarkScarf(EXAMPLE_6_1).cost; // 47.66
    const result = await optimizeNetwork(example61, {
      objective: "total-cost", evaluate: engineEvaluator(), search: { seed: 1, replications: 50 }, check: { seed: 2, replications: 400 },
    });
    const local = stages.map((id) => levelOf(result, id));

    { // optimizeNetwork(total-cost) finds levels whose simulated cost on fresh replications is within 0.5% of the Clark–Scarf optimum
      const [total] = networkValues(result.scenario, 2, 400, ["totalCost"]);
      const { mean, half } = interval(total);
      // The plan's expected cost is at most 0.5% above the optimum at 99.9% confidence …
      expect(mean + half, `simulated ${mean} ± ${half}, optimum ${optimum}`).toBeLessThanOrEqual(1.005 * optimum + ORACLE_ERROR);
      // … and not below it (no plan can beat the optimum).
      expect(mean + half).toBeGreaterThanOrEqual(optimum - ORACLE_ERROR);
      expect(result.simulation!.check!.totalCost.mean).toBe(mean);
    }

    { // optimizeNetwork(total-cost) lands on local levels whose exact Clark–Scarf cost is within 0.5% of the optimum
      // Local base-stock levels s₁, s₂, s₃ run the echelon levels s₁, s₁ + s₂, s₁ + s₂ + s₃ in a serial system.
      const echelon = [local[0], local[0] + local[1], local[0] + local[1] + local[2]];
      expect(clarkScarf(EXAMPLE_6_1, { levels: echelon }).cost).toBeLessThanOrEqual(1.005 * optimum);
    }

    { // optimizeNetwork(total-cost) improves on its best analytic start, paired on the fresh replications
      const sim = result.simulation!;
      const best = sim.starts!.find((s) => s.method === sim.startedFrom)!;
      expect(sim.totalCost!.mean).toBeLessThan(best.totalCost.mean);
      const [plan] = networkValues(result.scenario, 2, 400, ["totalCost"]);
      const [start] = networkValues(startScenario(example61, result), 2, 400, ["totalCost"]);
      expect(interval(start).mean).toBe(sim.check!.baseline.totalCost.mean);
      const d = interval(differences(plan, start));
      expect(d.mean + d.half, `plan − start: ${d.mean} ± ${d.half}`).toBeLessThan(0);
    }

    { // optimizeNetwork reports its evaluations, the replications per evaluation, the seeds, and the check
      const sim = result.simulation!;
      expect(sim).toMatchObject({ search: "network", objective: "total-cost", reached: true, replicationsPerEvaluation: 50, seed: 1 });
      expect(sim.targetFill).toBeUndefined();
      expect(sim.evaluations).toBeGreaterThan(10);
      expect(sim.evaluations).toBeLessThanOrEqual(300);
      expect(sim.check).toMatchObject({ seed: 2, replications: 400 });
      expect(sim.check!.verdict).toMatch(/^On 400 fresh replications \(seed 2\) the plan costs /);
    }
  }, 300_000);
});

/** The best start's levels (its analytic placement × its safety factor), as the search and the check ran them. */
function startScenario(input: Scenario, r: OptimizationResult): Scenario {
  const start = r.simulation!.starts!.find((s) => s.method === r.simulation!.startedFrom)!;
  return buildResult(input, "simulation", r, planScenario(input, start.method, r.z), start.safetyFactor).scenario;
}

// A DC feeding two unlike stores, its stock as dear as theirs: GSM (the DC passes orders through)
// and single-echelon (every node covers its own lead time) differ, and neither is best.
const twoStores: Scenario = {
  format: "echelon-scenario@1", name: "two stores", horizon: 250, warmup: 25, replications: 100, seed: 7,
  unmetDemand: "backorder", allocation: "fifo",
  nodes: [
    { id: "sup", kind: "supplier" },
    { id: "dc", kind: "dc", holdingCost: 1, policy: { type: "base-stock", level: 10 } },
    { id: "a", kind: "store", holdingCost: 1, policy: { type: "base-stock", level: 10 } },
    { id: "b", kind: "store", holdingCost: 1, policy: { type: "base-stock", level: 10 } },
  ],
  lanes: [
    { from: "sup", to: "dc", leadTime: { type: "constant", value: 6 } },
    { from: "dc", to: "a", leadTime: { type: "constant", value: 1 } },
    { from: "dc", to: "b", leadTime: { type: "constant", value: 2 } },
  ],
  demand: [{ node: "a", dist: { type: "normal", mean: 20, sd: 6 } }, { node: "b", dist: { type: "poisson", mean: 8 } }],
};

describe("optimizeNetwork on a DC with two stores (target fill 0.97)", () => {
  // One test, the computation inside it: run at describe level it would run before Stryker
  // switches a mutant on, and no test would be credited with it (docs/testing.md, "Reading a
  // survivor"); run before each of several tests it would cost seconds each. Each block below
  // states one property. The timeout is 5 minutes: instrumented by Stryker, it runs 20–50× slower.
  it("optimizeNetwork on a DC with two stores (target fill 0.97): every property below", async () => {
    // Search: 30 replications (seed 1). Check: 200 fresh replications (seed 2).
    const F = 0.97;
    const result = await optimizeNetwork(twoStores, {
      objective: "target-fill", targetFill: F, evaluate: engineEvaluator(), search: { seed: 1, replications: 30 }, check: { seed: 2, replications: 200 },
    });
    const sim = result.simulation!;
    const [fill, holding] = networkValues(result.scenario, 2, 200, ["fillRate", "holdingCost"]);

    { // optimizeNetwork(target-fill) starts from two different analytic placements
      expect(sim.starts!.map((s) => [s.method, s.sameAs])).toEqual([["single-echelon", undefined], ["gsm", undefined]]);
      expect(sim.starts!.every((s) => s.fillRate.mean >= F)).toBe(true);
    }

    { // optimizeNetwork(target-fill): on a fresh seed the plan meets its target within the interval
      const { mean, half } = interval(fill);
      expect(F, `fresh fill rate ${mean} ± ${half}`).toBeLessThanOrEqual(mean + half);
      // The reported check is that simulation, not the search's figure again.
      expect(sim.check!.fillRate.mean).toBe(mean);
      expect(sim.check!.targetMet).toBe(sim.check!.fillRate.ci95[0] >= F);
    }

    { // optimizeNetwork(target-fill) never ends worse than the best analytic placement at the same fill rate
      // On the search replications: the target holds, and no start that reaches it holds less.
      expect(sim.fillRate.mean).toBeGreaterThanOrEqual(F);
      for (const s of sim.starts!) if (s.fillRate.mean >= F) expect(sim.holdingCost!.mean).toBeLessThanOrEqual(s.holdingCost.mean);
      // On the fresh replications, paired with the best start: significantly less holding cost …
      const [startFill, startHolding] = networkValues(startScenario(twoStores, result), 2, 200, ["fillRate", "holdingCost"]);
      const saving = interval(differences(holding, startHolding));
      expect(saving.mean + saving.half, `plan − start holding: ${saving.mean} ± ${saving.half}`).toBeLessThan(0);
      // … for a fill rate no more than the search's own slack below the start's (both were set to reach F).
      const lost = interval(differences(startFill, fill));
      expect(lost.mean - lost.half).toBeLessThanOrEqual(sim.starts!.find((s) => s.method === sim.startedFrom)!.fillRate.mean - F);
    }

    { // optimizeNetwork(target-fill, targetAt lower-bound) keeps the lower bound at the target, for more stock, and meets it on the fresh seed
      const safe = await optimizeNetwork(twoStores, {
        objective: "target-fill", targetFill: F, targetAt: "lower-bound", evaluate: engineEvaluator(), search: { seed: 1, replications: 30 }, check: { seed: 2, replications: 200 },
      });
      expect(safe.simulation).toMatchObject({ targetAt: "lower-bound", reached: true, check: { targetMet: true } });
      expect(safe.simulation!.fillRate.ci95[0]).toBeGreaterThanOrEqual(F);
      expect(safe.simulation!.holdingCost!.mean).toBeGreaterThan(sim.holdingCost!.mean);
      expect(sim.targetAt).toBe("mean");
    }

    { // optimizeNetwork(target-fill) moves stock between echelons, not by one factor
      const start = startScenario(twoStores, result);
      const ratio = (id: string) => levelOfScenario(result.scenario, id) / levelOfScenario(start, id);
      expect(Math.max(ratio("dc"), ratio("a"), ratio("b")) - Math.min(ratio("dc"), ratio("a"), ratio("b"))).toBeGreaterThan(0.05);
      expect(holding.length).toBe(200);
    }
  }, 300_000);
});

function levelOfScenario(s: Scenario, id: string): number {
  const p = s.nodes.find((n) => n.id === id)!.policy as { level: number };
  return p.level;
}

describe("optimizeNetwork with several products", () => {
  it("optimizeNetwork sets one level per node and product, and the scenario it writes validates", async () => {
    const two: Scenario = {
      format: "echelon-scenario@1", name: "two products", horizon: 120, warmup: 20, replications: 20, seed: 3,
      unmetDemand: "backorder", allocation: "fifo", products: [{ id: "p" }, { id: "q" }],
      nodes: [
        { id: "sup", kind: "supplier" },
        { id: "dc", kind: "dc", holdingCost: 0.5, policy: { p: { type: "base-stock", level: 10 }, q: { type: "base-stock", level: 10 } } },
        { id: "s", kind: "store", holdingCost: { p: 1, q: 2 }, policy: { p: { type: "base-stock", level: 10 }, q: { type: "base-stock", level: 10 } } },
      ],
      lanes: [{ from: "sup", to: "dc", leadTime: { type: "constant", value: 3 } }, { from: "dc", to: "s", leadTime: { type: "constant", value: 1 } }],
      demand: [{ node: "s", product: "p", dist: { type: "poisson", mean: 10 } }, { node: "s", product: "q", dist: { type: "poisson", mean: 4 } }],
    };
    const r = await optimizeNetwork(two, { objective: "target-fill", targetFill: 0.95, evaluate: engineEvaluator(), search: { seed: 1, replications: 10 }, check: { seed: 2, replications: 20 }, maxEvaluations: 60 });
    expect(validateScenario(r.scenario).ok).toBe(true);
    const store = r.nodes.s as { [product: string]: { baseStock: number } };
    expect(Object.keys(store)).toEqual(["p", "q"]);
    expect(r.scenario.nodes[2].policy).toEqual({ p: { type: "base-stock", level: store.p.baseStock }, q: { type: "base-stock", level: store.q.baseStock } });
    expect(r.simulation!.evaluations).toBeLessThanOrEqual(60);
    expect(r.simulation!.fillRate.mean).toBeGreaterThanOrEqual(0.95);
  });
});
