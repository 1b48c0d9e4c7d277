import { describe, expect, it } from "vitest";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import type { RunEnvironment } from "../../../src/sim/montecarlo/collect.ts";
import { compareMonteCarlo, impactMonteCarlo, runMonteCarlo } from "../../../src/sim/montecarlo/monte-carlo.ts";
import type { ReplicationJob, RunProgress } from "../../../src/sim/montecarlo/replication-pool.ts";
import { createMemoryValueStore } from "../../../src/sim/montecarlo/spilled-kpi-table.ts";
import { stallWatchdog } from "../../../src/workers/stall-watchdog.ts";
import { fakeColumns, fakeScenario } from "../../helpers/fake-engine.ts";
import { everyChunk, scriptedChunk, scriptedPool } from "../../helpers/scripted-pool.ts";

const START = 1000;
/** A clock that reads START at first and moves 10 ms per chunk delivered; workers report after each chunk. */
function clocked(columns: KpiColumn[] = fakeColumns) {
  let now = START;
  const deliver = async (job: ReplicationJob) => {
    const K = Math.ceil(job.to / job.chunkSize);
    for (let k = 1; k <= K; k++) {
      const from = (k - 1) * job.chunkSize, to = Math.min(job.to, from + job.chunkSize);
      job.onChunk(scriptedChunk(job, from, to, job.scenario.disruptions ? 3 : 0, columns.length));
      now += 10;
      job.onProgress?.({ done: to, total: job.to, perWorker: [to], elapsedMs: 10 * k, etaMs: k === 1 ? null : 10 * (K - k) });
    }
  };
  const env: RunEnvironment = { now: () => now };
  return { pool: scriptedPool(1, { deliver, columns }), env };
}
const totalCost: KpiColumn = { scope: "network", id: "", key: "totalCost" };
const outage = (): Scenario => ({ ...fakeScenario("Outage", 30), warmup: 1, disruptions: [{ type: "node-outage", node: "a", start: 1, end: 3 }] }) as Scenario;

describe("monte-carlo: times from a clock that does not start at 0, cancels while the result is built", () => {
  it("a run's elapsed time is the clock's difference: 3 chunks of 10 ms", async () => {
    const { pool, env } = clocked();
    expect((await runMonteCarlo(pool, fakeScenario("F", 30), { chunkSize: 10 }, env)).elapsedMs).toBe(30);
  });

  it("a comparison times each side, and needs no progress callback", async () => {
    const { pool, env } = clocked();
    const r = await compareMonteCarlo(pool, fakeScenario("A", 30), fakeScenario("B", 30), { chunkSize: 10 }, env);
    expect([r.a.elapsedMs, r.b.elapsedMs]).toEqual([30, 30]);
  });

  it("a comparison's side B reports progress after A's time", async () => {
    const { pool, env } = clocked();
    const seen: number[] = [];
    await compareMonteCarlo(pool, fakeScenario("A", 30), fakeScenario("B", 30), { chunkSize: 10, onProgress: (p: RunProgress) => seen.push(p.elapsedMs) }, env);
    expect(seen).toEqual([10, 20, 30, 30 + 10, 30 + 20, 30 + 30]);
  });

  it("an impact's later runs report progress after the earlier runs' time, and the report the whole time", async () => {
    const { pool, env } = clocked([...fakeColumns, totalCost]);
    const seen: number[] = [];
    const r = await impactMonteCarlo(pool, outage(), { chunkSize: 10, onProgress: (p: RunProgress) => seen.push(p.elapsedMs) }, env);
    // Baseline, then disrupted: 10, 20, 30 ms into each, after 0 and 30 ms.
    expect(seen).toEqual([10, 20, 30, 40, 50, 60]);
    expect(r.elapsedMs).toBe(60);
  });

  it("a cancel that comes while the result is being built still ends the run with an AbortError", async () => {
    const pool = () => scriptedPool(1, { columns: [...fakeColumns, totalCost], deliver: (job) => everyChunk(job, undefined, fakeColumns.length + 1) });
    const env: RunEnvironment = { now: () => 0 };
    for (const go of [
      (o: object) => runMonteCarlo(pool(), fakeScenario("F", 30), o, env),
      (o: object) => compareMonteCarlo(pool(), fakeScenario("A", 30), fakeScenario("B", 30), o, env),
      (o: object) => impactMonteCarlo(pool(), outage(), o, env),
    ]) {
      const ctl = new AbortController();
      await expect(go({ signal: ctl.signal, tick: () => { ctl.abort(); } })).rejects.toMatchObject({ name: "AbortError" });
    }
    // A comparison cancelled at its last pause, while it pairs the two sides' KPIs.
    let ticks = 0;
    await compareMonteCarlo(pool(), fakeScenario("A", 30), fakeScenario("B", 30), { tick: () => { ticks++; } }, env);
    const ctl = new AbortController();
    let at = 0;
    await expect(compareMonteCarlo(pool(), fakeScenario("A", 30), fakeScenario("B", 30), { signal: ctl.signal, tick: () => { if (++at === ticks) ctl.abort(); } }, env))
      .rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("collect: the table's store, its limit, a stall", () => {
  it("a spilled table writes segments of the size asked for", async () => {
    const appended: number[] = [], columns = fakeColumns.length;
    const store = () => { const m = createMemoryValueStore(); return { ...m, append: (v: Float64Array) => { appended.push(v.length); m.append(v); } }; };
    // 8 bytes × columns × 12 rows: segments of 12, 12 and 6 replications.
    await runMonteCarlo(scriptedPool(1), fakeScenario("F", 30), { chunkSize: 10, spill: { thresholdBytes: 0, store, segmentBytes: 8 * columns * 12 } }, { now: () => 0 });
    expect(appended).toEqual([12 * columns, 12 * columns, 6 * columns]);
  });

  it("a table over the page's limit is refused, saying where the limit holds", async () => {
    await expect(runMonteCarlo(scriptedPool(1), fakeScenario("F", 30), { maxTableBytes: 8 }, { now: () => 0 }))
      .rejects.toMatchObject({ name: "ScenarioError", issues: [{ path: "replications", message: expect.stringContaining("per-replication KPI values in this page:") }] });
  });

  it("a stall's error keeps the pool's error as its cause", async () => {
    const poolError = new Error("the pool gave up");
    const silent = scriptedPool(1, { deliver: (job) => new Promise((_, reject) => job.signal!.addEventListener("abort", () => reject(poolError))) });
    const err = await runMonteCarlo(silent, fakeScenario("F", 30), { stallMs: 30 }, { now: () => 0, watchdog: stallWatchdog }).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: expect.stringContaining("No replication came back for 30 ms"), cause: poolError });
  });
});
