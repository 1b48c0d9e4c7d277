import { describe, expect, it } from "vitest";
import type { BatchResult } from "../../src/sim/model/batch.ts";
import { chunkSizeFor, createPool, type RunProgress } from "../../src/workers/pool.ts";
import { fakeScenario, fakeValue } from "../helpers/fake-engine.ts";
import { inProcessWorkers } from "../helpers/in-process-workers.ts";

describe("pool", () => {
  it("run deals every replication exactly once, dynamically, and reports progress", async () => {
    const w = inProcessWorkers(), pool = createPool(3, w.factory);
    const got: BatchResult[] = [], progress: RunProgress[] = [];
    await pool.run({ scenario: fakeScenario(), to: 107, chunkSize: 10, onChunk: (b) => got.push(b), onProgress: (p) => progress.push(p) });
    const reps = got.flatMap((b) => Array.from({ length: b.to - b.from }, (_, i) => b.from + i)).sort((a, b) => a - b);
    expect(reps).toEqual(Array.from({ length: 107 }, (_, i) => i));
    expect(got.every((b) => b.values[0] === fakeValue(b.from, 0))).toBe(true);
    const last = progress.at(-1)!;
    expect([last.done, last.total, last.etaMs]).toEqual([107, 107, 0]);
    expect(last.perWorker.reduce((a, b) => a + b)).toBe(107);
    expect(last.perWorker.every((n) => n > 0)).toBe(true);
    expect(progress[0].etaMs).toBeGreaterThanOrEqual(0);
    expect(w.created).toBe(3);
  });

  it("run loads a scenario once per worker, not once per chunk", async () => {
    const w = inProcessWorkers(), pool = createPool(2, w.factory), s = fakeScenario();
    await pool.run({ scenario: s, to: 100, chunkSize: 5, onChunk: () => undefined });
    await pool.run({ scenario: s, to: 100, chunkSize: 5, onChunk: () => undefined });
    expect(w.loads).toBe(2);
  });

  it("many runs at once on one worker: a scenario evicted from the worker's cache by the others is loaded again before its next chunk", async () => {
    // The trade-off curve runs many scenarios concurrently; more than the cache holds (8) interleave
    // on one worker, so a run's scenario can be evicted between two of its chunks.
    const w = inProcessWorkers(), pool = createPool(1, w.factory);
    const scenarios = Array.from({ length: 12 }, () => fakeScenario());
    const counts = scenarios.map(() => 0);
    await Promise.all(scenarios.map((s, k) => pool.run({ scenario: s, to: 40, chunkSize: 5, onChunk: (b) => { counts[k] += b.to - b.from; } })));
    expect(counts).toEqual(scenarios.map(() => 40));
  });

  it("a chunk that throws fails the run and says how many replications had completed", async () => {
    const pool = createPool(1, inProcessWorkers().factory);
    await expect(pool.run({ scenario: fakeScenario("throws at 40"), to: 100, chunkSize: 10, onChunk: () => undefined }))
      .rejects.toThrow("Worker 1 failed: boom at replication 40. The run stopped after 40 of 100 replications had completed; no result was produced.");
  });

  it("a crashed worker fails the run, and is replaced for the next run", async () => {
    const w = inProcessWorkers(), pool = createPool(1, w.factory);
    await pool.run({ scenario: fakeScenario(), to: 20, chunkSize: 10, onChunk: () => undefined });
    w.crashNext(0);
    await expect(pool.run({ scenario: fakeScenario(), to: 20, chunkSize: 10, onChunk: () => undefined }))
      .rejects.toThrow(/^Worker 1 crashed: the worker thread exited with code 1\. The run stopped after 0 of 20/);
    await pool.run({ scenario: fakeScenario(), to: 20, chunkSize: 10, onChunk: () => undefined });
    expect(w.created).toBe(2);
  });

  it("a worker that crashes between two chunks fails the run as a crash, not on a fresh worker that lacks the scenario", async () => {
    const w = inProcessWorkers(), pool = createPool(1, w.factory);
    let chunks = 0;
    // `ready` (the series back-pressure wait) lets the crash land while the run waits between chunks.
    const ready = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    await expect(pool.run({ scenario: fakeScenario(), to: 50, chunkSize: 10, ready, onChunk: () => { if (++chunks === 2) w.crashNow(0); } }))
      .rejects.toThrow(/^Worker 1 crashed: uncaught error in the idle worker\. The run stopped after 20 of 50/);
    await pool.run({ scenario: fakeScenario(), to: 20, chunkSize: 10, onChunk: () => undefined });
    expect(w.created).toBe(2);
  });

  it("seriesBands reads the bands of every replication the workers counted", async () => {
    const w = inProcessWorkers(), pool = createPool(2, w.factory);
    await pool.run({ scenario: fakeScenario(), to: 100, chunkSize: 25, reduceSeries: "r1", onChunk: () => undefined });
    const bands = await pool.seriesBands("r1");
    expect(bands.total[0]).toBe(100);
  });

  it("a worker that dies after its last chunk fails seriesBands, saying whose replications were lost, instead of bands from fewer replications", async () => {
    const w = inProcessWorkers(), pool = createPool(2, w.factory);
    const perWorker: number[] = [];
    await pool.run({ scenario: fakeScenario(), to: 100, chunkSize: 25, reduceSeries: "r1", onChunk: () => undefined, onProgress: (p) => perWorker.splice(0, 2, ...p.perWorker) });
    expect(perWorker[1]).toBeGreaterThan(0);
    w.crashNow(1);
    await Promise.resolve();
    await expect(pool.seriesBands("r1")).rejects.toThrow(
      `Worker 2 crashed (uncaught error in the idle worker) after its replications were done, and the series histograms of the ${perWorker[1]} replications it counted were lost with it: ` +
      `the bands would come from ${100 - perWorker[1]} of 100 replications, so no result was produced. Run it again.`);
    // The next run is whole again.
    await pool.run({ scenario: fakeScenario(), to: 100, chunkSize: 25, reduceSeries: "r2", onChunk: () => undefined });
    expect((await pool.seriesBands("r2")).total[0]).toBe(100);
  });

  it("a worker that forgot a run's histograms (more runs than it keeps) fails seriesBands rather than dropping them", async () => {
    const w = inProcessWorkers(), pool = createPool(2, w.factory);
    for (const key of ["r1", "r2", "r3"]) await pool.run({ scenario: fakeScenario(), to: 100, chunkSize: 25, reduceSeries: key, onChunk: () => undefined });
    await expect(pool.seriesBands("r1")).rejects.toThrow(/^Worker 2 no longer holds its series \(it had forgotten the run\), and the series histograms of the \d+ replications it counted were lost/);
  });

  it("an aborted signal stops dealing, terminates busy workers and rejects with an AbortError", async () => {
    const w = inProcessWorkers(), pool = createPool(2, w.factory), ctl = new AbortController();
    let chunks = 0;
    const run = pool.run({ scenario: fakeScenario(), to: 1000, chunkSize: 10, signal: ctl.signal, onChunk: () => { if (++chunks === 3) ctl.abort(); } });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(chunks).toBe(3);
    expect(w.terminated).toBeGreaterThan(0);
    const done: number[] = [];
    await pool.run({ scenario: fakeScenario(), to: 30, chunkSize: 10, onChunk: (b) => done.push(b.from) });
    expect(done.sort((a, b) => a - b)).toEqual([0, 10, 20]);
  });

  it("run with an already aborted signal rejects at once", async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(createPool(1, inProcessWorkers().factory).run({ scenario: fakeScenario(), to: 10, chunkSize: 5, signal: ctl.signal, onChunk: () => undefined }))
      .rejects.toMatchObject({ name: "AbortError" });
  });

  it("trace replays one replication in a worker", async () => {
    const t = await createPool(2, inProcessWorkers().factory).trace(fakeScenario(), 12);
    expect(t.replication).toBe(12);
    expect(t.onHand[0]).toBe(12);
  });

  it("dispose rejects later calls", async () => {
    const pool = createPool(1, inProcessWorkers().factory);
    pool.dispose();
    await expect(pool.trace(fakeScenario(), 1)).rejects.toThrow("this simulation client was disposed");
  });

  it("chunkSizeFor deals 25–50 replications, fewer for short runs or expensive replications", () => {
    expect(chunkSizeFor(1000, 2, 10_000)).toBe(50);
    expect(chunkSizeFor(100, 2, 10_000)).toBe(25);
    expect(chunkSizeFor(10, 2, 10_000)).toBe(5);
    expect(chunkSizeFor(1000, 2, 1_000_000)).toBe(5);
    expect(chunkSizeFor(1000, 2, 1e8)).toBe(1);
  });
});
