/**
 * Per-day bands (mean, p05, p50, p95 across replications) of each series cell — on hand,
 * backorders and in transit per node and day, and the network's daily fill rate (kpis.md "Time
 * series") — reduced as replications finish, never keeping every replication's days.
 *
 * - The mean is exact: a float64 sum per cell, added in replication order.
 * - Percentiles are exact while replications × cells fit the budget (32 MiB of float32 by
 *   default). Beyond it, the first `exactReplications` rows fix a per-cell fixed-bin histogram
 *   (range = their min…max, `bins` bins); later values fall into it, and a value outside the range
 *   doubles the bin width (merging neighbour bins, anchored at the far end) until it fits.
 *   A percentile then lies within one bin width of the exact one (docs/statistics.md).
 *
 * Rows must be added in replication order (see in-order.ts) for bit-identical results.
 */
import type { SeriesLayout } from "../model/batch.ts";
import type { Band, Series } from "../model/result.ts";
import { dict } from "../model/dict.ts";
import { percentileSorted } from "../stats/percentile.ts";
import type { Tick } from "./tick.ts";

export interface SeriesReducerOptions {
  /** Bytes of float32 rows kept for exact percentiles (default 32 MiB). */
  readonly exactBudgetBytes?: number;
  /** Histogram bins per cell once the budget is exceeded (default 128). */
  readonly bins?: number;
}

export interface SeriesReducer {
  /** Replications kept exactly before switching to histograms (= total when all fit). */
  readonly exactReplications: number;
  /** Adds `count` rows of `layout.cells` values, the next replications in order. */
  add(rows: Float32Array, count: number, tick: Tick): Promise<void>;
  finish(tick: Tick): Promise<Series>;
  /** The histogram bin width of a cell: the percentile error bound (0 while percentiles are exact). */
  binWidth(cell: number): number;
}

const PS = [0.05, 0.5, 0.95] as const;
const CELL_SLICE = 1024;
const BLOCK = 64;

export function createSeriesReducer(layout: SeriesLayout, total: number, options: SeriesReducerOptions = {}): SeriesReducer {
  const cells = layout.cells, bins = options.bins ?? 128;
  const budget = options.exactBudgetBytes ?? 32 * 1024 * 1024;
  const exactReplications = Math.min(total, Math.max(20, Math.floor(budget / (4 * cells))));
  const sum = new Float64Array(cells), count = new Uint32Array(cells);
  let exact: Float32Array | null = new Float32Array(exactReplications * cells);
  let hist: Histograms | null = null;
  let rows = 0;

  async function add(data: Float32Array, n: number, tick: Tick) {
    if (data.length !== n * cells) throw new Error(`series chunk has ${data.length} values, expected ${n} × ${cells}`);
    if (rows + n > total) throw new Error(`series chunk brings ${rows + n} replications, more than the run's ${total}`);
    for (let r = 0; r < n; r++, rows++) {
      const row = data.subarray(r * cells, (r + 1) * cells);
      for (let c = 0; c < cells; c++) {
        const v = row[c];
        if (v === v) { sum[c] += v; count[c]++; }
      }
      if (exact) {
        exact.set(row, rows * cells);
        if (rows + 1 === exactReplications && total > exactReplications) {
          hist = await createHistograms(exact, exactReplications, cells, bins, tick);
          exact = null;
        }
      } else if (hist) hist.add(row);
      const p = tick(); if (p) await p;
    }
  }

  async function finish(tick: Tick): Promise<Series> {
    if (rows !== total) throw new Error(`series has ${rows} of ${total} replications`);
    const mean = new Float64Array(cells), pct = PS.map(() => new Float64Array(cells));
    for (let c = 0; c < cells; c++) mean[c] = count[c] ? sum[c] / count[c] : NaN;
    if (exact) await exactPercentiles(exact, exactReplications, cells, pct, tick);
    else if (hist) {
      for (let c = 0; c < cells; c++) {
        for (let k = 0; k < PS.length; k++) pct[k][c] = hist.percentile(c, PS[k]);
        if ((c + 1) % CELL_SLICE === 0) { const p = tick(); if (p) await p; }
      }
    }
    return assemble(layout, mean, pct);
  }

  return { exactReplications, add, finish, binWidth: (c) => (hist ? hist.width(c) : 0) };
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

interface Histograms {
  add(row: Float32Array): void;
  width(cell: number): number;
  percentile(cell: number, p: number): number;
}

/** Per-cell histograms seeded from the first `n` exact rows. */
async function createHistograms(exact: Float32Array, n: number, cells: number, bins: number, tick: Tick): Promise<Histograms> {
  const lo = new Float64Array(cells), width = new Float64Array(cells);
  const min = new Float64Array(cells).fill(Infinity), max = new Float64Array(cells).fill(-Infinity);
  const counts = new Uint32Array(cells * bins), total = new Uint32Array(cells);

  // A cell whose first rows were all alike starts with a tiny width, and one far value then
  // doubles it dozens of times. The range is doubled step by step (the same arithmetic, so the
  // same bins), but the counts are merged once, 2^k bins into one: k + bins steps, not k × bins,
  // which kept a main-thread task over 50 ms when thousands of cells widened in one row.
  function widenUp(c: number, v: number) {
    let k = 0;
    while (v > lo[c] + bins * width[c]) { width[c] *= 2; k++; }
    merge(c, k, false);
  }
  function widenDown(c: number, v: number) {
    let k = 0;
    while (v < lo[c]) {
      const top = lo[c] + bins * width[c];
      width[c] *= 2;
      lo[c] = top - bins * width[c];
      k++;
    }
    merge(c, k, true);
  }
  /** The counts of cell c after k doublings: each new bin sums 2^k old ones, from the bottom (or, widening down, from the top). */
  function merge(c: number, k: number, fromTop: boolean) {
    if (k === 0) return;
    const h = counts.subarray(c * bins, (c + 1) * bins), group = k < 31 ? Math.min(bins, 2 ** k) : bins;
    for (let i = 0; i < bins; i++) {
      let sum = 0;
      if (i * group < bins) for (let j = i * group; j < (i + 1) * group && j < bins; j++) sum += fromTop ? h[bins - 1 - j] : h[j];
      scratch[i] = sum;
    }
    for (let i = 0; i < bins; i++) h[fromTop ? bins - 1 - i : i] = scratch[i];
  }
  const scratch = new Uint32Array(bins);
  function put(c: number, v: number) {
    if (v < min[c]) min[c] = v;
    if (v > max[c]) max[c] = v;
    if (v > lo[c] + bins * width[c]) widenUp(c, v);
    else if (v < lo[c]) widenDown(c, v);
    counts[c * bins + Math.min(bins - 1, Math.floor((v - lo[c]) / width[c]))]++;
    total[c]++;
  }

  // Row by row (the rows are row-major: this reads memory in order).
  for (let r = 0; r < n; r++) {
    const row = exact.subarray(r * cells, (r + 1) * cells);
    for (let c = 0; c < cells; c++) { const v = row[c]; if (v < min[c]) min[c] = v; if (v > max[c]) max[c] = v; }
    const p = tick(); if (p) await p;
  }
  for (let c = 0; c < cells; c++) {
    let a = min[c], b = max[c];
    if (a > b) { a = 0; b = 0; } // no numbers yet (fill rate on days without demand)
    lo[c] = a;
    width[c] = b > a ? (b - a) / bins : Math.max(Math.abs(a), 1) * 1e-6;
  }
  min.fill(Infinity);
  max.fill(-Infinity);
  for (let r = 0; r < n; r++) {
    const row = exact.subarray(r * cells, (r + 1) * cells);
    for (let c = 0; c < cells; c++) { const v = row[c]; if (v === v) put(c, v); }
    const p = tick(); if (p) await p;
  }

  return {
    width: (c) => width[c],
    /** The hot path: `put` inlined for values inside the cell's range. */
    add(row) {
      for (let c = 0; c < cells; c++) {
        const v = row[c];
        if (v !== v) continue;
        const l = lo[c], w = width[c];
        if (v < l || v > l + bins * w) { put(c, v); continue; }
        if (v < min[c]) min[c] = v;
        if (v > max[c]) max[c] = v;
        const b = ((v - l) / w) | 0;
        counts[c * bins + (b < bins ? b : bins - 1)]++;
        total[c]++;
      }
    },
    /** R-7 rank h = (n − 1)p read off the histogram, values spread evenly within a bin. */
    percentile(c, p) {
      const n = total[c];
      if (n === 0) return NaN;
      const target = (n - 1) * p + 0.5;
      let before = 0, b = 0;
      for (; b < bins - 1; b++) {
        const k = counts[c * bins + b];
        if (before + k >= target) break;
        before += k;
      }
      const k = counts[c * bins + b] || 1;
      const v = lo[c] + (b + (target - before) / k) * width[c];
      return Math.min(max[c], Math.max(min[c], v));
    },
  };
}
