/**
 * Per-day bands (mean, p05, p50, p95 across replications) of each series cell — on hand,
 * backorders and in transit per node and day, and the network's daily fill rate (kpis.md "Time
 * series") — reduced as replications finish, never keeping every replication's days.
 *
 * Two modes, chosen from the run's size alone (never from the worker count or chunking):
 * - **Exact**, while replications × cells fit the budget (32 MiB of float32 by default): rows are
 *   kept, the mean is a float64 sum in replication order and percentiles are exact (R-7).
 * - **Merged**, beyond it: per-cell histograms on a power-of-two grid (series-histograms.ts) that
 *   merge exactly, and a mean from block sums (series-blocks.ts). Workers count their own
 *   replications (series-accumulator.ts) and one of them merges the others' histograms and reads
 *   the percentiles off them, so the page only adds block sums (`addBlockSums`) and takes the
 *   percentiles (`setBands`); `add` takes raw rows in this mode too (`echelon merge`), counted
 *   here with the same arithmetic. A percentile lies within one bin width of
 *   the exact one (docs/statistics.md).
 *
 * Rows and block sums must be added in replication order (see in-order.ts).
 */
import type { SeriesLayout } from "../model/batch.ts";
import type { Band, Series } from "../model/result.ts";
import { dict } from "../model/dict.ts";
import { percentileSorted } from "../stats/percentile.ts";
import { SERIES_BLOCK } from "./series-blocks.ts";
import { addRows, binWidth, createSeriesHistograms, histogramBands, SERIES_BINS, type HistogramBands, type SeriesHistograms } from "./series-histograms.ts";
import type { Tick } from "./tick.ts";

export interface SeriesReducerOptions {
  /** Bytes of float32 rows kept for exact percentiles (default 32 MiB). */
  readonly exactBudgetBytes?: number;
  /** Histogram bins per cell in merged mode (default SERIES_BINS); workers use the default. */
  readonly bins?: number;
}

export interface SeriesReducer {
  /** Whether the run's rows are kept for exact percentiles (else they are merged as histograms). */
  readonly exact: boolean;
  /** Adds `count` rows of `layout.cells` values, the next replications in order. */
  add(rows: Float32Array, count: number, tick: Tick): Promise<void>;
  /** Merged mode: the block sums of the next `count` replications in order, counted by a worker. */
  addBlockSums(sums: Float64Array, count: number): void;
  /** Merged mode: the percentiles and counts of every replication's histograms, merged by a worker. */
  setBands(bands: HistogramBands): void;
  finish(tick: Tick): Promise<Series>;
  /** The histogram bin width of a cell: the percentile error bound (0 while percentiles are exact; NaN when the workers counted). */
  binWidth(cell: number): number;
}

const PS = [0.05, 0.5, 0.95] as const;
const BLOCK = 64;
/** Runs this short keep their rows whatever their cells (at most 20 MB at the cell limit). */
const MIN_EXACT_REPLICATIONS = 20;

/** Whether a run of `total` replications keeps its series rows for exact percentiles within `budgetBytes`. */
export const seriesExact = (cells: number, total: number, budgetBytes = 32 * 1024 * 1024): boolean =>
  total <= Math.max(MIN_EXACT_REPLICATIONS, Math.floor(budgetBytes / (4 * cells)));

export function createSeriesReducer(layout: SeriesLayout, total: number, options: SeriesReducerOptions = {}): SeriesReducer {
  const cells = layout.cells, exact = seriesExact(cells, total, options.exactBudgetBytes);
  const sum = new Float64Array(cells), count = new Uint32Array(cells);
  const rowsKept = exact ? new Float32Array(total * cells) : null;
  // Counted here only when rows arrive here (`echelon merge`); a run's workers count their own.
  let hist: SeriesHistograms | null = null;
  const block = exact ? null : new Float64Array(cells);
  let rows = 0;

  const checkCount = (n: number) => {
    if (rows + n > total) throw new Error(`series chunk brings ${rows + n} replications, more than the run's ${total}`);
  };
  async function add(data: Float32Array, n: number, tick: Tick) {
    if (data.length !== n * cells) throw new Error(`series chunk has ${data.length} values, expected ${n} × ${cells}`);
    checkCount(n);
    for (let r = 0; r < n; r++, rows++) {
      const row = data.subarray(r * cells, (r + 1) * cells);
      if (rowsKept) {
        for (let c = 0; c < cells; c++) { const v = row[c]; if (v === v) { sum[c] += v; count[c]++; } }
        rowsKept.set(row, rows * cells);
      } else {
        // The arithmetic of blockSums: a block's rows summed from zero, then added to the total.
        for (let c = 0; c < cells; c++) { const v = row[c]; if (v === v) block![c] += v; }
        if ((rows + 1) % SERIES_BLOCK === 0 || rows + 1 === total) { for (let c = 0; c < cells; c++) sum[c] += block![c]; block!.fill(0); }
      }
      const p = tick(); if (p) await p;
    }
    if (!rowsKept) addRows((hist ??= createSeriesHistograms(cells, options.bins ?? SERIES_BINS)), data, n);
  }

  function addBlockSums(sums: Float64Array, n: number) {
    if (exact) throw new Error("block sums are for runs whose series are merged as histograms");
    if (rows % SERIES_BLOCK !== 0) throw new Error(`block sums must start on a block of ${SERIES_BLOCK} replications, not at ${rows}`);
    checkCount(n);
    const blocks = Math.ceil(n / SERIES_BLOCK);
    if (sums.length !== blocks * cells) throw new Error(`series block sums have ${sums.length} values, expected ${blocks} × ${cells}`);
    for (let b = 0; b < blocks; b++) for (let c = 0, base = b * cells; c < cells; c++) sum[c] += sums[base + c];
    rows += n;
  }

  let given: HistogramBands | null = null;
  function setBands(bands: HistogramBands) {
    if (exact) throw new Error("percentiles from histograms are for runs whose series are merged, not kept exactly");
    if (bands.total.length !== cells) throw new Error(`series bands have ${bands.total.length} cells, expected ${cells}`);
    given = bands;
  }

  async function finish(tick: Tick): Promise<Series> {
    if (rows !== total) throw new Error(`series has ${rows} of ${total} replications`);
    if (!rowsKept) {
      // Rows added here were counted here; chunks counted on the workers bring their bands.
      const b = given ?? histogramBands(hist ?? createSeriesHistograms(cells, options.bins ?? SERIES_BINS));
      return assemble(layout, meanOf(b.total), [b.p05, b.p50, b.p95]);
    }
    const pct = PS.map(() => new Float64Array(cells));
    await exactPercentiles(rowsKept, total, cells, pct, tick);
    const mean = meanOf(count);
    return assemble(layout, mean, pct);
  }
  function meanOf(counted: Uint32Array): Float64Array {
    const mean = new Float64Array(cells);
    for (let c = 0; c < cells; c++) mean[c] = counted[c] ? sum[c] / counted[c] : NaN;
    return mean;
  }

  return { exact, add, addBlockSums, setBands, finish, binWidth: (c) => (exact ? 0 : hist ? binWidth(hist, c) : NaN) };
}

/**
 * R-7 percentiles of every cell over row-major rows. Cells are read in blocks of BLOCK
 * neighbours, so each row contributes whole cache lines rather than one value per line.
 */
async function exactPercentiles(exact: Float32Array, n: number, cells: number, pct: Float64Array[], tick: Tick) {
  const cols = new Float64Array(BLOCK * n), m = new Int32Array(BLOCK);
  for (let c0 = 0; c0 < cells; c0 += BLOCK) {
    const width = Math.min(BLOCK, cells - c0);
    m.fill(0);
    for (let r = 0; r < n; r++) {
      const base = r * cells + c0;
      for (let k = 0; k < width; k++) { const v = exact[base + k]; if (v === v) cols[k * n + m[k]++] = v; }
    }
    for (let k = 0; k < width; k++) {
      const sorted = cols.subarray(k * n, k * n + m[k]).sort();
      for (let j = 0; j < PS.length; j++) pct[j][c0 + k] = percentileSorted(sorted, PS[j]);
    }
    const p = tick(); if (p) await p;
  }
}

function assemble(layout: SeriesLayout, mean: Float64Array, [p05, p50, p95]: Float64Array[]): Series {
  const T = layout.horizon;
  const band = (offset: number): Band => ({
    mean: Array.from(mean.subarray(offset, offset + T)),
    p05: Array.from(p05.subarray(offset, offset + T)),
    p50: Array.from(p50.subarray(offset, offset + T)),
    p95: Array.from(p95.subarray(offset, offset + T)),
  });
  const N = layout.nodes.length;
  const nodes = dict<Series["nodes"][string]>();
  layout.nodes.forEach((id, n) => {
    nodes[id] = { onHand: band(n * T), backorders: band((N + n) * T), inTransit: band((2 * N + n) * T) };
  });
  return { firstDay: 0, nodes, network: { fillRate: band(3 * N * T) } };
}
