// Statistical checks shared by the random tests. Each test runs at a fixed seed, so it is
// deterministic; the significance level says how likely a *correct* sampler would have been to
// fail at a seed picked at random. Every check below is two-sided at ALPHA unless stated.
import type { RandomStream } from "../../../src/sim/random/stream.ts";
import { gammaQuantile } from "../../../src/sim/math/special.ts";
import { normalQuantile } from "../../../src/sim/math/normal.ts";

/** Significance level of every statistical check in test/sim/random. */
export const ALPHA = 0.001;
/** Two-sided normal critical value at ALPHA (3.2905). */
export const Z = normalQuantile(1 - ALPHA / 2);

export function draws(n: number, f: () => number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = f();
  return x;
}

export interface MomentCheck {
  mean: number; meanHalfWidth: number;
  variance: number; varianceHalfWidth: number;
}

/**
 * Sample mean and variance with the half-widths of their (1 − ALPHA) confidence intervals:
 * Z·σ/√n for a mean whose true variance σ² is known, and Z·√(Var̂[(X − x̄)²]/n) for the variance
 * (the delta-method interval, with the fourth moment estimated from the sample).
 */
export function momentCheck(x: Float64Array, trueSd: number): MomentCheck {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let v = 0, v2 = 0;
  for (let i = 0; i < n; i++) { const d = (x[i] - m) ** 2; v += d; v2 += d * d; }
  v /= n; v2 /= n;
  return { mean: m, meanHalfWidth: (Z * trueSd) / Math.sqrt(n), variance: v, varianceHalfWidth: Z * Math.sqrt(Math.max(0, v2 - v * v) / n) };
}

/** The (1 − ALPHA) quantile of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareCritical(df: number): number {
  return 2 * gammaQuantile(df / 2, 1 - ALPHA);
}

/**
 * Pearson's chi-square statistic for counts in bins with expected probabilities `p`, after
 * merging neighbouring bins until each expects at least 5. Returns the statistic and the
 * critical value for its degrees of freedom (bins − 1).
 */
export function chiSquare(counts: ArrayLike<number>, p: ArrayLike<number>, n: number): { stat: number; critical: number; bins: number } {
  const obs: number[] = [], exp: number[] = [];
  let o = 0, e = 0;
  for (let i = 0; i < p.length; i++) {
    o += counts[i]; e += p[i] * n;
    if (e >= 5) { obs.push(o); exp.push(e); o = 0; e = 0; }
  }
  if (e > 0 || o > 0) { obs[obs.length - 1] += o; exp[exp.length - 1] += e; }
  let stat = 0;
  for (let i = 0; i < obs.length; i++) stat += (obs[i] - exp[i]) ** 2 / exp[i];
  return { stat, critical: chiSquareCritical(obs.length - 1), bins: obs.length };
}

/** Chi-square goodness of fit of integer draws against a pmf over 0..kmax (tail folded into kmax). */
export function countChiSquare(x: Float64Array, pmf: (k: number) => number, kmax: number) {
  const counts = new Float64Array(kmax + 1), p = new Float64Array(kmax + 1);
  for (const v of x) counts[Math.min(kmax, v)]++;
  let acc = 0;
  for (let k = 0; k < kmax; k++) { p[k] = pmf(k); acc += p[k]; }
  p[kmax] = 1 - acc;
  return chiSquare(counts, p, x.length);
}

/** Kolmogorov–Smirnov distance between draws and a continuous CDF, and its ALPHA critical value
 *  (asymptotic: √(−ln(ALPHA/2)/2)/√n = 1.9495/√n). */
export function ks(x: Float64Array, cdf: (v: number) => number): { d: number; critical: number } {
  const s = Float64Array.from(x).sort(), n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return { d, critical: Math.sqrt(-Math.log(ALPHA / 2) / 2) / Math.sqrt(n) };
}

/** A stream seeded for a test: `tag` names the test so tests never share numbers. */
export function seeded(s: RandomStream, tag: number): RandomStream {
  s.reseed(20261122, tag, 7);
  return s;
}

/** Draws `n` values of `sampler` at `scale` from a stream seeded for `tag`. */
export function sampleOf(sampler: { sample(s: RandomStream, scale: number): number }, n: number, s: RandomStream, scale = 1): Float64Array {
  return draws(n, () => sampler.sample(s, scale));
}

/**
 * Checks that the sample mean and variance of `x` fall inside their (1 − ALPHA) intervals
 * around `mean` and `sd²`. Returns the failures as text ("" when both hold), so that a failing
 * test names the distribution and the numbers.
 */
export function momentFailures(x: Float64Array, mean: number, sd: number): string {
  const c = momentCheck(x, sd), out: string[] = [];
  if (!(Math.abs(c.mean - mean) <= c.meanHalfWidth)) out.push(`mean ${c.mean} not within ${mean} ± ${c.meanHalfWidth}`);
  if (!(Math.abs(c.variance - sd * sd) <= c.varianceHalfWidth)) out.push(`variance ${c.variance} not within ${sd * sd} ± ${c.varianceHalfWidth}`);
  return out.join("; ");
}
