// Workers that run in this process behind promises and a macrotask delay, so chunks complete in
// interleaved, varying order as they do across real workers. For tests of the pool and the core.
import type { WorkerHandle, WorkerFactory, RemoteSimApi } from "../../src/workers/pool.ts";
import { createSimApi, type Engine } from "../../src/workers/sim-api.ts";
import { fakeEngine } from "./fake-engine.ts";

export interface FakeWorkers {
  factory: WorkerFactory;
  created: number;
  terminated: number;
  loads: number;
  /** Makes worker `index`'s next call crash the worker. */
  crashNext(index: number): void;
  /** Crashes worker `index` at once, between calls (an uncaught error while it is idle). */
  crashNow(index: number): void;
}

export function inProcessWorkers(engine: Engine = fakeEngine): FakeWorkers {
  const crashes = new Set<number>();
  const crashNow = new Map<number, () => void>();
  const state: FakeWorkers = {
    created: 0, terminated: 0, loads: 0,
    crashNext: (i) => crashes.add(i),
    crashNow: (i) => crashNow.get(i)?.(),
    factory(index): WorkerHandle {
      state.created++;
      const api = createSimApi(engine);
      let crash!: (e: Error) => void;
      const failed = new Promise<never>((_, reject) => { crash = reject; });
      let alive = true;
      crashNow.set(index, () => { if (alive) { alive = false; crash(new Error("uncaught error in the idle worker")); } });
      const later = <T>(f: () => T, ms: number) => new Promise<T>((resolve, reject) => setTimeout(() => {
        if (!alive) return;
        if (crashes.delete(index)) { alive = false; crash(new Error("the worker thread exited with code 1")); return; }
        try { resolve(f()); } catch (e) { reject(e); }
      }, ms));
      const remote: RemoteSimApi = {
        load: (id, s) => { state.loads++; return later(() => api.load(id, s), 0); },
        runBatch: (id, req) => later(() => api.runBatch(id, req), 1 + ((req.from * 7 + index * 3) % 5)),
        runReduced: (id, run, req) => later(() => api.runReduced(id, run, req), 1 + ((req.from * 7 + index * 3) % 5)),
        takeSeries: (run) => later(() => api.takeSeries(run), 0),
        seriesBands: (run, others) => later(() => api.seriesBands(run, others), 0),
        trace: (id, rep) => later(() => api.trace(id, rep), 0),
      };
      return { api: remote, failed, terminate() { alive = false; state.terminated++; } };
    },
  };
  return state;
}
