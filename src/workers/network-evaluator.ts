/**
 * The network optimiser's simulation (src/sim/optimize/network-search.ts takes it as a callback):
 * a few network KPIs per replication, simulated on a worker pool. Shared by the CLI
 * (`echelon optimize --method simulation`, `echelon frontier`) and the browser client, so both
 * evaluate a plan with the same numbers for the same seed.
 */
import { kpiColumns } from "../sim/engine/index.ts";
import type { Scenario } from "../sim/model/scenario.ts";
import type { PlanEvaluator, RunSpec } from "../sim/optimize/index.ts";
import { summarize } from "../sim/stats/index.ts";
import { nodeDays, prepareScenario } from "./monte-carlo.ts";
import { abortError, chunkSizeFor, type Pool } from "./pool.ts";

const KEYS = ["fillRate", "holdingCost", "totalCost", "onHandValue"] as const;

/**
 * Per-replication values of some network KPIs (kpis.md), simulated on the pool: replications
 * 0 … n − 1 of `run.seed`, in replication order whatever the worker count. An aborted `signal`
 * rejects with an AbortError.
 */
export async function poolNetworkValues(pool: Pool, scenario: Scenario, run: RunSpec, keys: readonly string[], signal?: AbortSignal): Promise<Float64Array[]> {
  if (signal?.aborted) throw abortError();
  const s = prepareScenario(scenario, { replications: run.replications, seed: run.seed }), n = s.replications;
  const columns = kpiColumns(s), at = keys.map((k) => columns.findIndex((c) => c.scope === "network" && c.key === k));
  const values = keys.map(() => new Float64Array(n).fill(NaN));
  await pool.run({
    scenario: s, to: n, chunkSize: chunkSizeFor(n, pool.size, nodeDays(s)), signal,
    onChunk: (b) => {
      for (let r = b.from; r < b.to; r++) at.forEach((j, k) => { if (j >= 0) values[k][r] = b.values[(r - b.from) * b.columns + j]; });
    },
  });
  return values;
}

/**
 * The search's evaluator: the network's fill rate, holding cost, total cost and on-hand value, summarised as
 * `echelon run` does (mean and 95% interval; the same numbers for the same seed). Leaner than
 * runMonteCarlo, which summarises every KPI of every node: the main thread shares the cores
 * with the workers.
 */
export const poolEvaluator = (pool: Pool, signal?: AbortSignal): PlanEvaluator => async (scenario: Scenario, run) => {
  const [fillRate, holdingCost, totalCost, onHandValue] = (await poolNetworkValues(pool, scenario, run, KEYS, signal)).map((v) => {
    const { mean, ci95 } = summarize(v);
    return { mean, ci95 };
  });
  return { fillRate, holdingCost, totalCost, onHandValue };
};
