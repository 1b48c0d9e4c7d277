/**
 * The object both kinds of worker expose (sim.worker.ts in the browser, node.worker.ts in Node):
 * a thin layer over the engine that caches scenarios by id, so a scenario crosses the worker
 * boundary once per run (`load`) rather than once per chunk. Results are returned by structured
 * clone, never transferred: detaching a buffer in the simulating worker would slow its typed-array
 * code by 13–15% (shared/bench/README.md).
 */
import type { BatchRequest, BatchResult, KpiColumn, SeriesLayout, Trace } from "../sim/model/batch.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import { createFifoCache } from "./fifo-cache.ts";

/** The engine functions a worker needs (src/sim/engine/index.ts). */
export interface Engine {
  kpiColumns(scenario: Scenario): KpiColumn[];
  seriesLayout(scenario: Scenario): SeriesLayout;
  runBatch(scenario: Scenario, req: BatchRequest): BatchResult;
  traceReplication(scenario: Scenario, replication: number): Trace;
}

/** What a run needs to know about a scenario before its chunks arrive. */
export interface ScenarioInfo {
  readonly columns: KpiColumn[];
  readonly layout: SeriesLayout;
}

export interface SimApi {
  /** Caches `scenario` under `id` (the last 8 are kept) and describes its KPI columns and series. */
  load(id: string, scenario: Scenario): ScenarioInfo;
  /** Runs replications req.from … req.to − 1 of a loaded scenario. */
  runBatch(id: string, req: BatchRequest): BatchResult;
  /** Replays one replication of a loaded scenario day by day. */
  trace(id: string, replication: number): Trace;
}

export function createSimApi(engine: Engine): SimApi {
  const scenarios = createFifoCache<Scenario>();
  const get = (id: string) => {
    const s = scenarios.get(id);
    if (!s) throw new Error(`scenario ${id} is not loaded in this worker`);
    return s;
  };
  return {
    load(id, scenario) {
      scenarios.set(id, scenario);
      return { columns: engine.kpiColumns(scenario), layout: engine.seriesLayout(scenario) };
    },
    runBatch: (id, req) => engine.runBatch(get(id), req),
    trace: (id, replication) => engine.traceReplication(get(id), replication),
  };
}
