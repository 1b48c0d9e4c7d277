// A small trade-off curve on the retail network, simulated in the test's own thread (the app runs
// the same computeFrontier on its workers): 120 days, 2 service levels, 2 targets, 12 replications.
import { readFileSync } from "node:fs";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { computeFrontier, FRONTIER_KEYS, type FrontierEvaluator, type FrontierResult, type Replications } from "../../../src/sim/optimize/index.ts";
import { networkValues } from "./engine-evaluator.ts";

const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
export const short: Scenario = { ...retail, horizon: 120, warmup: 20 };
export const run = { seed: 7, replications: 12 };

export const replications = (s: Scenario, seed: number | string, n: number): Replications => {
  const v = networkValues(s, seed, n, FRONTIER_KEYS);
  return Object.fromEntries(FRONTIER_KEYS.map((k, i) => [k, v[i]])) as unknown as Replications;
};
const evaluate: FrontierEvaluator = async (s, r) => replications(s, r.seed, r.replications);

let cached: Promise<{ result: FrontierResult; pointsReported: number }> | undefined;
/** The curve, computed once per test file, and how many points it reported as they came. */
export function smallFrontier() {
  cached ??= (async () => {
    let pointsReported = 0;
    const result = await computeFrontier(short, {
      serviceLevels: [0.85, 0.95], targets: [0.9, 0.95], leadTimeVariance: true, headline: [0.95], evaluate, run,
      search: { seed: 8, replications: 8 }, maxEvaluations: 10, onPoint: () => pointsReported++,
    });
    return { result, pointsReported };
  })();
  return cached;
}
