import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import type { StockBreakdown } from "../../../src/sim/model/stock-breakdown.ts";
import { kpiColumns, runBatch } from "../../../src/sim/engine/index.ts";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { buildRunResult } from "../../../src/sim/montecarlo/run-result.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";
import { nodeStockParts, stockBreakdown } from "../../../src/sim/montecarlo/stock-breakdown.ts";
import { tQuantile } from "../../../src/sim/stats/student-t.ts";

const constant = (value: number) => ({ type: "constant", value }) as const;

/**
 * Constant demand and lead times, so every figure is known by hand (timeline.md: an order placed
 * on the evening of day t with lead time L is on the shelf on day t + L).
 * - store-weekly: S = 100, review every 5 days, L = 2, demand 10/day. Lot Q = 50; end-of-day on
 *   hand runs 100 − 10·(2 + k), k = 0…4: 80, 70, 60, 50, 40, mean 60. Cycle (Q − d)/2 = 20, safety
 *   = the lowest point 40, pipeline = 50 units for 2 nights in 5 = 20 = d·L.
 * - store-daily: S = 40, daily review, L = 1, demand 10/day: on hand 30 every evening, lot = a
 *   day's flow so cycle 0, safety 30, pipeline 10.
 * - dc: S = 200, daily review, L = 3 from the supplier, no customers. It orders what the stores
 *   ordered that day (60 on every 5th day, else 10: 20/day), so its in transit is the last 3
 *   days' orders, mean 60, and on hand 200 − 60 = 140, all of it held for downstream.
 * Measured days 20 … 119 (100 days, whole 5-day cycles).
 */
const scenario: Scenario = {
  format: "echelon-scenario@1", name: "Constant", horizon: 120, warmup: 20, replications: 3, seed: 1,
  unmetDemand: "backorder", allocation: "fifo",
  nodes: [
    { id: "sup", kind: "supplier" },
    { id: "dc", name: "Hub DC", kind: "dc", policy: { type: "base-stock", level: 200 } },
    { id: "store-weekly", kind: "store", policy: { type: "base-stock", level: 100, review: 5 } },
    { id: "store-daily", kind: "store", policy: { type: "base-stock", level: 40 } },
  ],
  lanes: [
    { from: "sup", to: "dc", leadTime: constant(3) },
    { from: "dc", to: "store-weekly", leadTime: constant(2) },
    { from: "dc", to: "store-daily", leadTime: constant(1) },
  ],
  demand: [{ node: "store-weekly", dist: constant(10) }, { node: "store-daily", dist: constant(10) }],
};

async function breakdownOf(s: Scenario): Promise<StockBreakdown> {
  const columns = kpiColumns(s);
  const table = createKpiTable(s.replications, columns.length);
  table.add(runBatch(s, { from: 0, to: s.replications }));
  return (await stockBreakdown(s, columns, table))!;
}

const means = (b: StockBreakdown["network"]) =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.mean]));

describe("stockBreakdown", () => {
  it("splits each node's stock into the parts worked out by hand under constant demand and lead times", async () => {
    const b = await breakdownOf(scenario);
    expect(means(b.nodes["store-weekly"])).toEqual({ pipeline: 20, cycle: 20, safety: 40, heldForDownstream: 0, total: 80 });
    expect(means(b.nodes["store-daily"])).toEqual({ pipeline: 10, cycle: 0, safety: 30, heldForDownstream: 0, total: 40 });
    expect(means(b.nodes.dc)).toEqual({ pipeline: 60, cycle: 0, safety: 0, heldForDownstream: 140, total: 200 });
  });

  it("sums nodes into echelons named as planners do, upstream first, and the echelons into the network", async () => {
    const b = await breakdownOf(scenario);
    expect(b.echelons.map((e) => [e.level, e.label, e.nodes])).toEqual([[1, "Hub DC", ["dc"]], [2, "Stores", ["store-weekly", "store-daily"]]]);
    expect(means(b.echelons[1].stock)).toEqual({ pipeline: 30, cycle: 20, safety: 70, heldForDownstream: 0, total: 120 });
    expect(means(b.network)).toEqual({ pipeline: 90, cycle: 20, safety: 70, heldForDownstream: 140, total: 320 });
    // Identical replications: no spread, the interval is the point.
    expect([b.network.total.sd, b.network.total.ci95, b.network.total.n]).toEqual([0, [320, 320], 3]);
  });

  it("is undefined when the table lacks a column it needs, or the scenario its network (a merged result)", async () => {
    const columns = kpiColumns(scenario).filter((c) => c.key !== "unitsSent");
    expect(await stockBreakdown(scenario, columns, createKpiTable(0, columns.length))).toBeUndefined();
    const merged = { name: "Constant", seed: 1, replications: 0, horizon: 120, warmup: 20 } as Scenario;
    expect(await stockBreakdown(merged, kpiColumns(scenario), createKpiTable(0, kpiColumns(scenario).length))).toBeUndefined();
  });

  it("buildRunResult adds it to every result of a whole scenario, after the series", async () => {
    const columns = kpiColumns(scenario), table = createKpiTable(3, columns.length);
    table.add(runBatch(scenario, { from: 0, to: 3 }));
    const r = await buildRunResult({ scenario, columns, table, workers: 1, elapsedMs: 0 }, noTick);
    expect(Object.keys(r).slice(-4)).toEqual(["stockBreakdown", "replicationValues", "workers", "elapsedMs"]);
    expect(r.stockBreakdown).toEqual(await breakdownOf(scenario));
  });

  it("the pipeline of a store with random demand holds mean demand × lead time, within its 95% interval", async () => {
    // Little's law: units in transit = throughput × time in transit. Poisson(8) demand, L = 3.
    const s: Scenario = {
      ...scenario, replications: 40, seed: 9, horizon: 400, warmup: 50,
      nodes: [{ id: "sup", kind: "supplier" }, { id: "shop", kind: "store", policy: { type: "base-stock", level: 60 } }],
      lanes: [{ from: "sup", to: "shop", leadTime: constant(3) }],
      demand: [{ node: "shop", dist: { type: "poisson", mean: 8 } }],
    };
    const pipeline = (await breakdownOf(s)).nodes.shop.pipeline;
    expect(pipeline.n).toBe(40);
    const half = (tQuantile(0.975, 39) * pipeline.sd) / Math.sqrt(40);
    expect(Math.abs(pipeline.mean - 24)).toBeLessThanOrEqual(half);
    expect(pipeline.ci95[1] - pipeline.ci95[0]).toBeCloseTo(2 * half, 12);
  });
});

describe("nodeStockParts", () => {
  const shape = { items: 1, days: 100, customers: true };
  it("cycle stock is (lot − daily flow)/2 per item; the buffer is the rest of on hand", () => {
    // 2 items, 1,000 units over 100 days, 0.4 orders/day: lot 25, per-item flow 5, cycle 2·(25 − 5)/2.
    const p = nodeStockParts({ onHand: 50, inTransit: 7, orders: 0.4, unitsReceived: 1000, unitsDelivered: 1000, unitsSent: 0 }, { ...shape, items: 2 });
    expect(p).toEqual({ pipeline: 7, cycle: 20, safety: 30, heldForDownstream: 0 });
  });
  it("a node with customers and downstream nodes shares its buffer by the units each was given", () => {
    const p = nodeStockParts({ onHand: 100, inTransit: 0, orders: 1, unitsReceived: 1000, unitsDelivered: 250, unitsSent: 750 }, shape);
    expect(p).toEqual({ pipeline: 0, cycle: 0, safety: 25, heldForDownstream: 75 });
  });
  it("safety stock is negative when on hand averages less than the cycle stock", () => {
    const p = nodeStockParts({ onHand: 5, inTransit: 0, orders: 0.2, unitsReceived: 1000, unitsDelivered: 1000, unitsSent: 0 }, shape);
    expect(p).toEqual({ pipeline: 0, cycle: 20, safety: -15, heldForDownstream: 0 });
  });
  it("a node that placed no order has no cycle stock; with no outflow its buffer goes where its demand would", () => {
    const idle = { onHand: 12, inTransit: 0, orders: 0, unitsReceived: 0, unitsDelivered: 0, unitsSent: 0 };
    expect(nodeStockParts(idle, shape)).toEqual({ pipeline: 0, cycle: 0, safety: 12, heldForDownstream: 0 });
    expect(nodeStockParts(idle, { ...shape, customers: false })).toEqual({ pipeline: 0, cycle: 0, safety: 0, heldForDownstream: 12 });
  });
});
