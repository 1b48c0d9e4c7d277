/**
 * The browser façade the UI uses: a pool of Web Workers (created lazily on first use) running the
 * same core as the CLI (monte-carlo.ts), so both give identical numbers. Per-day series of large
 * runs are counted on the workers; what remains on the main thread — KPI percentiles, merging the
 * workers' series histograms — is time-sliced (time-slicer.ts) so no task blocks the page for
 * long, and per-replication rows stay compact (one Float64Array per chunk).
 */
import { transfer, wrap } from "comlink";
import type { Trace } from "../sim/model/batch.ts";
import type { ComparisonResult, RunResult } from "../sim/model/result.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import { computeFrontier, optimizeNetwork, type FrontierOptions, type FrontierResult, type NetworkSearchOptions, type OptimizationResult } from "../sim/optimize/index.ts";
import { checkTraceSize } from "../sim/montecarlo/run-memory.ts";
export { isOutOfMemory, OUT_OF_MEMORY_ADVICE, outOfMemoryMessage } from "./failure.ts";
import { compareMonteCarlo, impactMonteCarlo, runMonteCarlo, ScenarioError, type ImpactWithSeries, type MonteCarloOptions } from "./monte-carlo.ts";
import { createPool, type Pool, type RemoteSimApi, type RunProgress, type WorkerHandle } from "./pool.ts";
import type { SimApi } from "./sim-api.ts";
import { poolEvaluator } from "./network-evaluator.ts";
import { poolReplications } from "./frontier-evaluator.ts";
import { createTimeSlicer } from "./time-slicer.ts";

export type { RunProgress } from "./pool.ts";

export interface RunOptions {
  replications?: number;
  seed?: number | string;
  horizon?: number;
  warmup?: number;
  series?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
}

export interface SimClient {
  readonly workers: number;
  run(scenario: Scenario, opts?: RunOptions): Promise<RunResult>;
  compare(a: Scenario, b: Scenario, opts?: RunOptions): Promise<{ comparison: ComparisonResult; a: RunResult; b: RunResult }>;
  trace(scenario: Scenario, replication: number): Promise<Trace>;
  /** `echelon impact` in the page: baseline, as written, and unmitigated, on the same replications; with `series`, each run's daily bands. */
  impact(scenario: Scenario, opts?: RunOptions): Promise<ImpactWithSeries>;
  /** The network optimiser with every evaluation on the pool; an aborted signal rejects with an AbortError. */
  optimizeNetwork(scenario: Scenario, opts: NetworkOptimizeOptions): Promise<OptimizationResult>;
  /** `echelon frontier` in the page: the trade-off curve, every simulation on the pool (at most 4 in flight). */
  frontier(scenario: Scenario, opts: FrontierRunOptions): Promise<FrontierResult>;
  dispose(): void;
}

/** optimizeNetwork's options, with the pool's evaluator supplied by the client. */
export type NetworkOptimizeOptions = Omit<NetworkSearchOptions, "evaluate"> & { readonly signal?: AbortSignal };

/** computeFrontier's options, with the pool's evaluator supplied by the client; `onSimulated` hears each finished simulation. */
export type FrontierRunOptions = Omit<FrontierOptions, "evaluate"> & { readonly signal?: AbortSignal; readonly onSimulated?: () => void };

/** Series kept exactly in the browser before switching to histograms (the page's heap is the limit). */
const BROWSER_SERIES_BUDGET = 32 * 1024 * 1024;

/**
 * The largest per-replication KPI table a page keeps (it has no file to spill to): 768 MiB, which
 * holds the UI's 100,000 replications of the retail network (639 MB). A larger run is refused
 * before it starts, with a message that suggests fewer replications or the CLI.
 */
export const BROWSER_TABLE_BYTES = 768 * 1024 * 1024;

/**
 * Default: one worker per core the device offers (navigator.hardwareConcurrency), at most 8. The
 * page stays responsive because its own share is small (progress, merging chunks, drawing): with
 * cores − 1 a 2-core machine ran one worker, half the speed (docs/benchmarks.md).
 */
export function createSimClient(options: { workers?: number } = {}): SimClient {
  const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 2 : 2;
  const workers = Math.min(8, Math.max(1, Math.floor(options.workers ?? cores)));
  return createClientOnPool(createPool(workers, createBrowserWorker));
}

/** A client over any pool (the browser's, or in-process workers in tests). */
export function createClientOnPool(pool: Pool, extra: Partial<MonteCarloOptions> = {}): SimClient {
  const core = (opts: RunOptions = {}): MonteCarloOptions => ({
    seriesBudgetBytes: BROWSER_SERIES_BUDGET, maxTableBytes: BROWSER_TABLE_BYTES, ...extra, ...opts, tick: extra.tick ?? createTimeSlicer(),
  });
  return {
    workers: pool.size,
    run: (scenario, opts) => runMonteCarlo(pool, scenario, core(opts)),
    compare: (a, b, opts) => compareMonteCarlo(pool, a, b, core(opts)),
    impact: (scenario, opts) => impactMonteCarlo(pool, scenario, core(opts)),
    trace: async (scenario, replication) => {
      // Refused before any worker allocates it: a trace too large would end the tab.
      const issues = checkTraceSize(scenario);
      if (issues.length) throw new ScenarioError(issues);
      return pool.trace(scenario, replication);
    },
    optimizeNetwork: (scenario, { signal, ...opts }) => optimizeNetwork(scenario, { ...opts, evaluate: poolEvaluator(pool, signal) }),
    frontier: (scenario, { signal, onSimulated, ...opts }) => computeFrontier(scenario, { ...opts, evaluate: poolReplications(pool, signal, onSimulated) }),
    dispose: () => pool.dispose(),
  };
}

function createBrowserWorker(): WorkerHandle {
  const worker = new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module" });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (e) => reject(new Error(e.message || "the simulation worker failed to load or threw an uncaught error")));
    worker.addEventListener("messageerror", () => reject(new Error("a message from the simulation worker could not be read")));
  });
  return { api: wrap<SimApi>(worker) as unknown as RemoteSimApi, failed, transfer, terminate: () => worker.terminate() };
}
