/**
 * Rules inside one distribution that a schema cannot state: `discrete` values and probabilities
 * pair up and sum to 1, `negbin` is over-dispersed (sd² > mean), `uniform` has min <= max.
 */
import type { PathSegment } from "../issue.ts";
import { addIssue, arr, num, obj, type Context } from "./context.ts";

/** Probabilities must sum to 1 within this (floating-point sums of decimal fractions are inexact). */
export const PROBABILITY_TOLERANCE = 1e-9;

/** Recurses into `intermittent` sizes as deep as they go: validateScenario has already refused a document nested beyond LIMITS.depth. */
export function checkDistribution(ctx: Context, raw: unknown, path: readonly PathSegment[]): void {
  const d = obj(raw);
  if (d === undefined) return;
  switch (d.type) {
    case "discrete": return checkDiscrete(ctx, d.values, d.probs, path);
    case "negbin": {
      const mean = num(d.mean), sd = num(d.sd);
      if (mean !== undefined && sd !== undefined && mean > 0 && sd * sd <= mean) {
        addIssue(ctx, [...path, "sd"], `must satisfy sd² > mean for a negative binomial (sd² = ${round(sd * sd)}, mean = ${mean}); use "poisson" when sd² = mean`);
      }
      return;
    }
    case "uniform": {
      const min = num(d.min), max = num(d.max);
      if (min !== undefined && max !== undefined && max < min) addIssue(ctx, [...path, "max"], `must be >= min (${min}), got ${max}`);
      return;
    }
    case "intermittent": return checkDistribution(ctx, d.size, [...path, "size"]);
  }
}

function checkDiscrete(ctx: Context, valuesRaw: unknown, probsRaw: unknown, path: readonly PathSegment[]): void {
  const values = arr(valuesRaw), probs = arr(probsRaw);
  if (!Array.isArray(valuesRaw) || !Array.isArray(probsRaw)) return;
  if (values.length !== probs.length) {
    addIssue(ctx, [...path, "probs"], `must have one probability per value: ${values.length} values, ${probs.length} probabilities`);
  }
  let sum = 0;
  for (const p of probs) {
    const x = num(p);
    if (x === undefined) return;
    sum += x;
  }
  if (probs.length > 0 && Math.abs(sum - 1) > PROBABILITY_TOLERANCE) addIssue(ctx, [...path, "probs"], `must sum to 1, got ${round(sum)}`);
}

const round = (x: number) => Number(x.toPrecision(12));
