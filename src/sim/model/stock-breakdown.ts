/**
 * Where the stock sits (issue 9 §4, an extension of `echelon-result@1`; docs/kpis.md "Stock
 * breakdown" defines every component). A stocking node's average inventory — mean end-of-day on
 * hand plus mean units in transit to it — split into four parts that add up to it exactly in
 * every replication:
 *
 *     onHand + inTransit = cycle + safety + heldForDownstream + pipeline
 *
 * Each part is computed per replication from the node's KPI columns and summarised across
 * replications like any KPI (`Stat`: mean, sd, Student-t 95% interval, percentiles). Echelon and
 * network figures sum their nodes' parts replication by replication before summarising, so their
 * intervals account for the nodes' correlation.
 */
import type { Stat } from "./result.ts";

/** The parts, bottom to top as the stacked bars draw them. */
export const STOCK_COMPONENTS = ["pipeline", "cycle", "safety", "heldForDownstream"] as const;
export type StockComponent = (typeof STOCK_COMPONENTS)[number];

// Stryker disable ObjectLiteral,StringLiteral: a module-level table, a static mutant (ignoreStatic) that Stryker reports as uncovered; test/sim/model/stock-breakdown.test.ts kills each (checked by hand)
export const STOCK_COMPONENT_LABELS: { readonly [K in StockComponent]: string } = {
  pipeline: "Pipeline (in transit)",
  cycle: "Cycle stock",
  safety: "Safety stock",
  heldForDownstream: "Held for downstream",
};
// Stryker restore ObjectLiteral,StringLiteral

/** Every part in units, and their sum `total` (= mean on hand + mean in transit). */
export type StockStats = { readonly [K in StockComponent | "total"]: Stat };

/** One level of the network: the stocking nodes at the same depth, as the network diagram lays them out. */
export interface StockEchelon {
  /** 1 = the most upstream stocking level; the customer-facing level is last. */
  readonly level: number;
  /** What planners call the level ("Stores", "Regional DCs", "Central DC", "Plant"), else "Echelon n". */
  readonly label: string;
  /** Its stocking nodes, in scenario order. */
  readonly nodes: readonly string[];
  readonly stock: StockStats;
}

export interface StockBreakdown {
  readonly unit: "units";
  readonly network: StockStats;
  /** Upstream first. */
  readonly echelons: readonly StockEchelon[];
  /** Per stocking node (suppliers hold no stock). */
  readonly nodes: { readonly [nodeId: string]: StockStats };
}
