import { describe, expect, it } from "vitest";
import { histogramBins } from "../../../src/ui/charts/histogram.ts";

describe("histogramBins", () => {
  it("counts values into bins of a nice step (0.1 for about 4 bins over 0.1…0.39) and ignores NaN", () => {
    const bins = histogramBins([0.1, 0.15, 0.22, 0.38, NaN, 0.39], 4);
    expect(bins.map((b) => [b.x0, b.x1, b.count])).toEqual([[0.1, 0.2, 2], [0.2, 0.3, 1], [0.3, 0.4, 2]]);
  });
  it("returns no bins when no value is finite", () => {
    expect(histogramBins([NaN, NaN])).toEqual([]);
  });
});
