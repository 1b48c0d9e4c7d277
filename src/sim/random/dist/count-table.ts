/**
 * Exact inverse CDF of a distribution on 0, 1, 2, … (Poisson, negative binomial), as a table of
 * cumulative probabilities built outward from the mode: pmf(mode) comes from its logarithm, the
 * rest from the ratio pmf(k + 1)/pmf(k), so nothing underflows even when pmf(0) would. Entries
 * stop where the geometric bound on the remaining tail falls below 1e-17 of the total; the table
 * is then normalised. A lookup is a binary search; building costs O(number of entries), about
 * 17 standard deviations.
 */
export interface CountTable {
  /** Value of the first entry. */
  readonly first: number;
  /** cum[i] = P(X <= first + i), with the last entry exactly 1. */
  readonly cum: Float64Array;
}

/** Entries beyond which the table gives up (a count with sd in the hundreds of thousands). */
export const MAX_TABLE = 1 << 22;

/**
 * `ratio(k)` = pmf(k + 1)/pmf(k), which must tend to `limit` < 1 as k grows and be
 * non-increasing below the mode. Above it, max(ratio(k), limit) must bound every later ratio
 * (true whether the ratio falls to its limit, as for Poisson, or rises to it, as for a negative
 * binomial with r < 1). Returns null if the table would exceed MAX_TABLE entries.
 */
export function buildCountTable(mode: number, logPmfMode: number, ratio: (k: number) => number, limit: number): CountTable | null {
  const eps = 1e-17, pm = Math.exp(logPmfMode);
  // pmf values below the mode, nearest first, then from the mode up, in reusable scratch arrays
  let nDown = 0, nUp = 0;
  for (let k = mode, p = pm; k > 0;) {
    const r = ratio(k - 1);                      // pmf(k)/pmf(k − 1)
    p = p / r; k--;
    if (nDown === down.length) { if (nDown >= MAX_TABLE) return null; down = grow(down); }
    down[nDown++] = p;
    // Below here the pmf falls at least geometrically, by 1/r per step.
    if (r > 1 && p / (r - 1) < eps * pm) break;
  }
  up[nUp++] = pm;
  for (let k = mode, p = pm; ; k++) {
    p *= ratio(k);
    if (!(p > 0)) break;
    if (nUp === up.length) { if (nUp + nDown >= MAX_TABLE) return null; up = grow(up); }
    up[nUp++] = p;
    const r = Math.max(ratio(k + 1), limit);     // bounds every later ratio
    if (r < 1 && (p * r) / (1 - r) < eps * pm) break;
  }
  const n = nDown + nUp, cum = new Float64Array(n);
  let acc = 0, i = 0;
  for (let j = nDown - 1; j >= 0; j--) cum[i++] = acc += down[j];
  for (let j = 0; j < nUp; j++) cum[i++] = acc += up[j];
  const inv = 1 / acc;
  for (let j = 0; j < n; j++) cum[j] *= inv;
  cum[n - 1] = 1;
  return { first: mode - nDown, cum };
}

let down = new Float64Array(1024), up = new Float64Array(1024);
const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };

/** The smallest k with P(X <= k) >= u. */
export function tableQuantile(t: CountTable, u: number): number {
  const cum = t.cum;
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] >= u) hi = mid; else lo = mid + 1;
  }
  return t.first + lo;
}

/** P(X <= x) from the table. */
export function tableCdf(t: CountTable, x: number): number {
  const i = Math.floor(x) - t.first;
  return i < 0 ? 0 : i >= t.cum.length ? 1 : t.cum[i];
}
