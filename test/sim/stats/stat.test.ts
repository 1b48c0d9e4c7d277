import { describe, expect, it } from "vitest";
import { accumulateAll, createAccumulator } from "../../../src/sim/stats/accumulator.ts";
import { confidenceInterval95, statFrom, summarize } from "../../../src/sim/stats/stat.ts";

describe("stat", () => {
  it("summarize gives mean, sd, t interval, percentiles and n of [1, 2, 3, 4]", () => {
    const s = summarize([1, 2, 3, 4]);
    const sd = Math.sqrt(5 / 3), half = (3.182446305284263 * sd) / 2;
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(sd, 14);
    expect(s.ci95[0]).toBeCloseTo(2.5 - half, 8);
    expect(s.ci95[1]).toBeCloseTo(2.5 + half, 8);
    expect(s.p05).toBeCloseTo(1.15, 14);
    expect(s.p50).toBe(2.5);
    expect(s.p95).toBeCloseTo(3.85, 14);
    expect(s.n).toBe(4);
  });

  it("summarize of one value has sd 0 and the interval [mean, mean]", () => {
    expect(summarize([7])).toEqual({ mean: 7, sd: 0, ci95: [7, 7], p05: 7, p50: 7, p95: 7, n: 1 });
  });

  it("summarize skips NaN and n counts the others", () => {
    const s = summarize([NaN, 1, 3, NaN]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
  });

  it("summarize of only NaN has n 0 and NaN figures", () => {
    const s = summarize([NaN]);
    expect(s.n).toBe(0);
    expect(s.mean).toBeNaN();
    expect(s.p50).toBeNaN();
  });

  it("statFrom gives the figures of summarize from an accumulator and sorted values", () => {
    const values = [4, 1, 3, 2], acc = accumulateAll(createAccumulator(), values);
    expect(statFrom(acc, [1, 2, 3, 4])).toEqual(summarize(values));
    expect(statFrom(createAccumulator(), [])).toEqual({ mean: NaN, sd: NaN, ci95: [NaN, NaN], p05: NaN, p50: NaN, p95: NaN, n: 0 });
  });

  it("confidenceInterval95 of no values is [NaN, NaN]", () => {
    expect(confidenceInterval95(createAccumulator())).toEqual([NaN, NaN]);
  });
});
