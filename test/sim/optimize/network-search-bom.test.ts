// The network optimiser on an assembly network, with the engine in this thread. Tolerances are
// the 99.9% Student-t interval of the run they check (test/sim/oracles/interval.ts).
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { buildResult, groupStages, optimizeNetwork, planScenario, type NodeOptimum, type OptimizationResult, type PlanEvaluator } from "../../../src/sim/optimize/index.ts";
import { MAX_EVALUATIONS_IN_FLIGHT } from "../../../src/sim/optimize/limit.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { interval } from "../oracles/interval.ts";
import { truckAssembly, truckWithSpareHub } from "./bom-fixtures.ts";
import { engineEvaluator, networkValues } from "./engine-evaluator.ts";

const levelsOf = (s: Scenario) => Object.fromEntries(s.nodes.filter((n) => n.policy).map((n) => [n.id, n.policy]));
const baseStock = (s: Scenario, node: string, product: string) =>
  ((s.nodes.find((n) => n.id === node)!.policy as Record<string, { level: number }>)[product]).level;

describe("groupStages on an assembly network", () => {
  it("groupStages makes the made item and each component coordinates, scaled by the demand they serve through the bill of materials", () => {
    const groups = groupStages(truckAssembly);
    expect(groups.flatMap((g) => g.members).sort()).toEqual([0, 1, 2, 3, 4]);
    const plan = planScenario(truckAssembly, "gsm", 1.645);
    const scaleOf = (node: string, product: string) => {
      const i = plan.findIndex((p) => p.stage.id === node && p.product === product);
      return groups.find((g) => g.members.includes(i))!.scale;
    };
    // σ of Poisson 4 + 3 is √7; a truck uses 1 engine (T 4) and 4 wheels (T 2); assembly takes 1 day.
    expect(scaleOf("plant", "truck")).toBeCloseTo(Math.sqrt(7), 12);
    expect(scaleOf("plant", "engine")).toBeCloseTo(Math.sqrt(7) * 2, 12);
    expect(scaleOf("plant", "wheel")).toBeCloseTo(4 * Math.sqrt(7) * Math.SQRT2, 12);
  });
});

describe("optimizeNetwork on an assembly network (target fill 0.95)", () => {
  // One test, the computation inside it: run at describe level it would run before Stryker
  // switches a mutant on, and no test would be credited with it (docs/testing.md, "Reading a
  // survivor"); run before each of several tests it would cost seconds each. Each block below
  // states one property. The timeout is 5 minutes: instrumented by Stryker, it runs 20–50× slower.
  it("optimizeNetwork on an assembly network (target fill 0.95): every property below", async () => {
    const result = await optimizeNetwork(truckAssembly, {
      objective: "target-fill", targetFill: 0.95, evaluate: engineEvaluator(),
      search: { seed: 1, replications: 20 }, check: { seed: 2, replications: 40 }, maxEvaluations: 60,
    });
    const sim = result.simulation!;

    { // optimizeNetwork sets a level for every item — made product, components, stores — and the scenario it writes validates
      const plant = result.nodes.plant as { [p: string]: NodeOptimum };
      expect(Object.keys(plant)).toEqual(["truck", "engine", "wheel"]);
      for (const product of ["truck", "engine", "wheel"]) expect(baseStock(result.scenario, "plant", product)).toBe(plant[product].baseStock);
      expect(result.scenario.nodes.find((n) => n.id === "plant")!.bom).toEqual(truckAssembly.nodes.find((n) => n.id === "plant")!.bom);
      expect(validateScenario(result.scenario).ok).toBe(true);
    }

    { // optimizeNetwork reaches the target on its search replications, as the engine measures the plan
      expect(sim.reached).toBe(true);
      const [fill] = networkValues(result.scenario, 1, 20, ["fillRate"]);
      expect(interval(fill).mean).toBe(sim.fillRate.mean);
      expect(sim.fillRate.mean).toBeGreaterThanOrEqual(0.95);
    }

    { // optimizeNetwork moves the components' levels away from its best analytic start, for less holding cost
      const start = startScenario(truckAssembly, result);
      const moved = ["engine", "wheel"].filter((p) => Math.abs(baseStock(result.scenario, "plant", p) - baseStock(start, "plant", p)) > 1e-9);
      expect(moved.length, JSON.stringify({ plan: levelsOf(result.scenario).plant, start: levelsOf(start).plant })).toBeGreaterThan(0);
      const best = sim.starts!.find((s) => s.method === sim.startedFrom)!;
      expect(sim.holdingCost!.mean).toBeLessThan(best.holdingCost.mean);
    }

    { // optimizeNetwork's plan meets the target within the 99.9% interval on fresh replications
      const [fill] = networkValues(result.scenario, 2, 40, ["fillRate"]);
      const { mean, half } = interval(fill);
      expect(mean).toBe(sim.check!.fillRate.mean);
      expect(mean + half, `fresh fill ${mean} ± ${half}`).toBeGreaterThanOrEqual(0.95);
    }
  }, 300_000);
});

describe("optimizeNetwork's evaluations in flight", () => {
  it("optimizeNetwork keeps at most MAX_EVALUATIONS_IN_FLIGHT evaluations in flight, though a step tries all five coordinates at once", async () => {
    let active = 0, peak = 0;
    const engine = engineEvaluator();
    const evaluate: PlanEvaluator = async (s, run) => {
      peak = Math.max(peak, ++active);
      await new Promise((resolve) => setTimeout(resolve, 1));
      try { return await engine(s, run); } finally { active--; }
    };
    await optimizeNetwork(truckAssembly, { objective: "target-fill", targetFill: 0.95, evaluate, search: { seed: 1, replications: 5 }, check: { seed: 2, replications: 5 }, maxEvaluations: 40 });
    expect(groupStages(truckAssembly).length).toBeGreaterThan(MAX_EVALUATIONS_IN_FLIGHT);
    expect(peak).toBe(MAX_EVALUATIONS_IN_FLIGHT);
  });
});

describe("optimizeNetwork where the items are not a spanning tree", () => {
  // One test, the computation inside it: run at describe level it would run before Stryker
  // switches a mutant on, and no test would be credited with it (docs/testing.md, "Reading a
  // survivor"); run before each of several tests it would cost seconds each. Each block below
  // states one property. The timeout is 5 minutes: instrumented by Stryker, it runs 20–50× slower.
  it("optimizeNetwork where the items are not a spanning tree: every property below", async () => {
    const result = await optimizeNetwork(truckWithSpareHub, {
      objective: "target-fill", targetFill: 0.9, evaluate: engineEvaluator(),
      search: { seed: 1, replications: 10 }, check: { seed: 2, replications: 10 }, maxEvaluations: 20,
    });

    { // optimizeNetwork starts from single-echelon alone and says why in the notes
      expect(result.simulation!.starts!.map((s) => s.method)).toEqual(["single-echelon"]);
      expect(result.notes).toEqual([expect.stringMatching(/^The search started from single-echelon alone: gsm: item \(plant, wheel\) is joined to \(plant, hub\)/)]);
      expect(Object.keys(result.nodes.plant)).toEqual(["truck", "engine", "wheel", "hub"]);
    }
  }, 300_000);
});

function startScenario(input: Scenario, r: OptimizationResult): Scenario {
  const start = r.simulation!.starts!.find((s) => s.method === r.simulation!.startedFrom)!;
  return buildResult(input, "simulation", r, planScenario(input, start.method, r.z), start.safetyFactor).scenario;
}
