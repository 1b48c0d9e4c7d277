/**
 * Closed-form steady state of one stocking node with daily review, base-stock level S, a constant
 * lead time L >= 1 from an outside supplier, backorders, and i.i.d. daily demand.
 *
 * Under Echelon's timeline (shared/spec/timeline.md) an order placed on the evening of day t is on
 * the shelf for the customers of day t + L, and every evening the node orders exactly the day's
 * demand. Writing D(k) for the demand of k consecutive days:
 * - end-of-day net inventory is S − D(L), so backorders = E[(D(L) − S)⁺] and
 *   on hand = E[(S − D(L))⁺] = S − E[D(L)] + backorders;
 * - before the day's customers the net inventory is X = S − D(L − 1) and the day's demand D is
 *   served from X⁺, so the units short that day are (D − X)⁺ − (−X)⁺ and
 *   fill rate = 1 − (E[(D(L) − S)⁺] − E[(D(L − 1) − S)⁺]) / E[D];
 * - a day with demand is fully served iff D(L) <= S (with D > 0), so
 *   cycle service level = P(D(L) <= S, D > 0) / P(D > 0);
 * - units in transit at the end of a day are the orders of the last L days: E[D]·L.
 * Deterministic check: S = 15, D = 10 a day, L = 2 gives net 15 − 20 = −5 (5 backordered) and
 * X = 5 before the customers, so 5 of the 10 units are served: fill rate 1 − (5 − 0)/10 = 0.5.
 */
import { normalCdf, normalLoss } from "../../../src/sim/math/normal.ts";

/** The k-day demand's expected excess over S and its distribution function at S. */
export interface DemandModel {
  readonly mean: number;
  /** E[(D(k) − S)⁺]. */
  excess(k: number, S: number): number;
  /** P(D(k) <= S). */
  cdf(k: number, S: number): number;
  /** P(D(1) = 0). */
  readonly zeroProbability: number;
}

export interface BaseStockCosts { readonly holding?: number; readonly backorder?: number }

export interface BaseStockSteadyState {
  readonly backorders: number;
  readonly onHand: number;
  readonly inTransit: number;
  readonly fillRate: number;
  readonly cycleServiceLevel: number;
  readonly holdingCost: number;
  readonly backorderCost: number;
  readonly totalCost: number;
}

export function baseStockSteadyState(demand: DemandModel, S: number, L: number, costs: BaseStockCosts = {}): BaseStockSteadyState {
  if (!(L >= 1 && Number.isInteger(L))) throw new Error(`lead time must be a whole number >= 1, got ${L}`);
  const backorders = demand.excess(L, S);
  const onHand = S - demand.mean * L + backorders;
  const fillRate = 1 - (backorders - demand.excess(L - 1, S)) / demand.mean;
  const p0 = demand.zeroProbability;
  const cycleServiceLevel = (demand.cdf(L, S) - p0 * demand.cdf(L - 1, S)) / (1 - p0);
  const holdingCost = (costs.holding ?? 0) * onHand, backorderCost = (costs.backorder ?? 0) * backorders;
  return { backorders, onHand, inTransit: demand.mean * L, fillRate, cycleServiceLevel, holdingCost, backorderCost, totalCost: holdingCost + backorderCost };
}

/** Normal daily demand N(μ, σ²), untruncated: k days are N(kμ, kσ²). E[(D − S)⁺] = σ√k·L((S − kμ)/(σ√k)). */
export function normalDemand(mean: number, sd: number): DemandModel {
  return {
    mean,
    zeroProbability: 0,
    excess: (k, S) => (k === 0 ? Math.max(-S, 0) : sd * Math.sqrt(k) * normalLoss((S - k * mean) / (sd * Math.sqrt(k)))),
    cdf: (k, S) => (k === 0 ? (S >= 0 ? 1 : 0) : normalCdf((S - k * mean) / (sd * Math.sqrt(k)))),
  };
}

/** Poisson daily demand with mean λ: k days are Poisson(kλ), summed exactly. */
export function poissonDemand(lambda: number): DemandModel {
  return {
    mean: lambda,
    zeroProbability: Math.exp(-lambda),
    // E[(D − S)⁺] = E[D] − S + E[(S − D)⁺], the last a finite sum over 0 <= j <= S.
    excess: (k, S) => k * lambda - S + poissonSum(k * lambda, S, (j) => S - j),
    cdf: (k, S) => poissonSum(k * lambda, S, () => 1),
  };
}

/** Σ_{0 <= j <= S} f(j)·P(N = j) for N ~ Poisson(m) (m = 0: all mass at 0). */
function poissonSum(m: number, S: number, f: (j: number) => number): number {
  if (m > 700) throw new Error(`Poisson mean ${m} too large for the direct sum (e^-m underflows)`);
  if (S < 0) return 0;
  let p = Math.exp(-m), sum = 0;
  for (let j = 0; j <= S; j++) {
    sum += f(j) * p;
    p *= m / (j + 1);
  }
  return sum;
}
