import { describe, expect, it } from "vitest";
import { addRows, binWidth, createSeriesHistograms, histogramBands, histogramBuffers, histogramPercentile, mergeHistograms, MIN_EXPONENT, type SeriesHistograms } from "../../../src/sim/montecarlo/series-histograms.ts";
import { hash01 } from "../../helpers/fake-engine.ts";

/**
 * The histogram of a set of values written straight from its definition (series-histograms.ts):
 * width 2^e with e the least exponent ≥ MIN_EXPONENT at which ⌊max / 2^e⌋ − ⌊min / 2^e⌋ < bins,
 * bin j holding the values with ⌊v / 2^e⌋ − ⌊min / 2^e⌋ = j; NaN skipped; counts at the min and
 * at the max (none at the max when all values are alike).
 */
function reference(values: number[], bins: number) {
  const xs = values.filter((v) => !Number.isNaN(v));
  if (xs.length === 0) return { exponent: MIN_EXPONENT, origin: 0, counts: new Array(bins).fill(0), total: 0, min: Infinity, max: -Infinity, atMin: 0, atMax: 0 };
  const lo = Math.min(...xs), hi = Math.max(...xs);
  let e = MIN_EXPONENT;
  while (Math.floor(hi / 2 ** e) - Math.floor(lo / 2 ** e) > bins - 1) e++;
  const origin = Math.floor(lo / 2 ** e), counts = new Array(bins).fill(0);
  for (const v of xs) counts[Math.floor(v / 2 ** e) - origin]++;
  const atMin = xs.filter((v) => v === lo).length, atMax = lo === hi ? 0 : xs.filter((v) => v === hi).length;
  return { exponent: e, origin, counts, total: xs.length, min: lo, max: hi, atMin, atMax };
}
const cellOf = (h: SeriesHistograms, c: number) => ({
  exponent: h.exponent[c], origin: h.origin[c], counts: Array.from(h.counts.subarray(c * h.bins, (c + 1) * h.bins)), total: h.total[c],
  min: h.min[c], max: h.max[c], atMin: h.atMin[c], atMax: h.atMax[c],
});

const CELLS = 260;   // more than one block of 256 cells
/** Unlike sets per cell: ranges of every scale and sign, repeated extremes, constants, NaN, far values now and then (1 in 20). */
function value(r: number, c: number): number {
  const u = hash01(r, c, 5), kind = c % 9, scale = 2 ** ((c % 23) - 8);
  switch (kind) {
    case 0: return Math.fround(scale * 100 * u);
    case 1: return Math.fround(-scale * 50 * u);
    case 2: return u < 0.3 ? 0 : Math.fround(scale * 10 * u);            // many at the min
    case 3: return u < 0.3 ? 1 : Math.fround(u);                         // many at the max
    case 4: return 3.25;                                                   // constant
    case 5: return r % 3 ? NaN : Math.fround(u * scale);                   // mostly missing
    case 6: return NaN;                                                    // never a number
    case 7: return u < 0.05 ? Math.fround(1e6 * u) : Math.fround(2 + u);  // rare far values
    default: return Math.fround(Math.round(u * 7) - 3);                    // whole units around 0
  }
}
const rows = (from: number, to: number) => Float32Array.from({ length: (to - from) * CELLS }, (_, i) => value(from + Math.floor(i / CELLS), i % CELLS));
const expected = (from: number, to: number, c: number, bins: number) => reference(Array.from({ length: to - from }, (_, r) => value(from + r, c)), bins);

describe("series-histograms against the definition of the histogram of a set", () => {
  for (const bins of [16, 128]) {
    it(`every cell's grid, bins, counts and extremes, counted at once or chunk after chunk (${bins} bins)`, () => {
      for (const size of [80, 1, 13]) {
        const h = createSeriesHistograms(CELLS, bins);
        for (let from = 0; from < 80; from += size) { const to = Math.min(80, from + size); addRows(h, rows(from, to), to - from); }
        for (let c = 0; c < CELLS; c++) expect(cellOf(h, c), `cell ${c}, chunks of ${size}`).toEqual(expected(0, 80, c, bins));
      }
    });
  }

  it("merging two sets gives the histogram of their union, also into an empty set and from one", () => {
    const a = createSeriesHistograms(CELLS, 16), b = createSeriesHistograms(CELLS, 16), empty = createSeriesHistograms(CELLS, 16);
    addRows(a, rows(0, 30), 30);
    addRows(b, rows(30, 70), 40);
    mergeHistograms(a, empty);
    mergeHistograms(empty, b);
    mergeHistograms(a, b);
    for (let c = 0; c < CELLS; c++) {
      expect(cellOf(a, c), `cell ${c}`).toEqual(expected(0, 70, c, 16));
      expect(cellOf(empty, c), `cell ${c}`).toEqual(expected(30, 70, c, 16));
    }
  });

  it("mergeHistograms merges only the cells firstCell … endCell − 1 it is given", () => {
    const a = createSeriesHistograms(CELLS, 16), b = createSeriesHistograms(CELLS, 16);
    addRows(a, rows(0, 20), 20);
    addRows(b, rows(20, 40), 20);
    mergeHistograms(a, b, 10, 12);
    expect([9, 10, 11, 12].map((c) => cellOf(a, c))).toEqual([expected(0, 20, 9, 16), expected(0, 40, 10, 16), expected(0, 40, 11, 16), expected(0, 20, 12, 16)]);
  });

  it("histogramPercentile: the min or max exactly where the rank falls among them, else a point within the bin holding the rank", () => {
    // 10 values: 0 ×3, then 1 … 6, then 9 ×1; R-7 ranks (n − 1)p + ½ in the code's 1-based count.
    const h = createSeriesHistograms(1, 16);
    addRows(h, Float32Array.of(0, 0, 0, 1, 2, 3, 4, 5, 6, 9), 10);
    expect(binWidth(h, 0)).toBe(1);
    expect(histogramPercentile(h, 0, 0)).toBe(0);
    expect(histogramPercentile(h, 0, 2.5 / 9)).toBe(0);       // rank 3: the last 0
    expect(histogramPercentile(h, 0, 1)).toBe(9);
    expect(histogramPercentile(h, 0, 8.6 / 9)).toBe(9);       // rank 9.1: past the 9 values below the max
    // Rank 5 (p = 4.5 / 9): 4 values lie below bin 2 ([2, 3), holding one value), so the rank takes
    // (5 − 4) / 1 of that bin: its top, 3. Rank 4.5 takes half of it: 2.5.
    expect(histogramPercentile(h, 0, 4.5 / 9)).toBe(3);
    expect(histogramPercentile(h, 0, 4 / 9)).toBe(2.5);
    // Rank 9 exactly: the last value below the max, at the top of bin 6: 7, then clamped to nothing (≤ 9).
    expect(histogramPercentile(h, 0, 8.5 / 9)).toBe(7);
  });

  it("histogramPercentile spreads a bin's values without those counted at the min or the max", () => {
    // 9 values in 4 bins of width 1: [0, 1) holds the min 0 and 0.25, 0.5; [3, 4) holds 3, 3.5 and the max 3.9.
    const h = createSeriesHistograms(1, 4);
    addRows(h, Float32Array.of(0, 0.25, 0.5, 1.5, 2, 2.5, 3, 3.5, 3.9), 9);
    expect(binWidth(h, 0)).toBe(1);
    // Rank 8p + ½ = 2: 1 value (the min) below it, then bin 0's 2 others: (2 − 1) / 2 into bin 0.
    expect(histogramPercentile(h, 0, 0.1875)).toBe(0.5);
    // Rank 7: 6 values below bin 3, whose 2 values other than the max take it (7 − 6) / 2 into the bin.
    expect(histogramPercentile(h, 0, 0.8125)).toBe(3.5);
  });

  it("binWidth is 2^e for a cell with values, 0 for an empty one; histogramBands reads every cell; histogramBuffers hands over every array", () => {
    const h = createSeriesHistograms(3, 8);
    addRows(h, Float32Array.of(0, 5, NaN, 39, 5, NaN), 2);
    expect([binWidth(h, 0), binWidth(h, 1), binWidth(h, 2)]).toEqual([8, 2 ** MIN_EXPONENT, 0]);
    const b = histogramBands(h);
    expect(Array.from(b.total)).toEqual([2, 2, 0]);
    expect([b.p05[1], b.p50[1], b.p95[1]]).toEqual([5, 5, 5]);
    expect([b.p05[0], b.p95[0]]).toEqual([0, 39]);
    expect(Number.isNaN(b.p50[2])).toBe(true);
    expect(b.total).not.toBe(h.total);
    expect(histogramBuffers(h)).toEqual([h.exponent, h.origin, h.counts, h.total, h.min, h.max, h.atMin, h.atMax].map((a) => a.buffer));
    expect(new Set(histogramBuffers(h)).size).toBe(8);
  });
});
