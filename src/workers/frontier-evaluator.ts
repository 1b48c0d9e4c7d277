/**
 * The trade-off curve's simulation (src/sim/optimize/frontier.ts takes it as a callback): the
 * network KPIs of every replication, simulated on a worker pool. Shared by `echelon frontier` and
 * the browser client, so the app's curve and the CLI's are the same numbers for the same seed.
 */
import type { Scenario } from "../sim/model/scenario.ts";
import { FRONTIER_KEYS, type FrontierEvaluator, type RunSpec } from "../sim/optimize/index.ts";
import { poolNetworkValues } from "./network-evaluator.ts";
import type { Pool } from "./pool.ts";

/**
 * At most this many scenarios in flight on the pool at once. Each worker keeps its last 8 loaded
 * scenarios (SCENARIO_CACHE_SIZE), and the pool marks one loaded before the worker has it, so with
 * more distinct scenarios in flight a worker can drop one before its replications are asked for.
 * Four keep two workers busy.
 */
export const IN_FLIGHT = 4;

/**
 * The frontier's evaluator on `pool`, at most IN_FLIGHT scenarios at a time. `onSimulated` hears
 * each finished simulation (the app's progress); an aborted `signal` rejects every waiting and
 * running simulation with an AbortError.
 */
export function poolReplications(pool: Pool, signal?: AbortSignal, onSimulated?: (scenario: Scenario, run: RunSpec) => void): FrontierEvaluator {
  const waiting: (() => void)[] = [];
  let running = 0;
  return async (scenario, run) => {
    if (running >= IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      const [fillRate, onHandValue, holdingCost, totalCost, inventoryTurns, onHand] = await poolNetworkValues(pool, scenario, run, FRONTIER_KEYS, signal);
      onSimulated?.(scenario, run);
      return { fillRate, onHandValue, holdingCost, totalCost, inventoryTurns, onHand };
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
