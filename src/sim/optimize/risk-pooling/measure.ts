/**
 * What the lab reads off a simulated run of one of its networks (scenarios.ts).
 *
 * **Simulated safety stock** = mean end-of-day net inventory of the network: on hand − customer
 * backorders, averaged over the measured days and replications. For a daily base-stock policy
 * with enough supply this is the textbook safety stock, S − mean lead-time demand (end-of-day
 * stock carries no cycle stock: an order is placed every day). Its 95% interval is
 * [lo(onHand) − hi(backorders), hi(onHand) − lo(backorders)], which is never narrower than the
 * interval of the per-replication difference (sd(A − B) ≤ sd(A) + sd(B)).
 *
 * **Fill rate delivered** = units served on the day they were asked for ÷ units asked for: the
 * stores' customer fill rate for own stock, the pooled stock's internal fill rate (orders from
 * the pass-through stores shipped the day they were placed) for pooled stock.
 */
import type { RunResult, Stat } from "../../model/result.ts";
import { POOL_NODE, type PoolingLayout } from "./scenarios.ts";

/** A figure with its 95% interval. */
export interface Estimate {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

export interface SimulatedSide {
  readonly safetyStock: Estimate;
  /** Holding cost of the safety stock per day: safety stock × holding cost per unit-day. */
  readonly cost: Estimate;
  readonly fillRate: Estimate;
  readonly replications: number;
}

const estimate = (s: Stat): Estimate => ({ mean: s.mean, lo: s.ci95[0], hi: s.ci95[1] });

export function measureSide(layout: PoolingLayout, result: RunResult, holdingCost: number): SimulatedSide {
  const onHand = result.network.onHand, backorders = result.network.backorders;
  const safetyStock = {
    mean: onHand.mean - backorders.mean,
    lo: onHand.ci95[0] - backorders.ci95[1],
    hi: onHand.ci95[1] - backorders.ci95[0],
  };
  const fill = layout === "own" ? result.network.fillRate : result.nodes[POOL_NODE].internalFillRate;
  return {
    safetyStock,
    cost: { mean: safetyStock.mean * holdingCost, lo: safetyStock.lo * holdingCost, hi: safetyStock.hi * holdingCost },
    fillRate: estimate(fill),
    replications: result.replications,
  };
}

/**
 * Saving = 1 − pooled ÷ own safety stock, with the interval its two intervals allow (both
 * positive): [1 − hi(pooled)/lo(own), 1 − lo(pooled)/hi(own)].
 */
export function simulatedSaving(own: Estimate, pooled: Estimate): Estimate {
  return { mean: 1 - pooled.mean / own.mean, lo: 1 - pooled.hi / own.lo, hi: 1 - pooled.lo / own.hi };
}
