import { describe, expect, it } from "vitest";
import { addRows, binWidth, createSeriesHistograms, histogramPercentile, mergeHistograms } from "../../../src/sim/montecarlo/series-histograms.ts";

/** One cell of `bins` bins holding `values`, counted in one chunk. */
function cell(values: number[], bins: number) {
  const h = createSeriesHistograms(1, bins);
  addRows(h, Float32Array.from(values), values.length);
  return h;
}

describe("series-histograms at its limits", () => {
  it("an infinite value stops the bin width at 2^1023, the largest finite power of two", () => {
    const h = cell([0, Infinity], 4);
    expect(h.exponent[0]).toBe(1023);
    expect(binWidth(h, 0)).toBe(2 ** 1023);
    expect(h.total[0]).toBe(2);
  });

  it("refuses a chunk whose length is not rows × cells, and histograms of other shapes", () => {
    expect(() => addRows(createSeriesHistograms(3, 4), new Float32Array(7), 2)).toThrow("series chunk has 7 values, expected 2 × 3");
    expect(() => mergeHistograms(createSeriesHistograms(3, 4), createSeriesHistograms(2, 4))).toThrow(/2 cells × 4 bins cannot merge into 3 × 4/);
    expect(() => mergeHistograms(createSeriesHistograms(3, 4), createSeriesHistograms(3, 8))).toThrow(/3 cells × 8 bins cannot merge into 3 × 4/);
  });

  it("merging a cell whose values are all alike at the new max counts them all at the max", () => {
    // {0} and {5, 5}: together 0 once at the min and 5 twice at the max.
    const into = cell([0], 4);
    mergeHistograms(into, cell([5, 5], 4));
    expect([into.total[0], into.min[0], into.max[0], into.atMin[0], into.atMax[0]]).toEqual([3, 0, 5, 1, 2]);
  });

  it("a rank among the values at the max is the max, even when the top bin holds nothing else", () => {
    // 4 bins of width 1 from 0 (3.75 needs width 1: at ½ it would span 8 bins); n = 2, one value at
    // each end. p95: rank (n − 1)·0.95 + ½ = 1.45 > n − atMax = 1, so the max itself.
    const h = cell([0, 3.75], 4);
    expect(h.exponent[0]).toBe(0);
    expect(histogramPercentile(h, 0, 0.95)).toBe(3.75);
    // p50: rank 1 = atMin, the min.
    expect(histogramPercentile(h, 0, 0.5)).toBe(0);
  });

  it("values inside the top bin are spread across it without the max's, on a grid not starting at 0", () => {
    // Width 1 (at ½, 8 … 11.5 spans 16 … 23: 8 bins), bins 8 … 11, the top bin 11 holding 11.125,
    // 11.25, 11.375 and the max 11.5. p25: rank 4·0.25 + ½ = 1.5; one value (the min) before it,
    // so 0.5 of the 3 inner values of bin 11: 11 + 0.5 / 3.
    const h = cell([8, 11.125, 11.25, 11.375, 11.5], 4);
    expect([h.exponent[0], h.origin[0]]).toEqual([0, 8]);
    expect(histogramPercentile(h, 0, 0.25)).toBe(11 + 0.5 / 3);
  });
});
