/**
 * The network optimiser (`--method simulation`): one base-stock level per stocking node and
 * product, chosen by simulation with common random numbers (docs/optimize.md "simulation").
 *
 * 1. Starts: the single-echelon and GSM placements, each with its safety stocks scaled by the
 *    one factor that reaches the target fill rate (or costs least), simulated (search-starts.ts).
 * 2. Search: from the better start, a pattern search moves the levels of groups of alike stages,
 *    and moves stock between them by marginal analysis, every candidate on the same
 *    replications (pattern-search.ts).
 * 3. Check: the chosen levels and the best start are simulated again on fresh replications
 *    (another seed), and the report says plainly whether the target holds there.
 *
 * The simulation is the caller's `evaluate` (the CLI runs it on its worker pool), so this module
 * never imports the engine.
 */
import type { Scenario } from "../model/index.ts";
import { exposureSd } from "./gsm.ts";
import { buildResult, planScenario, resolveTarget, type AnalyticMethod, type Plan } from "./optimize-scenario.ts";
import { patternSearch } from "./pattern-search.ts";
import { gsmRefusal } from "./item-plan.ts";
import { createProbe, costOf, isFeasible, type Goal, type PlanEstimate, type PlanEvaluator, type Point, type RunSpec } from "./probe.ts";
import { scaled, scaleStart, type ScaledStart } from "./search-starts.ts";
import { groupStages } from "./stage-groups.ts";
import type { Estimate, FinalCheck, NetworkObjective, OptimizationResult, SearchStart, ServiceTarget, TargetAt, TargetMeasure } from "./types.ts";

export interface NetworkSearchOptions {
  readonly objective: NetworkObjective;
  /** Network fill rate to reach, in (0, 1]; required for the target-fill objective. */
  readonly targetFill?: number;
  /** Target fill: minimise holding cost (default) or the value of the stock on hand. */
  readonly minimize?: TargetMeasure;
  /** Target fill: the mean fill rate of the search replications must reach it (default), or the lower bound of its 95% interval. */
  readonly targetAt?: TargetAt;
  /** The z of the analytic starting placements (default service level 0.95). */
  readonly target?: ServiceTarget;
  /** As in optimizeScenario: count lead-time variance in the starting placements. */
  readonly leadTimeVariance?: boolean;
  readonly evaluate: PlanEvaluator;
  /** The search replications: every candidate runs on these. */
  readonly search: RunSpec;
  /** The fresh replications of the final check (another seed). */
  readonly check: RunSpec;
  /**
   * Budget of simulations for starts and search together (the check's 2 come on top). Default 300.
   * The starts always finish, so they alone may exceed a small budget; the search then makes no step.
   */
  readonly maxEvaluations?: number;
  /** The search stops when every step is below this fraction of its group's scale (default 1/32). */
  readonly minStep?: number;
  readonly onProgress?: (e: NetworkSearchProgress) => void;
}

export type NetworkSearchProgress =
  | { readonly kind: "evaluation"; readonly evaluations: number; readonly maxEvaluations: number }
  | { readonly kind: "start"; readonly method: AnalyticMethod; readonly safetyFactor: number; readonly estimate: PlanEstimate }
  | { readonly kind: "move" | "refine"; readonly evaluations: number; readonly estimate: PlanEstimate; readonly note: string }
  | { readonly kind: "check"; readonly check: FinalCheck };

export const DEFAULT_MAX_EVALUATIONS = 300;

interface Start extends ScaledStart {
  readonly method: AnalyticMethod;
  readonly plans: readonly Plan[];
  /** μ·τ and z·σ·√τ per stage: the levels are base + k·safety. */
  readonly base: Float64Array;
  readonly safety: Float64Array;
  readonly sameAs?: "single-echelon";
}

export async function optimizeNetwork(scenario: Scenario, o: NetworkSearchOptions): Promise<OptimizationResult> {
  const targetFill = o.targetFill ?? NaN;
  if (o.objective === "target-fill" && !(targetFill > 0 && targetFill <= 1)) throw new RangeError(`targetFill: must be above 0 and at most 1, got ${o.targetFill}`);
  const target = resolveTarget(o.target ?? { serviceLevel: 0.95 });
  const goal: Goal = { objective: o.objective, targetFill, minimize: o.minimize ?? "holding-cost", targetAt: o.targetAt ?? "mean" };
  const maxEvaluations = o.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const plansOf = (m: AnalyticMethod) => planScenario(scenario, m, target.z, o.leadTimeVariance);
  const first = plansOf("single-echelon");
  const toScenario = (levels: Float64Array) => buildResult(scenario, "simulation", target, first, 1, [...levels]).scenario;
  const probe = createProbe(toScenario, o.evaluate, o.search, (n) => o.onProgress?.({ kind: "evaluation", evaluations: n, maxEvaluations }));

  const starts: Start[] = [];
  // Where the items are not a spanning tree, GSM cannot place stock: the search starts from single-echelon alone.
  const refusal = gsmRefusal(scenario);
  for (const method of refusal ? ["single-echelon"] as const : ["single-echelon", "gsm"] as const) {
    const plans = method === "single-echelon" ? first : plansOf(method);
    const base = Float64Array.from(plans, (p) => p.stage.meanDemand * p.plan.netReplenishmentTime);
    const safety = Float64Array.from(plans, (p) => target.z * exposureSd(p.stage, p.plan.netReplenishmentTime));
    const twin = starts.find((s) => sameLevels(scaled(base, safety, 1), scaled(s.base, s.safety, 1)));
    const found = twin ? { safetyFactor: twin.safetyFactor, point: twin.point } : await scaleStart(probe, goal, base, safety);
    starts.push({ method, plans, base, safety, ...found, ...(twin ? { sameAs: "single-echelon" as const } : {}) });
    if (!twin) o.onProgress?.({ kind: "start", method, safetyFactor: found.safetyFactor, estimate: found.point.estimate });
  }
  const best = bestStart(goal, starts);
  const reached = isFeasible(goal, best.point);
  const groups = groupStages(scenario);
  const chosen = reached
    ? await patternSearch(probe, goal, groups, best.point, {
      maxEvaluations, minStep: o.minStep,
      onStep: (kind, p, note) => o.onProgress?.({ kind, evaluations: probe.evaluations, estimate: p.estimate, note }),
    })
    : best.point;

  const check = await finalCheck(o, goal, toScenario, chosen, best);
  o.onProgress?.({ kind: "check", check });
  const { scenario: optimised, ...rest } = buildResult(scenario, "simulation", target, best.plans, 1, [...chosen.levels]);
  const notes = [...(rest.notes ?? []), ...(refusal ? [`The search started from single-echelon alone: ${refusal}`] : [])];
  return {
    ...rest,
    ...(notes.length > 0 ? { notes } : {}),
    simulation: {
      ...(o.objective === "target-fill" ? { targetFill } : {}),
      fillRate: copy(chosen.estimate.fillRate),
      reached,
      evaluations: probe.evaluations,
      replicationsPerEvaluation: o.search.replications,
      search: "network",
      objective: o.objective,
      ...(o.objective === "target-fill" ? { minimize: goal.minimize, targetAt: goal.targetAt } : {}),
      seed: o.search.seed,
      holdingCost: copy(chosen.estimate.holdingCost),
      totalCost: copy(chosen.estimate.totalCost),
      onHandValue: copy(chosen.estimate.onHandValue),
      starts: starts.map(startReport),
      startedFrom: best.method,
      check,
    },
    scenario: optimised,
  };
}

const sameLevels = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= 1e-9 * Math.max(1, Math.abs(v)));
const copy = (e: Estimate): Estimate => ({ mean: e.mean, ci95: [e.ci95[0], e.ci95[1]] });
const estimates = (e: PlanEstimate) => ({ fillRate: copy(e.fillRate), holdingCost: copy(e.holdingCost), totalCost: copy(e.totalCost), onHandValue: copy(e.onHandValue) });

/** The cheapest start that is feasible; when none is, the one with the highest fill rate. */
function bestStart(goal: Goal, starts: readonly Start[]): Start {
  const feasible = starts.filter((s) => isFeasible(goal, s.point));
  if (feasible.length === 0) return starts.reduce((a, b) => (b.point.estimate.fillRate.mean > a.point.estimate.fillRate.mean ? b : a));
  return feasible.reduce((a, b) => (costOf(goal, b.point) < costOf(goal, a.point) ? b : a));
}

function startReport(s: Start): SearchStart {
  return { method: s.method, safetyFactor: s.safetyFactor, ...estimates(s.point.estimate), ...(s.sameAs ? { sameAs: s.sameAs } : {}) };
}

async function finalCheck(o: NetworkSearchOptions, goal: Goal, toScenario: (l: Float64Array) => Scenario, chosen: Point, best: Start): Promise<FinalCheck> {
  const plan = await o.evaluate(toScenario(chosen.levels), o.check);
  const baseline = await o.evaluate(toScenario(best.point.levels), o.check);
  const met = goal.objective === "target-fill" ? plan.fillRate.ci95[0] >= goal.targetFill : undefined;
  return {
    seed: o.check.seed, replications: o.check.replications, ...estimates(plan),
    ...(met === undefined ? {} : { targetMet: met }),
    baseline: estimates(baseline),
    verdict: verdict(o, goal, plan, baseline, best),
  };
}

const f4 = (x: number) => x.toFixed(4), f2 = (x: number) => x.toFixed(2);
const interval = (e: Estimate, f: (x: number) => string) => `${f(e.mean)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`;

/** One plain sentence: the fresh fill rate against the target (or the fresh cost), and the best start beside it. */
function verdict(o: NetworkSearchOptions, goal: Goal, plan: PlanEstimate, baseline: PlanEstimate, best: Start): string {
  const on = `On ${o.check.replications} fresh replications (seed ${o.check.seed})`;
  const start = `${best.method} × ${best.safetyFactor.toFixed(3)}`;
  if (goal.objective === "total-cost") {
    return `${on} the plan costs ${interval(plan.totalCost, f2)} per day, against ${interval(baseline.totalCost, f2)} for the best analytic start (${start}).`;
  }
  const fill = `the plan's fill rate is ${interval(plan.fillRate, f4)}`;
  const [what, key, per] = goal.minimize === "inventory-value" ? ["inventory value on hand", "onHandValue", ""] as const : ["holding cost", "holdingCost", " per day"] as const;
  const held = `${what} ${f2(plan[key].mean)}${per}, against ${f2(baseline[key].mean)} at fill rate ${f4(baseline.fillRate.mean)} for the best analytic start (${start})`;
  if (plan.fillRate.ci95[0] >= goal.targetFill) return `${on} ${fill}: the target ${goal.targetFill} is met at the lower bound of the 95% interval; ${held}.`;
  const why = plan.fillRate.mean >= goal.targetFill ? "its mean reaches the target, its lower bound does not"
    : plan.fillRate.ci95[1] >= goal.targetFill ? "the target is inside the interval, above its mean" : "the whole interval is below the target";
  return `${on} ${fill}: the target ${goal.targetFill} is NOT met at the lower bound of the 95% interval (${why}); ${held}.`;
}
