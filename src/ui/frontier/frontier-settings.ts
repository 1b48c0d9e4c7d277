/**
 * The trade-off curve's settings in the app, as pure functions: each field's text checked (a
 * message naming the field when it is wrong) and turned into computeFrontier's options, with the
 * CLI's defaults (src/sim/optimize/frontier-defaults.ts) so the app draws `echelon frontier`'s curve.
 */
import type { Scenario } from "../../sim/model/scenario.ts";
import { DEFAULT_FRONTIER_EVALUATIONS, DEFAULT_POINTS, DEFAULT_SEARCH_REPLICATIONS, DEFAULT_TARGETS, HEADLINE, sweep, type FrontierOptions } from "../../sim/optimize/index.ts";

export const POINTS_RANGE = [2, 50] as const;
/** At least 2 replications for an interval; at most what a page simulates 50 times in a few minutes. */
export const REPLICATIONS_RANGE = [2, 5000] as const;
/** At least the starts and a few moves; at most `echelon optimize`'s default budget. */
export const EVALUATIONS_RANGE = [10, 300] as const;

export interface FrontierFields {
  readonly points: string;
  readonly targets: string;
  readonly replications: string;
  readonly evaluations: string;
}

export type FieldErrors = { readonly [K in keyof FrontierFields]?: string };

/** What the fields show before the user changes them: the CLI's defaults, the scenario's replications. */
export function defaultFields(scenario: Scenario): FrontierFields {
  return { points: String(DEFAULT_POINTS), targets: DEFAULT_TARGETS.join(", "), replications: String(scenario.replications), evaluations: String(DEFAULT_FRONTIER_EVALUATIONS) };
}

const got = (text: string) => (text.trim() === "" ? "nothing" : `“${text.trim()}”`);

function wholeIn(text: string, [lo, hi]: readonly [number, number], field: string): { value: number } | { error: string } {
  const v = text.trim() === "" ? NaN : Number(text);
  return Number.isInteger(v) && v >= lo && v <= hi ? { value: v } : { error: `${field} must be a whole number from ${lo} to ${hi}, got ${got(text)}` };
}

/** Fill-rate targets: numbers above 0.5 and at most 1, separated by commas; sorted, without repeats. */
export function parseTargets(text: string): { value: number[] } | { error: string } {
  const list = text.split(",").map((t) => (t.trim() === "" ? NaN : Number(t)));
  if (list.length === 0 || list.some((t) => !(t >= 0.5 && t <= 1))) return { error: `Optimiser targets must be fill rates from 0.5 to 1 separated by commas (e.g. 0.9, 0.95, 0.98), got ${got(text)}` };
  return { value: [...new Set(list)].sort((a, b) => a - b) };
}

/** The seed the optimiser searches on: the frontier's + 1, as `echelon frontier` (a text seed gets ":check"). */
export const searchSeedOf = (seed: number | string) => (typeof seed === "number" ? seed + 1 : `${seed}:check`);

export type FrontierPlan = Pick<FrontierOptions, "serviceLevels" | "targets" | "headline" | "leadTimeVariance" | "run" | "search" | "maxEvaluations">;

/** The fields checked: computeFrontier's options, or a message per wrong field. */
export function frontierPlan(scenario: Scenario, f: FrontierFields): { readonly plan: FrontierPlan } | { readonly errors: FieldErrors } {
  const points = wholeIn(f.points, POINTS_RANGE, "Points per analytic curve"), targets = parseTargets(f.targets);
  const replications = wholeIn(f.replications, REPLICATIONS_RANGE, "Replications"), evaluations = wholeIn(f.evaluations, EVALUATIONS_RANGE, "Evaluations per target");
  const errors: { -readonly [K in keyof FrontierFields]?: string } = {};
  if ("error" in points) errors.points = points.error;
  if ("error" in targets) errors.targets = targets.error;
  if ("error" in replications) errors.replications = replications.error;
  if ("error" in evaluations) errors.evaluations = evaluations.error;
  if ("error" in points || "error" in targets || "error" in replications || "error" in evaluations) return { errors };
  const seed = scenario.seed, reps = replications.value;
  return {
    plan: {
      serviceLevels: sweep(points.value), targets: targets.value, headline: [...HEADLINE], leadTimeVariance: true,
      run: { seed, replications: reps }, search: { seed: searchSeedOf(seed), replications: Math.min(reps, DEFAULT_SEARCH_REPLICATIONS) },
      maxEvaluations: evaluations.value,
    },
  };
}

/** Points the curve will report (onPoint calls): both analytic sweeps, every target, and the current scenario. */
export const pointsExpected = (p: FrontierPlan) => 2 * p.serviceLevels.length + p.targets.length + 1;
