/**
 * A run, a comparison and an impact report, on any pool of workers (replication-pool.ts): the
 * core shared by the browser client and the CLI (through src/workers/monte-carlo.ts, which adds
 * the clock and the stall watchdog), so that both give identical numbers.
 */
import type { ComparisonResult, ImpactResult, RunResult, Series } from "../model/result.ts";
import type { Scenario } from "../model/scenario.ts";
import { collect, sharingTables, type MonteCarloOptions, type RunEnvironment } from "./collect.ts";
import { buildImpact, impactScenarios, type ImpactSide } from "./impact.ts";
import type { KpiTable } from "./kpi-table.ts";
import { prepareScenario } from "./prepare.ts";
import { abortError, type ReplicationPool, type RunProgress, type ScenarioInfo } from "./replication-pool.ts";
import { buildComparison, buildRunResult } from "./run-result.ts";
import { noTick } from "./tick.ts";

/** Runs the Monte Carlo simulation of a scenario and returns its `echelon-result@1` document. */
export async function runMonteCarlo(pool: ReplicationPool, scenario: Scenario, opts: MonteCarloOptions, env: RunEnvironment): Promise<RunResult> {
  const t0 = env.now();
  const s = prepareScenario(scenario, opts);
  const c = await collect(pool, s, opts, env, opts.onProgress);
  let r: RunResult;
  try {
    r = await buildRunResult({ scenario: s, columns: c.info.columns, table: c.table, series: c.series, workers: pool.size, elapsedMs: 0 }, opts.tick ?? noTick);
  } finally {
    c.table.dispose();
  }
  if (opts.signal?.aborted) throw abortError();
  return { ...r, elapsedMs: Math.round(env.now() - t0) };
}

/**
 * Runs A and B with common random numbers — the same seed and replication indices (the run's
 * `seed`/`replications` options, else A's) — and pairs their KPIs (kpis.md "Comparisons").
 */
export async function compareMonteCarlo(pool: ReplicationPool, a: Scenario, b: Scenario, opts: MonteCarloOptions, env: RunEnvironment): Promise<{ comparison: ComparisonResult; a: RunResult; b: RunResult }> {
  const shared = { ...opts, seed: opts.seed ?? a.seed, replications: opts.replications ?? a.replications };
  const sa = prepareScenario(a, shared), sb = prepareScenario(b, shared);
  const total = 2 * sa.replications, tick = opts.tick ?? noTick, now = () => env.now();
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
      const c = await collect(pool, s, sharingTables(opts, 2), env, offset(base));
      sides.push({ scenario: s, columns: c.info.columns, table: c.table });
      const r = await buildRunResult({ scenario: s, columns: c.info.columns, table: c.table, series: c.series, workers: pool.size, elapsedMs: 0 }, tick);
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

/** An impact report and, when asked for (`series`), each run's per-day bands, on the same replications. */
export type ImpactWithSeries = ImpactResult & {
  readonly series?: { readonly baseline: Series; readonly disrupted: Series; readonly unmitigated?: Series };
};

/**
 * `echelon impact`: the scenario without its disruptions, as written, and without its mitigations
 * (when it has any), on the same seed and replications, with every KPI paired against the
 * baseline (impact.ts). With `series`, each run's per-day bands come back too
 * (`series.baseline` …, outside the `echelon-impact@1` document), for the Impact view's daily chart.
 */
export async function impactMonteCarlo(pool: ReplicationPool, scenario: Scenario, opts: MonteCarloOptions, env: RunEnvironment): Promise<ImpactWithSeries> {
  const t0 = env.now(), v = impactScenarios(scenario);
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
      const before = env.now() - t0, left = runs.length - 1 - i;
      const c = await collect(pool, s, sharingTables(opts, runs.length), env, (p) => opts.onProgress?.({
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
  return { ...result, elapsedMs: Math.round(env.now() - t0), ...(opts.series ? { series: series as ImpactWithSeries["series"] } : {}) };
}
