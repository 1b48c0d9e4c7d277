/**
 * What the Monte Carlo core asks of a set of workers (src/workers/pool.ts implements it with Web
 * Workers or Node worker threads, the tests in-process): describe a scenario, run its replications
 * in chunks, and hand back each worker's series histograms. The core itself never touches a worker.
 */
import type { BatchResult, KpiColumn, SeriesLayout, Trace } from "../model/batch.ts";
import type { Scenario } from "../model/scenario.ts";
import type { HistogramBands, SeriesHistograms } from "./series-histograms.ts";

/** What a run needs to know about a scenario before its chunks arrive. */
export interface ScenarioInfo {
  readonly columns: KpiColumn[];
  readonly layout: SeriesLayout;
}

/** A chunk whose series a worker counted itself: KPI rows and the series' block sums (series-blocks.ts). */
export interface ReducedBatch extends BatchResult {
  readonly blockSums: Float64Array;
}

export interface RunProgress {
  done: number;
  total: number;
  /** Replications completed by each worker in this run. */
  perWorker: number[];
  elapsedMs: number;
  etaMs: number | null;
}

export interface ReplicationJob {
  readonly scenario: Scenario;
  /** Replications from … to − 1 (from defaults to 0). */
  readonly from?: number;
  readonly to: number;
  /** Chunks carry their per-day series rows (`BatchResult.series`). */
  readonly series?: boolean;
  /**
   * Workers count the series into their histograms for this run key (`seriesBands`) and chunks
   * carry block sums instead (`ReducedBatch`); chunks must start on series blocks.
   */
  readonly reduceSeries?: string;
  readonly chunkSize: number;
  readonly signal?: AbortSignal;
  /** Called once per chunk, in completion order. A throw fails the run. */
  readonly onChunk: (batch: BatchResult | ReducedBatch) => void;
  /**
   * Back-pressure: awaited before a worker takes its next chunk, so a consumer that reduces more
   * slowly than the workers simulate (series on a busy main thread) holds a bounded number of chunks.
   */
  readonly ready?: () => void | Promise<void>;
  readonly onProgress?: (p: RunProgress) => void;
}

export interface ReplicationPool {
  readonly size: number;
  /** The KPI columns and series layout of a scenario (loads it into one worker). */
  describe(scenario: Scenario): Promise<ScenarioInfo>;
  run(job: ReplicationJob): Promise<void>;
  /**
   * The bands of a finished `reduceSeries` run: one worker merges the others' histograms into its
   * own and reads the percentiles off them, so the page receives 4 numbers per cell, not 128.
   */
  seriesBands(run: string): Promise<HistogramBands>;
  /** Every worker's histograms for `run` (workers that counted none give none), and forgets them. */
  takeSeries(run: string): Promise<SeriesHistograms[]>;
  trace(scenario: Scenario, replication: number): Promise<Trace>;
}

export function abortError(message = "The run was cancelled"): Error {
  return Object.assign(new Error(message), { name: "AbortError" });
}
