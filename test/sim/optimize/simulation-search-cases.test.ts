import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { optimizeBySimulation, optimizeScenario, type FillEstimate, type NodeOptimum } from "../../../src/sim/optimize/index.ts";
import { base, bs, c, poissonStore } from "./fixtures.ts";

// One store behind a supplier (4 days), Poisson(16): GSM at z = 2 gives μ·τ = 16·4 = 64 and a
// safety stock of 2·4·√4 = 16, so the level at safety factor k is 64 + 16k. The stand-in
// simulator reads k back from the level and answers a fill rate that is a known function of k;
// every figure below is a dyadic fraction, so equalities are exact.
const store = poissonStore;
const factorOf = (s: Scenario) => ((s.nodes[1].policy as { level: number }).level - 64) / 16;
const fake = (fillAt: (k: number) => number) => {
  const seen: number[] = [];
  const evaluate = async (s: Scenario): Promise<FillEstimate> => {
    const k = factorOf(s), f = fillAt(k);
    seen.push(k);
    return { mean: f, ci95: [f - 0.0625, f + 0.03125] };
  };
  return { seen, evaluate };
};
const search = (fillAt: (k: number) => number, targetFill: number, more: { maxFactor?: number } = {}) => {
  const { seen, evaluate } = fake(fillAt);
  return optimizeBySimulation(store, { target: { z: 2 }, targetFill, evaluate, replications: 4, ...more }).then((r) => ({ r, seen }));
};

describe("optimizeBySimulation: the target's bounds", () => {
  it("refuses a target fill of 0 (and below), naming the field and the value", async () => {
    const { evaluate } = fake(() => 1);
    await expect(optimizeBySimulation(store, { target: { z: 2 }, targetFill: 0, evaluate, replications: 4 }))
      .rejects.toThrow(new RangeError("targetFill: must be above 0 and at most 1, got 0"));
    await expect(optimizeBySimulation(store, { target: { z: 2 }, targetFill: -0.5, evaluate, replications: 4 }))
      .rejects.toThrow(new RangeError("targetFill: must be above 0 and at most 1, got -0.5"));
  });

  it("accepts a target fill of exactly 1", async () => {
    // Fill 1 at k = 1 and at k = 0: no safety stock needed, after two evaluations.
    const { r, seen } = await search(() => 1, 1);
    expect(seen).toEqual([1, 0]);
    expect(r.simulation).toMatchObject({ targetFill: 1, safetyFactor: 0, reached: true, evaluations: 2 });
  });
});

describe("optimizeBySimulation: a fill rate exactly at the target reaches it", () => {
  it("at k = 1 it tries k = 0 next (not k = 2), and bisects [0, 1] to keep k = 1", async () => {
    // fill(k) = 0.5 + 0.25k: 0.75 = target at k = 1, 0.5 at k = 0; every midpoint of [0, 1]
    // falls short, so hi stays 1 after 6 steps: 2 + 6 = 8 evaluations.
    const { r, seen } = await search((k) => 0.5 + 0.25 * k, 0.75);
    expect(seen).toEqual([1, 0, 0.5, 0.75, 0.875, 0.9375, 0.96875, 0.984375]);
    expect(r.simulation).toMatchObject({ safetyFactor: 1, reached: true, evaluations: 8 });
  });

  it("at k = 0 it stops there with no safety stock", async () => {
    // A flat 0.75 meets the target 0.75 at k = 1 and at k = 0.
    const { r, seen } = await search(() => 0.75, 0.75);
    expect(seen).toEqual([1, 0]);
    expect(r.simulation).toMatchObject({ safetyFactor: 0, reached: true, evaluations: 2 });
    expect(r.safetyStockUnits).toBe(0);
  });

  it("at the doubled factor it stops doubling and bisects [1, 2] to keep k = 2", async () => {
    // fill(k) = 0.5 + 0.125k: 0.625 at k = 1 (short), 0.75 = target at k = 2; every midpoint of
    // [1, 2] falls short, so k = 2 is kept: 2 + 6 = 8 evaluations.
    const { r, seen } = await search((k) => 0.5 + 0.125 * k, 0.75);
    expect(seen.slice(0, 3)).toEqual([1, 2, 1.5]);
    expect(r.simulation).toMatchObject({ safetyFactor: 2, reached: true, evaluations: 8 });
    expect(r.simulation!.fillRate.mean).toBe(0.75);
  });

  it("at a bisection midpoint it moves the upper end there", async () => {
    // fill(k) = 0.5 + 0.25k, target 0.625: k = 1 gives 0.75, k = 0 gives 0.5, the midpoint 0.5
    // gives 0.625 exactly, so hi = 0.5; the midpoints after it (0.25, 0.375, 0.4375, 0.46875,
    // 0.484375) all fall short, so k = 0.5.
    const { r, seen } = await search((k) => 0.5 + 0.25 * k, 0.625);
    expect(seen).toEqual([1, 0, 0.5, 0.25, 0.375, 0.4375, 0.46875, 0.484375]);
    expect(r.simulation!.safetyFactor).toBe(0.5);
    expect(r.safetyStockUnits).toBe(8); // 0.5 · 16
  });
});

describe("optimizeBySimulation: the result", () => {
  it("reports the chosen factor's fill rate with its 95% interval", async () => {
    // Flat 0.75: k = 0 is chosen, and its estimate is 0.75 [0.75 − 0.0625, 0.75 + 0.03125].
    const { r } = await search(() => 0.75, 0.75);
    expect(r.simulation!.fillRate).toEqual({ mean: 0.75, ci95: [0.6875, 0.78125] });
  });

  it("starts from the GSM placement, not single-echelon's, where they differ", async () => {
    // supplier → dc (4 days) → store (1 day), Poisson(16): σ = 4. Single-echelon keeps stock at
    // both, costing z·(3·4·√4 + 2·4·√1) = 32z a day. GSM lets the dear DC quote 4 days (τ = 0)
    // and the store cover τ = 4 + 1 = 5 days: 2·4·√5 z ≈ 17.9z, cheaper.
    const chain: Scenario = {
      ...base,
      nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 3, policy: bs }, { id: "s", kind: "store", holdingCost: 2, policy: bs }],
      lanes: [{ from: "sup", to: "dc", leadTime: c(4) }, { from: "dc", to: "s", leadTime: c(1) }],
      demand: [{ node: "s", dist: { type: "poisson", mean: 16 } }],
    };
    // Out of reach with maxFactor 1: the result is the placement at k = 1, the GSM one.
    const r = await optimizeBySimulation(chain, { target: { z: 2 }, targetFill: 0.999, evaluate: async () => ({ mean: 0.5, ci95: [0.5, 0.5] }), replications: 4, maxFactor: 1 });
    expect(r.simulation).toMatchObject({ safetyFactor: 1, reached: false, evaluations: 1 });
    expect((r.nodes.dc as NodeOptimum).serviceTime).toBe(4);
    expect((r.nodes.s as NodeOptimum).netReplenishmentTime).toBe(5);
    expect(r.safetyStockUnits).toBeCloseTo(2 * 4 * Math.sqrt(5), 12);
    expect(r.nodes).toEqual(optimizeScenario(chain, { method: "gsm", z: 2 }).nodes);
  });
});
