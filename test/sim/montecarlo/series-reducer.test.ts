import { describe, expect, it } from "vitest";
import type { Series } from "../../../src/sim/model/result.ts";
import { createSeriesReducer } from "../../../src/sim/montecarlo/series-reducer.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";
import { summarize } from "../../../src/sim/stats/stat.ts";
import { chunks, fakeBatch, fakeLayout, fakeSeriesValue } from "../../helpers/fake-engine.ts";

const cells = fakeLayout.cells;
async function reduce(total: number, size: number, budget?: number) {
  const reducer = createSeriesReducer(fakeLayout, total, budget === undefined ? {} : { exactBudgetBytes: budget });
  for (const req of chunks(total, size)) {
    const b = fakeBatch({ ...req, series: true });
    await reducer.add(b.series!, req.to - req.from, noTick);
  }
  return { reducer, series: await reducer.finish(noTick) };
}
/** Cell c of a Series back in layout order: [mean, p05, p50, p95]. */
function cell(s: Series, c: number): number[] {
  const T = fakeLayout.horizon, N = fakeLayout.nodes.length, m = Math.floor(c / (N * T)), t = c % T, n = Math.floor(c / T) % N;
  const band = m === 3 ? s.network.fillRate : s.nodes[fakeLayout.nodes[n]][(["onHand", "backorders", "inTransit"] as const)[m]];
  return [band.mean[t], band.p05[t], band.p50[t], band.p95[t]];
}
const exactCell = (total: number, c: number) => summarize(Array.from({ length: total }, (_, r) => fakeSeriesValue(r, c)));

describe("series-reducer", () => {
  it("finish gives the exact mean and R-7 percentiles while the run fits the budget", async () => {
    const { reducer, series } = await reduce(60, 7);
    expect(reducer.exact).toBe(true);
    expect(series.firstDay).toBe(0);
    for (let c = 0; c < cells; c++) {
      const e = exactCell(60, c), [mean, p05, p50, p95] = cell(series, c);
      expect(mean).toBeCloseTo(e.mean, 9);
      expect([p05, p50, p95]).toEqual([e.p05, e.p50, e.p95]);
    }
  });

  it("finish is bit-identical for any chunk size", async () => {
    const a = await reduce(300, 25, 35 * 4 * 20), b = await reduce(300, 7, 35 * 4 * 20);
    expect(b.series).toEqual(a.series);
  });

  it("beyond the budget, the mean stays exact to rounding and percentiles lie within a bin of the order statistics around them", async () => {
    const total = 400;
    const { reducer, series } = await reduce(total, 50, cells * 4 * 30);
    expect(reducer.exact).toBe(false);
    for (let c = 0; c < cells; c++) {
      const values = Array.from({ length: total }, (_, r) => fakeSeriesValue(r, c)).filter((v) => !Number.isNaN(v)).sort((x, y) => x - y);
      const e = exactCell(total, c), got = cell(series, c), w = reducer.binWidth(c);
      expect(w).toBeGreaterThan(0);
      expect(got[0]).toBeCloseTo(e.mean, 9);
      for (const [k, p] of [[1, 0.05], [2, 0.5], [3, 0.95]] as const) {
        const h = (values.length - 1) * p, lo = values[Math.floor(h)], hi = values[Math.ceil(h)];
        expect(got[k]).toBeGreaterThanOrEqual(lo - w);
        expect(got[k]).toBeLessThanOrEqual(hi + w);
      }
    }
  });

  it("widens a cell's bins when later values fall outside the first replications' range", async () => {
    const layout = { nodes: ["a"], horizon: 1, cells: 4 };
    const reducer = createSeriesReducer(layout, 40, { exactBudgetBytes: 4 * 4 * 20, bins: 8 });
    for (let r = 0; r < 40; r++) await reducer.add(Float32Array.of(r < 20 ? r / 20 : r, 0, 0, 1), 1, noTick);
    const s = await reducer.finish(noTick);
    expect(reducer.binWidth(0)).toBeGreaterThanOrEqual(39 / 8);
    const values = Array.from({ length: 40 }, (_, r) => Math.fround(r < 20 ? r / 20 : r));
    expect(s.nodes.a.onHand.mean[0]).toBe(values.reduce((a, b) => a + b) / 40);
    expect(s.nodes.a.onHand.p95[0]).toBeLessThanOrEqual(39);
    // R-7 median: between the order statistics 0.95 and 20
    expect(s.nodes.a.onHand.p50[0]).toBeGreaterThanOrEqual(values[19] - reducer.binWidth(0));
    expect(s.nodes.a.onHand.p50[0]).toBeLessThanOrEqual(values[20] + reducer.binWidth(0));
    expect(s.nodes.a.backorders.p50[0]).toBe(0);
    expect(s.network.fillRate.p05[0]).toBe(1);
  });

  it("a cell constant over the first replications widens by dozens of doublings, up and down, and keeps its percentiles within a bin", async () => {
    // Width starts at 1e-6 (all 20 seeding values alike); values then reach ±1e6: ~40 doublings in one put.
    const layout = { nodes: ["a"], horizon: 1, cells: 4 };
    const total = 200, value = (r: number, c: number) => (r < 20 ? 5 : c === 0 ? 5 + r * 5_000 : c === 1 ? 5 - r * 5_000 : r % 2 ? 5 - r * 5_000 : 5 + r * 5_000);
    const reducer = createSeriesReducer(layout, total, { exactBudgetBytes: 4 * 4 * 20 });
    for (let r = 0; r < total; r++) await reducer.add(Float32Array.from({ length: 4 }, (_, c) => value(r, c)), 1, noTick);
    const s = await reducer.finish(noTick);
    const bands = [s.nodes.a.onHand, s.nodes.a.backorders, s.nodes.a.inTransit];
    bands.forEach((band, c) => {
      const values = Array.from({ length: total }, (_, r) => Math.fround(value(r, c))).sort((x, y) => x - y), w = reducer.binWidth(c);
      expect(w).toBeGreaterThan(1);
      for (const [got, p] of [[band.p05[0], 0.05], [band.p50[0], 0.5], [band.p95[0], 0.95]] as const) {
        const h = (total - 1) * p;
        expect(got).toBeGreaterThanOrEqual(values[Math.floor(h)] - w);
        expect(got).toBeLessThanOrEqual(values[Math.ceil(h)] + w);
      }
    });
  });

  it("add rejects a chunk of the wrong size or beyond the run", async () => {
    const reducer = createSeriesReducer(fakeLayout, 10);
    await expect(reducer.add(new Float32Array(3), 1, noTick)).rejects.toThrow(`series chunk has 3 values, expected 1 × ${cells}`);
    await expect(reducer.add(new Float32Array(11 * cells), 11, noTick)).rejects.toThrow("series chunk brings 11 replications, more than the run's 10");
  });
});
