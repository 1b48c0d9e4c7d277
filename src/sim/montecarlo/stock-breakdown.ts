/**
 * Where the stock sits (docs/kpis.md "Stock breakdown"): each stocking node's average inventory
 * split into pipeline, cycle, safety and held-for-downstream stock, per replication, from KPI
 * columns the engine already reports — so the engine and its columns are untouched — then
 * summarised across replications per node, per echelon and for the network.
 */
import type { KpiColumn } from "../model/batch.ts";
import type { Scenario } from "../model/scenario.ts";
import { dict } from "../model/dict.ts";
import { STOCK_COMPONENTS, type StockBreakdown, type StockComponent, type StockStats } from "../model/stock-breakdown.ts";
import { summarize } from "../stats/stat.ts";
import { policyFor, productsOf } from "../engine/defaults.ts";
import { echelonLevels } from "./echelon-levels.ts";
import type { KpiTable } from "./kpi-table.ts";
import { noTick, type Tick } from "./tick.ts";

/** One node's KPI values in one replication, as the engine reports them (docs/kpis.md). */
export interface NodeStockInputs {
  /** Mean end-of-day on hand, units. */
  readonly onHand: number;
  /** Mean end-of-day units in transit to the node. */
  readonly inTransit: number;
  /** Orders placed per day (one per item and review with a positive quantity). */
  readonly orders: number;
  /** Units put on their way to the node over the measured days. */
  readonly unitsReceived: number;
  /** Units delivered to customers over the measured days. */
  readonly unitsDelivered: number;
  /** Units sent to other stocking nodes over the measured days. */
  readonly unitsSent: number;
}

export interface NodeStockShape {
  /** Items: the products the node holds a policy for. */
  readonly items: number;
  /** Measured days, horizon − warmup. */
  readonly days: number;
  /** Whether customers buy at the node (decides where a buffer goes when nothing flowed out). */
  readonly customers: boolean;
}

export type StockParts = { [K in StockComponent]: number };

/**
 * The four parts of one node's stock in one replication; they add up to onHand + inTransit.
 * - pipeline: units in transit to the node.
 * - cycle: half of what one order adds beyond a day's flow, per item, (Q̄ − d̄)/2 — the mean
 *   end-of-day on hand a deterministic saw-tooth of lot Q̄ and daily flow d̄ holds above its
 *   lowest point. Q̄ = flow ÷ orders; 0 when the node placed no order.
 * - the rest of on hand is buffer, shared between the node's customers (safety) and its
 *   downstream nodes (held for downstream) in proportion to the units each was given.
 */
export function nodeStockParts(v: NodeStockInputs, shape: NodeStockShape): StockParts {
  const flow = v.unitsReceived / shape.days;
  // Σ over items of (Q_i − d_i)/2 with Q_i = d_i·items/orders (items ordering equally often).
  const cycle = v.orders > 0 && flow > 0 ? Math.max(0, (flow * (shape.items / v.orders - 1)) / 2) : 0;
  const buffer = v.onHand - cycle;
  const out = v.unitsDelivered + v.unitsSent;
  const customerShare = out > 0 ? v.unitsDelivered / out : shape.customers ? 1 : 0;
  // A share of exactly 0 or 1 gives exactly 0 (never −0 from a negative buffer).
  const safety = customerShare === 0 ? 0 : buffer * customerShare;
  return { pipeline: v.inTransit, cycle, safety, heldForDownstream: customerShare === 1 ? 0 : buffer - safety };
}

const INPUT_KEYS = ["onHand", "inTransit", "orders", "unitsReceived", "unitsDelivered", "unitsSent"] as const satisfies readonly (keyof NodeStockInputs)[];

type PartArrays = { [K in StockComponent]: Float64Array };
const partArrays = (n: number): PartArrays =>
  Object.fromEntries(STOCK_COMPONENTS.map((k) => [k, new Float64Array(n)])) as PartArrays;

function summarizeParts(parts: PartArrays, n: number): StockStats {
  const total = new Float64Array(n);
  for (const k of STOCK_COMPONENTS) for (let r = 0; r < n; r++) total[r] += parts[k][r];
  return { ...Object.fromEntries(STOCK_COMPONENTS.map((k) => [k, summarize(parts[k])])), total: summarize(total) } as StockStats;
}

function addInto(into: PartArrays, from: PartArrays): void {
  for (const k of STOCK_COMPONENTS) for (let r = 0; r < into[k].length; r++) into[k][r] += from[k][r];
}

/**
 * The stock breakdown of a run from its per-replication KPI table, or undefined when the table
 * lacks a column it needs or the scenario its network (a merge knows only the run's sizes).
 * Reads six columns per node, one node at a time, so even a spilled table of a million
 * replications needs only about 20 arrays of its length at once.
 */
export async function stockBreakdown(scenario: Scenario, columns: readonly KpiColumn[], table: KpiTable, tick: Tick = noTick): Promise<StockBreakdown | undefined> {
  if (!Array.isArray(scenario.nodes) || !Array.isArray(scenario.lanes) || !Array.isArray(scenario.demand)) return undefined;
  const index = new Map(columns.map((c, j) => [`${c.scope}\u0000${c.id}\u0000${c.key}`, j]));
  const levels = echelonLevels(scenario);
  const col = (id: string, key: string) => index.get(`node\u0000${id}\u0000${key}`);
  if (!levels.every((l) => l.nodes.every((id) => INPUT_KEYS.every((k) => col(id, k) !== undefined)))) return undefined;
  const n = table.total, days = scenario.horizon - scenario.warmup;
  const products = productsOf(scenario);
  const withCustomers = new Set(scenario.demand.map((d) => d.node));
  const specs = new Map(scenario.nodes.map((s) => [s.id, s]));
  const nodes = dict<StockStats>();
  const network = partArrays(n);
  const echelons = [];
  for (const level of levels) {
    const sums = partArrays(n);
    for (const id of level.nodes) {
      const spec = specs.get(id)!;
      const shape = { items: products.filter((p) => policyFor(spec.policy, p.id)).length, days, customers: withCustomers.has(id) };
      const inputs = INPUT_KEYS.map((k) => table.column(col(id, k)!));
      const parts = partArrays(n);
      for (let r = 0; r < n; r++) {
        const p = nodeStockParts({ onHand: inputs[0][r], inTransit: inputs[1][r], orders: inputs[2][r], unitsReceived: inputs[3][r], unitsDelivered: inputs[4][r], unitsSent: inputs[5][r] }, shape);
        for (const k of STOCK_COMPONENTS) parts[k][r] = p[k];
      }
      nodes[id] = summarizeParts(parts, n);
      addInto(sums, parts);
      const t = tick(); if (t) await t;
    }
    echelons.push({ ...level, stock: summarizeParts(sums, n) });
    addInto(network, sums);
  }
  const inScenarioOrder = dict<StockStats>();
  for (const s of scenario.nodes) if (nodes[s.id]) inScenarioOrder[s.id] = nodes[s.id];
  return { unit: "units", network: summarizeParts(network, n), echelons, nodes: inScenarioOrder };
}
