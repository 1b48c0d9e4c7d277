import { describe, expect, it } from "vitest";
import type { Goal, Point, Probe } from "../../../src/sim/optimize/probe.ts";
import { scaleStart } from "../../../src/sim/optimize/search-starts.ts";

const est = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });

/**
 * A probe on one stage whose fill rate and cost are functions of its level alone, recording the
 * levels it is asked for (so the test sees which factors the search tried).
 */
function fakeProbe(fill: (level: number) => number, cost: (level: number) => number) {
  const asked: number[] = [];
  const probe = (async (levels: Float64Array): Promise<Point> => {
    const x = levels[0];
    asked.push(x);
    return {
      levels: Float64Array.from(levels),
      estimate: { fillRate: est(fill(x)), holdingCost: est(cost(x)), totalCost: est(cost(x)), onHandValue: est(cost(x)) },
    } as unknown as Point;
  }) as unknown as Probe;
  return { probe, asked };
}

const target = (targetFill: number): Goal => ({ objective: "target-fill", targetFill, minimize: "holding-cost", targetAt: "mean" } as Goal);
const totalCost = { objective: "total-cost", targetFill: 0, minimize: "holding-cost", targetAt: "mean" } as Goal;
const one = Float64Array.of(1);

describe("scaleStart, the least factor that reaches the target fill", () => {
  it("returns k = 0 when the placement without safety stock already reaches the target", async () => {
    // Fill 1 at every level: k = 1 is feasible, then k = 0 is tried and is feasible too, so the
    // least factor is 0 with no bisection (probes at 1 and 0 only).
    const { probe, asked } = fakeProbe(() => 1, (x) => x);
    const r = await scaleStart(probe, target(0.9), Float64Array.of(0), one);
    expect(r.safetyFactor).toBe(0);
    expect(asked).toEqual([1, 0]);
  });

  it("doubles from 1 to 2, then bisects [1, 2] six times", async () => {
    // Feasible from level 1.71 on. k = 1 fails, k = 2 reaches it (2·1 = 2, not the cap 8), then
    // six bisections of [1, 2] end at the least multiple of 1/64 above 1.71: 1 + ⌈0.71·64⌉/64 = 1 + 46/64.
    const { probe, asked } = fakeProbe((x) => (x >= 1.71 ? 1 : 0), (x) => x);
    const r = await scaleStart(probe, target(0.9), Float64Array.of(0), one);
    expect(r.safetyFactor).toBe(1 + 46 / 64);
    expect(asked).toEqual([1, 2, 1.5, 1.75, 1.625, 1.6875, 1.71875, 1.703125]);
  });

  it("stops at the largest factor, 8, when no factor reaches the target, without bisecting", async () => {
    // Doubling 1, 2, 4, 8 all fail; 8 is the cap, so the search returns k = 8 at once.
    const { probe, asked } = fakeProbe(() => 0, (x) => x);
    const r = await scaleStart(probe, target(0.9), Float64Array.of(0), one);
    expect(r.safetyFactor).toBe(8);
    expect(asked).toEqual([1, 2, 4, 8]);
  });
});

describe("scaleStart, the factor of least total cost (compass search from 1)", () => {
  it("keeps its step after a move and walks up to the minimum at k = 2", async () => {
    // Cost |level − 2|, level = k. Step 1/2: 1.5 is better (move, step kept), then 2 is better;
    // from 2 nothing is better at any step down to 1/32, so k = 2.
    const { probe } = fakeProbe(() => 1, (x) => Math.abs(x - 2));
    const r = await scaleStart(probe, totalCost, Float64Array.of(0), one);
    expect(r.safetyFactor).toBe(2);
  });

  it("tries the last step, 1/32", async () => {
    // Cost |level − (1 + 1/32)|: from k = 1, steps 1/2 … 1/16 find nothing strictly better
    // (1 ± 1/16 costs 1/32 on the + side, equal to k = 1's), step 1/32 reaches 1 + 1/32 exactly.
    const { probe } = fakeProbe(() => 1, (x) => Math.abs(x - (1 + 1 / 32)));
    const r = await scaleStart(probe, totalCost, Float64Array.of(0), one);
    expect(r.safetyFactor).toBe(1 + 1 / 32);
  });

  it("never tries a negative factor, and may end at k = 0", async () => {
    // Base level 5, safety 1, cost = level: lower k is always cheaper. From 1: 0.5, then 0; below
    // 0 nothing may be tried (k ≥ 0), so the search ends at k = 0 (level 5), and no level under 5 is probed.
    const { probe, asked } = fakeProbe(() => 1, (x) => x);
    const r = await scaleStart(probe, totalCost, Float64Array.of(5), one);
    expect(r.safetyFactor).toBe(0);
    expect(Math.min(...asked)).toBe(5);
  });
});
