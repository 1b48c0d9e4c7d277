/**
 * One run's replications, dealt to a pool and gathered: KPI rows into a table (in memory, or
 * spilled), per-day series reduced into bands. With series beyond the exact budget, each worker
 * counts its own replications (series-accumulator.ts) and the page only adds block sums as chunks
 * arrive and merges one set of histograms per worker at the end.
 */
import type { BatchResult } from "../model/batch.ts";
import type { Series } from "../model/result.ts";
import type { Scenario } from "../model/scenario.ts";
import { chunkSizeFor, nodeDays } from "./chunk-size.ts";
import { createInOrder } from "./in-order.ts";
import { createKpiTable, type KpiTable } from "./kpi-table.ts";
import type { RunOverrides } from "./overrides.ts";
import { ScenarioError } from "./prepare.ts";
import { abortError, type ReducedBatch, type ReplicationPool, type RunProgress, type ScenarioInfo } from "./replication-pool.ts";
import { checkTableSize, kpiTableBytes, SERIES_CHUNK_BYTES } from "./run-memory.ts";
import { alignChunk } from "./series-blocks.ts";
import { createSeriesReducer, type SeriesReducer } from "./series-reducer.ts";
import { createSpilledKpiTable, type ValueStore } from "./spilled-kpi-table.ts";
import { noTick, type Tick } from "./tick.ts";

/** Notices a run whose workers went silent (src/workers/stall-watchdog.ts: it needs a timer). */
export interface Watchdog {
  /** The run's signal: the user's, or aborted once the run stalls. */
  readonly signal: AbortSignal;
  /** Whether the signal was aborted by a stall (not by the user). */
  readonly stalled: boolean;
  /** A chunk came back. */
  alive(): void;
  stop(): void;
}
export type WatchdogFactory = (stallMs: number, user: AbortSignal | undefined) => Watchdog;

/** What a run needs from its surroundings: a clock for `elapsedMs`, and a stall watchdog. */
export interface RunEnvironment {
  now(): number;
  readonly watchdog?: WatchdogFactory;
}

export interface MonteCarloOptions extends RunOverrides {
  readonly series?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: RunProgress) => void;
  /** Pause point for long reductions (the browser passes a time slicer). */
  readonly tick?: Tick;
  /** Bytes of float32 series kept for exact per-day percentiles (default 32 MiB). */
  readonly seriesBudgetBytes?: number;
  /** Replications per chunk (default: chunkSizeFor; rounded up to whole series blocks when workers count the series). */
  readonly chunkSize?: number;
  /**
   * The run fails when no chunk has come back for this long (default: 60 s, more for chunks over
   * 6 M node-days, allowing 100 k node-days/s — a hundredth of the engine's speed on a 2-core
   * machine). A worker that ends without an error (`close()` inside it) sends no event at all;
   * without this the run would wait for ever.
   */
  readonly stallMs?: number;
  /**
   * Where per-replication KPI rows go when the table would exceed `thresholdBytes`: the CLI passes
   * a temporary file (src/cli/value-file.ts), so memory stays flat at any replication count. The
   * results are bit-identical either way. Without it, rows stay in memory.
   */
  readonly spill?: { readonly store: () => ValueStore; readonly thresholdBytes: number; readonly segmentBytes?: number };
  /**
   * Where rows stay in memory (no `spill`, e.g. the browser), the largest KPI table a run may
   * keep; a larger run is refused before it starts with a ScenarioError on `replications`.
   */
  readonly maxTableBytes?: number;
}

export interface Collected {
  readonly info: ScenarioInfo;
  readonly table: KpiTable;
  readonly series?: Series;
}

/** `opts` for one of `k` runs whose KPI tables are held at once: each gets a k-th of the page's budget. */
export function sharingTables(opts: MonteCarloOptions, k: number): MonteCarloOptions {
  return opts.maxTableBytes === undefined ? opts : { ...opts, maxTableBytes: opts.maxTableBytes / k };
}

/** The KPI table of a run: in memory, or spilled to `opts.spill` when it would be large. */
function tableFor(s: Scenario, columns: number, opts: MonteCarloOptions): KpiTable {
  const bytes = kpiTableBytes(s.replications, columns);
  if (opts.spill && bytes > opts.spill.thresholdBytes) {
    return createSpilledKpiTable(s.replications, columns, opts.spill.store(), 0, { segmentBytes: opts.spill.segmentBytes });
  }
  const issues = opts.maxTableBytes === undefined ? [] : checkTableSize(s, columns, opts.maxTableBytes, "in this page");
  if (issues.length) throw new ScenarioError(issues);
  return createKpiTable(s.replications, columns);
}

const noWatchdog: WatchdogFactory = (_stallMs, user) => ({ signal: user ?? new AbortController().signal, stalled: false, alive() {}, stop() {} });

/** Keys the workers file a run's histograms under; unique within this page or process. */
let runs = 0;

/** Runs every replication of `s` on the pool and gathers its KPI table and (with `series`) bands. */
export async function collect(pool: ReplicationPool, s: Scenario, opts: MonteCarloOptions, env: RunEnvironment, onProgress?: (p: RunProgress) => void): Promise<Collected> {
  const info = await pool.describe(s);
  const table = tableFor(s, info.columns.length, opts);
  try {
    return await collectInto(pool, s, opts, env, info, table, onProgress);
  } catch (e) {
    table.dispose();
    throw e;
  }
}

/**
 * Series rows reduced on this thread (runs within the exact budget), in replication order. Chunks
 * whose rows wait are bounded: workers pause (pool `ready`) while more than 2 per worker wait, so
 * memory stays flat on a slow main thread.
 */
function rowsInOrder(reducer: SeriesReducer, workers: number, tick: Tick) {
  let queue: Promise<void> = Promise.resolve(), pending = 0, waiters: (() => void)[] = [];
  const maxPending = 2 * workers;
  const release = createInOrder<BatchResult>(0, (b) => {
    queue = queue.then(() => reducer.add(b.series!, b.to - b.from, tick)).finally(() => {
      pending--;
      if (pending <= maxPending) { const w = waiters; waiters = []; w.forEach((f) => f()); }
    });
    queue.catch(() => undefined);
  });
  return {
    add(b: BatchResult) {
      if (!b.series) throw new Error(`chunk ${b.from}–${b.to - 1} came back without its series`);
      pending++;
      release(b);
    },
    ready: () => (pending > maxPending ? new Promise<void>((resolve) => waiters.push(resolve)) : undefined),
    done: () => queue,
  };
}

/** Block sums counted on the workers, added in replication order: O(cells) per block. */
function blockSumsInOrder(reducer: SeriesReducer) {
  const release = createInOrder<ReducedBatch>(0, (b) => reducer.addBlockSums(b.blockSums, b.to - b.from));
  return (b: BatchResult | ReducedBatch) => {
    if (!("blockSums" in b)) throw new Error(`chunk ${b.from}–${b.to - 1} came back without its series block sums`);
    release(b);
  };
}

async function collectInto(pool: ReplicationPool, s: Scenario, opts: MonteCarloOptions, env: RunEnvironment, info: ScenarioInfo, table: KpiTable, onProgress?: (p: RunProgress) => void): Promise<Collected> {
  const tick = opts.tick ?? noTick;
  const reducer = opts.series ? createSeriesReducer(info.layout, s.replications, { exactBudgetBytes: opts.seriesBudgetBytes }) : null;
  const onWorkers = reducer !== null && !reducer.exact, key = onWorkers ? `run${++runs}` : undefined;
  const rows = reducer && !onWorkers ? rowsInOrder(reducer, pool.size, tick) : null;
  const sums = onWorkers ? blockSumsInOrder(reducer!) : null;
  // Rows on their way to this thread: a chunk carries cells × 4 bytes per replication, at most SERIES_CHUNK_BYTES.
  const seriesCap = rows ? Math.max(1, Math.floor(SERIES_CHUNK_BYTES / (4 * info.layout.cells))) : Infinity;
  const size = opts.chunkSize ?? Math.min(seriesCap, chunkSizeFor(s.replications, pool.size, nodeDays(s)));
  const chunkSize = onWorkers ? alignChunk(size) : size;
  const stallMs = opts.stallMs ?? Math.max(60_000, (chunkSize * nodeDays(s)) / 100);
  const watchdog = (env.watchdog ?? noWatchdog)(stallMs, opts.signal);
  const onChunk = (b: BatchResult | ReducedBatch) => {
    watchdog.alive();
    table.add(b);
    rows?.add(b);
    sums?.(b);
  };
  let taken = false;
  try {
    try {
      await pool.run({
        scenario: s, to: s.replications, series: rows !== null, reduceSeries: key, chunkSize, signal: watchdog.signal, onProgress, onChunk,
        ready: rows?.ready,
      });
    } catch (e) {
      if (!watchdog.stalled) throw e;
      const silence = stallMs >= 1000 ? `${Math.round(stallMs / 1000)} s` : `${stallMs} ms`;
      throw new Error(`No replication came back for ${silence}: ` +
        `a simulation worker stopped without reporting an error. The run stopped after ${table.received.toLocaleString("en")} of ${s.replications.toLocaleString("en")} ` +
        `replications had completed; no result was produced. (A worker that hangs is only detected after ${silence} in which no chunk of replications comes back.)`, { cause: e });
    } finally {
      watchdog.stop();
    }
    await rows?.done();
    if (key !== undefined) {
      taken = true;
      reducer!.setBands(await pool.seriesBands(key));
    }
  } finally {
    // A failed run leaves its histograms in the workers still alive: let them go.
    if (key !== undefined && !taken) void pool.takeSeries(key).catch(() => undefined);
  }
  if (opts.signal?.aborted) throw abortError();
  const series = reducer ? await reducer.finish(tick) : undefined;
  return { info, table, series };
}
