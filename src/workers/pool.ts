/**
 * Deals replications to a set of workers, environment-neutral: the same code drives Web Workers
 * (client.ts) and Node worker threads (node-worker.ts). Replications go out in chunks, dynamically:
 * each worker takes the next chunk when it finishes one (1.9–2.0× with two workers against 1.55×
 * for a static split, shared/bench/README.md). Results come back through `onChunk` in any order;
 * src/sim/montecarlo puts them back in replication order.
 *
 * A crashed worker or a chunk that throws fails the run with a message saying how many
 * replications had completed (and, when the worker ran out of memory, saying that and what to
 * change: failure.ts); an aborted signal stops dealing, terminates the workers still busy
 * with the run and rejects with an `AbortError`. Workers are created lazily and re-created after
 * being terminated.
 */
import type { BatchResult, Trace } from "../sim/model/batch.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import { abortError, type ReducedBatch, type ReplicationJob, type ReplicationPool, type RunProgress } from "../sim/montecarlo/replication-pool.ts";
import { histogramBuffers, type HistogramBands, type SeriesHistograms } from "../sim/montecarlo/series-histograms.ts";
import { OUT_OF_MEMORY_ADVICE, isOutOfMemory } from "./failure.ts";
import { createFifoCache, type FifoCache } from "./fifo-cache.ts";
import type { ScenarioInfo, SimApi } from "./sim-api.ts";

/** SimApi as seen from the other side of a worker boundary (comlink's Remote<SimApi>). */
export type RemoteSimApi = { [K in keyof SimApi]: (...args: Parameters<SimApi[K]>) => Promise<ReturnType<SimApi[K]>> };

export interface WorkerHandle {
  readonly api: RemoteSimApi;
  /** Rejects when the worker dies (an uncaught error, an unexpected exit); never resolves. */
  readonly failed: Promise<never>;
  terminate(): void;
  /** Moves rather than copies the given buffers of an argument (comlink's `transfer`; absent: copied). */
  readonly transfer?: <T>(value: T, buffers: ArrayBuffer[]) => T;
}
export type WorkerFactory = (index: number) => WorkerHandle;

export type { ReplicationJob, RunProgress } from "../sim/montecarlo/replication-pool.ts";
export { abortError } from "../sim/montecarlo/replication-pool.ts";
export { chunkSizeFor } from "../sim/montecarlo/chunk-size.ts";

export interface Pool extends ReplicationPool {
  dispose(): void;
}

interface Slot {
  handle: WorkerHandle | null;
  loaded: FifoCache<true>;
  busy: number;
  /**
   * The reject functions of the calls in flight, rejected together when the worker dies or is
   * stopped. (Not Promise.race against a never-settling promise: each race would leave a reaction
   * on it holding its result — every chunk's arrays — for the worker's lifetime.)
   */
  pending: Set<(reason: Error) => void>;
  /** Why this worker was stopped, once it has been: a job that was using it between calls reads it. */
  stopped?: Error;
}

const CRASH = Symbol("crash");

export function createPool(size: number, factory: WorkerFactory, now: () => number = () => performance.now()): Pool {
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`a pool needs at least 1 worker, got ${size}`);
  const slots: Slot[] = Array.from({ length: size }, () => freshSlot());
  const ids = new WeakMap<Scenario, string>();
  /**
   * Per run key, the replications each worker counted into its series histograms, by slot: a
   * worker that dies after its last chunk takes its histograms with it, and the run has already
   * ended well, so seriesBands checks here that every worker that counted is still the one alive.
   */
  const counted = new Map<string, Map<Slot, { readonly index: number; replications: number }>>();
  let nextId = 0, disposed = false;

  function freshSlot(): Slot {
    return { handle: null, loaded: createFifoCache<true>(), busy: 0, pending: new Set() };
  }
  function handleOf(i: number): WorkerHandle {
    if (disposed) throw new Error("this simulation client was disposed");
    const slot = slots[i];
    if (!slot.handle) {
      const h = factory(i);
      h.failed.catch((e: unknown) => {
        if (slots[i] !== slot) return; // already replaced
        const err = Object.assign(e instanceof Error ? e : new Error(String(e)), { [CRASH]: true });
        kill(i, err);
      });
      slot.handle = h;
    }
    return slot.handle;
  }
  /** Terminates worker i; its calls in flight reject with `reason`; it is re-created on next use. */
  function kill(i: number, reason: Error) {
    const slot = slots[i];
    slots[i] = freshSlot();
    slot.stopped = reason;
    for (const reject of slot.pending) reject(reason);
    slot.pending.clear();
    slot.handle?.terminate();
  }
  /** A call to worker i that also rejects if the worker dies or is stopped. */
  function call<T>(i: number, f: (api: RemoteSimApi) => Promise<T>): Promise<T> {
    const h = handleOf(i), slot = slots[i];
    return new Promise<T>((resolve, reject) => {
      slot.pending.add(reject);
      slot.busy++;
      const done = () => { slot.pending.delete(reject); slot.busy--; };
      f(h.api).then((v) => { done(); resolve(v); }, (e: unknown) => { done(); reject(e); });
    });
  }
  function idOf(scenario: Scenario): string {
    let id = ids.get(scenario);
    if (!id) ids.set(scenario, (id = `s${++nextId}`));
    return id;
  }
  async function load(i: number, scenario: Scenario): Promise<{ id: string; info?: ScenarioInfo }> {
    const id = idOf(scenario), slot = slots[i];
    if (slot.loaded.has(id)) return { id };
    slot.loaded.set(id, true);
    return { id, info: await call(i, (api) => api.load(id, scenario)) };
  }

  async function describe(scenario: Scenario): Promise<ScenarioInfo> {
    const i = idlest();
    const id = idOf(scenario);
    slots[i].loaded.set(id, true);
    return call(i, (api) => api.load(id, scenario));
  }
  const idlest = () => slots.reduce((best, s, i) => (s.busy < slots[best].busy ? i : best), 0);

  function run(job: ReplicationJob): Promise<void> {
    const from = job.from ?? 0, to = job.to, total = to - from, chunk = Math.max(1, Math.floor(job.chunkSize));
    const perWorker = new Array<number>(size).fill(0), busyHere = new Array<number>(size).fill(0);
    const t0 = now();
    let next = from, done = 0, active = 0, finished = false;
    return new Promise<void>((resolve, reject) => {
      const end = (err?: Error) => {
        if (finished) return;
        finished = true;
        job.signal?.removeEventListener("abort", onAbort);
        if (err) reject(err); else resolve();
      };
      const onAbort = () => {
        if (finished) return;
        end(abortError());
        for (let i = 0; i < size; i++) if (busyHere[i]) kill(i, abortError("A run using this worker was cancelled"));
      };
      if (job.signal?.aborted) return onAbort();
      job.signal?.addEventListener("abort", onAbort, { once: true });
      if (total <= 0) return end();

      const work = async (i: number) => {
        active++;
        try {
          const mine = slots[i];
          const { id } = await load(i, job.scenario);
          while (!finished && next < to) {
            const wait = job.ready?.();
            if (wait) await wait;
            if (finished || next >= to) break;
            // A worker that died while this job waited between chunks has been replaced by a fresh
            // one that has not loaded the scenario: report the death, do not call the newcomer.
            if (slots[i] !== mine) throw mine.stopped ?? new Error("the worker was stopped");
            const req = { from: next, to: Math.min(to, next + chunk), series: job.series === true };
            next = req.to;
            busyHere[i]++;
            let batch: BatchResult | ReducedBatch;
            try {
              const key = job.reduceSeries;
              // Other runs on this worker may have loaded enough scenarios since to evict this one
              // (the cache keeps SCENARIO_CACHE_SIZE): load it again, in the same turn as the chunk,
              // so no other run's load can come between the two messages.
              const reload = !mine.loaded.has(id);
              if (reload) mine.loaded.set(id, true);
              batch = await call(i, (api) => {
                const loading = reload ? api.load(id, job.scenario) : undefined;
                const result = key === undefined ? api.runBatch(id, req) : api.runReduced(id, key, req);
                return loading ? loading.then(() => result) : result;
              });
            } finally { busyHere[i]--; }
            if (finished) return;
            if (batch.from !== req.from || batch.to !== req.to) throw new Error(`asked for replications ${req.from}–${req.to - 1}, got ${batch.from}–${batch.to - 1}`);
            job.onChunk(batch);
            const n = req.to - req.from;
            if (job.reduceSeries !== undefined) countedBy(job.reduceSeries, i, mine).replications += n;
            done += n;
            perWorker[i] += n;
            const elapsedMs = now() - t0;
            job.onProgress?.({ done, total, perWorker: perWorker.slice(), elapsedMs, etaMs: done < total ? (elapsedMs * (total - done)) / done : 0 });
          }
        } catch (e) {
          if (finished) return;
          const err = e instanceof Error ? e : new Error(String(e));
          const crashed = (err as { [CRASH]?: boolean })[CRASH] === true, oom = isOutOfMemory(err);
          end(new Error(`Worker ${i + 1} ${oom ? "ran out of memory" : crashed ? "crashed" : "failed"}: ${err.message.replace(/\.$/, "")}. ` +
            `The run stopped after ${done.toLocaleString("en")} of ${total.toLocaleString("en")} replications had completed; no result was produced.` +
            (oom ? ` ${OUT_OF_MEMORY_ADVICE}` : ""), { cause: err }));
        } finally {
          active--;
          if (active === 0 && done === total) end();
        }
      };
      for (let i = 0, n = Math.min(size, Math.ceil(total / chunk)); i < n; i++) void work(i);
    });
  }

  async function trace(scenario: Scenario, replication: number): Promise<Trace> {
    const i = idlest(), id = idOf(scenario), reload = !slots[i].loaded.has(id);
    if (reload) slots[i].loaded.set(id, true);
    // the load and the trace in one turn, so no other run's load can evict the scenario between them
    return call(i, (api) => {
      const loading = reload ? api.load(id, scenario) : undefined, result = api.trace(id, replication);
      return loading ? loading.then(() => result) : result;
    });
  }

  function countedBy(run: string, index: number, slot: Slot) {
    let byRun = counted.get(run);
    if (!byRun) counted.set(run, (byRun = new Map()));
    let mine = byRun.get(slot);
    if (!mine) byRun.set(slot, (mine = { index, replications: 0 }));
    return mine;
  }

  /**
   * Why the bands of `run` would miss replications, or null: a worker that counted some died or
   * was stopped since (its slot was replaced), or `returned` (histograms by worker) lacks one.
   */
  function lostSeries(run: string, returned: ReadonlyMap<number, SeriesHistograms | null>): Error | null {
    const byRun = [...(counted.get(run) ?? new Map<Slot, { index: number; replications: number }>())];
    const total = byRun.reduce((a, [, c]) => a + c.replications, 0);
    for (const [slot, { index, replications }] of byRun) {
      const gone = slots[index] !== slot, forgotten = !gone && returned.get(index) === null;
      if (!gone && !forgotten) continue;
      const why = slot.stopped, crashed = (why as { [CRASH]?: boolean } | undefined)?.[CRASH] === true;
      const what = gone ? `${crashed ? "crashed" : "was stopped"}${why ? ` (${why.message.replace(/\.$/, "")})` : ""} after its replications were done` : "no longer holds its series (it had forgotten the run)";
      return new Error(`Worker ${index + 1} ${what}, and the series histograms of the ${replications.toLocaleString("en")} replications it counted were lost with it: ` +
        `the bands would come from ${(total - replications).toLocaleString("en")} of ${total.toLocaleString("en")} replications, so no result was produced. Run it again.`, why ? { cause: why } : undefined);
    }
    return null;
  }

  /** Asks every live worker for its histograms of `run`: those that simulated part of it have some. */
  async function takeSeries(run: string): Promise<SeriesHistograms[]> {
    counted.delete(run);
    const parts = await Promise.all(slots.map((slot, i) => (slot.handle ? call(i, (api) => api.takeSeries(run)) : null)));
    return parts.filter((h): h is SeriesHistograms => h !== null);
  }

  /**
   * One worker (the first alive) merges the others' histograms and reads the bands: the page
   * passes the histograms on (moved, not copied, where the handle can transfer: ≈ 15 MB each for
   * retail) and receives 4 numbers a cell.
   */
  async function seriesBands(run: string): Promise<HistogramBands> {
    const alive = slots.map((s, i) => (s.handle ? i : -1)).filter((i) => i >= 0);
    const gone = lostSeries(run, new Map());
    if (gone || alive.length === 0) {
      void takeSeries(run).catch(() => undefined);
      throw gone ?? new Error("no worker holds this run's series");
    }
    const [root, ...rest] = alive;
    const taken = await Promise.all(rest.map((i) => call(i, (api) => api.takeSeries(run))));
    const forgotten = lostSeries(run, new Map(rest.map((i, k) => [i, taken[k]])));
    const expected = [...(counted.get(run)?.values() ?? [])].reduce((a, c) => a + c.replications, 0);
    counted.delete(run);
    if (forgotten) {
      void call(root, (api) => api.takeSeries(run)).catch(() => undefined);
      throw forgotten;
    }
    const others = taken.filter((h): h is SeriesHistograms => h !== null);
    const h = handleOf(root), buffers = others.flatMap(histogramBuffers);
    const bands = await call(root, (api) => api.seriesBands(run, h.transfer ? h.transfer(others, buffers) : others));
    // Cell 0 (the first node's on-hand on day 0) is never NaN, so every replication counted it once.
    if (expected > 0 && bands.total[0] !== expected) {
      throw new Error(`The series bands hold ${bands.total[0].toLocaleString("en")} replications where the workers ran ${expected.toLocaleString("en")}: ` +
        "a worker's series histograms were lost, so no result was produced. Run it again.");
    }
    return bands;
  }

  function dispose() {
    disposed = true;
    for (let i = 0; i < size; i++) if (slots[i].handle) kill(i, new Error("this simulation client was disposed"));
  }

  return { size, describe, run, takeSeries, seriesBands, trace, dispose };
}
