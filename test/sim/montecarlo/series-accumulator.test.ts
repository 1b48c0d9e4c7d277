import { describe, expect, it } from "vitest";
import { createSeriesAccumulator } from "../../../src/sim/montecarlo/series-accumulator.ts";
import { blockSums, SERIES_BLOCK } from "../../../src/sim/montecarlo/series-blocks.ts";
import { addRows, createSeriesHistograms } from "../../../src/sim/montecarlo/series-histograms.ts";
import { fakeBatch, fakeLayout } from "../../helpers/fake-engine.ts";

describe("series-accumulator", () => {
  it("add counts a worker's chunks into one set of histograms and returns each chunk's block sums", () => {
    const acc = createSeriesAccumulator(fakeLayout.cells), all = createSeriesHistograms(fakeLayout.cells);
    for (const [from, to] of [[0, 2 * SERIES_BLOCK], [4 * SERIES_BLOCK, 4 * SERIES_BLOCK + 9]]) {
      const rows = fakeBatch({ from, to, series: true }).series!;
      expect(acc.add(rows, from, to - from)).toEqual(blockSums(rows, to - from, fakeLayout.cells, from));
      addRows(all, rows, to - from);
    }
    expect(acc.histograms).toEqual(all);
  });

  it("rowsFor hands out one buffer chunk after chunk, grown only for a longer chunk", () => {
    const acc = createSeriesAccumulator(fakeLayout.cells), first = acc.rowsFor(50);
    expect(first.length).toBe(50 * fakeLayout.cells);
    expect(acc.rowsFor(25)).toBe(first);
    expect(acc.rowsFor(50)).toBe(first);
    expect(acc.rowsFor(60).length).toBe(60 * fakeLayout.cells);
  });

  it("add refuses rows of the wrong size", () => {
    expect(() => createSeriesAccumulator(4).add(new Float32Array(7), 0, 2)).toThrow("series chunk has 7 values, expected 2 × 4");
  });
});
