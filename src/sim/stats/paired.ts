/**
 * Paired comparison of two runs made with common random numbers (kpis.md "Comparisons"): replication
 * r of A and of B saw the same draws, so the per-replication differences B − A carry far less noise
 * than the two means do separately. Reports mean(B) − mean(A), the 95% t interval of the paired
 * differences (replications where either value is NaN are left out of it), the relative change
 * and whether the interval excludes 0.
 */
import type { KpiDiff } from "../model/result.ts";
import { accumulate, createAccumulator } from "./accumulator.ts";
import { confidenceInterval95, summarize } from "./stat.ts";

export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): KpiDiff {
  if (a.length !== b.length) throw new RangeError(`pairedDifference: ${a.length} values of A but ${b.length} of B`);
  const sa = summarize(a), sb = summarize(b);
  const diffs = createAccumulator();
  for (let i = 0; i < a.length; i++) accumulate(diffs, b[i] - a[i]);
  const ci95 = confidenceInterval95(diffs);
  const mean = sb.mean - sa.mean;
  return {
    a: sa,
    b: sb,
    diff: { mean, ci95 },
    relative: sa.mean === 0 || Number.isNaN(sa.mean) || Number.isNaN(mean) ? null : mean / Math.abs(sa.mean),
    significant: ci95[0] > 0 || ci95[1] < 0,
  };
}
