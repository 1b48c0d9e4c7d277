/**
 * `echelon optimize FILE --method simulation`: the network optimiser (src/sim/optimize/network-search.ts)
 * with its simulations on the worker pool, and its progress on standard error, one line per start,
 * kept move, refinement and check.
 */
import type { Scenario } from "../sim/model/scenario.ts";
import { optimizeNetwork, type NetworkSearchProgress, type OptimizationResult, type ServiceTarget } from "../sim/optimize/index.ts";
import type { NetworkObjective, TargetAt, TargetMeasure } from "../sim/optimize/types.ts";
import { poolEvaluator } from "../workers/network-evaluator.ts";
import type { Pool } from "../workers/pool.ts";

interface Io { readonly stderr: { write(s: string): unknown } }

export interface NetworkCommand {
  readonly objective: NetworkObjective;
  readonly target: ServiceTarget;
  readonly targetFill?: number;
  readonly minimize?: TargetMeasure;
  readonly targetAt?: TargetAt;
  readonly leadTimeVariance: boolean;
  readonly replications: number;
  readonly seed: number | string;
  readonly checkReplications: number;
  readonly checkSeed: number | string;
  readonly maxEvaluations?: number;
}

/** The seed of the final check: the search seed + 1 (a text seed gets ":check" appended). */
export const checkSeedOf = (seed: number | string) => (typeof seed === "number" ? seed + 1 : `${seed}:check`);

export { poolEvaluator, poolNetworkValues } from "../workers/network-evaluator.ts";

const f4 = (x: number) => x.toFixed(4), f2 = (x: number) => x.toFixed(2);
const ci = (e: { mean: number; ci95: readonly [number, number] }, f: (x: number) => string) => `${f(e.mean)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`;

/** One line of progress for each event but the evaluations themselves. */
export function progressLine(e: NetworkSearchProgress, objective: NetworkObjective, minimize: TargetMeasure = "holding-cost"): string | null {
  const cost = (p: { holdingCost: { mean: number }; totalCost: { mean: number }; onHandValue: { mean: number } }) =>
    objective === "total-cost" ? `total cost ${f2(p.totalCost.mean)}/day`
      : minimize === "inventory-value" ? `on-hand value ${f2(p.onHandValue.mean)}` : `holding cost ${f2(p.holdingCost.mean)}/day`;
  switch (e.kind) {
    case "evaluation": return null;
    case "start": return `start ${e.method} × ${e.safetyFactor.toFixed(4)}: fill rate ${ci(e.estimate.fillRate, f4)}, ${cost(e.estimate)}`;
    case "move": return `evaluation ${e.evaluations}: ${cost(e.estimate)}, fill rate ${f4(e.estimate.fillRate.mean)}: ${e.note}`;
    case "refine": return `evaluation ${e.evaluations}: ${e.note}`;
    case "check": return `check: ${e.check.verdict}`;
  }
}

export async function optimizeByNetworkSearch(scenario: Scenario, cmd: NetworkCommand, pool: Pool, io: Io): Promise<OptimizationResult> {
  const say = (s: string) => io.stderr.write(`echelon optimize: ${s}\n`);
  say(`network search (${cmd.objective}), ${cmd.replications} replications per evaluation (seed ${cmd.seed}), ` +
    `final check on ${cmd.checkReplications} fresh replications (seed ${cmd.checkSeed}), ${pool.size} worker${pool.size === 1 ? "" : "s"}`);
  const result = await optimizeNetwork(scenario, {
    objective: cmd.objective, targetFill: cmd.targetFill, minimize: cmd.minimize, targetAt: cmd.targetAt, target: cmd.target, leadTimeVariance: cmd.leadTimeVariance,
    evaluate: poolEvaluator(pool),
    search: { seed: cmd.seed, replications: cmd.replications },
    check: { seed: cmd.checkSeed, replications: cmd.checkReplications },
    maxEvaluations: cmd.maxEvaluations,
    onProgress: (e) => { const line = progressLine(e, cmd.objective, cmd.minimize); if (line) say(line); },
  });
  const sim = result.simulation!;
  say(`${sim.evaluations} evaluations × ${sim.replicationsPerEvaluation} replications, then 2 × ${cmd.checkReplications} for the check`);
  if (!sim.reached) say(`the target fill rate ${cmd.targetFill} was not reached on the search replications, even with every safety stock × 8`);
  return result;
}
