/**
 * The object both kinds of worker expose (sim.worker.ts in the browser, node.worker.ts in Node):
 * a thin layer over the engine that caches scenarios by id, so a scenario crosses the worker
 * boundary once per run (`load`) rather than once per chunk. Results are returned by structured
 * clone, never transferred: detaching a buffer in the simulating worker would slow its typed-array
 * code by 13–15% (shared/bench/README.md).
 */
import type { BatchRequest, BatchResult, KpiColumn, SeriesLayout, Trace } from "../sim/model/batch.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import { createSeriesAccumulator, type SeriesAccumulator } from "../sim/montecarlo/series-accumulator.ts";
import { createSeriesHistograms, histogramBands, histogramBuffers, mergeHistograms, type HistogramBands, type SeriesHistograms } from "../sim/montecarlo/series-histograms.ts";
import type { ReducedBatch, ScenarioInfo } from "../sim/montecarlo/replication-pool.ts";
import { createFifoCache } from "./fifo-cache.ts";

export type { ScenarioInfo } from "../sim/montecarlo/replication-pool.ts";

/** The engine functions a worker needs (src/sim/engine/index.ts). */
export interface Engine {
  kpiColumns(scenario: Scenario): KpiColumn[];
  seriesLayout(scenario: Scenario): SeriesLayout;
  runBatch(scenario: Scenario, req: BatchRequest, seriesInto?: Float32Array): BatchResult;
  traceReplication(scenario: Scenario, replication: number): Trace;
}

export interface SimApi {
  /** Caches `scenario` under `id` (the last 8 are kept) and describes its KPI columns and series. */
  load(id: string, scenario: Scenario): ScenarioInfo;
  /** Runs replications req.from … req.to − 1 of a loaded scenario. */
  runBatch(id: string, req: BatchRequest): BatchResult;
  /**
   * Runs replications req.from … req.to − 1 (req.from on a series block) with series, counts
   * their days into this worker's histograms for run `run`, and returns the KPI rows and the
   * series' block sums instead of the days themselves.
   */
  runReduced(id: string, run: string, req: { readonly from: number; readonly to: number }): ReducedBatch;
  /** This worker's histograms for run `run` (then forgotten), or null if it counted none. */
  takeSeries(run: string): SeriesHistograms | null;
  /**
   * Merges `others` (the other workers' histograms for `run`) into this worker's, reads every
   * cell's percentiles off them, and forgets the run.
   */
  seriesBands(run: string, others: readonly SeriesHistograms[]): HistogramBands;
  /** Replays one replication of a loaded scenario day by day. */
  trace(id: string, replication: number): Trace;
}

/** Runs whose series histograms a worker keeps at once (a comparison or impact needs one at a time). */
const RUNS_KEPT = 2;

/**
 * Marks buffers of a result to be moved, not copied, across the worker boundary (comlink's
 * `transfer`, from the comlink instance that exposes the API). Only a run's histograms and bands
 * are moved: the worker forgets them as it sends them, so detaching their buffers costs it nothing.
 */
export type Transfer = <T>(value: T, buffers: ArrayBuffer[]) => T;
const copy: Transfer = (value) => value;

const buffersOf = (...arrays: ArrayBufferView[]): ArrayBuffer[] => arrays.map((a) => a.buffer as ArrayBuffer);

export function createSimApi(engine: Engine, transfer: Transfer = copy): SimApi {
  const scenarios = createFifoCache<Scenario>();
  const get = (id: string) => {
    const s = scenarios.get(id);
    if (!s) throw new Error(`scenario ${id} is not loaded in this worker`);
    return s;
  };
  // A run that fails elsewhere never takes its histograms: keep the last few, not every run's.
  const runs = createFifoCache<SeriesAccumulator>(RUNS_KEPT);
  return {
    load(id, scenario) {
      scenarios.set(id, scenario);
      return { columns: engine.kpiColumns(scenario), layout: engine.seriesLayout(scenario) };
    },
    runBatch: (id, req) => engine.runBatch(get(id), req),
    runReduced(id, run, req) {
      const scenario = get(id), n = req.to - req.from;
      let acc = runs.get(run);
      if (!acc) runs.set(run, (acc = createSeriesAccumulator(engine.seriesLayout(scenario).cells)));
      // The engine writes the rows into the accumulator's buffer, where they are counted: they never leave the worker.
      const { series, ...batch } = engine.runBatch(scenario, { ...req, series: true }, acc.rowsFor(n));
      return { ...batch, blockSums: acc.add(series!, req.from, n) };
    },
    takeSeries(run) {
      const acc = runs.get(run);
      runs.delete(run);
      if (!acc) return null;
      const h = acc.histograms;
      return transfer(h, histogramBuffers(h));
    },
    seriesBands(run, others) {
      const own = runs.get(run)?.histograms ?? (others[0] && createSeriesHistograms(others[0].cells, others[0].bins));
      runs.delete(run);
      if (!own) throw new Error(`no series were counted for run ${run}`);
      for (const h of others) mergeHistograms(own, h);
      const bands = histogramBands(own);
      return transfer(bands, buffersOf(bands.total, bands.p05, bands.p50, bands.p95));
    },
    trace: (id, replication) => engine.traceReplication(get(id), replication),
  };
}
