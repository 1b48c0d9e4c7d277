// Constant demand and lead times: every KPI has an exact value, derived by hand from
// shared/spec/timeline.md and kpis.md, and every replication must hit it to a relative 1e-9.
import { describe, it } from "vitest";
import type { NodeSpec, Scenario } from "../../../src/sim/model/index.ts";
import { runKpis } from "./harness.ts";
import { expectExact } from "./interval.ts";

const constant = (value: number) => ({ type: "constant", value }) as const;
const run = { format: "echelon-scenario@1", horizon: 60, warmup: 20, replications: 3, seed: 1, unmetDemand: "backorder", allocation: "fifo" } as const;
const store = (level: number): NodeSpec => ({ id: "store", kind: "store", holdingCost: 0.5, policy: { type: "base-stock", level } });

function singleNode(level: number): Scenario {
  return {
    ...run, name: "deterministic single node",
    nodes: [{ id: "supplier", kind: "supplier" }, store(level)],
    lanes: [{ from: "supplier", to: "store", leadTime: constant(3), costPerUnit: 0.25 }],
    demand: [{ node: "store", dist: constant(10) }],
    costs: { backorderPerUnitDay: 2, orderFixed: 3 },
  };
}

function expectAll(s: Scenario, scope: "network" | "node", id: string, exact: Record<string, number>): void {
  const kpis = runKpis(s);
  for (const [key, value] of Object.entries(exact)) expectExact(kpis.get(scope, id, key), value, `${scope} ${id} ${key}`);
}

describe("deterministic single node (demand 10/day, L = 3)", () => {
  // S = 35: end-of-day net = 35 − 3·10 = 5 on hand; 30 units in transit (the last 3 orders);
  // one order of 10 a day: order cost 3, transport 0.25·10; holding 0.5·5.
  it("with S = 35 holds 5 units, serves everything and costs 2.5 + 2.5 + 3 = 8 a day", () => {
    const exact = { onHand: 5, backorders: 0, inTransit: 30, fillRate: 1, cycleServiceLevel: 1, demand: 10, orders: 1,
      holdingCost: 2.5, pipelineCost: 0, backorderCost: 0, orderCost: 3, transportCost: 2.5, totalCost: 8,
      stockoutDays: 0, daysOfSupply: 0.5, inventoryTurns: 730 };
    expectAll(singleNode(35), "network", "", exact);
    expectAll(singleNode(35), "node", "store", exact);
  });
  // S = 25: end-of-day net = −5. Before the customers: 25 − 2·10 = 5 on hand, so 5 of the 10 units
  // are served at once (fill rate 0.5) and no day is fully served; 40 days after the warm-up.
  it("with S = 25 backorders 5 units a day and serves half of each day's demand at once", () => {
    expectAll(singleNode(25), "network", "", { onHand: 0, backorders: 5, inTransit: 30, fillRate: 0.5, cycleServiceLevel: 0,
      holdingCost: 0, backorderCost: 10, totalCost: 15.5, stockoutDays: 40, maxBackorders: 5 });
  });
});

describe("deterministic three-stage serial line (supplier → A → B → C, L = 2, 1, 3)", () => {
  // Installation base-stock A 25, B 5 (too low), C 32; demand 10/day at C; holding 0.1, 0.2, 0.5.
  // A: position 25 = on hand + 20 in transit → 5 on hand. B: position 5 = on hand + 10 in transit −
  // owed, and B ships everything it has each evening → 0 on hand, owes C 5 (it ships 10 a day:
  // yesterday's 5 owed first, then 5 of today's 10: internal fill rate 0.5). C: position 32 =
  // net + 30 in transit + 5 owed by B → net −3: 3 backordered; 7 on hand before the customers
  // → fill rate 0.7. Pipeline: 10 units A→B at 0.1 + 30 units B→C at 0.2 = 7; backorders 3·2 = 6.
  const line: Scenario = {
    ...run, name: "deterministic serial line",
    nodes: [
      { id: "supplier", kind: "supplier" },
      { id: "A", kind: "plant", holdingCost: 0.1, policy: { type: "base-stock", level: 25 } },
      { id: "B", kind: "dc", holdingCost: 0.2, policy: { type: "base-stock", level: 5 } },
      { id: "C", kind: "store", holdingCost: 0.5, policy: { type: "base-stock", level: 32 } },
    ],
    lanes: [
      { from: "supplier", to: "A", leadTime: constant(2) },
      { from: "A", to: "B", leadTime: constant(1) },
      { from: "B", to: "C", leadTime: constant(3) },
    ],
    demand: [{ node: "C", dist: constant(10) }],
    costs: { backorderPerUnitDay: 2 },
  };
  it("has the hand-derived network KPIs", () => {
    expectAll(line, "network", "", { onHand: 5, backorders: 3, inTransit: 60, fillRate: 0.7, cycleServiceLevel: 0,
      holdingCost: 0.5, pipelineCost: 7, backorderCost: 6, totalCost: 13.5, orders: 3 });
  });
  it("has the hand-derived per-node KPIs", () => {
    expectAll(line, "node", "A", { onHand: 5, owedDownstream: 0, inTransit: 20, internalFillRate: 1, holdingCost: 0.5, pipelineCost: 1 });
    expectAll(line, "node", "B", { onHand: 0, owedDownstream: 5, inTransit: 10, internalFillRate: 0.5, holdingCost: 0, pipelineCost: 6 });
    expectAll(line, "node", "C", { onHand: 0, backorders: 3, inTransit: 30, fillRate: 0.7, backorderCost: 6 });
  });
});
