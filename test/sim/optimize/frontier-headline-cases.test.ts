// interpolateAt and pairedSaving (src/sim/optimize/frontier-headline.ts) on hand-made points:
// fill rates and values are dyadic fractions, so every weight and mixed value is exact.
// What is pinned: the bracket a.f < F ≤ b.f (F exactly at the upper point reads that pair with
// weight 1), F exactly at a point's fill rate with nothing below it, the last point, points
// whose mean fill rate is not a number left out, and the paired differences over every replication.
import { describe, expect, it } from "vitest";
import { interpolateAt, pairedSaving } from "../../../src/sim/optimize/frontier-headline.ts";

/** A point: its fill rate and inventory value per replication; holding cost is an eighth of the value. */
const point = (fill: number[], value: number[]) => ({
  fillRate: Float64Array.from(fill), onHandValue: Float64Array.from(value), holdingCost: Float64Array.from(value.map((v) => v / 8)),
});

describe("interpolateAt: which two points", () => {
  it("reads F exactly at the upper point's fill rate between that point and the one below, weight 1", () => {
    // Fill rates 0.5 and 0.75 (the upper given first). F = 0.75: 0.5 < F ≤ 0.75, so the pair
    // (index 1, index 0) with w = (0.75 − 0.5)/(0.75 − 0.5) = 1: values (1 − 1)·a + 1·b = b.
    const curve = [point([0.75, 0.75], [300, 340]), point([0.5, 0.5], [100, 120])];
    const at = interpolateAt(curve, 0.75)!;
    expect(at.between).toEqual([1, 0]);
    expect(at.weight).toBe(1);
    expect([...at.onHandValue]).toEqual([300, 340]);
    expect([...at.holdingCost]).toEqual([37.5, 42.5]);
  });

  it("reads F exactly at the lowest point's fill rate at that point alone, weight 0", () => {
    const curve = [point([0.75, 0.75], [300, 340]), point([0.5, 0.5], [100, 120])];
    const at = interpolateAt(curve, 0.5)!;
    expect(at.between).toEqual([1, 1]);
    expect(at.weight).toBe(0);
    expect([...at.onHandValue]).toEqual([100, 120]);
  });

  it("between two points: w = (F − f_a)/(f_b − f_a), replication by replication", () => {
    // F = 0.625, halfway between 0.5 and 0.75: w = 0.5, values (100 + 300)/2 = 200, (120 + 340)/2 = 230.
    const curve = [point([0.5, 0.5], [100, 120]), point([0.75, 0.75], [300, 340])];
    const at = interpolateAt(curve, 0.625)!;
    expect(at.between).toEqual([0, 1]);
    expect(at.weight).toBe(0.5);
    expect([...at.onHandValue]).toEqual([200, 230]);
    expect([...at.holdingCost]).toEqual([25, 28.75]);
  });

  it("a single point: read at its own fill rate, null above or below (never extrapolated)", () => {
    const curve = [point([0.5, 0.5], [100, 120])];
    expect(interpolateAt(curve, 0.5)!.between).toEqual([0, 0]);
    expect(interpolateAt(curve, 0.5 + 2 ** -20)).toBeNull();
    expect(interpolateAt(curve, 0.5 - 2 ** -20)).toBeNull();
  });

  it("above the last point's fill rate: null", () => {
    const curve = [point([0.5, 0.5], [100, 120]), point([0.75, 0.75], [300, 340])];
    expect(interpolateAt(curve, 0.75 + 2 ** -20)).toBeNull();
  });

  it("leaves out a point whose mean fill rate is not a number (every replication NaN)", () => {
    // The NaN point sits between the two others in the list: left out, 0.5 and 0.75 bracket 0.625.
    const curve = [point([0.5, 0.5], [100, 120]), point([NaN, NaN], [999, 999]), point([0.75, 0.75], [300, 340])];
    const at = interpolateAt(curve, 0.625)!;
    expect(at.between).toEqual([0, 2]);
    expect([...at.onHandValue]).toEqual([200, 230]);
  });

  it("a NaN replication is left out of its point's mean fill rate, not the point", () => {
    // Point 1's mean over its numbers is 0.75: it brackets 0.625 with point 0.
    const curve = [point([0.5, 0.5], [100, 120]), point([NaN, 0.75], [300, 340])];
    expect(interpolateAt(curve, 0.625)!.between).toEqual([0, 1]);
  });
});

describe("pairedSaving", () => {
  it("is the mean and Student-t interval of from − to over every replication, relative to from's mean", () => {
    // Differences 1, 2, 3, 6: mean 3, sample variance (4 + 1 + 0 + 9)/3 = 14/3; t(0.975, 3) =
    // 3.182446305284263 (the module computes t to about 1e-12), half-width t·√(14/3)/√4.
    // Relative: 3 / mean(from) = 3 / 25.
    const from = Float64Array.from([10, 20, 30, 40]), to = Float64Array.from([9, 18, 27, 34]);
    const s = pairedSaving(from, to);
    const half = (3.182446305284263 * Math.sqrt(14 / 3)) / 2;
    expect(s.mean).toBe(3);
    expect(s.ci95[0]).toBeCloseTo(3 - half, 9);
    expect(s.ci95[1]).toBeCloseTo(3 + half, 9);
    expect(s.relative).toBe(3 / 25);
  });

  it("a single replication: the difference itself, its interval a point", () => {
    const s = pairedSaving(Float64Array.of(8), Float64Array.of(6));
    expect(s).toEqual({ mean: 2, ci95: [2, 2], relative: 0.25 });
  });
});
