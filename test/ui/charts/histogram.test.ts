import { describe, expect, it } from "vitest";
import { histogramBins, suggestedBinCount } from "../../../src/ui/charts/histogram.ts";

const rows = (bins: ReturnType<typeof histogramBins>) => bins.map((b) => [b.x0, b.x1, b.count]);

describe("histogramBins", () => {
  it("counts values into bins of a nice step (0.1 for about 4 bins over 0.1…0.39) and ignores NaN and null", () => {
    expect(rows(histogramBins([0.1, 0.15, 0.22, 0.38, NaN, 0.39, null], 4))).toEqual([[0.1, 0.2, 2], [0.2, 0.3, 1], [0.3, 0.4, 2]]);
  });

  it("keeps a maximum on a boundary in the last bin (a fill rate of exactly 100%)", () => {
    expect(rows(histogramBins([0.8, 0.85, 0.9, 1, 1, 1], 4))).toEqual([[0.8, 0.85, 1], [0.85, 0.9, 1], [0.9, 0.95, 1], [0.95, 1, 3]]);
  });

  it("puts a value on an inner boundary in the bin that starts there", () => {
    expect(rows(histogramBins([0, 5, 10], 2))).toEqual([[0, 5, 1], [5, 10, 2]]);
  });

  it("counts every finite value exactly once", () => {
    const values = Array.from({ length: 500 }, (_, i) => 100 + ((i * 7919) % 613) / 3.7);
    const bins = histogramBins(values, 15);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(500);
    expect(bins[0].x0).toBeLessThanOrEqual(Math.min(...values));
    expect(bins.at(-1)!.x1).toBeGreaterThanOrEqual(Math.max(...values));
    for (let i = 1; i < bins.length; i++) expect(bins[i].x0).toBe(bins[i - 1].x1);
  });

  it("returns one zero-width bin when every value is the same", () => {
    expect(rows(histogramBins([1, 1, NaN, 1]))).toEqual([[1, 1, 3]]);
  });

  it("returns no bins when no value is finite", () => {
    expect(histogramBins([NaN, NaN])).toEqual([]);
    expect(histogramBins([])).toEqual([]);
  });
});

describe("suggestedBinCount", () => {
  it("is about √n, at least 5 and at most 40", () => {
    expect([1, 40, 200, 1000, 10000].map(suggestedBinCount)).toEqual([5, 7, 15, 32, 40]);
  });
});
