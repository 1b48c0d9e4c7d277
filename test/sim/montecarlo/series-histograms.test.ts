import { describe, expect, it } from "vitest";
import { addRows, binWidth, createSeriesHistograms, histogramPercentile, mergeHistograms, MIN_EXPONENT, type SeriesHistograms } from "../../../src/sim/montecarlo/series-histograms.ts";
import { blockSums } from "../../../src/sim/montecarlo/series-blocks.ts";
import { hash01 } from "../../helpers/fake-engine.ts";

const CELLS = 6;
/** Values of replication r, cell c: unlike ranges per cell, far values now and then, NaN in cell 5. */
function value(r: number, c: number): number {
  const u = hash01(r, c, 3);
  switch (c) {
    case 0: return Math.fround(100 * u);                      // a plain range
    case 1: return Math.fround(u < 0.02 ? 1e6 * u : 5 + u);  // rare far values above
    case 2: return Math.fround(u < 0.02 ? -5e4 : u * 3);     // rare far values below
    case 3: return 7;                                        // constant
    case 4: return Math.fround(Math.round(u * 20));          // whole units
    default: return r % 4 === 0 ? NaN : Math.fround(0.9 + u / 10); // a fill rate with days without demand
  }
}
const rows = (from: number, to: number) => Float32Array.from({ length: (to - from) * CELLS }, (_, i) => value(from + Math.floor(i / CELLS), i % CELLS));
function counted(from: number, to: number): SeriesHistograms {
  const h = createSeriesHistograms(CELLS, 16);
  addRows(h, rows(from, to), to - from);
  return h;
}

describe("series-histograms", () => {
  it("mergeHistograms of any split, in any order, equals counting every value at once", () => {
    const whole = counted(0, 500);
    for (const cuts of [[0, 250, 500], [0, 7, 100, 101, 333, 500], [0, 480, 500]]) {
      const parts = cuts.slice(1).map((to, i) => counted(cuts[i], to));
      for (const order of [parts, [...parts].reverse()]) {
        const into = createSeriesHistograms(CELLS, 16);
        for (const p of order) mergeHistograms(into, p);
        expect(into).toEqual(whole);
      }
    }
  });

  it("counting chunk after chunk into one set, new extremes arriving mid-chunk, equals counting every value at once", () => {
    const whole = counted(0, 500);
    for (const size of [1, 7, 60]) {
      const h = createSeriesHistograms(CELLS, 16);
      for (let from = 0; from < 500; from += size) addRows(h, rows(from, Math.min(500, from + size)), Math.min(500, from + size) - from);
      expect(h).toEqual(whole);
    }
  });

  it("addRows' block sums are blockSums' (same additions, same order)", () => {
    const h = createSeriesHistograms(CELLS, 16), data = rows(0, 60), sums = new Float64Array(3 * CELLS);
    addRows(h, data, 60, sums, 25);
    expect(sums).toEqual(blockSums(data, 60, CELLS, 0));
  });

  it("a cell's bins are the finest power-of-two width that holds its min … max", () => {
    const h = createSeriesHistograms(1, 8);
    addRows(h, Float32Array.from({ length: 40 }, (_, r) => r), 40);
    // 0 … 39 in 8 bins: width 4 needs bins 0 … 9, width 8 needs 0 … 4.
    expect(binWidth(h, 0)).toBe(8);
    expect(Array.from(h.counts)).toEqual([8, 8, 8, 8, 8, 0, 0, 0]);
    expect([h.min[0], h.max[0], h.total[0]]).toEqual([0, 39, 40]);
  });

  it("histogramPercentile lies within one bin width of the R-7 order statistics around it", () => {
    const n = 2000, h = counted(0, n);
    for (let c = 0; c < CELLS; c++) {
      const xs = Array.from({ length: n }, (_, r) => value(r, c)).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b), w = binWidth(h, c);
      expect(h.total[c]).toBe(xs.length);
      for (const p of [0.05, 0.5, 0.95]) {
        const rank = (xs.length - 1) * p, got = histogramPercentile(h, c, p);
        expect(got).toBeGreaterThanOrEqual(xs[Math.floor(rank)] - w);
        expect(got).toBeLessThanOrEqual(xs[Math.ceil(rank)] + w);
      }
    }
  });

  it("a constant cell reads back its value; an empty cell reads NaN with width 0", () => {
    const h = counted(0, 50);
    expect([histogramPercentile(h, 3, 0.05), histogramPercentile(h, 3, 0.95)]).toEqual([7, 7]);
    expect(binWidth(h, 3)).toBe(2 ** MIN_EXPONENT);
    const empty = createSeriesHistograms(2);
    expect([histogramPercentile(empty, 0, 0.5), binWidth(empty, 0)]).toEqual([NaN, 0]);
  });

  it("a percentile among values at the min or the max is that value exactly, not a point spread across its bin", () => {
    // Backorders: 0 on 90% of days, else 1 … 30; a fill rate: 1 on 97% of days, else 0.5 … 0.99.
    const n = 1000, h = createSeriesHistograms(2, 16);
    addRows(h, Float32Array.from({ length: 2 * n }, (_, i) => {
      const r = i >> 1, u = hash01(r, i & 1, 9);
      return i & 1 ? Math.fround(u < 0.97 ? 1 : 0.5 + u / 2.1) : u < 0.9 ? 0 : 1 + Math.floor(30 * hash01(r, 5));
    }), n);
    expect([histogramPercentile(h, 0, 0.05), histogramPercentile(h, 0, 0.5)]).toEqual([0, 0]);
    expect(histogramPercentile(h, 0, 0.95)).toBeGreaterThan(0);
    expect([histogramPercentile(h, 1, 0.5), histogramPercentile(h, 1, 0.95)]).toEqual([1, 1]);
    expect(histogramPercentile(h, 1, 0.01)).toBeLessThan(1);
  });

  it("mergeHistograms refuses histograms of another shape", () => {
    expect(() => mergeHistograms(createSeriesHistograms(3, 16), createSeriesHistograms(3, 8))).toThrow("series histograms of 3 cells × 8 bins cannot merge into 3 × 16");
  });
});

/**
 * The histogram of one cell's values by definition (docs/statistics.md, "Time series bands"):
 * the finest width 2^e (e ≥ MIN_EXPONENT) at which min … max spans at most `bins` grid bins, bin
 * 0 the min's, every value in bin ⌊v / 2^e⌋ − origin, NaN skipped; all values in `atMin` when
 * min = max.
 */
function plainCount(values: number[], bins: number) {
  const xs = values.filter((v) => !Number.isNaN(v));
  if (xs.length === 0) return { exponent: MIN_EXPONENT, origin: 0, counts: new Array(bins).fill(0), total: 0, min: Infinity, max: -Infinity, atMin: 0, atMax: 0 };
  const min = Math.min(...xs), max = Math.max(...xs);
  let e = MIN_EXPONENT;
  while (Math.floor(max / 2 ** e) - Math.floor(min / 2 ** e) > bins - 1) e++;
  const origin = Math.floor(min / 2 ** e), counts = new Array(bins).fill(0);
  for (const v of xs) counts[Math.floor(v / 2 ** e) - origin]++;
  const atMin = xs.filter((v) => v === min).length, atMax = min === max ? 0 : xs.filter((v) => v === max).length;
  return { exponent: e, origin, counts, total: xs.length, min, max, atMin, atMax };
}

/** Cells that exercise addRows' loop and the way out of it: runs, new extremes mid-run, NaN inside runs. */
const RUN_CELLS = 7, RUN_ROWS = 120;
function runValue(r: number, c: number): number {
  const u = hash01(r, c, 11);
  switch (c) {
    case 0: return 3 + (Math.floor(r / 10) % 4) * 0.5;                 // runs of 10 equal values, at the min, the max and between
    case 1:                                                            // a new max mid-run, then a run at it; a new min; a far value
      if (r === 37 || (r > 37 && r < 46)) return 50;
      if (r === 61) return -3;
      if (r === 90) return 1e5;
      return Math.fround(10 + 10 * u);
    case 2: return r % 7 === 3 ? NaN : Math.fround(1 + Math.floor(r / 5) / 4); // NaN inside runs of 5
    case 3: return r === 50 || r === 51 ? 7.5 : 7;                     // constant, then not, mid-run
    case 4: return NaN;                                                // never a number
    case 5: return r % 3 === 0 ? 0 : r % 3 === 1 ? 1 : Math.fround(u); // the min and the max interleaved with values between
    default: return u < 0.6 ? 0 : Math.round(u * 20);                  // whole units, mostly 0
  }
}

describe("addRows' block sums", () => {
  it("are added in row order across the breaks a NaN or a widening makes", () => {
    // In row order 2^60 + 1 rounds to 2^60, the NaN is skipped, − 2^60 gives 0 and + 1 gives 1.
    // Summed run by run (breaks at the NaN and at −2^60, a new min) they would give 0.
    const rows = Float32Array.from([2 ** 60, 1, NaN, -(2 ** 60), 1]), sums = new Float64Array(1);
    addRows(createSeriesHistograms(1, 16), rows, rows.length, sums, rows.length);
    expect(Array.from(sums)).toEqual([1]);
    expect(sums).toEqual(blockSums(rows, rows.length, 1, 0));
  });
});

describe("addRows against a plain count", () => {
  const data = Float32Array.from({ length: RUN_ROWS * RUN_CELLS }, (_, i) => runValue(Math.floor(i / RUN_CELLS), i % RUN_CELLS));
  const column = (c: number) => Array.from({ length: RUN_ROWS }, (_, r) => data[r * RUN_CELLS + c]);

  for (const size of [1, 7, 25, 50, RUN_ROWS]) {
    it(`counting in chunks of ${size} gives every cell's plain count, and blockSums' sums`, () => {
      const bins = 16, h = createSeriesHistograms(RUN_CELLS, bins);
      for (let from = 0; from < RUN_ROWS; from += size) {
        const n = Math.min(size, RUN_ROWS - from), chunk = data.subarray(from * RUN_CELLS, (from + n) * RUN_CELLS);
        const sums = new Float64Array(Math.ceil(n / 25) * RUN_CELLS);
        addRows(h, chunk, n, sums, 25);
        expect(sums).toEqual(blockSums(chunk, n, RUN_CELLS, 0));
      }
      for (let c = 0; c < RUN_CELLS; c++) {
        const want = plainCount(column(c), bins);
        const got = {
          exponent: h.exponent[c], origin: h.origin[c], counts: Array.from(h.counts.subarray(c * bins, (c + 1) * bins)), total: h.total[c],
          min: h.min[c], max: h.max[c], atMin: h.atMin[c], atMax: h.atMax[c],
        };
        expect(got, `cell ${c}`).toEqual(want);
      }
    });
  }
});
