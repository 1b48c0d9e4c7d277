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
}

/** Bins per cell: 512 bytes of counts per cell (15 MB for the retail network). */
export const SERIES_BINS = 128;
/** The finest bin width, 2^−20: a cell whose values are all alike. */
export const MIN_EXPONENT = -20;

export function createSeriesHistograms(cells: number, bins = SERIES_BINS): SeriesHistograms {
  return {
    cells, bins,
    exponent: new Float64Array(cells).fill(MIN_EXPONENT), origin: new Float64Array(cells),
    counts: new Uint32Array(cells * bins), total: new Uint32Array(cells),
    min: new Float64Array(cells).fill(Infinity), max: new Float64Array(cells).fill(-Infinity),
  };
}

/** The smallest exponent ≥ `from` at which lo … hi spans at most `bins` grid bins. */
function fitExponent(lo: number, hi: number, bins: number, from: number): number {
  let e = from;
  while (Math.floor(hi * 2 ** -e) - Math.floor(lo * 2 ** -e) > bins - 1) e++;
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

/** Widens cell c so it holds v (the slow path of `addRows`: v lies outside its bins). */
function widen(h: SeriesHistograms, c: number, v: number, scratch: Uint32Array): void {
  const lo = Math.min(h.min[c], v), hi = Math.max(h.max[c], v);
  const e = h.total[c] ? fitExponent(lo, hi, h.bins, h.exponent[c]) : fitExponent(v, v, h.bins, MIN_EXPONENT);
  const origin = Math.floor(lo * 2 ** -e);
  if (h.total[c]) regrid(h, c, e, origin, scratch);
  else { h.exponent[c] = e; h.origin[c] = origin; }
}

/**
 * Cells counted together over every row of a chunk: their counts (32 KB) stay in cache. Row by
 * row, each value would land in another cell's bins, 15 MB apart for the retail network, and the
 * cache misses made counting 100 times slower than summing.
 */
const CELL_BLOCK = 64;

/** Counts `n` row-major rows of `h.cells` values each. */
export function addRows(h: SeriesHistograms, rows: Float32Array, n: number): void {
  const { cells, bins, exponent, origin, counts, total, min, max } = h, scratch = new Uint32Array(bins);
  const scale = new Float64Array(CELL_BLOCK), first = new Float64Array(CELL_BLOCK);
  for (let c0 = 0; c0 < cells; c0 += CELL_BLOCK) {
    const c1 = Math.min(cells, c0 + CELL_BLOCK);
    // An empty cell's first bin is NaN, so its first value takes the slow path and places the bins.
    for (let c = c0; c < c1; c++) { scale[c - c0] = 2 ** -exponent[c]; first[c - c0] = total[c] ? origin[c] : NaN; }
    for (let r = 0; r < n; r++) {
      const base = r * cells;
      for (let c = c0; c < c1; c++) {
        const v = rows[base + c];
        if (v !== v) continue;
        // v·2^−e − origin is exact inside the bins (Sterbenz), so truncating it is ⌊v / 2^e⌋ − origin.
        const x = v * scale[c - c0] - first[c - c0];
        let b: number;
        if (x >= 0 && x < bins) b = x | 0;
        else {
          widen(h, c, v, scratch);
          scale[c - c0] = 2 ** -exponent[c];
          first[c - c0] = origin[c];
          b = gridBin(Math.floor(v * scale[c - c0]) - origin[c], bins);
        }
        counts[c * bins + b]++;
        total[c]++;
        if (v < min[c]) min[c] = v;
        if (v > max[c]) max[c] = v;
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
    if (into.total[c]) regrid(into, c, e, origin, scratch);
    else { into.exponent[c] = e; into.origin[c] = origin; }
    const k = e - from.exponent[c], scale = 2 ** -k, old = from.origin[c], base = c * bins;
    for (let i = 0; i < bins; i++) {
      const n = from.counts[base + i];
      if (n) into.counts[base + gridBin(Math.floor((old + i) * scale) - origin, bins)] += n;
    }
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
  const n = h.total[c], bins = h.bins, base = c * bins;
  if (n === 0) return NaN;
  const target = (n - 1) * p + 0.5;
  let before = 0, b = 0;
  for (; b < bins - 1; b++) {
    const k = h.counts[base + b];
    if (before + k >= target) break;
    before += k;
  }
  const k = h.counts[base + b] || 1, width = 2 ** h.exponent[c];
  const v = (h.origin[c] + b + (target - before) / k) * width;
  return Math.min(h.max[c], Math.max(h.min[c], v));
}
