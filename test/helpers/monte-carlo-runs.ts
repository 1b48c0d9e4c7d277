import type { Scenario } from "../../src/sim/model/scenario.ts";
import type { MonteCarloOptions, RunEnvironment } from "../../src/sim/montecarlo/collect.ts";
import * as core from "../../src/sim/montecarlo/monte-carlo.ts";
import type { ReplicationPool } from "../../src/sim/montecarlo/replication-pool.ts";
import { stallWatchdog } from "../../src/workers/stall-watchdog.ts";

// The core with the clock and the stall watchdog src/workers/monte-carlo.ts gives it.
const env: RunEnvironment = { now: () => performance.now(), watchdog: stallWatchdog };
export const runMonteCarlo = (pool: ReplicationPool, s: Scenario, opts: MonteCarloOptions = {}) => core.runMonteCarlo(pool, s, opts, env);
export const compareMonteCarlo = (pool: ReplicationPool, a: Scenario, b: Scenario, opts: MonteCarloOptions = {}) => core.compareMonteCarlo(pool, a, b, opts, env);

/** A result without what depends on the machine (its time, its workers). */
export const strip = ({ elapsedMs: _e, workers: _w, ...r }: { elapsedMs: number; workers: number }) => r;
