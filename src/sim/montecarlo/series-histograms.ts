/**
 * Per-cell histograms of per-day series values that merge exactly, so each worker can count its
 * own replications and the page only adds the counts up (docs/statistics.md, "Time series bands").
 *
 * A cell's bins sit on a fixed grid: width 2^e, bin j holding [j·2^e, (j + 1)·2^e), with e the
 * smallest exponent (≥ MIN_EXPONENT) at which the cell's min … max fits in `bins` bins, and the
 * first bin the one holding the min. Coarsening from e to e + k maps grid bin j to ⌊j / 2^k⌋ exactly
 * (scaling by a power of two is exact in floating point), so the histogram of a set of values
 * depends only on the set: counting them in any order, on any number of workers, and merging the
 * results gives the same bins, counts, min and max, bit for bit.
 */
export interface SeriesHistograms {
  readonly cells: number;
  readonly bins: number;
  /** Per cell: bin width exponent e (width 2^e); MIN_EXPONENT while the cell is empty. */
  readonly exponent: Float64Array;
  /** Per cell: grid index of bin 0, ⌊min / 2^e⌋. */
  readonly origin: Float64Array;
  /** cells × bins counts, cell-major. */
  readonly counts: Uint32Array;
  /** Per cell: values counted (NaN is skipped). */
  readonly total: Uint32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /**
   * Per cell: values exactly at the min, and exactly at the max (all in `atMin` when min = max).
   * Series sit on such floors and ceilings (no backorders, an empty shelf, a 100% fill rate), and
   * a percentile among them is that value exactly, not a point spread across its bin.
   */
  readonly atMin: Uint32Array;
  readonly atMax: Uint32Array;
}

/** Bins per cell: 512 bytes of counts per cell (15 MB for the retail network). */
export const SERIES_BINS = 128;
/** The finest bin width, 2^−20: a cell whose values are all alike. */
export const MIN_EXPONENT = -20;
const MAX_EXPONENT = 1023;
/** 2^−e for every exponent a cell can have: a cell's grid read per chunk costs a load, not Math.pow. */
const INVERSE_WIDTHS = Float64Array.from({ length: MAX_EXPONENT - MIN_EXPONENT + 1 }, (_, i) => 2 ** -(i + MIN_EXPONENT));
const inverseWidth = (e: number): number => INVERSE_WIDTHS[e - MIN_EXPONENT];

export function createSeriesHistograms(cells: number, bins = SERIES_BINS): SeriesHistograms {
  return {
    cells, bins,
    exponent: new Float64Array(cells).fill(MIN_EXPONENT), origin: new Float64Array(cells),
    counts: new Uint32Array(cells * bins), total: new Uint32Array(cells),
    min: new Float64Array(cells).fill(Infinity), max: new Float64Array(cells).fill(-Infinity),
    atMin: new Uint32Array(cells), atMax: new Uint32Array(cells),
  };
}

/** The smallest exponent ≥ `from` at which lo … hi spans at most `bins` grid bins. */
function fitExponent(lo: number, hi: number, bins: number, from: number): number {
  let e = from;
  // (Bounded: an infinite value would never fit.)
  while (Math.floor(hi * 2 ** -e) - Math.floor(lo * 2 ** -e) > bins - 1 && e < MAX_EXPONENT) e++;
  return e;
}

/** A bin index kept inside the cell: beyond 2^53 (values near 10^10 at the finest width) the grid arithmetic rounds. */
const gridBin = (b: number, bins: number): number => (b < 0 ? 0 : b >= bins ? bins - 1 : b);

/** Moves cell c's counts onto the grid of exponent e ≥ its own, starting at grid bin `origin`. */
function regrid(h: SeriesHistograms, c: number, e: number, origin: number, scratch: Uint32Array): void {
  const bins = h.bins, base = c * bins, k = e - h.exponent[c], old = h.origin[c], scale = 2 ** -k;
  scratch.fill(0);
  for (let i = 0; i < bins; i++) {
    const n = h.counts[base + i];
    if (n) scratch[gridBin(Math.floor((old + i) * scale) - origin, bins)] += n;
  }
  h.counts.set(scratch, base);
  h.exponent[c] = e;
  h.origin[c] = origin;
}

/**
 * Cell c's counts at its min and max once its range becomes lo … hi, before the new values are
 * counted: counts at an extreme that moved no longer count, and a cell whose values were all
 * alike (all in `atMin`) keeps them at whichever end did not move.
 */
function moveExtremes(h: SeriesHistograms, c: number, lo: number, hi: number): void {
  if (h.total[c] === 0) { h.atMin[c] = 0; h.atMax[c] = 0; return; }
  const flat = h.min[c] === h.max[c], atMin = h.atMin[c], atMax = flat ? atMin : h.atMax[c];
  h.atMin[c] = lo < h.min[c] ? 0 : atMin;
  h.atMax[c] = lo === hi ? 0 : hi > h.max[c] ? 0 : atMax;
}

/** Places or widens cell c's bins so they also hold a … b (the new values' min and max). */
function widen(h: SeriesHistograms, c: number, a: number, b: number, scratch: Uint32Array): void {
  const empty = h.total[c] === 0;
  const lo = empty ? a : Math.min(h.min[c], a), hi = empty ? b : Math.max(h.max[c], b);
  const e = fitExponent(lo, hi, h.bins, empty ? MIN_EXPONENT : h.exponent[c]);
  const origin = Math.floor(lo * 2 ** -e);
  if (empty) { h.exponent[c] = e; h.origin[c] = origin; }
  else if (e !== h.exponent[c] || origin !== h.origin[c]) regrid(h, c, e, origin, scratch);
}

/**
 * Counts `n` row-major rows of `h.cells` values each and, when `sums` is given, adds each cell's
 * values (NaN skipped) in row order into `sums[⌊r / rowsPerSum⌋ · cells + c]`: a chunk's block
 * sums (series-blocks.ts) from the same read of the rows.
 *
 * Cells are counted one at a time down the rows, in memory order, after their block's rows are
 * loaded (`load`): a cell's grid, min, max and sum stay in registers and its bins in L1. An empty
 * cell first places its bins on its values' range in these rows (`placeBins`). Then most values
 * pass two comparisons and land in their bin by one multiply, subtract and truncate, or bump the
 * min or max counter (added to their bins once, at the end); a value beyond the cell's min … max —
 * rare after a cell's first chunk — widens the bins (`include`) and becomes the new min or max.
 * The result is the histogram of the set of values, whatever the order they came in.
 */
export function addRows(h: SeriesHistograms, rows: Float32Array, n: number, sums?: Float64Array, rowsPerSum = n): void {
  if (rows.length !== n * h.cells) throw new Error(`series chunk has ${rows.length} values, expected ${n} × ${h.cells}`);
  const scratch = new Uint32Array(h.bins), cells = h.cells;
  for (let c0 = 0; c0 < cells; c0 += CELL_BLOCK) {
    const c1 = Math.min(cells, c0 + CELL_BLOCK);
    loaded += load(rows, n, cells, c0, c1);
    for (let c = c0; c < c1; c++) countCell(h, c, rows, n, sums, Math.max(1, rowsPerSum), scratch);
  }
}

/**
 * Cells whose slices of the rows are loaded together before they are counted (1 KB a row, 50 KB
 * for a chunk of 50: they stay in L2). Read down one cell at a time straight from memory, every
 * value waited for its cache line, and counting took twice as long.
 */
const CELL_BLOCK = 256;
/** Where `load`'s reads go, so the compiler keeps them. */
let loaded = 0;

/** Reads one value per cache line of cells c0 … c1 − 1 in every row, row after row, as the hardware prefetcher likes. */
function load(rows: Float32Array, n: number, cells: number, c0: number, c1: number): number {
  let x = 0;
  for (let r = 0; r < n; r++) for (let i = r * cells + c0, end = r * cells + c1; i < end; i += 16) x += rows[i];
  return x;
}

/** Counts cell c down the rows, and adds its block sums; see addRows. */
function countCell(h: SeriesHistograms, c: number, rows: Float32Array, n: number, sums: Float64Array | undefined, rowsPerSum: number, scratch: Uint32Array): void {
  const cells = h.cells, counts = h.counts, base = c * h.bins, st = tally;
  if (h.total[c] === 0) placeBins(h, c, rows, n, scratch);
  let lo = h.min[c], hi = h.max[c], scale = inverseWidth(h.exponent[c]), first = h.origin[c], missing = 0;
  st[AT_LO] = 0; st[AT_HI] = 0;
  const step = rowsPerSum * cells, stop = n * cells;
  // `at`: this block's sum of cell c in `sums`.
  for (let start = c, at = c; start < stop; start += step, at += cells) {
    const end = Math.min(stop, start + step);
    st[SUM] = 0;
    for (let i = start; ;) {
      i = countRun(rows, i, end, cells, counts, base, lo, hi, scale, first, st);
      if (i >= end) break;
      // rows[i] is NaN or lies beyond the cell's min … max.
      const v = rows[i];
      i += cells;
      if (v !== v) { missing++; continue; }
      countExtremes(h, c, st[AT_LO], st[AT_HI]);
      st[AT_LO] = 0; st[AT_HI] = 0;
      include(h, c, v, scratch);
      lo = h.min[c]; hi = h.max[c]; scale = inverseWidth(h.exponent[c]); first = h.origin[c];
      // v is now the cell's min or max.
      if (v === lo) st[AT_LO] = 1; else st[AT_HI] = 1;
      st[SUM] += v;
    }
    if (sums) sums[at] += st[SUM];
  }
  countExtremes(h, c, st[AT_LO], st[AT_HI]);
  h.total[c] += n - missing;
}

/** Where countRun leaves a cell's running block sum and its counts at the min and max between calls. */
const SUM = 0, AT_LO = 1, AT_HI = 2;
const tally = new Float64Array(3);

/**
 * Counts rows[i], rows[i + step] … before `end` into the bins at `base` (min lo, max hi, grid
 * `scale` = 2^−e and `first`), adding them to the running sum in row order, until a value that is
 * NaN or beyond lo … hi; returns where it stopped (`end` when none). The loop holds no call (the
 * widening is the caller's), so the compiler keeps its counters and bounds in registers: 10–15%
 * less time a value than with the widening inside the loop (docs/benchmarks.md).
 */
function countRun(rows: Float32Array, i: number, end: number, step: number, counts: Uint32Array, base: number,
  lo: number, hi: number, scale: number, first: number, st: Float64Array): number {
  let sum = st[SUM], atLo = 0, atHi = 0;
  for (; i < end; i += step) {
    const v = rows[i];
    // Inside the bins v·2^−e − origin is exact (Sterbenz), so truncating it gives ⌊v / 2^e⌋ − origin.
    if (v > lo && v < hi) { counts[base + ((v * scale - first) | 0)]++; sum += v; }
    else if (v === lo) { atLo++; sum += v; }
    else if (v === hi) { atHi++; sum += v; }
    else break;
  }
  st[SUM] = sum; st[AT_LO] += atLo; st[AT_HI] += atHi;
  return i;
}

/** Adds values counted at cell c's min and max to their bins and to `atMin`/`atMax` (a flat cell's all at its min). */
function countExtremes(h: SeriesHistograms, c: number, atLo: number, atHi: number): void {
  const base = c * h.bins;
  h.counts[base] += atLo;  // the min's bin is bin 0
  if (atHi) h.counts[base + ((h.max[c] * inverseWidth(h.exponent[c]) - h.origin[c]) | 0)] += atHi;
  h.atMin[c] += atLo;
  h.atMax[c] += atHi;
}

/** Places an empty cell's bins on the range of its values in these rows, so its first chunk widens them once, not value by value. */
function placeBins(h: SeriesHistograms, c: number, rows: Float32Array, n: number, scratch: Uint32Array): void {
  let lo = Infinity, hi = -Infinity;
  for (let i = c, end = n * h.cells; i < end; i += h.cells) {
    const v = rows[i];
    if (v < lo) lo = v;   // NaN compares false: skipped
    if (v > hi) hi = v;
  }
  if (lo > hi) return;   // no numbers
  widen(h, c, lo, hi, scratch);
  moveExtremes(h, c, lo, hi);
  h.min[c] = lo;
  h.max[c] = hi;
}

/** Widens cell c's bins and range to hold v, beyond its min … max; counts at an extreme that moved no longer count. */
function include(h: SeriesHistograms, c: number, v: number, scratch: Uint32Array): void {
  widen(h, c, v, v, scratch);
  const lo = Math.min(h.min[c], v), hi = Math.max(h.max[c], v);
  moveExtremes(h, c, lo, hi);
  h.min[c] = lo;
  h.max[c] = hi;
}

/** Adds `from`'s counts into `into` (same cells and bins): the histograms of both sets of values together. */
export function mergeHistograms(into: SeriesHistograms, from: SeriesHistograms, firstCell = 0, endCell = into.cells): void {
  if (from.cells !== into.cells || from.bins !== into.bins) throw new Error(`series histograms of ${from.cells} cells × ${from.bins} bins cannot merge into ${into.cells} × ${into.bins}`);
  const bins = into.bins, scratch = new Uint32Array(bins);
  for (let c = firstCell; c < endCell; c++) {
    if (from.total[c] === 0) continue;
    const lo = Math.min(into.min[c], from.min[c]), hi = Math.max(into.max[c], from.max[c]);
    const e = fitExponent(lo, hi, bins, Math.max(into.total[c] ? into.exponent[c] : MIN_EXPONENT, from.exponent[c]));
    const origin = Math.floor(lo * 2 ** -e);
    if (!into.total[c]) { into.exponent[c] = e; into.origin[c] = origin; }
    else if (e !== into.exponent[c] || origin !== into.origin[c]) regrid(into, c, e, origin, scratch);
    const k = e - from.exponent[c], old = from.origin[c], base = c * bins;
    const scale = 2 ** -k;
    for (let i = 0; i < bins; i++) {
      const n = from.counts[base + i];
      if (n) into.counts[base + gridBin(Math.floor((old + i) * scale) - origin, bins)] += n;
    }
    const fromAtMax = from.min[c] === from.max[c] ? from.atMin[c] : from.atMax[c];
    moveExtremes(into, c, lo, hi);
    if (from.min[c] === lo) into.atMin[c] += from.atMin[c];
    if (lo !== hi && from.max[c] === hi) into.atMax[c] += fromAtMax;
    into.total[c] += from.total[c];
    into.min[c] = lo;
    into.max[c] = hi;
  }
}

/** Cell c's bin width, 2^e: how far a percentile read off the histogram may be from the exact one. */
export const binWidth = (h: SeriesHistograms, c: number): number => (h.total[c] ? 2 ** h.exponent[c] : 0);

/**
 * The R-7 percentile p of cell c read off its histogram: rank h = (n − 1)p + ½ located in its bin,
 * values spread evenly within the bin, clamped to the cell's exact min and max; NaN when empty.
 */
export function histogramPercentile(h: SeriesHistograms, c: number, p: number): number {
  const n = h.total[c], bins = h.bins, base = c * bins, min = h.min[c], max = h.max[c];
  if (n === 0) return NaN;
  if (min === max) return min;
  const target = (n - 1) * p + 0.5, atMin = h.atMin[c], atMax = h.atMax[c];
  if (target <= atMin) return min;
  if (target > n - atMax) return max;
  const width = 2 ** h.exponent[c], top = Math.floor(max / width) - h.origin[c];
  // Values at the min or max are not spread across their bins: they were counted above.
  const inBin = (b: number) => h.counts[base + b] - (b === 0 ? atMin : 0) - (b === top ? atMax : 0);
  let before = atMin, b = 0;
  for (; b < bins - 1; b++) {
    const k = inBin(b);
    if (before + k >= target) break;
    before += k;
  }
  const k = inBin(b) || 1;
  const v = (h.origin[c] + b + (target - before) / k) * width;
  return Math.min(max, Math.max(min, v));
}

/** What a run's merged histograms give its bands: per cell, the values counted and p05/p50/p95. */
export interface HistogramBands {
  readonly total: Uint32Array;
  readonly p05: Float64Array;
  readonly p50: Float64Array;
  readonly p95: Float64Array;
}

/** Every cell's percentiles read off `h` (a worker computes them, so the page only draws). */
export function histogramBands(h: SeriesHistograms): HistogramBands {
  const p05 = new Float64Array(h.cells), p50 = new Float64Array(h.cells), p95 = new Float64Array(h.cells);
  for (let c = 0; c < h.cells; c++) {
    p05[c] = histogramPercentile(h, c, 0.05);
    p50[c] = histogramPercentile(h, c, 0.5);
    p95[c] = histogramPercentile(h, c, 0.95);
  }
  return { total: h.total.slice(), p05, p50, p95 };
}

/** The buffers of `h`'s arrays: what moves, rather than being copied, when it crosses to another thread. */
export const histogramBuffers = (h: SeriesHistograms): ArrayBuffer[] =>
  [h.exponent, h.origin, h.counts, h.total, h.min, h.max, h.atMin, h.atMax].map((a) => a.buffer as ArrayBuffer);
