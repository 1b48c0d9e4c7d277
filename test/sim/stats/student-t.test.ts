import { describe, expect, it } from "vitest";
import { incompleteBeta, tCdf, tQuantile } from "../../../src/sim/stats/student-t.ts";

describe("student-t", () => {
  it("tQuantile(0.975, df) matches the published table (3 decimals)", () => {
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [9, 2.262], [10, 2.228], [20, 2.086], [30, 2.042], [60, 2.0], [120, 1.98]];
    for (const [df, t] of table) expect(Math.abs(tQuantile(0.975, df) - t), `df ${df}`).toBeLessThan(0.0005);
  });

  it("tQuantile(0.975, df) tends to the normal 1.960 as df grows", () => {
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
  });

  it("tQuantile agrees with closed forms for df 1 and 2 and inverts tCdf for other df", () => {
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      expect(tQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(tQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
      for (const df of [3, 4, 7, 29, 1000]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
  });

  it("tQuantile is antisymmetric and rejects p outside (0, 1)", () => {
    expect(tQuantile(0.025, 9)).toBe(-tQuantile(0.975, 9));
    expect(tQuantile(0.5, 9)).toBe(0);
    expect(tQuantile(1, 9)).toBeNaN();
    expect(tQuantile(0.9, 0)).toBeNaN();
  });

  it("tCdf for df 4 matches its closed form 1/2 + t(6 + t²)/(2(4 + t²)^{3/2})", () => {
    for (const t of [-3, -0.5, 0, 0.7, 2.776, 10]) expect(tCdf(t, 4)).toBeCloseTo(0.5 + (t * (6 + t * t)) / (2 * (4 + t * t) ** 1.5), 12);
  });

  it("incompleteBeta(x, 1, 1) is x and I_x(a, b) = 1 − I_{1−x}(b, a)", () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.2, 2.5, 4)).toBeCloseTo(1 - incompleteBeta(0.8, 4, 2.5), 14);
  });
});
