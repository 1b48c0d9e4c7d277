/**
 * Risk pooling in closed form (Eppen 1979; Snyder & Shen 2019 §12.2): N stores with the same
 * normal daily demand N(μ, σ²), pairwise correlation ρ, a base-stock policy reviewed daily and a
 * lead time of L days, each set to the same cycle service level α (z = Φ⁻¹(α)).
 *
 * Each store on its own holds z·σ·√L, so the N stores hold N·z·σ·√L. One pooled stock faces the
 * sum of the N demands, whose daily variance is σ²·(N + N(N − 1)ρ) = σ²·N(1 + (N − 1)ρ), and holds
 * z·σ·√L·√(N(1 + (N − 1)ρ)). With ρ = 0 that is the √N rule (pooled = own ÷ √N); as ρ → 1 the
 * pooled stock needs as much as the stores on their own, and the saving fades to nothing.
 */
import { normalLoss, normalQuantile } from "../../math/normal.ts";

/** What the lab's sliders set. */
export interface PoolingInputs {
  /** Number of stores, N ≥ 1. */
  readonly stores: number;
  /** Mean daily demand per store, μ > 0. */
  readonly mean: number;
  /** Standard deviation of daily demand per store, σ ≥ 0. */
  readonly sd: number;
  /** Correlation between any two stores' daily demand, 0 ≤ ρ < 1 (the scenario format's range). */
  readonly rho: number;
  /** Replenishment lead time in whole days, L ≥ 1 (the base-stock policy is exposed to L days of demand). */
  readonly leadTime: number;
  /** Target cycle service level α (type-1: share of days with no stock-out), 0 < α < 1. */
  readonly service: number;
  /** Holding cost per unit per day. */
  readonly holdingCost: number;
}

/** One way of stocking the N stores, by theory. */
export interface PoolingSide {
  /** Safety stock, all locations together (units). */
  readonly safetyStock: number;
  /** Base-stock level, all locations together: mean lead-time demand + safety stock (units). */
  readonly level: number;
  /** Standard deviation of the lead-time demand each stocking point faces (units). */
  readonly leadTimeSd: number;
  /** Holding cost of the safety stock per day (money/day). */
  readonly cost: number;
  /** Fill rate (type-2 / β) this safety stock gives: fillRate() below. */
  readonly fillRate: number;
}

export interface PoolingTheory {
  readonly z: number;
  /** Each store holds its own stock. */
  readonly own: PoolingSide;
  /** One stock serves all N stores. */
  readonly pooled: PoolingSide;
  /** 1 − pooled ÷ own safety stock = 1 − √((1 + (N − 1)ρ) / N); 0 for one store or ρ → 1. */
  readonly saving: number;
}

/** √(N(1 + (N − 1)ρ)): how many single-store standard deviations the pooled demand spans. */
export function pooledSdFactor(stores: number, rho: number): number {
  return Math.sqrt(stores * (1 + (stores - 1) * rho));
}

/** The fraction of safety stock pooling saves: 1 − √((1 + (N − 1)ρ) / N). */
export function poolingSaving(stores: number, rho: number): number {
  return 1 - pooledSdFactor(stores, rho) / stores;
}

/**
 * Fill rate of a daily base-stock policy with safety stock `ss` facing normal daily demand
 * (mean μ, sd σ) over a lead time of L days. In the engine's day (timeline.md) net inventory at
 * the end of day t is S − D(t−L+1 … t) and before day t's customers S − D(t−L+1 … t−1), so the
 * units short on day t are (D_L − S)⁺ − (D_{L−1} − S)⁺ and, with G the normal loss function,
 * β = 1 − [σ√L·G(ss / σ√L) − σ√(L−1)·G((ss + μ) / σ√(L−1))] / μ.
 */
export function fillRate(ss: number, mean: number, sd: number, leadTime: number): number {
  const shortfall = (days: number, cover: number) => (days === 0 || sd === 0 ? Math.max(0, -cover) : sd * Math.sqrt(days) * normalLoss(cover / (sd * Math.sqrt(days))));
  return 1 - (shortfall(leadTime, ss) - shortfall(leadTime - 1, ss + mean)) / mean;
}

export function poolingTheory(p: PoolingInputs): PoolingTheory {
  const z = normalQuantile(p.service);
  const rootL = Math.sqrt(p.leadTime), factor = pooledSdFactor(p.stores, p.rho);
  const leadTimeDemand = p.stores * p.mean * p.leadTime;
  const side = (safetyStock: number, leadTimeSd: number, fill: number): PoolingSide =>
    ({ safetyStock, level: leadTimeDemand + safetyStock, leadTimeSd, cost: safetyStock * p.holdingCost, fillRate: fill });
  const storeSs = z * p.sd * rootL, pooledSs = storeSs * factor;
  return {
    z,
    own: side(p.stores * storeSs, p.sd * rootL, fillRate(storeSs, p.mean, p.sd, p.leadTime)),
    pooled: side(pooledSs, p.sd * rootL * factor, fillRate(pooledSs, p.stores * p.mean, p.sd * factor, p.leadTime)),
    saving: poolingSaving(p.stores, p.rho),
  };
}
