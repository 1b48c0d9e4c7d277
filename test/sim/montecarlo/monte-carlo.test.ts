import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { describe, expect, it } from "vitest";
import { compareMonteCarlo, runMonteCarlo, strip } from "../../helpers/monte-carlo-runs.ts";
import { ScenarioError } from "../../../src/sim/montecarlo/prepare.ts";
import { createPool, type WorkerFactory } from "../../../src/workers/pool.ts";
import { summarize } from "../../../src/sim/stats/stat.ts";
import { fakeColumns, fakeScenario, fakeValue } from "../../helpers/fake-engine.ts";
import { inProcessWorkers } from "../../helpers/in-process-workers.ts";
import { createSeriesReducer } from "../../../src/sim/montecarlo/series-reducer.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";
import { fakeBatch, fakeLayout } from "../../helpers/fake-engine.ts";


describe("monte-carlo", () => {
  it("runMonteCarlo gives bit-identical results for any worker count and chunk size", async () => {
    const s = fakeScenario("Fake", 230);
    const one = await runMonteCarlo(createPool(1, inProcessWorkers().factory), s, { series: true, chunkSize: 50 });
    const three = await runMonteCarlo(createPool(3, inProcessWorkers().factory), s, { series: true, chunkSize: 7, seriesBudgetBytes: 35 * 4 * 60 });
    const threeExact = await runMonteCarlo(createPool(3, inProcessWorkers().factory), s, { series: true, chunkSize: 7 });
    expect(strip(threeExact)).toEqual(strip(one));
    expect(three.network).toEqual(one.network);
    expect(three.nodes).toEqual(one.nodes);
    expect(three.series!.nodes.a.onHand.mean).toEqual(one.series!.nodes.a.onHand.mean);
    expect([one.workers, three.workers]).toEqual([1, 3]);
  });

  it("runMonteCarlo applies overrides and summarises each column over the replications", async () => {
    const r = await runMonteCarlo(createPool(2, inProcessWorkers().factory), fakeScenario(), { replications: 40, seed: "abc" });
    expect([r.replications, r.seed, r.series]).toEqual([40, "abc", undefined]);
    expect(r.nodes.a.onHand).toEqual(summarize(Array.from({ length: 40 }, (_, i) => fakeValue(i, 2))));
    expect(r.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it("a comparison holds two KPI tables at once, so each side gets half of the page's table budget", async () => {
    const budget = 1.5 * 8 * 100 * fakeColumns.length;   // one table of 100 replications fits, two do not
    const pool = createPool(1, inProcessWorkers().factory);
    await expect(runMonteCarlo(pool, fakeScenario("A", 100), { maxTableBytes: budget })).resolves.toMatchObject({ replications: 100 });
    await expect(compareMonteCarlo(pool, fakeScenario("A", 100), fakeScenario("B", 100), { maxTableBytes: budget }))
      .rejects.toMatchObject({ name: "ScenarioError", issues: [{ path: "replications", message: expect.stringContaining("use at most 75 replications here") }] });
  });

  it("runMonteCarlo rejects a bad override with a ScenarioError naming the field", async () => {
    const run = runMonteCarlo(createPool(1, inProcessWorkers().factory), fakeScenario(), { warmup: 5 });
    await expect(run).rejects.toBeInstanceOf(ScenarioError);
    await expect(run).rejects.toMatchObject({ issues: [{ path: "warmup", message: "must be less than horizon (5), got 5" }] });
  });

  it("runMonteCarlo validates the scenario again after the overrides", async () => {
    const s = { ...fakeScenario(), disruptions: [{ type: "node-outage", node: "a", start: 2, end: 5 }] } as Scenario;
    await expect(runMonteCarlo(createPool(1, inProcessWorkers().factory), s, { horizon: 3 }))
      .rejects.toMatchObject({ issues: [{ path: "disruptions[0].end", message: "must be at most the horizon (3), got 5" }] });
  });

  it("runMonteCarlo fails with the replications completed when no chunk comes back for stallMs, and the pool goes on", async () => {
    const w = inProcessWorkers();
    let silentAfter = 2, calls = 0;
    // A worker that stops answering after two chunks, as one that called close() does: no event, no reply.
    const factory: WorkerFactory = (i) => {
      const h = w.factory(i);
      return { ...h, api: { ...h.api, runBatch: (id, req) => (++calls > silentAfter ? new Promise(() => undefined) : h.api.runBatch(id, req)) } };
    };
    const pool = createPool(1, factory);
    await expect(runMonteCarlo(pool, fakeScenario("Fake", 100), { chunkSize: 10, stallMs: 50, series: true })).rejects.toThrow(
      "No replication came back for 50 ms: a simulation worker stopped without reporting an error. " +
      "The run stopped after 20 of 100 replications had completed; no result was produced.");
    expect(w.terminated).toBe(1);
    silentAfter = Infinity;
    const r = await runMonteCarlo(pool, fakeScenario("Fake", 100), { chunkSize: 10, stallMs: 50 });
    expect([r.replications, w.created]).toEqual([100, 2]);
  });

  it("runMonteCarlo rejects with an AbortError, not a stall, when the caller cancels", async () => {
    const ctl = new AbortController();
    const run = runMonteCarlo(createPool(1, inProcessWorkers().factory), fakeScenario("Fake", 1000),
      { chunkSize: 10, stallMs: 50, signal: ctl.signal, onProgress: (p) => { if (p.done === 30) ctl.abort(); } });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
  });

  it("compareMonteCarlo runs both sides with A's seed and replications and pairs their KPIs", async () => {
    const progress: number[] = [];
    const { comparison, a, b } = await compareMonteCarlo(createPool(2, inProcessWorkers().factory), fakeScenario("A", 30), { ...fakeScenario("B", 99), seed: 1 },
      { onProgress: (p) => progress.push(p.done / p.total) });
    expect([comparison.a, comparison.b, comparison.replications, comparison.seed]).toEqual(["A", "B", 30, 42]);
    expect([a.replications, b.replications, b.seed]).toEqual([30, 30, 42]);
    expect(comparison.network.onHand.diff).toEqual({ mean: 0, ci95: [0, 0] });
    expect(progress.at(-1)).toBe(1);
  });

  describe("series beyond the exact budget, counted on the workers", () => {
    const s = fakeScenario("Fake", 230), budget = 35 * 4 * 60; // 60 replications of 35 cells fit; 230 do not
    /** Workers that count which calls carried series rows back to the page and which were reduced in the worker. */
    function spied() {
      const calls = { rows: 0, reduced: 0, taken: 0, bands: 0 }, inner = inProcessWorkers();
      const factory: WorkerFactory = (i) => {
        const h = inner.factory(i);
        return { ...h, api: {
          ...h.api,
          runBatch: (id, req) => { if (req.series) calls.rows++; return h.api.runBatch(id, req); },
          runReduced: (id, run, req) => { calls.reduced++; return h.api.runReduced(id, run, req); },
          takeSeries: (run) => { calls.taken++; return h.api.takeSeries(run); },
          seriesBands: (run, others) => { calls.bands++; return h.api.seriesBands(run, others); },
        } };
      };
      return { calls, factory };
    }

    it("bands are bit-identical with 1 and 3 workers and any chunk size, and no replication's days reach the page", async () => {
      const one = spied(), three = spied();
      const a = await runMonteCarlo(createPool(1, one.factory), s, { series: true, seriesBudgetBytes: budget, chunkSize: 50 });
      const b = await runMonteCarlo(createPool(3, three.factory), s, { series: true, seriesBudgetBytes: budget, chunkSize: 7 });
      expect(b.series).toEqual(a.series);
      expect(strip(b)).toEqual(strip(a));
      expect([one.calls.rows, three.calls.rows]).toEqual([0, 0]);
      expect(three.calls.reduced).toBe(Math.ceil(230 / 25)); // chunks of 7 rounded up to whole blocks of 25
      // One worker merges the others' histograms and reads the bands: the page gets 4 numbers a cell.
      expect([one.calls.taken, one.calls.bands, three.calls.taken, three.calls.bands]).toEqual([0, 1, 2, 1]);
    });

    it("bands equal those of every row reduced in order on one thread (echelon merge's path)", async () => {
      const r = await runMonteCarlo(createPool(2, inProcessWorkers().factory), s, { series: true, seriesBudgetBytes: budget });
      const reducer = createSeriesReducer(fakeLayout, 230, { exactBudgetBytes: budget });
      expect(reducer.exact).toBe(false);
      for (let from = 0; from < 230; from += 13) {
        const to = Math.min(230, from + 13);
        await reducer.add(fakeBatch({ from, to, series: true }).series!, to - from, noTick);
      }
      expect(r.series).toEqual(await reducer.finish(noTick));
    });
  });
});
