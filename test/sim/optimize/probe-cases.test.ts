import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { createProbe, isBetter, isFeasible, type Goal, type PlanEstimate, type Point } from "../../../src/sim/optimize/probe.ts";
import { base, c } from "./fixtures.ts";

// The probe never looks inside the scenario it builds: a stand-in evaluator answers from the levels.
const toScenario = (levels: Float64Array): Scenario => ({
  ...base,
  nodes: [{ id: "sup", kind: "supplier" }, { id: "s", kind: "store", policy: { type: "base-stock", level: levels[0] } }],
  lanes: [{ from: "sup", to: "s", leadTime: c(1) }],
  demand: [{ node: "s", dist: c(1) }],
});
const est = (mean: number) => ({ mean, ci95: [mean, mean] as const });
const estimateOf = (fill: number, cost: number): PlanEstimate => ({ fillRate: est(fill), holdingCost: est(cost), totalCost: est(cost), onHandValue: est(cost) });
const counting = () => {
  const calls: number[] = [];
  return { calls, evaluate: async (s: Scenario) => { const level = (s.nodes[1].policy as { level: number }).level; calls.push(level); return estimateOf(0.9, level); } };
};
const point = (fill: number, cost: number): Point => ({ levels: Float64Array.of(0), estimate: estimateOf(fill, cost) });
const goal: Goal = { objective: "target-fill", targetFill: 0.9, minimize: "holding-cost", targetAt: "mean" };

describe("createProbe", () => {
  it("simulates the same levels once: a second probe returns the remembered point and counts no evaluation", async () => {
    const { calls, evaluate } = counting();
    const probe = createProbe(toScenario, evaluate, { seed: 1, replications: 2 }, () => {});
    const first = await probe(Float64Array.of(5, 7));
    const again = await probe(Float64Array.of(5, 7));
    expect(again).toBe(first);
    expect(calls).toEqual([5]);
    expect(probe.evaluations).toBe(1);
  });

  it("keys levels to 6 decimals: levels that differ only beyond them are the same candidate, others are not", async () => {
    const { calls, evaluate } = counting();
    const probe = createProbe(toScenario, evaluate, { seed: 1, replications: 2 }, () => {});
    await probe(Float64Array.of(5, 7));
    await probe(Float64Array.of(5 + 1e-8, 7)); // 5.00000001 → "5.000000": the same key
    await probe(Float64Array.of(5, 7.001)); // "7.001000": a new key
    expect(calls).toEqual([5, 5]);
    expect(probe.evaluations).toBe(2);
  });

  it("keeps the levels of a vector apart in its key: (1e21, 123) and (1e211, 23) are two candidates", async () => {
    // toFixed writes numbers from 1e21 up as "1e+21", so without a separator the two keys would
    // both read "1e+21123.000000"; with one they read "1e+21,123.000000" and "1e+211,23.000000".
    const { calls, evaluate } = counting();
    const probe = createProbe(toScenario, evaluate, { seed: 1, replications: 2 }, () => {});
    await probe(Float64Array.of(1e21, 123));
    await probe(Float64Array.of(1e211, 23));
    expect(calls).toEqual([1e21, 1e211]);
    expect(probe.evaluations).toBe(2);
  });

  it("reports each new evaluation with the running count, and needs no callback", async () => {
    const seen: number[] = [];
    const probe = createProbe(toScenario, counting().evaluate, { seed: 1, replications: 2 }, (n) => seen.push(n));
    for (const l of [1, 2, 1, 3]) await probe(Float64Array.of(l)); // the second 1 is remembered
    expect(seen).toEqual([1, 2, 3]);
    // Without a callback the probe still simulates, and still counts: the pattern search's budget
    // reads `evaluations`, so an uncounted probe would never run out of it.
    const quiet = createProbe(toScenario, counting().evaluate, { seed: 1, replications: 2 });
    await expect(quiet(Float64Array.of(4))).resolves.toMatchObject({ levels: Float64Array.of(4), estimate: { holdingCost: { mean: 4 } } });
    await quiet(Float64Array.of(5));
    expect(quiet.evaluations).toBe(2);
  });
});

describe("isFeasible and isBetter", () => {
  it("a point whose fill rate equals the target exactly reaches it", () => {
    expect(isFeasible(goal, point(0.9, 1))).toBe(true);
    expect(isFeasible(goal, point(0.8999, 1))).toBe(false);
  });

  it("is better only when cheaper by more than 1e-9 × max(1, |cost|): exactly that margin is not enough", () => {
    // b costs 1: the margin is 1e-9 · max(1, 1) = 1e-9, and a at 1 − 1e-9 is not below 1 − 1e-9.
    expect(isBetter(goal, point(0.9, 1 - 1e-9 * 1), point(0.9, 1))).toBe(false);
    expect(isBetter(goal, point(0.9, 1 - 2e-9), point(0.9, 1))).toBe(true);
  });

  it("scales the margin with a cost above 1 and keeps it at 1e-9 below 1", () => {
    // b costs 1e6: margin 1e-9 · 1e6 = 1e-3, so 5e-4 cheaper is rounding and 2e-3 cheaper is better.
    expect(isBetter(goal, point(0.9, 1e6 - 5e-4), point(0.9, 1e6))).toBe(false);
    expect(isBetter(goal, point(0.9, 1e6 - 2e-3), point(0.9, 1e6))).toBe(true);
    // b costs 0.5: margin 1e-9 · max(1, 0.5) = 1e-9, so 7e-10 cheaper is not better.
    expect(isBetter(goal, point(0.9, 0.5 - 7e-10), point(0.9, 0.5))).toBe(false);
    expect(isBetter(goal, point(0.9, 0.5 - 2e-9), point(0.9, 0.5))).toBe(true);
  });
});
