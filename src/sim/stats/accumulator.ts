/**
 * A mergeable running mean and variance: Welford's update for one value, Chan et al.'s formula
 * to merge two accumulators. Merging partial accumulators gives the same mean and variance as one
 * accumulator over all values (up to rounding), so chunks reduced anywhere can be combined.
 */
export interface Accumulator {
  n: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  m2: number;
}

export function createAccumulator(): Accumulator {
  return { n: 0, mean: 0, m2: 0 };
}

/** Adds one value (Welford). NaN is skipped: `n` counts the values that are numbers. */
export function accumulate(acc: Accumulator, x: number): Accumulator {
  if (Number.isNaN(x)) return acc;
  const n = ++acc.n, delta = x - acc.mean;
  acc.mean += delta / n;
  acc.m2 += delta * (x - acc.mean);
  return acc;
}

/** Adds every value of an array-like (NaN skipped). */
export function accumulateAll(acc: Accumulator, values: ArrayLike<number>): Accumulator {
  for (let i = 0; i < values.length; i++) accumulate(acc, values[i]);
  return acc;
}

/** Merges b into a (Chan, Golub & LeVeque): δ = b.mean − a.mean, M2 = M2a + M2b + δ²·na·nb/n. */
export function mergeAccumulators(a: Accumulator, b: Accumulator): Accumulator {
  // Stryker disable next-line ConditionalExpression: Chan's update with n_B = 0 adds exactly 0 to the mean and to M2
  if (b.n === 0) return a;
  if (a.n === 0) return Object.assign(a, b);
  const n = a.n + b.n, delta = b.mean - a.mean;
  a.mean += (delta * b.n) / n;
  a.m2 += b.m2 + (delta * delta * a.n * b.n) / n;
  a.n = n;
  return a;
}

/** Sample variance (n − 1 in the denominator); 0 when n < 2. */
export function variance(acc: Accumulator): number {
  return acc.n < 2 ? 0 : acc.m2 / (acc.n - 1);
}

/** Sample standard deviation; 0 when n < 2. */
export function standardDeviation(acc: Accumulator): number {
  return Math.sqrt(variance(acc));
}
