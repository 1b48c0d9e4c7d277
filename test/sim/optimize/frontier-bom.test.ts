// The trade-off curve on an assembly network, with the engine in this thread.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { computeFrontier, FRONTIER_KEYS, optimizeScenario, type FrontierEvaluator, type NodeOptimum, type Replications } from "../../../src/sim/optimize/index.ts";
import { MAX_EVALUATIONS_IN_FLIGHT } from "../../../src/sim/optimize/limit.ts";
import { summarize } from "../../../src/sim/stats/index.ts";
import { truckAssembly, truckWithSpareHub } from "./bom-fixtures.ts";
import { networkValues } from "./engine-evaluator.ts";

const replications = (s: Scenario, seed: number | string, n: number): Replications => {
  const v = networkValues(s, seed, n, FRONTIER_KEYS);
  return Object.fromEntries(FRONTIER_KEYS.map((k, i) => [k, v[i]])) as unknown as Replications;
};
let active = 0, peak = 0;
const evaluate: FrontierEvaluator = async (s, r) => {
  peak = Math.max(peak, ++active);
  await new Promise((resolve) => setTimeout(resolve, 1));
  try { return replications(s, r.seed, r.replications); } finally { active--; }
};
const options = {
  serviceLevels: [0.9, 0.95, 0.99], targets: [0.95], leadTimeVariance: false, headline: [0.95], evaluate,
  run: { seed: 7, replications: 20 }, search: { seed: 8, replications: 10 }, maxEvaluations: 20,
};

describe("computeFrontier on an assembly network", () => {
  // One test, the computation inside it: run at describe level it would run before Stryker
  // switches a mutant on, and no test would be credited with it (docs/testing.md, "Reading a
  // survivor"); run before each of several tests it would cost seconds each. Each block below
  // states one property. The timeout is 5 minutes: instrumented by Stryker, it runs 20–50× slower.
  it("computeFrontier on an assembly network: every property below", async () => {
    active = 0; peak = 0;
    const result = await computeFrontier(truckAssembly, options);

    { // computeFrontier's analytic points place stock at every item, made product and components, as optimizeScenario does
      for (const method of ["single-echelon", "gsm"] as const) {
        expect(result.curves[method].map((p) => p.serviceLevel)).toEqual(options.serviceLevels);
        for (const p of result.curves[method]) {
          const plan = optimizeScenario(truckAssembly, { method, serviceLevel: p.serviceLevel! });
          const plant = plan.nodes.plant as { [product: string]: NodeOptimum };
          expect(p.levels!.plant).toEqual({ truck: plant.truck.baseStock, engine: plant.engine.baseStock, wheel: plant.wheel.baseStock });
          const v = replications(plan.scenario, 7, 20);
          expect(p.fillRate.mean).toBe(summarize(v.fillRate).mean);
        }
      }
    }

    { // computeFrontier keeps at most MAX_EVALUATIONS_IN_FLIGHT simulations in flight, though its points start together
      expect(peak).toBe(MAX_EVALUATIONS_IN_FLIGHT);
    }

    { // computeFrontier's network-optimiser point sets every item's level and is measured on the frontier's replications
      const [point] = result.curves.simulation;
      expect(Object.keys(point.levels!.plant as object)).toEqual(["truck", "engine", "wheel"]);
      expect(point.fillRate.ci95[0]).toBeLessThanOrEqual(point.fillRate.mean);
    }
  }, 300_000);
});

describe("computeFrontier where the items are not a spanning tree", () => {
  // One test, the computation inside it: run at describe level it would run before Stryker
  // switches a mutant on, and no test would be credited with it (docs/testing.md, "Reading a
  // survivor"); run before each of several tests it would cost seconds each. Each block below
  // states one property. The timeout is 5 minutes: instrumented by Stryker, it runs 20–50× slower.
  it("computeFrontier where the items are not a spanning tree: every property below", async () => {
    const result = await computeFrontier(truckWithSpareHub, { ...options, serviceLevels: [0.9, 0.95] });

    { // computeFrontier leaves the GSM curve empty and draws the others
      expect(result.curves.gsm).toEqual([]);
      expect(result.curves["single-echelon"]).toHaveLength(2);
      expect(result.curves.simulation).toHaveLength(1);
    }
  }, 300_000);
});
