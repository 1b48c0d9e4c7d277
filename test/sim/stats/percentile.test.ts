import { quantile } from "d3-array";
import { describe, expect, it } from "vitest";
import { percentile, percentiles, percentileSorted, sortedNumbers } from "../../../src/sim/stats/percentile.ts";

describe("percentile", () => {
  it("percentile interpolates R-7 between order statistics", () => {
    const v = [10, 1, 4, 3, 2];
    expect(percentile(v, 0)).toBe(1);
    expect(percentile(v, 0.5)).toBe(3);
    expect(percentile(v, 1)).toBe(10);
    expect(percentile(v, 0.05)).toBeCloseTo(1.2, 14); // h = 0.2
    expect(percentile(v, 0.95)).toBeCloseTo(8.8, 14); // h = 3.8: 4 + 0.8·6
  });

  it("percentile agrees with d3.quantile", () => {
    const v = Array.from({ length: 101 }, (_, i) => (i * 37) % 101 / 7);
    for (const p of [0.05, 0.5, 0.95]) expect(percentile(v, p)).toBe(quantile(v, p));
  });

  it("sortedNumbers skips NaN and sorts numerically", () => {
    expect([...sortedNumbers([10, NaN, 9, -1])]).toEqual([-1, 9, 10]);
  });

  it("percentileSorted of nothing is NaN", () => {
    expect(percentileSorted([], 0.5)).toBeNaN();
  });
});

describe("percentiles", () => {
  it("percentiles by selection equal d3.quantile on sorted data, for any order of p", () => {
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const v = Array.from({ length: n }, (_, i) => Math.round(Math.sin(i * 7.3) * 50) / 4); // many ties
      const ps = [0.95, 0.05, 0.5, 0, 1, 0.333];
      expect(percentiles(v, ps), `n ${n}`).toEqual(ps.map((p) => quantile(v, p)));
    }
  });

  it("percentiles equal d3.quantile on random data, with repeated and neighbouring p", () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [5, 64, 999]) {
      const v = Array.from({ length: n }, () => (next() < 0.1 ? NaN : Math.floor(next() * 40) / 8));
      const numbers = v.filter((x) => !Number.isNaN(x));
      const ps = [0.5, 0.05, 0.5, 0.95, 0.951, 0.001, 0.999];
      expect(percentiles(v, ps), `n ${n}`).toEqual(ps.map((p) => quantile(numbers, p)));
    }
  });

  it("percentiles skips NaN and gives NaN for no numbers", () => {
    expect(percentiles([NaN, 4, NaN, 2], [0.5])).toEqual([3]);
    expect(percentiles([NaN], [0.5, 0.9])).toEqual([NaN, NaN]);
  });
});
