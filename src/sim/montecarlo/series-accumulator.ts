/**
 * A worker's share of a run's per-day series: it counts every replication it simulates into
 * mergeable histograms (series-histograms.ts) and hands back each chunk's block sums for the mean
 * (series-blocks.ts), so no replication's days leave the worker. The page merges the histograms
 * once per worker at the end of the run and adds the block sums as chunks arrive.
 */
import { checkBlockStart, SERIES_BLOCK } from "./series-blocks.ts";
import { addRows, createSeriesHistograms, type SeriesHistograms } from "./series-histograms.ts";

export interface SeriesAccumulator {
  /** Counts rows from … from + n − 1 (`from` on a block boundary) and returns their block sums. */
  add(rows: Float32Array, from: number, n: number): Float64Array;
  /**
   * A buffer for `n` rows, the same one chunk after chunk (grown when a chunk is longer): the
   * engine writes a chunk's rows there (runBatch's `seriesInto`) and `add` counts them in place,
   * so a chunk's rows take no fresh memory.
   */
  rowsFor(n: number): Float32Array;
  /** Everything counted so far. */
  readonly histograms: SeriesHistograms;
}

export function createSeriesAccumulator(cells: number): SeriesAccumulator {
  const histograms = createSeriesHistograms(cells);
  let buffer = new Float32Array(0);
  return {
    histograms,
    add(rows, from, n) {
      if (rows.length !== n * cells) throw new Error(`series chunk has ${rows.length} values, expected ${n} × ${cells}`);
      checkBlockStart(from);
      // The block sums come from the same read of the rows as the counts (the arithmetic of blockSums).
      const sums = new Float64Array(Math.ceil(n / SERIES_BLOCK) * cells);
      addRows(histograms, rows, n, sums, SERIES_BLOCK);
      return sums;
    },
    rowsFor(n) {
      if (buffer.length < n * cells) buffer = new Float32Array(n * cells);
      return buffer;
    },
  };
}
