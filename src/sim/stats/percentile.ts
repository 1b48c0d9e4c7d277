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
  // Stryker disable next-line EqualityOperator: values[length] is undefined, which Number.isNaN(undefined) skips
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

/** The values that are numbers, in a new Float64Array (order kept). */
function numbers(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  // Stryker disable next-line EqualityOperator: values[length] is undefined, which Number.isNaN(undefined) skips
  for (let i = 0, j = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i];
  return out;
}

/**
 * Several R-7 percentiles at once by selection instead of a full sort (O(n) on average per
 * percentile), interpolating exactly as d3's `quantileSorted` does; NaN values are skipped. For
 * h = (n − 1)·p it needs the ⌊h⌋-th and the next order statistic. The ⌊h⌋ indices are selected
 * middle first (Hoare's quickselect, median-of-three pivot), each within the range its
 * neighbours' selections left it, so the work shrinks as it goes; afterwards the next order
 * statistic after index i is the least value between i + 1 and the next selected index (or the end).
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const a = numbers(values), n = a.length;
  const out = new Array<number>(ps.length).fill(NaN);
  // Stryker disable next-line ConditionalExpression: with no numbers every a[i0] read is undefined, so each percentile is NaN as returned here
  if (n === 0) return out;
  const hs = new Float64Array(ps.length), targets: number[] = [];
  for (let i = 0; i < ps.length; i++) {
    hs[i] = (n - 1) * Math.min(1, Math.max(0, ps[i]));
    const i0 = Math.floor(hs[i]);
    // Stryker disable next-line ConditionalExpression: a repeated index is selected twice; the second select, asked for an index left of its range, moves that range's least value to i0 + 1, the value the scan would find
    if (!targets.includes(i0)) targets.push(i0);
  }
  targets.sort(ascending);
  selectAll(a, targets, 0, targets.length - 1, 0, n - 1);
  for (let i = 0; i < ps.length; i++) {
    const h = hs[i], i0 = Math.floor(h), next = targets.indexOf(i0) + 1;
    const end = next < targets.length ? targets[next] : n - 1;   // ranks i0 + 1 … end sit in a[i0 + 1 … end]
    const v0 = a[i0];
    let v1 = v0;
    if (i0 + 1 < n) { v1 = a[i0 + 1]; for (let k = i0 + 2; k <= end; k++) if (a[k] < v1) v1 = a[k]; }
    out[i] = v0 + (v1 - v0) * (h - i0);
  }
  return out;
}

function ascending(x: number, y: number): number {
  return x - y;
}

/** Selects targets[t0 … t1] (ascending indices) within a[left … right], the middle one first. */
function selectAll(a: Float64Array, targets: readonly number[], t0: number, t1: number, left: number, right: number): void {
  if (t0 > t1) return;
  const m = (t0 + t1) >>> 1, k = targets[m];
  select(a, k, left, right);
  selectAll(a, targets, t0, m - 1, left, k - 1);
  selectAll(a, targets, m + 1, t1, k + 1, right);
}

/** Rearranges a[left … right] so that a[k] is its (k − left)-th smallest, smaller values before it, larger after. */
function select(a: Float64Array, k: number, left: number, right: number) {
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Stryker disable next-line all: median-of-three only picks a better pivot; any pivot from the range partitions correctly
    if (a[mid] < a[left]) swap(a, mid, left);
    // Stryker disable next-line all: median-of-three, as above
    if (a[right] < a[left]) swap(a, right, left);
    // Stryker disable next-line all: median-of-three, as above
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left, j = right;
    // Stryker disable next-line EqualityOperator: when i = j the element there equals the pivot and is already in place
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { swap(a, i, j); i++; j--; }
    }
    if (k <= j) right = j;
    // Stryker disable next-line ConditionalExpression: k between j and i holds the pivot value, already in place; partitioning on elsewhere never moves it
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number) {
  const t = a[i]; a[i] = a[j]; a[j] = t;
}
