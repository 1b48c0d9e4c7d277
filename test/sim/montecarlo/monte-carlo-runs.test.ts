import { describe, expect, it } from "vitest";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import type { RunEnvironment } from "../../../src/sim/montecarlo/collect.ts";
import { compareMonteCarlo, impactMonteCarlo, runMonteCarlo } from "../../../src/sim/montecarlo/monte-carlo.ts";
import type { ReplicationJob, RunProgress } from "../../../src/sim/montecarlo/replication-pool.ts";
import { createMemoryValueStore } from "../../../src/sim/montecarlo/spilled-kpi-table.ts";
import { fakeColumns, fakeScenario, fakeValue } from "../../helpers/fake-engine.ts";
import { everyChunk, scriptedChunk, scriptedPool } from "../../helpers/scripted-pool.ts";

/**
 * A clock that moves 10 ms per chunk delivered, and workers that report after chunk k of K: elapsed
 * 10·k ms and, from the second chunk on, 10·(K − k) ms to go (the first has no estimate yet).
 */
function clocked(shift?: (s: Scenario) => number, columns: KpiColumn[] = fakeColumns) {
  let now = 0;
  const deliver = async (job: ReplicationJob) => {
    const K = Math.ceil(job.to / job.chunkSize);
    for (let k = 1; k <= K; k++) {
      const from = (k - 1) * job.chunkSize, to = Math.min(job.to, from + job.chunkSize);
      job.onChunk(scriptedChunk(job, from, to, shift?.(job.scenario) ?? 0, columns.length));
      now += 10;
      job.onProgress?.({ done: to, total: job.to, perWorker: [to], elapsedMs: 10 * k, etaMs: k === 1 ? null : 10 * (K - k) });
    }
  };
  const env: RunEnvironment = { now: () => now };
  return { pool: scriptedPool(1, { deliver, columns }), env };
}
type Seen = Pick<RunProgress, "done" | "total" | "elapsedMs" | "etaMs">;
const progressOf = (seen: Seen[]) => (p: RunProgress) => seen.push({ done: p.done, total: p.total, elapsedMs: p.elapsedMs, etaMs: p.etaMs });
const at = (done: number, total: number, elapsedMs: number, etaMs: number | null): Seen => ({ done, total, elapsedMs, etaMs });

const totalCost: KpiColumn = { scope: "network", id: "", key: "totalCost" };
const costColumns = [...fakeColumns, totalCost];
/** The scenario with an outage (fakeScenario's horizon is 5) and, with `mitigated`, an expedite. */
function disrupted(mitigated: boolean): Scenario {
  const s = fakeScenario("Outage", 30);
  return {
    ...s, warmup: 1,
    disruptions: [{ type: "node-outage", node: "a", start: 1, end: 3 }],
    ...(mitigated ? { mitigations: { expedite: [{ from: "s", to: "a", leadTime: { type: "constant", value: 1 }, when: "position-below", threshold: 2 }] } } : {}),
  } as Scenario;
}
/** Every KPI 3 higher with the disruption, and 5 higher with it but without the mitigations. */
const effect = (s: Scenario) => (s.disruptions ? (s.mitigations ? 3 : 5) : 0);

describe("monte-carlo: the runs on a pool", () => {
  it("runMonteCarlo reports the run's elapsed time from the clock and its workers", async () => {
    const { pool, env } = clocked();
    const r = await runMonteCarlo(pool, fakeScenario("F", 30), { chunkSize: 10 }, env);
    expect([r.elapsedMs, r.workers, r.replications]).toEqual([30, 1, 30]);
    expect(r.nodes.a.onHand.mean).toBeCloseTo(Array.from({ length: 30 }, (_, i) => fakeValue(i, 2)).reduce((x, y) => x + y) / 30, 12);
  });

  it("compareMonteCarlo reports one progress over both sides: B follows A, and while A runs B is estimated to take as long", async () => {
    const { pool, env } = clocked(), seen: Seen[] = [];
    const r = await compareMonteCarlo(pool, fakeScenario("A", 99), fakeScenario("B", 7), { replications: 30, seed: 5, chunkSize: 10, onProgress: progressOf(seen) }, env);
    expect(seen).toEqual([
      // A: its estimate to go plus B's, as long as A's elapsed + to go.
      at(10, 60, 10, null), at(20, 60, 20, 10 + (20 + 10)), at(30, 60, 30, 0 + (30 + 0)),
      // B: after A's 30 ms.
      at(40, 60, 30 + 10, null), at(50, 60, 30 + 20, 10), at(60, 60, 30 + 30, 0),
    ]);
    expect([r.a.elapsedMs, r.b.elapsedMs, r.a.replications, r.b.replications, r.b.seed, r.comparison.seed]).toEqual([30, 30, 30, 30, 5, 5]);
    expect(pool.jobs.map((j) => j.scenario.name)).toEqual(["A", "B"]);
  });

  it("impactMonteCarlo reports one progress over its three runs, each later run estimated to take as long as the current one", async () => {
    const { pool, env } = clocked(effect, costColumns), seen: Seen[] = [];
    await impactMonteCarlo(pool, disrupted(true), { chunkSize: 10, onProgress: progressOf(seen) }, env);
    expect(seen).toEqual([
      at(10, 90, 10, null), at(20, 90, 20, 10 + 2 * (20 + 10)), at(30, 90, 30, 0 + 2 * 30),
      at(40, 90, 30 + 10, null), at(50, 90, 30 + 20, 10 + 1 * 30), at(60, 90, 30 + 30, 30),
      at(70, 90, 60 + 10, null), at(80, 90, 60 + 20, 10), at(90, 90, 60 + 30, 0),
    ]);
    // The baseline has no disruptions; the unmitigated run keeps them and drops the mitigations.
    expect(pool.jobs.map((j) => [j.scenario.disruptions?.length ?? 0, j.scenario.mitigations ? 1 : 0])).toEqual([[0, 1], [1, 1], [1, 0]]);
  });

  it("impactMonteCarlo prices the disruption, the unmitigated disruption and the saving per measured day and in total", async () => {
    const { pool, env } = clocked(effect, costColumns);
    const r = await impactMonteCarlo(pool, disrupted(true), { chunkSize: 10, replications: 20, series: true }, env);
    // 4 measured days (horizon 5, warm-up 1); every replication's cost differs by exactly 3 and 5.
    expect([r.scenario, r.replications, r.measuredDays, r.disruptions, r.mitigations, r.elapsedMs]).toEqual(["Outage", 20, 4, 1, ["expedite"], 60]);
    expect(r.cost.perDay.mean).toBeCloseTo(3, 12);
    expect(r.cost.total.mean).toBeCloseTo(12, 12);
    expect(r.costUnmitigated!.total.mean).toBeCloseTo(20, 12);
    expect(r.saved!.perDay.mean).toBeCloseTo(2, 12);
    expect(r.network.onHand.disrupted.mean - r.network.onHand.baseline.mean).toBeCloseTo(3, 12);
    expect(Object.keys(r.series!)).toEqual(["baseline", "disrupted", "unmitigated"]);
    expect(r.series!.baseline.nodes.a.onHand.mean).toHaveLength(5);
  });

  it("impactMonteCarlo without mitigations runs twice and says nothing of an unmitigated run; without `series` it brings none", async () => {
    const { pool, env } = clocked(effect, costColumns), seen: Seen[] = [];
    const r = await impactMonteCarlo(pool, disrupted(false), { chunkSize: 10, onProgress: progressOf(seen) }, env);
    expect(pool.jobs).toHaveLength(2);
    expect(seen.at(-1)).toEqual(at(60, 60, 60, 0));
    expect(r.cost.perDay.mean).toBeCloseTo(5, 12);
    expect([r.mitigations, "costUnmitigated" in r, "saved" in r, "series" in r]).toEqual([[], false, false, false]);
  });

  it("impactMonteCarlo gives each of its tables a share of the page's budget", async () => {
    // 30 replications × 6 columns × 8 bytes = 1,440 bytes a table; three tables at once.
    const { pool, env } = clocked(effect, costColumns);
    await expect(impactMonteCarlo(pool, disrupted(true), { maxTableBytes: 3 * 1440 }, env)).resolves.toMatchObject({ replications: 30 });
    await expect(impactMonteCarlo(pool, disrupted(true), { maxTableBytes: 3 * 1440 - 3 }, env)).rejects.toMatchObject({ name: "ScenarioError" });
    await expect(impactMonteCarlo(pool, disrupted(false), { maxTableBytes: 2 * 1440 }, env)).resolves.toMatchObject({ replications: 30 });
  });

  describe("cancelled while the last chunks came back, or failed", () => {
    const cancelling = (ctl: AbortController) => scriptedPool(1, { columns: costColumns, deliver: async (job) => { await everyChunk(job, undefined, costColumns.length); ctl.abort(); } });
    const spill = () => {
      const counts = { stores: 0, disposed: 0 };
      return { counts, spill: { thresholdBytes: 0, store: () => { counts.stores++; return { ...createMemoryValueStore(), dispose: () => { counts.disposed++; } }; } } };
    };
    const env: RunEnvironment = { now: () => 0 };

    it("every run fails with an AbortError and frees its tables", async () => {
      for (const go of [
        (o: object, ctl: AbortController) => runMonteCarlo(cancelling(ctl), fakeScenario("F", 30), o, env),
        (o: object, ctl: AbortController) => compareMonteCarlo(cancelling(ctl), fakeScenario("A", 30), fakeScenario("B", 30), o, env),
        (o: object, ctl: AbortController) => impactMonteCarlo(cancelling(ctl), disrupted(true), o, env),
      ]) {
        const ctl = new AbortController(), t = spill();
        await expect(go({ signal: ctl.signal, spill: t.spill }, ctl)).rejects.toMatchObject({ name: "AbortError" });
        expect(t.counts.disposed).toBe(t.counts.stores);
        expect(t.counts.stores).toBeGreaterThan(0);
      }
    });

    it("a run whose result cannot be built still frees its tables", async () => {
      const t = spill(), failing = scriptedPool(1, { columns: costColumns, deliver: async (job) => { await everyChunk(job, undefined, costColumns.length); } });
      // A tick that throws stops buildRunResult, buildComparison and buildImpact half-way.
      const boom = () => { throw new Error("boom"); };
      await expect(runMonteCarlo(failing, fakeScenario("F", 30), { spill: t.spill, tick: boom }, env)).rejects.toThrow("boom");
      await expect(compareMonteCarlo(failing, fakeScenario("A", 30), fakeScenario("B", 30), { spill: t.spill, tick: boom }, env)).rejects.toThrow("boom");
      await expect(impactMonteCarlo(failing, disrupted(true), { spill: t.spill, tick: boom }, env)).rejects.toThrow("boom");
      expect(t.counts).toEqual({ stores: 1 + 1 + 3, disposed: 1 + 1 + 3 });
    });
  });
});
