import { describe, expect, it } from "vitest";
import { buildCountTable, tableCdf, tableQuantile } from "../../../../src/sim/random/dist/count-table.ts";

describe("buildCountTable", () => {
  it("builds the CDF of a geometric distribution (ratio ½) from its mode, ending at exactly 1", () => {
    const t = buildCountTable(0, Math.log(0.5), () => 0.5, 0.5)!;
    expect(t.first).toBe(0);
    expect(t.cum[t.cum.length - 1]).toBe(1);
    for (let k = 0; k < 20; k++) expect(tableCdf(t, k)).toBeCloseTo(1 - 0.5 ** (k + 1), 15);
    expect([tableQuantile(t, 0.5), tableQuantile(t, 0.51), tableQuantile(t, 0.75), tableQuantile(t, 0.76)]).toEqual([0, 1, 1, 2]);
  });

  it("starts below the mode where the lower tail is negligible (Poisson(10,000) starts near 9,300)", () => {
    const mu = 10000, mode = 10000;
    let lf = 0;
    for (let i = 2; i <= mode; i++) lf += Math.log(i);
    const t = buildCountTable(mode, -mu + mode * Math.log(mu) - lf, (k) => mu / (k + 1), 0)!;
    expect(t.first).toBeGreaterThan(9000);
    expect(t.first).toBeLessThan(9400);
    expect(tableQuantile(t, 0.5)).toBe(10000);
    expect(tableCdf(t, 0)).toBe(0);
  });
});
