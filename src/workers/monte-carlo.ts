/**
 * The Monte Carlo core (src/sim/montecarlo/monte-carlo.ts) with what the pure layer leaves out:
 * the clock for `elapsedMs` and the stall watchdog's timer. The browser client and the CLI call
 * these, so both give identical numbers.
 */
import type { ComparisonResult, RunResult } from "../sim/model/result.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import type { MonteCarloOptions, RunEnvironment } from "../sim/montecarlo/collect.ts";
import * as core from "../sim/montecarlo/monte-carlo.ts";
import type { ReplicationPool } from "../sim/montecarlo/replication-pool.ts";
import { stallWatchdog } from "./stall-watchdog.ts";

export type { MonteCarloOptions } from "../sim/montecarlo/collect.ts";
export type { ImpactWithSeries } from "../sim/montecarlo/monte-carlo.ts";
export { prepareScenario, ScenarioError } from "../sim/montecarlo/prepare.ts";
export { nodeDays } from "../sim/montecarlo/chunk-size.ts";

type Now = () => number;
const environment = (now: Now): RunEnvironment => ({ now, watchdog: stallWatchdog });
const performanceNow: Now = () => performance.now();

/** Runs the Monte Carlo simulation of a scenario and returns its `echelon-result@1` document. */
export const runMonteCarlo = (pool: ReplicationPool, scenario: Scenario, opts: MonteCarloOptions = {}, now = performanceNow): Promise<RunResult> =>
  core.runMonteCarlo(pool, scenario, opts, environment(now));

/** A and B on common random numbers, their KPIs paired (src/sim/montecarlo/monte-carlo.ts). */
export const compareMonteCarlo = (pool: ReplicationPool, a: Scenario, b: Scenario, opts: MonteCarloOptions = {}, now = performanceNow): Promise<{ comparison: ComparisonResult; a: RunResult; b: RunResult }> =>
  core.compareMonteCarlo(pool, a, b, opts, environment(now));

/** `echelon impact`: baseline, as written and unmitigated on the same replications. */
export const impactMonteCarlo = (pool: ReplicationPool, scenario: Scenario, opts: MonteCarloOptions = {}, now = performanceNow): Promise<core.ImpactWithSeries> =>
  core.impactMonteCarlo(pool, scenario, opts, environment(now));
