import { describe, expect, it } from "vitest";
import type { Stat } from "../../../src/sim/model/result.ts";
import { welchDifference } from "../../../src/sim/stats/welch.ts";

const stat = (mean: number, sd: number, n: number): Stat => ({ mean, sd, n, ci95: [mean, mean], p05: mean, p50: mean, p95: mean });

describe("welchDifference", () => {
  it("matches the hand-computed Welch interval", () => {
    // sA²/nA = 4/10 = 0.4, sB²/nB = 9/15 = 0.6, se = 1; df = 1 / (0.16/9 + 0.36/14) = 22.9927;
    // t(0.975, 22.9927) = 2.06870 (between t23 = 2.068658 and t22 = 2.073873).
    const d = welchDifference(stat(10, 2, 10), stat(12, 3, 15));
    expect(d.mean).toBe(2);
    expect(d.df).toBeCloseTo(22.9927, 3);
    expect(d.ci95[0]).toBeCloseTo(2 - 2.0687, 3);
    expect(d.ci95[1]).toBeCloseTo(2 + 2.0687, 3);
  });

  it("reduces to the pooled interval's degrees of freedom for equal variances and sizes", () => {
    // Equal sd and n: df = 2(n − 1) = 18, half = t(0.975, 18) · √(2·1/10) = 2.100922 · 0.447214.
    const d = welchDifference(stat(0, 1, 10), stat(1, 1, 10));
    expect(d.df).toBeCloseTo(18, 9);
    expect(d.ci95[1] - 1).toBeCloseTo(2.100922 * Math.sqrt(0.2), 5);
  });

  it("has no interval with one replication, and a point interval without spread", () => {
    expect(welchDifference(stat(1, 0, 1), stat(2, 1, 5)).ci95.every(Number.isNaN)).toBe(true);
    expect(welchDifference(stat(1, 0, 5), stat(2, 0, 5)).ci95).toEqual([1, 1]);
  });

  it("needs two replications on each side, and without spread has n_A + n_B − 2 degrees of freedom", () => {
    for (const [a, b] of [[stat(1, 1, 1), stat(2, 1, 5)], [stat(1, 1, 5), stat(2, 1, 1)]]) {
      const d = welchDifference(a, b);
      expect(d.ci95).toEqual([NaN, NaN]);
      expect(d.df).toBeNaN();
      expect(d.mean).toBe(1);
    }
    // n = 2 each, sd 1: se² = 1, df = 1 / (0.25 + 0.25) = 2, half-width t(0.975, 2)·1 = 4.302653.
    const two = welchDifference(stat(0, 1, 2), stat(0, 1, 2));
    expect(two.df).toBeCloseTo(2, 12);
    expect(two.ci95[1]).toBeCloseTo(4.302653, 6);
    expect(welchDifference(stat(1, 0, 5), stat(2, 0, 3)).df).toBe(6);
  });
});
