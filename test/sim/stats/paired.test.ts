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

  it("pairedDifference never calls a difference significant when both sides agree to rounding", () => {
    const a = [0.91, 0.95, 0.88, 0.97, 0.93], tiny = [1e-16, 3e-16, 2e-16, 2e-16, 1e-16];
    const noise = pairedDifference(a, a.map((x, i) => x + tiny[i]));
    expect(noise.diff.ci95[0]).toBeGreaterThan(0);   // the interval alone excludes 0 …
    expect(noise.significant).toBe(false);           // … but the difference is rounding
    // A trough of 0 against float noise below 0: rounding for a share in 0…1 (scale 1).
    const trough = pairedDifference([0, 0, 0, 0], [-4e-17, -3e-17, -4e-17, -5e-17], 1);
    expect(trough.diff.ci95[1]).toBeLessThan(0);
    expect(trough.significant).toBe(false);
    // A real change of one part in a million still counts.
    expect(pairedDifference(a, a.map((x, i) => x * (1 + 1e-6 + tiny[i]))).significant).toBe(true);
  });

  it("pairedDifference rejects runs of different lengths", () => {
    expect(() => pairedDifference([1], [1, 2])).toThrow(/1 values of A but 2 of B/);
  });

  it("pairedDifference measures the rounding band against the larger side: 1e-9 × max |value|", () => {
    // B − A = [m + 1, m − 1, m]: sd 1, so the interval's lower end is m − t(0.975, 2)/√3, with the
    // closed form t(0.975, 2) = 0.95/√(2 · 0.975 · 0.025). Put that end 1e-9 above 0: the band is
    // 1e-9 × (m + 1) ≈ 3.5e-9 (B's largest value; A is 0), so the difference is within rounding.
    const half = 0.95 / Math.sqrt(2 * 0.975 * 0.025) / Math.sqrt(3);
    const b = (lower: number) => [half + lower + 1, half + lower - 1, half + lower];
    expect(pairedDifference([0, 0, 0], b(1e-9)).significant).toBe(false);
    expect(pairedDifference([0, 0, 0], b(5e-9)).significant).toBe(true);
  });
});
