import { describe, expect, it } from "vitest";
import { pairedDifference } from "../../../src/sim/stats/paired.ts";

describe("paired", () => {
  it("pairedDifference reports mean(B) − mean(A), the paired interval and the relative change", () => {
    const a = [10, 20, 30, 40], b = [11, 22, 31, 42];
    const d = pairedDifference(a, b);
    // differences 1, 2, 1, 2: mean 1.5, sd sqrt(1/3), t(0.975, 3) = 3.182446
    const half = (3.182446305284263 * Math.sqrt(1 / 3)) / 2;
    expect(d.diff.mean).toBe(1.5);
    expect(d.diff.ci95[0]).toBeCloseTo(1.5 - half, 8);
    expect(d.diff.ci95[1]).toBeCloseTo(1.5 + half, 8);
    expect(d.relative).toBe(1.5 / 25);
    expect(d.significant).toBe(true);
    expect(d.a.mean).toBe(25);
    expect(d.b.mean).toBe(26.5);
  });

  it("pairedDifference is not significant when the interval contains 0", () => {
    const d = pairedDifference([1, 2, 3, 4], [2, 1, 4, 3]);
    expect(d.diff.mean).toBe(0);
    expect(d.significant).toBe(false);
  });

  it("pairedDifference has relative null when mean(A) is 0", () => {
    expect(pairedDifference([0, 0], [1, 2]).relative).toBeNull();
  });

  it("pairedDifference leaves replications with a NaN side out of the interval", () => {
    const d = pairedDifference([1, NaN, 3], [2, 5, 4]);
    expect(d.diff.ci95).toEqual([1, 1]);
  });

  it("pairedDifference rejects runs of different lengths", () => {
    expect(() => pairedDifference([1], [1, 2])).toThrow(/1 values of A but 2 of B/);
  });
});
