import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { optimizeBySimulation, optimizeScenario, type FillEstimate } from "../../../src/sim/optimize/index.ts";

const scenario: Scenario = {
  format: "echelon-scenario@1", name: "one store", horizon: 100, warmup: 10, replications: 20, seed: 1,
  unmetDemand: "backorder", allocation: "fifo",
  nodes: [{ id: "sup", kind: "supplier" }, { id: "s", kind: "store", holdingCost: 1, policy: { type: "base-stock", level: 1 } }],
  lanes: [{ from: "sup", to: "s", leadTime: { type: "constant", value: 4 } }],
  demand: [{ node: "s", dist: { type: "poisson", mean: 16 } }],
};
// GSM at z = 2: μ·τ = 64, safety stock 2·4·2 = 16. A stand-in simulator whose fill rate is a
// known increasing function of the safety factor k = (level − 64) / 16.
const factorOf = (s: Scenario) => ((s.nodes[1].policy as { level: number }).level - 64) / 16;
const fake = (fillAt: (k: number) => number) => {
  const seen: number[] = [];
  const evaluate = async (s: Scenario): Promise<FillEstimate> => {
    const k = factorOf(s), f = fillAt(k);
    seen.push(k);
    return { mean: f, ci95: [f - 0.001, f + 0.001] };
  };
  return { seen, evaluate };
};

describe("optimizeBySimulation", () => {
  it("optimizeBySimulation doubles the GSM safety stocks until the target is met, then bisects to the least factor", async () => {
    const { seen, evaluate } = fake((k) => 1 - 0.5 * Math.exp(-k)); // reaches 0.9 at k = ln 5 = 1.609
    const r = await optimizeBySimulation(scenario, { target: { z: 2 }, targetFill: 0.9, evaluate, replications: 20 });
    expect(seen.slice(0, 2)).toEqual([1, 2]);
    expect(seen).toHaveLength(8);
    const k = r.simulation!.safetyFactor!;
    expect(k).toBeGreaterThanOrEqual(Math.log(5));
    expect(k - Math.log(5)).toBeLessThanOrEqual(1 / 64);
    expect(r.simulation).toMatchObject({ targetFill: 0.9, reached: true, evaluations: 8, replicationsPerEvaluation: 20 });
    expect(r.simulation!.fillRate.mean).toBeCloseTo(1 - 0.5 * Math.exp(-k), 12);
    expect(r.safetyStockUnits).toBeCloseTo(16 * k, 9);
    expect(factorOf(r.scenario)).toBeCloseTo(k, 9);
    expect(r.method).toBe("simulation");
    expect(Object.keys(r).at(-1)).toBe("scenario");
  });

  it("optimizeBySimulation bisects below the GSM level when it already overshoots", async () => {
    const { seen, evaluate } = fake((k) => Math.min(1, 0.8 + 0.1 * k)); // 0.85 at k = 0.5
    const r = await optimizeBySimulation(scenario, { target: { z: 2 }, targetFill: 0.85, evaluate, replications: 20 });
    expect(seen.slice(0, 3)).toEqual([1, 0, 0.5]);
    expect(r.simulation!.safetyFactor).toBe(0.5);
  });

  it("optimizeBySimulation stops at k = 0 when no safety stock is needed, and reports a target out of reach", async () => {
    const none = await optimizeBySimulation(scenario, { target: { z: 2 }, targetFill: 0.5, evaluate: fake(() => 0.6).evaluate, replications: 20 });
    expect(none.simulation).toMatchObject({ safetyFactor: 0, reached: true, evaluations: 2 });
    expect(none.safetyStockUnits).toBe(0);
    const never = await optimizeBySimulation(scenario, { target: { z: 2 }, targetFill: 0.99, evaluate: fake(() => 0.6).evaluate, replications: 20, maxFactor: 4 });
    expect(never.simulation).toMatchObject({ safetyFactor: 4, reached: false, evaluations: 3 });
  });

  it("optimizeBySimulation at k = 1 gives the GSM levels", async () => {
    const { evaluate } = fake(() => 0.99);
    const r = await optimizeBySimulation(scenario, { target: { z: 2 }, targetFill: 0.999, evaluate, replications: 20, maxFactor: 1 });
    expect(r.scenario).toEqual(optimizeScenario(scenario, { method: "gsm", z: 2 }).scenario);
  });

  it("optimizeBySimulation rejects a target fill outside (0, 1], naming the field", async () => {
    await expect(optimizeBySimulation(scenario, { target: { z: 2 }, targetFill: 1.5, evaluate: fake(() => 1).evaluate, replications: 20 })).rejects.toThrow(/^targetFill: /);
  });
});
