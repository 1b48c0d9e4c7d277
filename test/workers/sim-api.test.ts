import { describe, expect, it } from "vitest";
import { createSeriesAccumulator } from "../../src/sim/montecarlo/series-accumulator.ts";
import { addRows, createSeriesHistograms, histogramBands } from "../../src/sim/montecarlo/series-histograms.ts";
import { createSimApi } from "../../src/workers/sim-api.ts";
import { fakeBatch, fakeEngine, fakeLayout, fakeScenario } from "../helpers/fake-engine.ts";

describe("sim-api", () => {
  it("runReduced returns KPI rows and block sums, never the days, and takeSeries hands the run's histograms over once", () => {
    const api = createSimApi(fakeEngine), s = fakeScenario();
    api.load("s1", s);
    const a = api.runReduced("s1", "run1", { from: 0, to: 30 }), b = api.runReduced("s1", "run1", { from: 50, to: 60 });
    const full = fakeBatch({ from: 0, to: 30, series: true });
    expect(a.values).toEqual(full.values);
    expect("series" in a).toBe(false);
    const expected = createSeriesAccumulator(fakeLayout.cells);
    expect(a.blockSums).toEqual(expected.add(full.series!, 0, 30));
    expect(b.blockSums).toEqual(expected.add(fakeBatch({ from: 50, to: 60, series: true }).series!, 50, 10));
    expect(api.takeSeries("run1")).toEqual(expected.histograms);
    expect(api.takeSeries("run1")).toBeNull();
    expect(api.takeSeries("never")).toBeNull();
  });

  it("seriesBands merges the other workers' histograms into its own and reads every cell's percentiles, then forgets the run", () => {
    const a = createSimApi(fakeEngine), b = createSimApi(fakeEngine), s = fakeScenario();
    a.load("s1", s);
    b.load("s1", s);
    a.runReduced("s1", "run1", { from: 0, to: 25 });
    b.runReduced("s1", "run1", { from: 25, to: 60 });
    const all = createSeriesHistograms(fakeLayout.cells);
    addRows(all, fakeBatch({ from: 0, to: 60, series: true }).series!, 60);
    expect(a.seriesBands("run1", [b.takeSeries("run1")!])).toEqual(histogramBands(all));
    expect(a.takeSeries("run1")).toBeNull();
    expect(() => a.seriesBands("run1", [])).toThrow("no series were counted for run run1");
  });

  it("keeps the histograms of the last two runs only, so runs that failed elsewhere do not pile up", () => {
    const api = createSimApi(fakeEngine);
    api.load("s1", fakeScenario());
    for (const run of ["r1", "r2", "r3"]) api.runReduced("s1", run, { from: 0, to: 5 });
    expect([api.takeSeries("r1"), api.takeSeries("r2") !== null, api.takeSeries("r3") !== null]).toEqual([null, true, true]);
  });
});
