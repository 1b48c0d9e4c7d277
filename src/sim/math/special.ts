import { normalQuantile } from "./normal.ts";

/**
 * Special functions behind the gamma, Poisson and negative binomial samplers and Student's t
 * (stats/student-t.ts): log Γ and the regularized incomplete gamma functions P(a, x) and
 * Q(a, x) = 1 − P(a, x).
 */

// Lanczos approximation, g = 7, n = 9 (as tabulated by P. Godfrey): ~1e-15 relative.
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
const LOG_SQRT2PI = 0.9189385332046728;

/** ln Γ(x) for x > 0 (Lanczos; reflection below ½). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return LOG_SQRT2PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln k! for whole k >= 0, exact from a table up to 255. */
export function logFactorial(k: number): number {
  return k < LOG_FACTORIALS.length ? LOG_FACTORIALS[k] : logGamma(k + 1);
}
const LOG_FACTORIALS = new Float64Array(256);
for (let k = 2; k < 256; k++) LOG_FACTORIALS[k] = LOG_FACTORIALS[k - 1] + Math.log(k);


/**
 * Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a) for a > 0, x >= 0: the series for
 * x < a + 1, else 1 − Q from the continued fraction (Numerical Recipes §6.2).
 */
export function gammaP(a: number, x: number): number {
  return lowerGamma(a, x, logGamma(a));
}

/** P(a, x) given lga = ln Γ(a), for callers that evaluate it many times at one a. */
function lowerGamma(a: number, x: number, lga: number): number {
  // Stryker disable next-line EqualityOperator: at x = 0 the series gives 0 (x^a = 0)
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  // Stryker disable next-line EqualityOperator: at x = a + 1 series and fraction agree within gammaP's own rounding (3e-15 at a = 10, mpmath)
  return x < a + 1 ? gammaSeries(a, x, lga) : 1 - gammaFraction(a, x, lga);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate when it is small. */
export function gammaQ(a: number, x: number): number {
  // Stryker disable next-line EqualityOperator: at x = 0 the series gives 1 − 0
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  const lga = logGamma(a);
  // Stryker disable next-line EqualityOperator: at x = a + 1 series and fraction agree within gammaQ's own rounding (3e-15 at a = 10, mpmath)
  return x < a + 1 ? 1 - gammaSeries(a, x, lga) : gammaFraction(a, x, lga);
}

/** The series for P(a, x); the prefactor x^a e^(−x)/Γ(a) is taken in log space. */
function gammaSeries(a: number, x: number, lga: number): number {
  let ap = a, del = 1 / a, sum = del;
  // Stryker disable next-line EqualityOperator,UpdateOperator: for x < a + 1 the term ratio x/(a + n) is below 1 and the loop breaks long before 100,000 terms
  for (let n = 0; n < 100000; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    // Stryker disable next-line EqualityOperator: at equality the term left is below the rounding of sum
    if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
  }
  return sum * Math.exp(a * Math.log(x) - x - lga);
}

/** Q(a, x) by Legendre's continued fraction, modified Lentz evaluation. */
function gammaFraction(a: number, x: number, lga: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  // Stryker disable next-line EqualityOperator: for x >= a + 1 the fraction converges to 1e-16 in far fewer than 100,000 terms
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz guard; no zero denominator for a > 0 and x >= a + 1 (b >= 2)
    d = an * d + b; if (Math.abs(d) < tiny) d = tiny;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: Lentz guard; no zero denominator for a > 0 and x >= a + 1 (b >= 2)
    c = b + an / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    // Stryker disable next-line EqualityOperator: no difference at double precision
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(a * Math.log(x) - x - lga) * h;
}

/** The least positive normal double (2⁻¹⁰²²). */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * Inverse of P(a, ·): the x with P(a, x) = p, by Halley's method on P from the starting point of
 * Numerical Recipes' `invgammp` (§6.2.1; Wilson–Hilferty for a > 1, the small-x power series
 * otherwise). Converges to ~1e-14 relative in a few steps.
 */
export function gammaQuantile(a: number, p: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only p < 0 or NaN tell them apart, which dist/gamma.ts never passes (u in [0, 1 − 2⁻⁵³]); p = 0 gives 0 from either start
  if (!(p > 0)) return 0;
  if (p >= 1) return Infinity;
  const gln = logGamma(a), a1 = a - 1;
  let x: number;
  if (a > 1) {
    const z = normalQuantile(p);                 // Wilson–Hilferty
    x = a * Math.pow(1 - 1 / (9 * a) + z / (3 * Math.sqrt(a)), 3);
    if (!(x > 0)) x = Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  } else {
    const t = 1 - a * (0.253 + a * 0.12);
    // Stryker disable next-line EqualityOperator: at p = t both starts are 1
    x = p < t ? Math.pow(p / t, 1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
  }
  // A quantile below the least normal double: the lower tail's first term P(a, x) ≈ x^a / Γ(a + 1)
  // gives it (or 0 where it underflows); Halley's steps there divide by an infinite density (NaN).
  if (x < SMALLEST_NORMAL) return Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  for (let j = 0; j < 40; j++) {
    if (x <= 0) return 0;
    const err = lowerGamma(a, x, gln) - p;
    const dens = Math.exp(a1 * Math.log(x) - x - gln);
    if (dens === 0) break;
    const u = err / dens;
    const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - 1)));
    let next = x - step;
    if (next <= 0) next = 0.5 * x;                 // halve towards 0 rather than overshoot
    // Halley converges cubically: once a step is below 1e-9·x, the error left is far below
    // rounding, and further steps would only chase rounding noise.
    // Stryker disable next-line EqualityOperator: at equality one more Halley step from within 1e-27 relative moves x by less than rounding
    if (Math.abs(next - x) <= 1e-9 * next) return next;
    x = next;
  }
  return x;
}
