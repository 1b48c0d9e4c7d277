/**
 * Paired comparison of two runs made with common random numbers (kpis.md "Comparisons"): replication
 * r of A and of B saw the same draws, so the per-replication differences B − A carry far less noise
 * than the two means do separately. Reports mean(B) − mean(A), the 95% t interval of the paired
 * differences (replications where either value is NaN are left out of it), the relative change
 * and whether the interval excludes 0 (and the rounding band around it: ROUNDING).
 */
import type { KpiDiff } from "../model/result.ts";
import { accumulate, createAccumulator } from "./accumulator.ts";
import { confidenceInterval95, summarize } from "./stat.ts";

/**
 * A difference within ROUNDING × the values' magnitude is rounding, not a change: two runs whose
 * KPIs agree to 1e-9 of their size (a trough of 0 against −4e-17, a cost summed in another order)
 * are never called significantly different, however narrow the interval.
 */
export const ROUNDING = 1e-9;

/**
 * `scale`: the least magnitude the rounding band is measured against (1 for a KPI in 0…1, whose
 * values near 0 are still sums of terms up to 1); the band is ROUNDING × max(scale, the largest
 * |value| on either side). `significant` needs the interval to clear that band, not just 0.
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, scale = 0): KpiDiff {
  if (a.length !== b.length) throw new RangeError(`pairedDifference: ${a.length} values of A but ${b.length} of B`);
  const sa = summarize(a), sb = summarize(b);
  const diffs = createAccumulator();
  let size = scale;
  // Stryker disable next-line EqualityOperator: at i = length both sides read undefined: the NaN difference is skipped and NaN is never > size
  for (let i = 0; i < a.length; i++) {
    accumulate(diffs, b[i] - a[i]);
    const m = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    // Stryker disable next-line EqualityOperator: when m equals size, assigning it changes nothing
    if (m > size) size = m;   // NaN is never > size
  }
  const ci95 = confidenceInterval95(diffs), band = ROUNDING * size;
  const mean = sb.mean - sa.mean;
  return {
    a: sa,
    b: sb,
    diff: { mean, ci95 },
    relative: sa.mean === 0 || Number.isNaN(sa.mean) || Number.isNaN(mean) ? null : mean / Math.abs(sa.mean),
    significant: ci95[0] > band || ci95[1] < -band,
  };
}
