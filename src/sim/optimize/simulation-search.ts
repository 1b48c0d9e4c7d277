/**
 * The `simulation` method: start from the GSM solution and scale every safety stock by one
 * factor k (base stock μ·τ + k·z·σ·√τ), searching k by simulation for the least holding cost
 * whose network fill rate reaches the target. Holding cost grows with k, so the least k that
 * reaches the target is the answer: k = 1 is tried first, then doubled (2, 4, 8) until the
 * target is reached, or halved towards 0 by bisection when it already is. Every evaluation runs
 * the same seed and replications (common random numbers), so the fill rate moves with k alone.
 * The simulating itself is the caller's `evaluate` (the CLI runs it on its worker pool).
 */
import type { Scenario } from "../model/index.ts";
import { buildResult, planScenario, resolveTarget } from "./optimize-scenario.ts";
import type { OptimizationResult, ServiceTarget } from "./types.ts";

export interface FillEstimate {
  readonly mean: number;
  readonly ci95: readonly [number, number];
}
/** Simulates a scenario and returns its network fill rate. */
export type FillEvaluator = (scenario: Scenario) => Promise<FillEstimate>;

export interface SimulationSearchOptions {
  readonly target: ServiceTarget;
  /** Network fill rate to reach, in (0, 1]. */
  readonly targetFill: number;
  readonly evaluate: FillEvaluator;
  /** Replications `evaluate` runs per scenario (reported only). */
  readonly replications: number;
  /** As in optimizeScenario: count lead-time variance in the GSM starting point. */
  readonly leadTimeVariance?: boolean;
  /** Largest factor tried (default 8). */
  readonly maxFactor?: number;
  /** Bisection steps once the target is bracketed (default 6: k to 1/64 of the bracket). */
  readonly steps?: number;
  readonly onEvaluation?: (k: number, fill: FillEstimate) => void;
}

export async function optimizeBySimulation(scenario: Scenario, o: SimulationSearchOptions): Promise<OptimizationResult> {
  if (!(o.targetFill > 0 && o.targetFill <= 1)) throw new RangeError(`targetFill: must be above 0 and at most 1, got ${o.targetFill}`);
  const target = resolveTarget(o.target);
  const plans = planScenario(scenario, "gsm", target.z, o.leadTimeVariance);
  const at = (k: number) => buildResult(scenario, "simulation", target, plans, k);
  let evaluations = 0;
  const fill = async (k: number) => {
    evaluations++;
    const f = await o.evaluate(at(k).scenario);
    o.onEvaluation?.(k, f);
    return f;
  };
  const maxFactor = o.maxFactor ?? 8;
  let hi = 1, fHi = await fill(1), lo = 0;
  if (fHi.mean >= o.targetFill) {
    const f0 = await fill(0);
    if (f0.mean >= o.targetFill) return done(0, f0, true);
  } else {
    while (fHi.mean < o.targetFill && hi < maxFactor) { lo = hi; hi = Math.min(2 * hi, maxFactor); fHi = await fill(hi); }
    if (fHi.mean < o.targetFill) return done(hi, fHi, false);
  }
  for (let i = 0; i < (o.steps ?? 6); i++) {
    const mid = (lo + hi) / 2, f = await fill(mid);
    if (f.mean >= o.targetFill) { hi = mid; fHi = f; } else lo = mid;
  }
  return done(hi, fHi, true);

  function done(k: number, f: FillEstimate, reached: boolean): OptimizationResult {
    const { scenario: optimised, ...rest } = at(k);
    return {
      ...rest,
      simulation: {
        targetFill: o.targetFill, safetyFactor: k, fillRate: { mean: f.mean, ci95: [f.ci95[0], f.ci95[1]] },
        reached, evaluations, replicationsPerEvaluation: o.replications,
      },
      scenario: optimised,
    };
  }
}
