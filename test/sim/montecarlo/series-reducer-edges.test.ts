import { quantile } from "d3-array";
import { describe, expect, it } from "vitest";
import { blockSums, SERIES_BLOCK } from "../../../src/sim/montecarlo/series-blocks.ts";
import { createSeriesHistograms, addRows, histogramBands } from "../../../src/sim/montecarlo/series-histograms.ts";
import { createSeriesReducer, seriesExact } from "../../../src/sim/montecarlo/series-reducer.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";
import { hash01 } from "../../helpers/fake-engine.ts";

const layout = (nodes: number, horizon: number) => ({ nodes: Array.from({ length: nodes }, (_, i) => `n${i}`), horizon, cells: (3 * nodes + 1) * horizon });
/** Float32 values spread over 16 orders of magnitude, so that float64 sums depend on the order of their terms. */
const wide = (r: number, c: number) => Math.fround(10 ** (16 * hash01(r, c, 11) - 8));
const rowsOf = (from: number, to: number, cells: number, v = wide) => Float32Array.from({ length: (to - from) * cells }, (_, i) => v(from + Math.floor(i / cells), i % cells));

describe("series-reducer: modes, checks and arithmetic at their edges", () => {
  it("keeps rows while replications × cells × 4 bytes fit the budget, and runs of up to 20 replications whatever their size", () => {
    expect([seriesExact(35, 60, 35 * 4 * 60), seriesExact(35, 61, 35 * 4 * 60)]).toEqual([true, false]);
    expect([seriesExact(35, 20, 0), seriesExact(35, 21, 0)]).toEqual([true, false]);
    // Default 32 MiB: ⌊33,554,432 / 140⌋ = 239,674 replications of 35 cells.
    expect([seriesExact(35, 239_674), seriesExact(35, 239_675)]).toEqual([true, false]);
  });

  it("exact mode: each cell's mean over its numbers and R-7 percentiles, for more cells than one block of 64", async () => {
    const L = layout(7, 3), n = 9;   // 66 cells
    const value = (r: number, c: number) => (c === 5 ? NaN : c === 6 && r > 2 ? NaN : Math.fround(100 * hash01(r, c)));
    const reducer = createSeriesReducer(L, n);
    let ticks = 0;
    await reducer.add(rowsOf(0, 4, L.cells, value), 4, () => { ticks++; });
    await reducer.add(rowsOf(4, n, L.cells, value), n - 4, () => { ticks++; });
    expect(ticks).toBe(n);
    const s = await reducer.finish(noTick);
    const cell = (c: number) => Array.from({ length: n }, (_, r) => value(r, c)).filter((v) => !Number.isNaN(v));
    const T = L.horizon;
    // Cell c = (metric m · 7 + node) · 3 + day; fill rate (m = 3) from cell 63.
    for (const c of [0, 4, 6, 40, 64, 65]) {
      const m = Math.floor(c / (7 * T)), node = Math.floor(c / T) % 7, t = c % T;
      const band = m === 3 ? s.network.fillRate : s.nodes[`n${node}`][(["onHand", "backorders", "inTransit"] as const)[m]];
      const xs = cell(c), sorted = [...xs].sort((a, b) => a - b);
      expect(band.mean[t]).toBeCloseTo(xs.reduce((a, b) => a + b) / xs.length, 10);
      expect([band.p05[t], band.p50[t], band.p95[t]]).toEqual([0.05, 0.5, 0.95].map((p) => quantile(sorted, p)));
    }
    // A cell without a number: NaN throughout.
    expect([s.nodes.n1.onHand.mean[2], s.nodes.n1.onHand.p50[2]]).toEqual([NaN, NaN]);
    expect(reducer.binWidth(0)).toBe(0);
  });

  it("merged mode: rows added here give the same mean, bit for bit, as block sums counted elsewhere", async () => {
    const L = layout(1, 2), n = 3 * SERIES_BLOCK + 4, budget = 0;
    const here = createSeriesReducer(L, n, { exactBudgetBytes: budget });
    expect(here.exact).toBe(false);
    for (const [from, to] of [[0, 13], [13, 60], [60, n]]) await here.add(rowsOf(from, to, L.cells), to - from, noTick);
    const there = createSeriesReducer(L, n, { exactBudgetBytes: budget }), h = createSeriesHistograms(L.cells);
    for (const [from, to] of [[0, 50], [50, 75], [75, n]]) {
      const rows = rowsOf(from, to, L.cells);
      there.addBlockSums(blockSums(rows, to - from, L.cells, from), to - from);
      addRows(h, rows, to - from);
    }
    there.setBands(histogramBands(h));
    const a = await here.finish(noTick), b = await there.finish(noTick);
    expect(b).toEqual(a);
    // Summed in one pass from the first replication, the mean would round differently: the order of blocks matters.
    const flat = Array.from({ length: n }, (_, r) => wide(r, 0)).reduce((x, y) => x + y, 0) / n;
    expect(a.nodes.n0.onHand.mean[0]).toBeCloseTo(flat, 6);
    expect(here.binWidth(0)).toBeGreaterThan(0);
    expect(Number.isNaN(there.binWidth(0))).toBe(true);
  });

  it("refuses block sums and bands in exact mode, and anything of the wrong size or out of step", async () => {
    const L = layout(1, 2);
    const exact = createSeriesReducer(L, 10);
    expect(() => exact.addBlockSums(new Float64Array(L.cells), 10)).toThrow("block sums are for runs whose series are merged as histograms");
    expect(() => exact.setBands(histogramBands(createSeriesHistograms(L.cells)))).toThrow("percentiles from histograms are for runs whose series are merged, not kept exactly");
    await expect(exact.finish(noTick)).rejects.toThrow("series has 0 of 10 replications");

    const merged = createSeriesReducer(L, 60, { exactBudgetBytes: 0 });
    expect(() => merged.setBands(histogramBands(createSeriesHistograms(3)))).toThrow(`series bands have 3 cells, expected ${L.cells}`);
    expect(() => merged.addBlockSums(new Float64Array(3), 30)).toThrow(`series block sums have 3 values, expected 2 × ${L.cells}`);
    expect(() => merged.addBlockSums(new Float64Array(3 * L.cells), 61)).toThrow("series chunk brings 61 replications, more than the run's 60");
    await merged.add(rowsOf(0, 3, L.cells), 3, noTick);
    expect(() => merged.addBlockSums(new Float64Array(L.cells), 25)).toThrow(`block sums must start on a block of ${SERIES_BLOCK} replications, not at 3`);
    await expect(merged.add(rowsOf(3, 61, L.cells), 58, noTick)).rejects.toThrow("series chunk brings 61 replications, more than the run's 60");
    await merged.add(rowsOf(3, 60, L.cells), 57, noTick);
    await expect(merged.add(rowsOf(0, 0, L.cells), 0, noTick)).resolves.toBeUndefined();
  });

  it("a merged run whose rows came here but whose workers gave no bands reads its percentiles off its own histograms", async () => {
    const L = layout(1, 2), n = 30, v = (r: number) => r;
    const reducer = createSeriesReducer(L, n, { exactBudgetBytes: 0, bins: 64 });
    await reducer.add(rowsOf(0, n, L.cells, v), n, noTick);
    const s = await reducer.finish(noTick);
    // 0 … 29 in 64 bins: width 1/2; the median, rank 14.5, lies within a bin of 14.5.
    expect(reducer.binWidth(0)).toBe(0.5);
    expect(Math.abs(s.nodes.n0.onHand.p50[0] - 14.5)).toBeLessThanOrEqual(0.5);
    expect(s.nodes.n0.onHand.mean[0]).toBe(14.5);
  });
});
