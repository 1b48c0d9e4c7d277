/**
 * Standard normal functions, the one implementation shared by the samplers, the statistics
 * (Student-t quantiles), the optimisers and the closed-form tests. All are pure and accurate to
 * about 1e-15 (relative, in the tails too, except where noted). The engine's correlated and
 * approximated draws go through normalQuantile, so changing it changes results: the fingerprint
 * (bench/engine-fingerprint.ts) shows by how much.
 */

const SQRT2PI = 2.5066282746310002;          // √(2π)
const INV_SQRT2PI = 0.3989422804014327;      // 1/√(2π)

/** φ(x), the standard normal density. */
export function normalPdf(x: number): number {
  return INV_SQRT2PI * Math.exp(-0.5 * x * x);
}

// W. J. Cody's near-minimax rational approximations (ANORM, ACM TOMS 715, 1993; from "Rational
// Chebyshev approximations for the error function", Math. Comp., 1969): 18 significant digits
// in theory, relative accuracy in the tails.
const CA = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const CB = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const CC = [0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8];
const CD = [22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727];
const CP = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303];
const CQ = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/**
 * Φ(x), the standard normal distribution function, by Cody's algorithm: a rational function of
 * x² near 0; beyond |x| = 0.66291, the smaller tail as exp(−x²/2) times a rational function
 * of |x| (up to √32) or of 1/x² (beyond), so Φ(−30) keeps full relative precision.
 */
export function normalCdf(x: number): number {
  // Stryker disable next-line ConditionalExpression: NaN fails every comparison below, reaches the last branch and returns NaN there too
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  // Stryker disable next-line EqualityOperator: at y = 0.66291 both of Cody's approximations are within 2.3e-16 of Φ (mpmath), 1 ulp apart
  if (y <= 0.66291) {
    const t = x * x;
    const num = (((CA[4] * t + CA[0]) * t + CA[1]) * t + CA[2]) * t + CA[3];
    const den = (((t + CB[0]) * t + CB[1]) * t + CB[2]) * t + CB[3];
    return 0.5 + (x * num) / den;
  }
  // Stryker disable next-line EqualityOperator: Φ(−38.5) ≈ 1.4e-324 rounds to 0 as the tail formula does, and x is never 0 here
  if (y > 38.5) return x > 0 ? 1 : 0;
  let r: number;
  // Stryker disable next-line EqualityOperator: at y = 5.656854248 both approximations give the same double
  if (y <= 5.656854248) {
    const num = (((((((CC[8] * y + CC[0]) * y + CC[1]) * y + CC[2]) * y + CC[3]) * y + CC[4]) * y + CC[5]) * y + CC[6]) * y + CC[7];
    const den = (((((((y + CD[0]) * y + CD[1]) * y + CD[2]) * y + CD[3]) * y + CD[4]) * y + CD[5]) * y + CD[6]) * y + CD[7];
    r = num / den;
  } else {
    const t = 1 / (x * x);
    const num = ((((CP[5] * t + CP[0]) * t + CP[1]) * t + CP[2]) * t + CP[3]) * t + CP[4];
    const den = ((((t + CQ[0]) * t + CQ[1]) * t + CQ[2]) * t + CQ[3]) * t + CQ[4];
    r = (INV_SQRT2PI - (t * num) / den) / y;
  }
  // exp(−y²/2) with y split at a multiple of 1/16, so the rounding of y² costs no precision.
  const yh = Math.trunc(y * 16) / 16;
  const tail = Math.exp(-0.5 * yh * yh) * Math.exp(-0.5 * (y - yh) * (y + yh)) * r;
  // Stryker disable next-line EqualityOperator: x = 0 has returned ½ in the first branch
  return x > 0 ? 1 - tail : tail;
}

// P. J. Acklam's rational approximation to Φ⁻¹ (relative error < 1.15e-9), refined below.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/**
 * Φ⁻¹(p): Acklam's approximation, then one Halley step on Φ(x) − p, which brings it to
 * machine precision. Works on the lower half and reflects (1 − p is exact for p ≥ ½).
 * Returns −∞ at 0, +∞ at 1 and NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a p outside [0, 1] or NaN gives NaN through the formulas anyway (the log of a negative number)
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p === 0) return -Infinity;
  let x: number;
  // Stryker disable next-line EqualityOperator: at p = 0.02425 both approximations, after the Halley step, give Φ⁻¹ to 1 ulp (7e-17)
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else {
    const q = p - 0.5, r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  // Stryker disable next-line ConditionalExpression: at p = ½ the approximation is exactly 0 and Φ(0) − ½ = 0, so the step returns 0
  if (p === 0.5) return 0;
  const e = normalCdf(x) - p;
  const u = e * SQRT2PI * Math.exp(0.5 * x * x);
  // Stryker disable next-line ArithmeticOperator: Acklam's error is 1e-9, so the Halley step's second-order term moves x by < 2e-15 relative, within the function's accuracy
  return x - u / (1 + 0.5 * x * u);
}

/**
 * The standard normal first-order loss function L(x) = E[(Z − x)⁺] = φ(x) − x(1 − Φ(x)):
 * expected shortfall per unit sd when stock covers x sd (L(0) = 0.398942…). For large x the
 * subtraction loses about log10(x²) digits (L(10) ≈ 7.6e-25 is good to ~1e-13 relative).
 */
export function normalLoss(x: number): number {
  return normalPdf(x) - x * normalCdf(-x);
}

/**
 * The standard normal second-order loss function L₂(x) = ½·E[((Z − x)⁺)²]
 * = ½[(x² + 1)(1 − Φ(x)) − x·φ(x)] (Zipkin, Foundations of Inventory Management, §6; Snyder &
 * Shen, §C), used for the expected number of backorders and on-hand units. L₂(0) = ¼.
 */
export function normalSecondLoss(x: number): number {
  return 0.5 * ((x * x + 1) * normalCdf(-x) - x * normalPdf(x));
}
