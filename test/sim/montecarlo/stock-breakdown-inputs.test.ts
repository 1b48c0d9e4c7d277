import { describe, expect, it } from "vitest";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { nodeStockParts, stockBreakdown, type NodeStockInputs } from "../../../src/sim/montecarlo/stock-breakdown.ts";

const KEYS = ["onHand", "inTransit", "orders", "unitsReceived", "unitsDelivered", "unitsSent"] as const;
const bs = { type: "base-stock", level: 10 } as const;
const lane = (from: string, to: string) => ({ from, to, leadTime: { type: "constant", value: 1 } });
/** dc "d" supplies stores "e" and "f" (one level); customers buy at "e" only. Measured days 10. */
const scenario = {
  format: "echelon-scenario@1", name: "two stores", horizon: 11, warmup: 1, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  products: [{ id: "p1" }],
  nodes: [{ id: "s", kind: "supplier" }, { id: "d", kind: "dc", policy: bs }, { id: "e", kind: "store", policy: bs }, { id: "f", kind: "store", policy: bs }],
  lanes: [lane("s", "d"), lane("d", "e"), lane("d", "f")],
  demand: [{ node: "e", product: "p1", dist: { type: "constant", value: 1 } }],
} as unknown as Scenario;
const inputs = (v: Partial<NodeStockInputs>): NodeStockInputs => ({ onHand: 0, inTransit: 0, orders: 0, unitsReceived: 0, unitsDelivered: 0, unitsSent: 0, ...v });

/** One replication's table of the nodes' six inputs; `drop` names a node's column left out. */
function tableOf(row: { [node: string]: NodeStockInputs }, drop?: [string, string]) {
  const ids = Object.keys(row);
  const columns: KpiColumn[] = ids.flatMap((id) => KEYS.map((key) => ({ scope: "node" as const, id, key })));
  const t = createKpiTable(1, columns.length);
  t.add({ from: 0, to: 1, columns: columns.length, values: Float64Array.from(ids.flatMap((id) => KEYS.map((k) => row[id][k]))) });
  return { columns: columns.filter((c) => !drop || c.id !== drop[0] || c.key !== drop[1]), table: t };
}

describe("stock breakdown: what its inputs mean", () => {
  it("units received without an order of the node's own hold no cycle stock (Q̄ is 0 when the node placed no order)", () => {
    // 100 units arrive over 10 days (an initial pipeline), no order placed: all 30 on hand is buffer.
    expect(nodeStockParts(inputs({ onHand: 30, unitsReceived: 100, unitsDelivered: 50 }), { items: 1, days: 10, customers: true }))
      .toEqual({ pipeline: 0, cycle: 0, safety: 30, heldForDownstream: 0 });
  });

  it("a node with customers that gave nothing out holds its buffer as safety stock; one without, for downstream", async () => {
    const { columns, table } = tableOf({ d: inputs({ onHand: 4 }), e: inputs({ onHand: 6 }), f: inputs({ onHand: 7 }) });
    const b = (await stockBreakdown(scenario, columns, table))!;
    expect([b.nodes.e.safety.mean, b.nodes.e.heldForDownstream.mean]).toEqual([6, 0]);
    expect([b.nodes.f.safety.mean, b.nodes.f.heldForDownstream.mean]).toEqual([0, 7]);
    expect([b.nodes.d.safety.mean, b.nodes.d.heldForDownstream.mean]).toEqual([0, 4]);
  });

  it("is undefined when any node of any level lacks one of its six columns", async () => {
    const row = { d: inputs({ onHand: 4 }), e: inputs({ onHand: 6 }), f: inputs({ onHand: 7 }) };
    expect(await stockBreakdown(scenario, tableOf(row).columns, tableOf(row).table)).toBeDefined();
    // f shares its level with e, which has every column; d's level is complete without it.
    for (const drop of [["f", "orders"], ["d", "unitsSent"], ["e", "onHand"]] as [string, string][]) {
      const { columns, table } = tableOf(row, drop);
      expect(await stockBreakdown(scenario, columns, table)).toBeUndefined();
    }
  });
});
