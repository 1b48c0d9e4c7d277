/**
 * The stacked bars of the stock breakdown (pure maths, no DOM): one group per echelon, one bar per
 * plan inside it, one segment per stock component. Positive parts stack up from 0 and a negative
 * part (safety stock a node runs below its cycle stock, docs/kpis.md) stacks down from 0, so every
 * bar's top minus bottom is its parts' sum and the chart never hides a negative figure.
 */
import type { Stat } from "../../sim/model/result.ts";
import { STOCK_COMPONENTS, type StockBreakdown, type StockComponent, type StockStats } from "../../sim/model/stock-breakdown.ts";

/** A plan to draw: its short name ("A", "Baseline") and its result's breakdown. */
export interface StockPlan {
  readonly label: string;
  readonly breakdown: StockBreakdown;
}

export interface StockSegment {
  readonly key: StockComponent;
  readonly value: number;
  readonly y0: number;
  readonly y1: number;
}

export interface StockBar {
  /** The echelon's label (the group) and the plan's. */
  readonly group: string;
  readonly plan: string;
  readonly segments: readonly StockSegment[];
  /** Mean total stock and its 95% interval. */
  readonly total: Stat;
}

/** Parts in STOCK_COMPONENTS order, stacked away from 0 by sign; a part of 0 gets no segment. */
export function stackStock(stock: StockStats): StockSegment[] {
  let up = 0, down = 0;
  const out: StockSegment[] = [];
  for (const key of STOCK_COMPONENTS) {
    const value = stock[key].mean;
    if (!Number.isFinite(value) || value === 0) continue;
    if (value > 0) { out.push({ key, value, y0: up, y1: up + value }); up += value; }
    else { out.push({ key, value, y0: down + value, y1: down }); down += value; }
  }
  return out;
}

/**
 * The echelon groups, upstream first, matched across plans by label (two plans of one network
 * share their echelons; a level only one plan has still gets its group), each with one bar per plan.
 */
export function stockBars(plans: readonly StockPlan[]): StockBar[] {
  const groups: string[] = [];
  for (const p of plans) for (const e of p.breakdown.echelons) if (!groups.includes(e.label)) groups.push(e.label);
  return groups.flatMap((group) => plans.flatMap((p) => {
    const e = p.breakdown.echelons.find((x) => x.label === group);
    return e ? [{ group, plan: p.label, segments: stackStock(e.stock), total: e.stock.total }] : [];
  }));
}

/** The value range the bars span, with 0 always inside. */
export function stockExtent(bars: readonly StockBar[]): [number, number] {
  let lo = 0, hi = 0;
  for (const b of bars) for (const s of b.segments) { lo = Math.min(lo, s.y0); hi = Math.max(hi, s.y1); }
  return [lo, hi];
}
