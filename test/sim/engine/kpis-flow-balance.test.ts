// The flow-balance KPIs (docs/kpis.md, "Flow balance"): unitsReceived, unitsDelivered, unitsSent,
// unitsLost, stockStart, stockEnd, totals over the measured days that close
//   unitsReceived − unitsDelivered − unitsSent − unitsLost = stockEnd − stockStart
// for every stocking node and the network. Small and fast, for the engine's mutation run;
// flow-balance.test.ts checks the balance on every library scenario and 40 random ones.
import { beforeEach, describe, expect, it } from "vitest";
import { compiled, kpiColumns } from "../../../src/sim/engine/index.ts";
import { createKpiWriter } from "../../../src/sim/engine/kpis.ts";
import { createAccumulators } from "../../../src/sim/kernel/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { kpis, lane, scenario, stock, supplier } from "./fixtures.ts";

const FLOW = ["unitsReceived", "unitsDelivered", "unitsSent", "unitsLost", "stockStart", "stockEnd"] as const;

/** The six flow columns of one scope ("network" or a node id) from a KPI row. */
function flows(k: Record<string, number>, id: string): Record<string, number> {
  return Object.fromEntries(FLOW.filter((key) => id !== "network" || key !== "unitsSent").map((key) => [key, k[id === "network" ? `network:${key}` : `node:${id}:${key}`]]));
}

describe("stockStart: the initial inventory with warmup 0, else the stock at the end of day warmup − 1", () => {
  // supplier → store (L 1), base-stock 20, initial inventory 50, demand 10 a day, 10 days.
  // On hand after days 0, 1, 2: 40, 30, 20 (position ≥ 20: no order); from day 3 on the store
  // orders 10 a day, which arrive the next morning: each evening 10 on hand and 10 in transit.
  const run = (warmup: number) => kpis(scenario({
    horizon: 10, warmup,
    nodes: [supplier, stock("store", 20, { initialInventory: 50 })],
    lanes: [lane("supplier", "store", 1)],
    demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
  }))[0];

  it("warmup 0: starts from the initial 50; 7 orders of 10 received, 100 delivered, 20 left", () => {
    const k = run(0);
    expect(flows(k, "store")).toEqual({ unitsReceived: 70, unitsDelivered: 100, unitsSent: 0, unitsLost: 0, stockStart: 50, stockEnd: 20 });
    expect(flows(k, "network")).toEqual({ unitsReceived: 70, unitsDelivered: 100, unitsLost: 0, stockStart: 50, stockEnd: 20 });
  });

  it("warmup 3: starts from the 20 on hand at the end of day 2, not the initial inventory", () => {
    const k = run(3);
    expect(flows(k, "store")).toEqual({ unitsReceived: 70, unitsDelivered: 70, unitsSent: 0, unitsLost: 0, stockStart: 20, stockEnd: 20 });
    expect(flows(k, "network")).toEqual({ unitsReceived: 70, unitsDelivered: 70, unitsLost: 0, stockStart: 20, stockEnd: 20 });
  });
});

describe("flows with lateral transfers and expedites (from a supplier and out of a dc's stock)", () => {
  // Whole units throughout, so every sum is exact and the balance holds to the unit, not to a tolerance.
  const s: Scenario = scenario({
    horizon: 40, warmup: 5, unmetDemand: "lost",
    nodes: [supplier, stock("dc", 60, { kind: "dc", holdingCost: 1 }), stock("a", 0, { holdingCost: 2, policy: { type: "sS", s: 8, S: 18 } }), stock("b", 40, { holdingCost: 2 })],
    lanes: [lane("supplier", "dc", 2, { costPerUnit: 0.5 }), lane("dc", "a", 2, { costPerUnit: 0.25 }), lane("dc", "b", 1, { costPerUnit: 0.25 })],
    demand: [{ node: "a", dist: { type: "constant", value: 10 } }, { node: "b", dist: { type: "constant", value: 2 } }],
    costs: { backorderPerUnitDay: 0, lostSalePerUnit: 3, orderFixed: 1 },
    mitigations: {
      lateralTransfers: { among: ["a", "b"], leadTime: { type: "constant", value: 1 }, costPerUnit: 0.5, trigger: "below-reorder-point" },
      expedite: [
        { from: "supplier", to: "dc", leadTime: { type: "constant", value: 1 }, costPerUnit: 2, when: "position-below", threshold: 55 },
        { from: "dc", to: "a", leadTime: { type: "constant", value: 0 }, costPerUnit: 1, when: "position-below", threshold: 9 },
      ],
    },
  });
  // Run inside each test (beforeEach), so that mutation testing sees which tests reach the KPI code.
  let k: Record<string, number>;
  beforeEach(() => { k = kpis(s)[0]; });

  it("every mitigation moves units in this run (so the balance below counts them)", () => {
    expect(k["node:dc:expedited"]).toBeGreaterThan(0);    // from the supplier
    expect(k["node:a:expedited"]).toBeGreaterThan(0);     // out of the dc's on hand
    expect(k["node:b:transferred"]).toBeGreaterThan(0);   // b gives to a when a is below its reorder point
    expect(k["network:lostSales"]).toBeGreaterThan(0);
  });

  it("balances exactly at every node and for the network", () => {
    for (const id of ["dc", "a", "b"]) {
      const f = flows(k, id);
      expect(f.unitsReceived - f.unitsDelivered - f.unitsSent - f.unitsLost, id).toBe(f.stockEnd - f.stockStart);
    }
    const n = flows(k, "network");
    expect(n.unitsReceived - n.unitsDelivered - n.unitsLost).toBe(n.stockEnd - n.stockStart);
  });

  it("counts each move once: the network receives only from outside; a dc sends its shipments and its expedites", () => {
    const D = s.horizon - s.warmup;   // expedited and transferred are units a day; the flow columns are totals
    // Only the dc receives from outside (its supplier lane and the supplier's expedites), and it
    // receives nothing by transfer; the dc's expedites to a and b's transfers to a stay inside.
    expect(k["network:unitsReceived"]).toBe(k["node:dc:unitsReceived"]);
    // b ships nothing downstream: all it sends is what it transfers (to a)
    expect(k["node:b:unitsSent"]).toBeCloseTo(k["node:b:transferred"] * D, 9);
    // the dc sends its lane departures to a and b plus its expedites to a; a receives those same
    // departures and expedites plus b's transfers, b receives only its lane's departures
    expect(k["node:dc:unitsSent"]).toBeCloseTo(k["node:a:unitsReceived"] - k["node:b:transferred"] * D + k["node:b:unitsReceived"], 9);
  });

  it("totalCost is the sum of its parts, transfer and expedite costs included (network and node)", () => {
    const parts = ["holdingCost", "pipelineCost", "backorderCost", "lostSaleCost", "orderCost", "transportCost", "transferCost", "expediteCost"];
    const sum = (scope: string) => parts.reduce((a, key) => a + k[`${scope}:${key}`], 0);
    for (const key of ["lostSaleCost", "orderCost", "transferCost", "expediteCost"]) expect(k[`network:${key}`], key).toBeGreaterThan(0);
    expect(k["network:totalCost"]).toBeCloseTo(sum("network"), 9);
    for (const id of ["dc", "a", "b"]) expect(k[`node:${id}:totalCost`], id).toBeCloseTo(sum(`node:${id}`), 9);
  });
});

describe("flow tallies as the writer reads them (accumulators set by hand)", () => {
  // Two stores on one supplier; each item's flow tallies are [received by transfer, sent on an
  // expedite lane, written off]. Nothing else moves, so each flow column is exactly its tally.
  const s = scenario({
    horizon: 10, warmup: 2,
    nodes: [supplier, stock("a", 10), stock("b", 10)],
    lanes: [lane("supplier", "a", 1), lane("supplier", "b", 1)],
    demand: [{ node: "a", dist: { type: "constant", value: 1 } }, { node: "b", dist: { type: "constant", value: 1 } }],
  });
  const net = compiled(s), cols = kpiColumns(s);
  let writer: ReturnType<typeof createKpiWriter>, acc: ReturnType<typeof createAccumulators>;
  beforeEach(() => { writer = createKpiWriter(net); acc = createAccumulators(net); });
  const item = (id: string) => Array.from(net.itemNode).findIndex((n, i) => !net.itemSource[i] && net.nodeIds[n] === id);
  const row = () => {
    const out = new Float64Array(writer.columns);
    writer.write(acc, out, 0);
    return Object.fromEntries(cols.map((c, j) => [`${c.scope === "network" ? "network" : c.id}:${c.key}`, out[j]]));
  };

  it("write-offs count as unitsLost at their node and for the network", () => {
    acc.flow.fill(0);
    acc.flow[item("a") * 3 + 2] = 0.25; acc.flow[item("b") * 3 + 2] = 0.5;
    const k = row();
    expect([k["a:unitsLost"], k["b:unitsLost"], k["network:unitsLost"]]).toEqual([0.25, 0.5, 0.75]);
    expect([k["a:unitsReceived"], k["a:unitsSent"], k["b:unitsReceived"], k["b:unitsSent"], k["network:unitsReceived"]]).toEqual([0, 0, 0, 0, 0]);
  });

  it("units received by transfer count at the node only; units sent on an expedite lane count as sent", () => {
    acc.flow.fill(0);
    acc.flow[item("a") * 3] = 4; acc.flow[item("b") * 3 + 1] = 3;
    const k = row();
    expect([k["a:unitsReceived"], k["a:unitsSent"], k["b:unitsReceived"], k["b:unitsSent"]]).toEqual([4, 0, 0, 3]);
    expect([k["network:unitsReceived"], k["network:unitsLost"], k["a:unitsLost"], k["b:unitsLost"]]).toEqual([0, 0, 0, 0]);
  });
});
