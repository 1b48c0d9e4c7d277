// A PlanEvaluator that runs the engine in the test's own thread (the CLI uses its worker pool;
// the numbers are the same for the same seed and replications): network fillRate, holdingCost and
// totalCost (and onHandValue) with the 95% Student-t interval the CLI reports.
import { kpiColumns, runBatch } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import type { PlanEvaluator } from "../../../src/sim/optimize/index.ts";
import { summarize } from "../../../src/sim/stats/index.ts";

export const KEYS = ["fillRate", "holdingCost", "totalCost", "onHandValue"] as const;

/** Per-replication network values of `keys` for replications 0 … n − 1 of `scenario` at `seed`. */
export function networkValues(scenario: Scenario, seed: number | string, replications: number, keys: readonly string[] = KEYS): Float64Array[] {
  const s = { ...scenario, seed, replications };
  const columns = kpiColumns(s), { values, columns: width } = runBatch(s, { from: 0, to: replications });
  return keys.map((key) => {
    const c = columns.findIndex((col) => col.scope === "network" && col.key === key);
    return Float64Array.from({ length: replications }, (_, r) => values[r * width + c]);
  });
}

export const engineEvaluator = (calls: Scenario[] = []): PlanEvaluator => async (scenario, run) => {
  calls.push(scenario);
  const [fillRate, holdingCost, totalCost, onHandValue] = networkValues(scenario, run.seed, run.replications).map((v) => {
    const { mean, ci95 } = summarize(v);
    return { mean, ci95 };
  });
  return { fillRate, holdingCost, totalCost, onHandValue };
};
