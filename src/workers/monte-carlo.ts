/**
 * The core of a run and of a comparison, shared by the browser client and the CLI so that both
 * give identical numbers: apply the run's overrides, deal replications to the pool, collect KPI
 * rows and reduce series as chunks arrive, then build the result documents.
 */
import type { BatchResult } from "../sim/model/batch.ts";
import type { ComparisonResult, ImpactResult, RunResult, Series } from "../sim/model/result.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import { createInOrder } from "../sim/montecarlo/in-order.ts";
import { buildImpact, impactScenarios, type ImpactSide } from "../sim/montecarlo/impact.ts";
import { createKpiTable, type KpiTable } from "../sim/montecarlo/kpi-table.ts";
import { checkSeriesSize, checkTableSize, kpiTableBytes, SERIES_CHUNK_BYTES } from "../sim/montecarlo/run-memory.ts";
import { createSpilledKpiTable, type ValueStore } from "../sim/montecarlo/spilled-kpi-table.ts";
import { applyOverrides, checkOverrides, type RunOverrides } from "../sim/montecarlo/overrides.ts";
import { buildComparison, buildRunResult } from "../sim/montecarlo/run-result.ts";
import { validateScenario } from "../sim/validate/index.ts";
import { createSeriesReducer } from "../sim/montecarlo/series-reducer.ts";
import { noTick, type Tick } from "../sim/montecarlo/tick.ts";
import { abortError, chunkSizeFor, type Pool, type RunProgress } from "./pool.ts";
import type { ScenarioInfo } from "./sim-api.ts";

export interface MonteCarloOptions extends RunOverrides {
  readonly series?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: RunProgress) => void;
  /** Pause point for long reductions (the browser passes a time slicer). */
  readonly tick?: Tick;
  /** Bytes of float32 series kept for exact per-day percentiles (default 32 MiB). */
  readonly seriesBudgetBytes?: number;
  /** Replications per chunk (default: chunkSizeFor). */
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
  /** Add each result's stock breakdown (docs/kpis.md "Stock breakdown"); off unless asked for. */
  readonly stockBreakdown?: boolean;
}

/** An override broke a scenario rule; `issues` name each field. */
export class ScenarioError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`The scenario cannot run with these options:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "ScenarioError";
  }
}

/**
 * The scenario as it will run: overrides applied, then the whole scenario validated again (an
 * override can break a rule, e.g. a disruption window beyond a shorter horizon).
 */
export function prepareScenario(scenario: Scenario, opts: RunOverrides & { readonly series?: boolean }): Scenario {
  const s = applyOverrides(scenario, opts);
  const issues = checkOverrides(s);
  if (issues.length) throw new ScenarioError(issues);
  const v = validateScenario(s);
  if (!v.ok) throw new ScenarioError(v.errors);
  const memory = opts.series ? checkSeriesSize(v.scenario) : [];
  if (memory.length) throw new ScenarioError(memory);
  return v.scenario;
}

/** `opts` for one of `k` runs whose KPI tables are held at once: each gets a k-th of the page's budget. */
function sharingTables(opts: MonteCarloOptions, k: number): MonteCarloOptions {
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

/**
 * Aborts its `signal` once `stallMs` pass with no call to `alive()`. Time is counted in timer
 * ticks, not by the clock, so a computer that slept (or a hidden tab, whose timers are throttled)
 * never counts as a stall.
 */
function stallWatchdog(stallMs: number, user: AbortSignal | undefined) {
  // Silence of stallMs to stallMs + period counts as a stall.
  const ctl = new AbortController(), period = Math.min(1000, Math.max(1, stallMs / 10));
  let idle = 0;
  const timer = setInterval(() => { if (++idle * period > stallMs) ctl.abort(); }, period);
  return {
    signal: user ? AbortSignal.any([user, ctl.signal]) : ctl.signal,
    get stalled() { return ctl.signal.aborted && !user?.aborted; },
    alive() { idle = 0; },
    stop() { clearInterval(timer); },
  };
}

interface Collected {
  readonly info: ScenarioInfo;
  readonly table: KpiTable;
  readonly series?: Series;
}

/** Node-days of one replication (stocking nodes × products × horizon): what sizes a chunk. */
export const nodeDays = (s: Scenario): number =>
  s.nodes.filter((n) => n.kind !== "supplier").length * Math.max(1, s.products?.length ?? 1) * s.horizon;

async function collect(pool: Pool, s: Scenario, opts: MonteCarloOptions, onProgress?: (p: RunProgress) => void): Promise<Collected> {
  const info = await pool.describe(s);
  const table = tableFor(s, info.columns.length, opts);
  try {
    return await collectInto(pool, s, opts, info, table, onProgress);
  } catch (e) {
    table.dispose();
    throw e;
  }
}

async function collectInto(pool: Pool, s: Scenario, opts: MonteCarloOptions, info: ScenarioInfo, table: KpiTable, onProgress?: (p: RunProgress) => void): Promise<Collected> {
  const tick = opts.tick ?? noTick;
  const reducer = opts.series ? createSeriesReducer(info.layout, s.replications, { exactBudgetBytes: opts.seriesBudgetBytes }) : null;
  // Chunks whose series wait to be reduced (out of order or queued) are bounded: workers pause
  // (pool `ready`) while more than 2 per worker wait, so memory stays flat on a slow main thread.
  let queue: Promise<void> = Promise.resolve(), pending = 0;
  const maxPending = 2 * pool.size;
  let waiters: (() => void)[] = [];
  const inOrder = createInOrder<BatchResult>(0, (b) => {
    queue = queue.then(() => reducer!.add(b.series!, b.to - b.from, tick)).finally(() => {
      pending--;
      if (pending <= maxPending) { const w = waiters; waiters = []; w.forEach((f) => f()); }
    });
    queue.catch(() => undefined);
  });
  const ready = () => (pending > maxPending ? new Promise<void>((resolve) => waiters.push(resolve)) : undefined);
  // With series, a chunk also carries cells × 4 bytes per replication: at most SERIES_CHUNK_BYTES.
  const seriesCap = reducer ? Math.max(1, Math.floor(SERIES_CHUNK_BYTES / (4 * info.layout.cells))) : Infinity;
  const chunkSize = opts.chunkSize ?? Math.min(seriesCap, chunkSizeFor(s.replications, pool.size, nodeDays(s)));
  const stallMs = opts.stallMs ?? Math.max(60_000, (chunkSize * nodeDays(s)) / 100);
  const watchdog = stallWatchdog(stallMs, opts.signal);
  const onChunk = (b: BatchResult) => {
    watchdog.alive();
    table.add(b);
    if (!reducer) return;
    if (!b.series) throw new Error(`chunk ${b.from}–${b.to - 1} came back without its series`);
    pending++;
    inOrder(b);
  };
  try {
    await pool.run({
      scenario: s, to: s.replications, series: reducer !== null, chunkSize, signal: watchdog.signal, onProgress, onChunk,
      ready: reducer ? ready : undefined,
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
  await queue;
  if (opts.signal?.aborted) throw abortError();
  const series = reducer ? await reducer.finish(tick) : undefined;
  return { info, table, series };
}

/** Runs the Monte Carlo simulation of a scenario and returns its `echelon-result@1` document. */
export async function runMonteCarlo(pool: Pool, scenario: Scenario, opts: MonteCarloOptions = {}, now: () => number = () => performance.now()): Promise<RunResult> {
  const t0 = now();
  const s = prepareScenario(scenario, opts);
  const c = await collect(pool, s, opts, opts.onProgress);
  let r: RunResult;
  try {
    r = await buildRunResult({ scenario: s, columns: c.info.columns, table: c.table, series: c.series, workers: pool.size, elapsedMs: 0, stockBreakdown: opts.stockBreakdown }, opts.tick ?? noTick);
  } finally {
    c.table.dispose();
  }
  if (opts.signal?.aborted) throw abortError();
  return { ...r, elapsedMs: Math.round(now() - t0) };
}

/**
 * Runs A and B with common random numbers — the same seed and replication indices (the run's
 * `seed`/`replications` options, else A's) — and pairs their KPIs (kpis.md "Comparisons").
 */
export async function compareMonteCarlo(pool: Pool, a: Scenario, b: Scenario, opts: MonteCarloOptions = {}, now: () => number = () => performance.now()): Promise<{ comparison: ComparisonResult; a: RunResult; b: RunResult }> {
  const shared = { ...opts, seed: opts.seed ?? a.seed, replications: opts.replications ?? a.replications };
  const sa = prepareScenario(a, shared), sb = prepareScenario(b, shared);
  const total = 2 * sa.replications, tick = opts.tick ?? noTick;
  // One progress over both sides: B's figures follow A's; while A runs, B is estimated to take as long.
  let elapsedA = 0;
  const offset = (base: number) => (p: RunProgress) => opts.onProgress?.({
    ...p, done: base + p.done, total, elapsedMs: (base ? elapsedA : 0) + p.elapsedMs,
    etaMs: p.etaMs === null ? null : p.etaMs + (base ? 0 : p.elapsedMs + p.etaMs),
  });
  const results: RunResult[] = [];
  const sides: { scenario: Scenario; columns: ScenarioInfo["columns"]; table: KpiTable }[] = [];
  let comparison: ComparisonResult;
  try {
    for (const [s, base] of [[sa, 0], [sb, sa.replications]] as const) {
      const t0 = now();
      const c = await collect(pool, s, sharingTables(opts, 2), offset(base));
      sides.push({ scenario: s, columns: c.info.columns, table: c.table });
      const r = await buildRunResult({ scenario: s, columns: c.info.columns, table: c.table, series: c.series, workers: pool.size, elapsedMs: 0, stockBreakdown: opts.stockBreakdown }, tick);
      results.push({ ...r, elapsedMs: Math.round(now() - t0) });
      elapsedA += now() - t0;
    }
    comparison = await buildComparison(sides[0], sides[1], tick);
  } finally {
    for (const side of sides) side.table.dispose();
  }
  if (opts.signal?.aborted) throw abortError();
  return { comparison, a: results[0], b: results[1] };
}

/**
 * `echelon impact`: the scenario without its disruptions, as written, and without its mitigations
 * (when it has any), on the same seed and replications, with every KPI paired against the
 * baseline (src/sim/montecarlo/impact.ts). With `series`, each run's per-day bands come back too
 * (`series.baseline` …, outside the `echelon-impact@1` document), for the Impact view's daily chart.
 */
export async function impactMonteCarlo(pool: Pool, scenario: Scenario, opts: MonteCarloOptions = {}, now: () => number = () => performance.now()): Promise<ImpactWithSeries> {
  const t0 = now(), v = impactScenarios(scenario);
  const runs = ([["baseline", v.baseline], ["disrupted", v.disrupted], ["unmitigated", v.unmitigated]] as const)
    .filter((r): r is readonly [typeof r[0], Scenario] => r[1] !== undefined)
    .map(([name, s]) => [name, prepareScenario(s, opts)] as const);
  const n = runs[0][1].replications, total = runs.length * n;
  const sides: { [name: string]: ImpactSide } = {};
  const series: { [name: string]: Series } = {};
  let result: ImpactResult;
  try {
    // One progress over all runs: each later run is estimated to take as long as the current one.
    for (const [i, [name, s]] of runs.entries()) {
      const before = now() - t0, left = runs.length - 1 - i;
      const c = await collect(pool, s, sharingTables(opts, runs.length), (p) => opts.onProgress?.({
        ...p, done: i * n + p.done, total, elapsedMs: before + p.elapsedMs,
        etaMs: p.etaMs === null ? null : p.etaMs + left * (p.elapsedMs + p.etaMs),
      }));
      sides[name] = { columns: c.info.columns, table: c.table };
      if (c.series) series[name] = c.series;
    }
    result = await buildImpact({ scenario: runs[1][1], baseline: sides.baseline, disrupted: sides.disrupted, unmitigated: sides.unmitigated, workers: pool.size, elapsedMs: 0 }, opts.tick ?? noTick);
  } finally {
    for (const side of Object.values(sides)) side.table.dispose();
  }
  if (opts.signal?.aborted) throw abortError();
  return { ...result, elapsedMs: Math.round(now() - t0), ...(opts.series ? { series: series as ImpactWithSeries["series"] } : {}) };
}

/** An impact report and, when asked for (`series`), each run's per-day bands, on the same replications. */
export type ImpactWithSeries = ImpactResult & {
  readonly series?: { readonly baseline: Series; readonly disrupted: Series; readonly unmitigated?: Series };
};
