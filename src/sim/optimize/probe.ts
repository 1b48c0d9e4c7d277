/**
 * What the network search knows of the simulation: a probe that simulates a vector of base-stock
 * levels (one per stage) on the search replications — the same seed and replications for every
 * candidate, so that candidates differ only by their levels (common random numbers) — counts the
 * evaluations, and remembers the levels it has seen so that no candidate is simulated twice.
 */
import type { Scenario } from "../model/index.ts";
import { limitConcurrency } from "./limit.ts";
import type { Estimate, NetworkObjective, TargetAt, TargetMeasure } from "./types.ts";

/** Network KPIs of one simulated plan (kpis.md `fillRate`, `holdingCost`, `totalCost`, `onHandValue`). */
export interface PlanEstimate {
  readonly fillRate: Estimate;
  readonly holdingCost: Estimate;
  readonly totalCost: Estimate;
  readonly onHandValue: Estimate;
}

/** Which replications to run: the seed and the count (replications 0 … n − 1). */
export interface RunSpec {
  readonly seed: number | string;
  readonly replications: number;
}

/** Simulates a scenario on the given replications (the CLI runs it on its worker pool). */
export type PlanEvaluator = (scenario: Scenario, run: RunSpec) => Promise<PlanEstimate>;

export interface Point {
  readonly levels: Float64Array;
  readonly estimate: PlanEstimate;
}

export interface Probe {
  (levels: Float64Array): Promise<Point>;
  readonly evaluations: number;
}

const keyOf = (levels: Float64Array) => Array.from(levels, (v) => v.toFixed(6)).join(",");

export function createProbe(toScenario: (levels: Float64Array) => Scenario, evaluateAll: PlanEvaluator, run: RunSpec, onEvaluation?: (n: number) => void): Probe {
  const evaluate = limitConcurrency(evaluateAll);
  const seen = new Map<string, Point>();
  let evaluations = 0;
  const probe = async (levels: Float64Array): Promise<Point> => {
    const key = keyOf(levels), known = seen.get(key);
    if (known) return known;
    const point = { levels: Float64Array.from(levels), estimate: await evaluate(toScenario(levels), run) };
    seen.set(key, point);
    evaluations++;   // counted with or without a listener: the search's budget reads it
    onEvaluation?.(evaluations);
    return point;
  };
  return Object.defineProperty(probe, "evaluations", { get: () => evaluations }) as Probe;
}

/** What the search minimises, and the constraint it keeps. */
export interface Goal {
  readonly objective: NetworkObjective;
  /** Target-fill objective: the network fill rate every accepted point reaches (mean over the search replications). */
  readonly targetFill: number;
  /** Target-fill objective: what it minimises per day, holding cost or the value of the stock on hand. */
  readonly minimize: TargetMeasure;
  /**
   * Target-fill objective: which figure of the fill rate must reach the target — its mean over the
   * search replications, or the lower bound of its 95% interval (a margin that makes the plan
   * likelier to meet the target at the lower bound of the fresh check too).
   */
  readonly targetAt: TargetAt;
}

/** The fill rate the target applies to (goal.targetAt). */
export const fillOf = (g: Goal, p: Point) => (g.targetAt === "lower-bound" ? p.estimate.fillRate.ci95[0] : p.estimate.fillRate.mean);

export const isFeasible = (g: Goal, p: Point) => g.objective === "total-cost" || fillOf(g, p) >= g.targetFill;

/** Total cost per day, or for the target-fill objective holding cost per day or on-hand value. */
export const costOf = (g: Goal, p: Point) =>
  g.objective === "total-cost" ? p.estimate.totalCost.mean : g.minimize === "inventory-value" ? p.estimate.onHandValue.mean : p.estimate.holdingCost.mean;

/** A is feasible and cheaper than B by more than rounding. */
export const isBetter = (g: Goal, a: Point, b: Point) => isFeasible(g, a) && costOf(g, a) < costOf(g, b) - 1e-9 * Math.max(1, Math.abs(costOf(g, b)));
