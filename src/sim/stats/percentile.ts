/**
 * Exact empirical percentiles of per-replication values, R-7 (linear interpolation between order
 * statistics at h = (n − 1)·p), the definition of d3-array's `quantile`, R's default and Excel's
 * PERCENTILE.INC. NaN values are skipped.
 */
import { quantileSorted } from "d3-array";

/** The values that are numbers, sorted ascending, in a new Float64Array. */
export function sortedNumbers(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out.sort();
}

/** The p-quantile (0 ≤ p ≤ 1) of ascending sorted values; NaN when there are none. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  return sorted.length === 0 ? NaN : (quantileSorted(sorted as unknown as number[], p) as number);
}

/** The p-quantile of values in any order (NaN skipped). */
export function percentile(values: ArrayLike<number>, p: number): number {
  return percentileSorted(sortedNumbers(values), p);
}
