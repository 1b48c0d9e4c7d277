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
 * Cells counted together over every row of a chunk: their counts (32 KB) stay in cache. Row by
 * row, each value would land in another cell's bins, 15 MB apart for the retail network, and the
 * cache misses made counting 100 times slower than summing.
 */
const CELL_BLOCK = 16;

/**
 * Counts `n` row-major rows of `h.cells` values each. Per block of cells, a first pass finds each
 * cell's min and max over the rows and widens its bins once to hold them (the histogram of a set
 * does not depend on the order its values came in); the second pass only counts, with no branch
 * out of the loop.
 */
export function addRows(h: SeriesHistograms, rows: Float32Array, n: number): void {
  const { cells, bins, exponent, origin, counts, total, min, max, atMin, atMax } = h, scratch = new Uint32Array(bins);
  const lo = new Float64Array(CELL_BLOCK), hi = new Float64Array(CELL_BLOCK), scale = new Float64Array(CELL_BLOCK);
  for (let c0 = 0; c0 < cells; c0 += CELL_BLOCK) {
    const c1 = Math.min(cells, c0 + CELL_BLOCK), width = c1 - c0;
    lo.fill(Infinity);
    hi.fill(-Infinity);
    for (let r = 0; r < n; r++) {
      const base = r * cells + c0;
      for (let k = 0; k < width; k++) {
        const v = rows[base + k];
        if (v < lo[k]) lo[k] = v;   // NaN compares false: skipped
        if (v > hi[k]) hi[k] = v;
      }
    }
    for (let k = 0; k < width; k++) {
      const c = c0 + k;
      if (lo[k] > hi[k]) continue;  // no numbers in this chunk
      if (lo[k] < min[c] || hi[k] > max[c]) {
        widen(h, c, lo[k], hi[k], scratch);
        moveExtremes(h, c, Math.min(lo[k], min[c]), Math.max(hi[k], max[c]));
        if (lo[k] < min[c]) min[c] = lo[k];
        if (hi[k] > max[c]) max[c] = hi[k];
      }
      scale[k] = 2 ** -exponent[c];
      lo[k] = origin[c];
    }
    for (let r = 0; r < n; r++) {
      const base = r * cells + c0;
      for (let k = 0; k < width; k++) {
        const v = rows[base + k];
        if (v !== v) continue;
        // Inside the bins v·2^−e − origin is exact (Sterbenz), so truncating it gives ⌊v / 2^e⌋ − origin.
        const c = c0 + k;
        counts[c * bins + ((v * scale[k] - lo[k]) | 0)]++;
        total[c]++;
        if (v === min[c]) atMin[c]++;
        else if (v === max[c]) atMax[c]++;
      }
    }
  }
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
