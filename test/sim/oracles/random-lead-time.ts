/**
 * A base-stock node with Poisson daily demand and i.i.d. random lead times that may overtake
 * (`"overtaking": true`), solved exactly by convolution.
 *
 * Everything ordered on one evening travels together with one lead-time draw (timeline.md), and
 * with daily review the order of day t − k is that day's demand D_{t−k}. It is still outstanding at
 * the end of day t iff its lead time exceeds k, so the end-of-day outstanding quantity is
 *   O = Σ_{k >= 0} D_{t−k}·B_k,   B_k ~ Bernoulli(P(L > k)), all independent,
 * and net inventory is S − O. Before day t's customers the outstanding quantity is
 * O′ = Σ_{k >= 1} D_{t−k}·B_k (today's demand is not yet in it), so as for a constant lead time
 * (closed-form.ts) the units short on a day are (O − S)⁺ − (O′ − S)⁺ when L >= 1 always. A whole
 * day's demand is kept or removed together, so O is *not* Poisson(λE[L]): the terms are
 * zero-inflated Poisson, convolved exactly here. With a constant lead time this reduces to
 * Poisson(λL), which the tests use as a cross-check.
 */
import type { BaseStockCosts, BaseStockSteadyState } from "./closed-form.ts";

/** pmf of a Poisson(m) count, up to `n` − 1. */
function poissonPmf(m: number, n: number): Float64Array {
  const p = new Float64Array(n);
  p[0] = Math.exp(-m);
  for (let j = 1; j < n; j++) p[j] = (p[j - 1] * m) / j;
  return p;
}

function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) for (let j = 0; i + j < a.length; j++) out[i + j] += a[i] * b[j];
  return out;
}

/**
 * Steady state for Poisson(λ) demand, base-stock S (an integer), and lead-time pmf
 * `leadTime[d]` = P(L = d) with P(L = 0) = 0.
 */
export function randomLeadTimeSteadyState(lambda: number, leadTime: readonly number[], S: number, costs: BaseStockCosts = {}): BaseStockSteadyState {
  if (!(leadTime[0] === 0 || leadTime[0] === undefined)) throw new Error("lead times must be >= 1 day");
  const n = Math.ceil(lambda * leadTime.length + 20 * Math.sqrt(lambda * leadTime.length) + S + 50);
  const day = poissonPmf(lambda, n);
  let before: Float64Array = new Float64Array(n);
  before[0] = 1;
  for (let k = 1; k < leadTime.length; k++) {
    const pk = leadTime.slice(k + 1).reduce((a, b) => a + b, 0); // P(L > k)
    if (pk === 0) continue;
    const term = day.map((p, j) => pk * p + (j === 0 ? 1 - pk : 0));
    before = convolve(before, term);
  }
  const end = convolve(before, day);                                  // P(L > 0) = 1
  const excess = (pmf: Float64Array) => pmf.reduce((a, p, j) => a + p * Math.max(j - S, 0), 0);
  const cdf = (pmf: Float64Array) => pmf.reduce((a, p, j) => a + (j <= S ? p : 0), 0);
  const meanL = leadTime.reduce((a, p, d) => a + p * d, 0);
  const backorders = excess(end);
  const onHand = S - lambda * meanL + backorders;
  const p0 = Math.exp(-lambda);
  const holdingCost = (costs.holding ?? 0) * onHand, backorderCost = (costs.backorder ?? 0) * backorders;
  return {
    backorders, onHand, inTransit: lambda * meanL,
    fillRate: 1 - (backorders - excess(before)) / lambda,
    cycleServiceLevel: (cdf(end) - p0 * cdf(before)) / (1 - p0),
    holdingCost, backorderCost, totalCost: holdingCost + backorderCost,
  };
}
