import { describe, expect, it } from "vitest";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { nodeStockParts, stockBreakdown, type NodeStockInputs } from "../../../src/sim/montecarlo/stock-breakdown.ts";

const KEYS = ["onHand", "inTransit", "orders", "unitsReceived", "unitsDelivered", "unitsSent"] as const;
const bs = { type: "base-stock", level: 10 } as const;
/**
 * Two products; dc "d" stocks only p1, store "e" both, under one policy for every product; the
 * store's customers buy at it. Measured days 100 (horizon 110, warm-up 10).
 */
const scenario = {
  format: "echelon-scenario@1", name: "two products", horizon: 110, warmup: 10, replications: 2, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  products: [{ id: "p1" }, { id: "p2" }],
  nodes: [{ id: "e", kind: "store", policy: bs }, { id: "s", kind: "supplier" }, { id: "d", kind: "dc", policy: { p1: bs } }],
  lanes: [{ from: "s", to: "d", leadTime: { type: "constant", value: 1 } }, { from: "d", to: "e", leadTime: { type: "constant", value: 1 } }],
  demand: [{ node: "e", product: "p1", dist: { type: "constant", value: 1 } }],
} as unknown as Scenario;

/** A table of each node's six inputs (node columns in the order given), per replication. */
function tableOf(rows: { [node: string]: NodeStockInputs }[]) {
  const ids = Object.keys(rows[0]);
  const columns: KpiColumn[] = ids.flatMap((id) => KEYS.map((key) => ({ scope: "node" as const, id, key })));
  const t = createKpiTable(rows.length, columns.length);
  t.add({ from: 0, to: rows.length, columns: columns.length, values: Float64Array.from(rows.flatMap((r) => ids.flatMap((id) => KEYS.map((k) => r[id][k])))) });
  return { columns, table: t };
}
const inputs = (v: Partial<NodeStockInputs>): NodeStockInputs => ({ onHand: 0, inTransit: 0, orders: 0, unitsReceived: 0, unitsDelivered: 0, unitsSent: 0, ...v });

describe("stockBreakdown: items, order and pauses", () => {
  it("counts the products a node holds a policy for as its items", async () => {
    // 1,000 units over 100 days, 0.4 orders a day: with 1 item the lot is 25 and the cycle (25 − 10)/2 = 7.5;
    // with 2 items each ordering 0.2 a day, lots of 25 per item and per-item flow 5: 2 · (25 − 5)/2 = 20.
    const same = inputs({ onHand: 50, orders: 0.4, unitsReceived: 1000, unitsDelivered: 1000 });
    const { columns, table } = tableOf([{ d: same, e: same }, { d: same, e: same }]);
    const b = (await stockBreakdown(scenario, columns, table))!;
    expect(b.nodes.d.cycle.mean).toBe(7.5);
    expect(b.nodes.e.cycle.mean).toBe(20);
  });

  it("lists nodes in scenario order, echelons upstream first, and pauses once a node", async () => {
    const { columns, table } = tableOf([{ d: inputs({ onHand: 1 }), e: inputs({ onHand: 2 }) }, { d: inputs({ onHand: 3 }), e: inputs({ onHand: 4 }) }]);
    let ticks = 0;
    const b = (await stockBreakdown(scenario, columns, table, () => { ticks++; }))!;
    expect(Object.keys(b.nodes)).toEqual(["e", "d"]);
    expect(b.echelons.map((l) => l.nodes)).toEqual([["d"], ["e"]]);
    expect([b.nodes.d.total.mean, b.nodes.e.total.mean, b.network.total.mean]).toEqual([2, 3, 5]);
    expect(b.unit).toBe("units");
    expect(ticks).toBe(2);
  });

  it("is undefined for a scenario without its lanes or demand, as a merged result's", async () => {
    const { columns, table } = tableOf([{ d: inputs({}), e: inputs({}) }]);
    const { lanes: _l, ...noLanes } = scenario;
    const { demand: _d, ...noDemand } = scenario;
    expect(await stockBreakdown(noLanes as Scenario, columns, table)).toBeUndefined();
    expect(await stockBreakdown(noDemand as Scenario, columns, table)).toBeUndefined();
  });
});

describe("nodeStockParts: at the edges", () => {
  const shape = { items: 1, days: 100, customers: false };
  it("a node ordering more often than its items never has negative cycle stock", () => {
    // 2 orders a day for 1 item: a lot is half a day's flow; (Q − d)/2 would be negative.
    expect(nodeStockParts(inputs({ onHand: 4, orders: 2, unitsReceived: 1000, unitsSent: 1000 }), shape).cycle).toBe(0);
  });

  it("a node whose units all went downstream has exactly 0 safety stock, not −0, even when its buffer is negative", () => {
    const p = nodeStockParts(inputs({ onHand: 5, orders: 0.2, unitsReceived: 1000, unitsSent: 1000 }), shape);
    expect(p).toEqual({ pipeline: 0, cycle: 20, safety: 0, heldForDownstream: -15 });
    expect(Object.is(p.safety, 0)).toBe(true);
  });
});
