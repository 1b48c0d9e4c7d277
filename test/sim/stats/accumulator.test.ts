import { describe, expect, it } from "vitest";
import { accumulate, accumulateAll, createAccumulator, mergeAccumulators, standardDeviation, variance } from "../../../src/sim/stats/accumulator.ts";

describe("accumulator", () => {
  it("accumulate gives the mean and sample variance of [2, 4, 4, 4, 5, 5, 7, 9]", () => {
    const acc = accumulateAll(createAccumulator(), [2, 4, 4, 4, 5, 5, 7, 9]);
    expect(acc.n).toBe(8);
    expect(acc.mean).toBe(5);
    expect(acc.m2).toBe(32);
    expect(variance(acc)).toBeCloseTo(32 / 7, 15);
  });

  it("accumulate skips NaN and counts only numbers", () => {
    const acc = accumulateAll(createAccumulator(), [1, NaN, 3]);
    expect(acc).toEqual({ n: 2, mean: 2, m2: 2 });
  });

  it("variance and standardDeviation are 0 for fewer than two values", () => {
    expect(variance(createAccumulator())).toBe(0);
    expect(standardDeviation(accumulate(createAccumulator(), 7))).toBe(0);
  });

  it("mergeAccumulators of the parts equals one accumulator over all values", () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 10);
    const whole = accumulateAll(createAccumulator(), values);
    for (const cut of [1, 10, 333, 999]) {
      const merged = mergeAccumulators(accumulateAll(createAccumulator(), values.slice(0, cut)), accumulateAll(createAccumulator(), values.slice(cut)));
      expect(merged.n).toBe(whole.n);
      expect(merged.mean).toBeCloseTo(whole.mean, 12);
      expect(merged.m2 / whole.m2).toBeCloseTo(1, 12);
    }
  });

  it("mergeAccumulators with an empty side returns the other", () => {
    const a = accumulateAll(createAccumulator(), [1, 2]);
    expect(mergeAccumulators(createAccumulator(), a)).toEqual(a);
    expect(mergeAccumulators(accumulateAll(createAccumulator(), [1, 2]), createAccumulator())).toEqual(a);
  });

  it("mergeAccumulators with an empty side copies the other exactly, and two empty sides stay empty", () => {
    // (0.1 · 3) / 3 is 0.10000000000000002 in floating point: Chan's formula on an empty side would not be exact.
    const b = accumulateAll(createAccumulator(), [0.1, 0.1, 0.1]);
    expect(mergeAccumulators(createAccumulator(), { ...b }).mean).toBe(0.1);
    expect(mergeAccumulators({ ...b }, createAccumulator()).mean).toBe(0.1);
    expect(mergeAccumulators(createAccumulator(), createAccumulator())).toEqual({ n: 0, mean: 0, m2: 0 });
  });

  it("variance divides by n − 1 from two values on", () => {
    expect(variance(accumulateAll(createAccumulator(), [1, 3]))).toBe(2);
  });
});
