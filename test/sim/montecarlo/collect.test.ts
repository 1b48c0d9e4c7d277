import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { collect, sharingTables, type MonteCarloOptions, type RunEnvironment, type Watchdog } from "../../../src/sim/montecarlo/collect.ts";
import type { ReplicationJob } from "../../../src/sim/montecarlo/replication-pool.ts";
import { createMemoryValueStore } from "../../../src/sim/montecarlo/spilled-kpi-table.ts";
import { fakeBatch, fakeColumns, fakeLayout, fakeScenario, fakeValue } from "../../helpers/fake-engine.ts";
import { everyChunk, scriptedChunk, scriptedPool as scripted, type ScriptedPool } from "../../helpers/scripted-pool.ts";

const job0 = (pool: ScriptedPool) => pool.jobs[0];
const chunk = (job: ReplicationJob, from: number, to: number) => scriptedChunk(job, from, to);

const env: RunEnvironment = { now: () => 0 };
const run = (p: ScriptedPool, s: Scenario, opts: MonteCarloOptions = {}, e = env) => collect(p, s, opts, e);

/** A watchdog that records what the core told it and reports a stall when `stalled` is set. */
function recordingWatchdog(stalled: boolean) {
  const seen = { stallMs: [] as number[], user: [] as (AbortSignal | undefined)[], alive: 0, stopped: 0 };
  const ctl = new AbortController();
  const factory = (stallMs: number, user: AbortSignal | undefined): Watchdog => {
    seen.stallMs.push(stallMs);
    seen.user.push(user);
    return { signal: ctl.signal, stalled, alive: () => { seen.alive++; }, stop: () => { seen.stopped++; } };
  };
  return { seen, env: { now: () => 0, watchdog: factory } satisfies RunEnvironment };
}
const stallAfter = (chunks: number) => async (job: ReplicationJob) => {
  for (let i = 0, from = 0; i < chunks; i++, from += job.chunkSize) job.onChunk(chunk(job, from, from + job.chunkSize));
  throw Object.assign(new Error("aborted"), { name: "AbortError" });
};

describe("collect", () => {
  it("gathers every chunk into the KPI table and deals chunks of chunkSizeFor's size", async () => {
    // fakeScenario: 2 stocking nodes × 5 days = 10 node-days; 30 replications on 2 workers: a share of 15 (< 25).
    const pool = scripted(2);
    const c = await run(pool, fakeScenario("F", 30));
    expect(c.info.columns).toBe(fakeColumns);
    expect(Array.from(c.table.column(2))).toEqual(Array.from({ length: 30 }, (_, r) => fakeValue(r, 2)));
    expect(c.series).toBeUndefined();
    expect(job0(pool)).toMatchObject({ to: 30, chunkSize: 15, series: false, reduceSeries: undefined, ready: undefined });
    expect(job0(pool).scenario.replications).toBe(30);
  });

  it("the caller's chunk size wins; without a watchdog the job runs on the caller's signal", async () => {
    const pool = scripted(2), signal = new AbortController().signal;
    await run(pool, fakeScenario("F", 30), { chunkSize: 4, signal });
    expect(job0(pool).chunkSize).toBe(4);
    expect(job0(pool).signal).toBe(signal);
  });

  it("with series kept on this thread, a chunk carries at most SERIES_CHUNK_BYTES of rows", async () => {
    // 100,000 cells × 4 bytes: 20 replications fit 8 MiB (⌊8,388,608 / 400,000⌋), below chunkSizeFor's 25; 80 replications stay exact.
    const pool = scripted(1, { deliver: async () => { throw new Error("stopped here"); }, layout: { nodes: ["a", "b"], horizon: 5, cells: 100_000 } });
    await expect(run(pool, fakeScenario("F", 80), { series: true })).rejects.toThrow("stopped here");
    expect(job0(pool)).toMatchObject({ chunkSize: 20, series: true, reduceSeries: undefined });
    expect(job0(pool).ready).toBeTypeOf("function");
  });

  it("refuses a chunk that comes back without the series it was asked for", async () => {
    const noRows = scripted(1, { deliver: async (job) => job.onChunk(fakeBatch({ from: 0, to: 10 })) });
    await expect(run(noRows, fakeScenario("F", 30), { series: true, chunkSize: 10 })).rejects.toThrow("chunk 0–9 came back without its series");
    const noSums = scripted(1, { deliver: async (job) => job.onChunk(fakeBatch({ from: 0, to: 25, series: true })) });
    await expect(run(noSums, fakeScenario("F", 230), { series: true, seriesBudgetBytes: 35 * 4 * 60 })).rejects.toThrow("chunk 0–24 came back without its series block sums");
  });

  it("holds at most 2 chunks per worker waiting to be reduced: the pool's `ready` waits beyond that", async () => {
    const readiness: (Promise<void> | void)[] = [];
    // The reducer calls `tick` once per row it adds: rows reduced so far.
    let rowsReduced = 0, reducedWhenReleased = 0;
    const pool = scripted(1, { deliver: async (job) => {
      // One worker: up to 2 chunks may wait. The 3rd and 4th make the worker wait until only 2 do.
      for (let i = 0; i < 4; i++) { job.onChunk(chunk(job, 10 * i, 10 * i + 10)); readiness.push(job.ready!()); }
      await readiness[3];
      reducedWhenReleased = rowsReduced;
      readiness.push(job.ready!());
    } });
    const c = await run(pool, fakeScenario("F", 40), { series: true, chunkSize: 10, tick: () => { rowsReduced++; } });
    expect(readiness.map((r) => r instanceof Promise)).toEqual([false, false, true, true, false]);
    expect(reducedWhenReleased).toBe(20);
    expect(c.series!.nodes.a.onHand.mean).toHaveLength(5);
  });

  describe("series beyond the exact budget, counted on the workers", () => {
    const s = fakeScenario("F", 230), opts = { series: true, seriesBudgetBytes: 35 * 4 * 60, chunkSize: 7 };
    it("asks for block sums under a key of its own, chunks on whole blocks, and takes the bands from the pool", async () => {
      const a = scripted(2), b = scripted(2);
      const c = await run(a, s, opts);
      await run(b, s, opts);
      expect(job0(a)).toMatchObject({ chunkSize: 25, series: false, ready: undefined });
      expect(job0(a).reduceSeries).toMatch(/^run\d+$/);
      expect(job0(b).reduceSeries).not.toBe(job0(a).reduceSeries);
      expect([a.bandsAsked, a.taken]).toEqual([[job0(a).reduceSeries], []]);
      const rows = fakeBatch({ from: 0, to: 230, series: true }).series!;
      const cell0 = Array.from({ length: 230 }, (_, r) => rows[r * fakeLayout.cells]);
      expect(c.series!.nodes.a.onHand.mean[0]).toBeCloseTo(cell0.reduce((x, y) => x + y) / 230, 9);
    });

    it("a run that fails lets the workers' histograms go", async () => {
      const pool = scripted(2, { deliver: stallAfter(1) });
      await expect(run(pool, s, opts)).rejects.toThrow("aborted");
      expect([pool.bandsAsked, pool.taken]).toEqual([[], [job0(pool).reduceSeries]]);
    });
  });

  describe("a stall", () => {
    it("fails the run naming the silence and the replications completed; a chunk tells the watchdog the workers are alive", async () => {
      const w = recordingWatchdog(true);
      await expect(run(scripted(1, { deliver: stallAfter(12) }), fakeScenario("F", 1500), { chunkSize: 100, stallMs: 1500 }, w.env)).rejects.toThrow(
        "No replication came back for 2 s: a simulation worker stopped without reporting an error. The run stopped after 1,200 of 1,500 replications had completed; " +
        "no result was produced. (A worker that hangs is only detected after 2 s in which no chunk of replications comes back.)");
      expect([w.seen.alive, w.seen.stopped]).toEqual([12, 1]);
    });

    it("a silence under a second is said in milliseconds", async () => {
      for (const [stallMs, said] of [[999, "999 ms"], [1000, "1 s"]] as const) {
        const w = recordingWatchdog(true);
        await expect(run(scripted(1, { deliver: stallAfter(0) }), fakeScenario("F", 30), { stallMs }, w.env)).rejects.toThrow(`No replication came back for ${said}: `);
      }
    });

    it("allows 60 s by default, more for chunks of over 6 M node-days (100 k node-days a second)", async () => {
      const w = recordingWatchdog(false), signal = new AbortController().signal;
      await run(scripted(1), fakeScenario("F", 30), { chunkSize: 10, signal }, w.env);
      // 10 node-days a replication: 700,000 replications a chunk are 7 M node-days, 70 s.
      await run(scripted(1, { deliver: async () => undefined }), fakeScenario("F", 30), { chunkSize: 700_000 }, w.env).catch(() => undefined);
      expect(w.seen.stallMs).toEqual([60_000, 70_000]);
      expect(w.seen.user).toEqual([signal, undefined]);
    });

    it("an error that is not a stall comes back as it is", async () => {
      const w = recordingWatchdog(false);
      await expect(run(scripted(1, { deliver: stallAfter(0) }), fakeScenario("F", 30), {}, w.env)).rejects.toMatchObject({ name: "AbortError", message: "aborted" });
      expect(w.seen.stopped).toBe(1);
    });
  });

  it("a run cancelled while its last chunks came back fails with an AbortError", async () => {
    const ctl = new AbortController();
    const pool = scripted(1, { deliver: async (job) => { await everyChunk(job); ctl.abort(); } });
    await expect(run(pool, fakeScenario("F", 30), { signal: ctl.signal })).rejects.toMatchObject({ name: "AbortError", message: "The run was cancelled" });
  });

  describe("the KPI table", () => {
    // 30 replications × 5 columns × 8 bytes = 1,200 bytes.
    const spilling = (thresholdBytes: number) => {
      const counts = { stores: 0, disposed: 0 };
      const store = () => { counts.stores++; const st = createMemoryValueStore(); return { ...st, dispose: () => { counts.disposed++; } }; };
      return { counts, spill: { store, thresholdBytes } };
    };

    it("spills to the store only when the table would exceed the threshold", async () => {
      const at = spilling(1200), over = spilling(1199);
      await run(scripted(1), fakeScenario("F", 30), { spill: at.spill });
      const c = await run(scripted(1), fakeScenario("F", 30), { spill: over.spill, maxTableBytes: 1 });
      expect([at.counts.stores, over.counts.stores]).toEqual([0, 1]);
      // A spilled table is not held to the page's budget.
      expect(Array.from(c.table.column(0))).toEqual(Array.from({ length: 30 }, (_, r) => fakeValue(r, 0)));
    });

    it("is freed when the run fails", async () => {
      const t = spilling(0);
      await expect(run(scripted(1, { deliver: stallAfter(1) }), fakeScenario("F", 30), { spill: t.spill, chunkSize: 10 })).rejects.toThrow("aborted");
      expect(t.counts).toEqual({ stores: 1, disposed: 1 });
    });

    it("in memory, is refused over maxTableBytes and allowed at it", async () => {
      await expect(run(scripted(1), fakeScenario("F", 30), { maxTableBytes: 1200 })).resolves.toMatchObject({ info: { columns: fakeColumns } });
      await expect(run(scripted(1), fakeScenario("F", 30), { maxTableBytes: 1199 })).rejects.toMatchObject({ name: "ScenarioError", issues: [{ path: "replications" }] });
    });

    it("sharingTables gives each of k runs held at once a k-th of the budget", () => {
      expect(sharingTables({ maxTableBytes: 900, seed: 3 }, 3)).toEqual({ maxTableBytes: 300, seed: 3 });
      const none = { seed: 3 };
      expect(sharingTables(none, 3)).toBe(none);
    });
  });
});
