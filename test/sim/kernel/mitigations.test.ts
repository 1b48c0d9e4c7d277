import { describe, expect, it } from "vitest";
import { createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import { kpis, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

describe("mitigations", () => {
  it("expedite sends the shortfall below the threshold on the fast lane, before the regular order", () => {
    // base-stock 30, demand 10, lead time 5: the position after demand is 20, 5 below the threshold 25
    const s = scenario({
      horizon: 30, warmup: 10,
      nodes: [supplier, stock("store", 30)],
      lanes: [lane("supplier", "store", 5)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
      mitigations: { expedite: [{ from: "supplier", to: "store", leadTime: { type: "constant", value: 1 }, costPerUnit: 2, when: "position-below", threshold: 25 }] },
    });
    const k = kpis(s)[0];
    expect(k["node:store:expedited"]).toBe(5);
    const tr = traceReplication(s, 0), fast = Array.from(tr.shipmentLane).flatMap((l, j) => (l === -1 ? [j] : []));
    expect(fast.length).toBe(30);
    for (const j of fast) {
      expect([tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentArrive[j] - tr.shipmentDepart[j]]).toEqual(["supplier", "store", 1]);
    }
    expect(k["network:expediteCost"]).toBe(10);
    expect(k["network:demand"]).toBe(10);
  });

  it("lateral transfers move a peer's stock to a dc whose net inventory drops below zero", () => {
    const s = scenario({
      horizon: 12, warmup: 0,
      nodes: [supplier, stock("dc-a", 10, { kind: "dc" }), stock("dc-b", 100, { kind: "dc" })],
      lanes: [lane("supplier", "dc-a", 3), lane("supplier", "dc-b", 3)],
      demand: [{ node: "dc-a", dist: { type: "constant", value: 20 } }],
      mitigations: { lateralTransfers: { among: ["dc-a", "dc-b"], leadTime: { type: "constant", value: 1 }, costPerUnit: 0.5, trigger: "below-zero" } },
    });
    const k = kpis(s)[0];
    expect(k["node:dc-b:transferred"]).toBeGreaterThan(0);
    expect(k["node:dc-b:transferCost"]).toBe(k["node:dc-b:transferred"] * 0.5);
    expect(k["node:dc-a:transferred"]).toBe(0);
  });
});

describe("mitigations deliver to the receiver", () => {
  it("lateral transfers land at the receiver: its on hand, backorders and fill rate, day by day", () => {
    // dc-a: base-stock 10, demand 10, lead time 3; dc-b: base-stock 100, no demand; transfers take 1 day.
    // d0: 10 − 10 = 0 on hand, order 10 (due d3). d1: backorder 10, net −10 → dc-b sends 10 (due d2);
    // position 0 + 20 − 10 = 10, no order. d2: the transfer clears the backorder, demand backorders 10,
    // another 10 sent (due d3). d3: 10 + 10 arrive, backorder cleared, demand served → 0; order 10 (due d6).
    // d4, d5 as d1, d2 (transfers due d5, d6); d6 as d3. So on hand is 0 every evening, backorders
    // 0, 10, 10 repeating, and only days 0, 3, 6 are served at once: fill rate 30/90.
    // dc-b gives 10 on d1, d2, d4, d5, d7, d8 and reorders each (lead 3): 100, 90, 80, 80, 80, 80, …
    const s = scenario({
      horizon: 9, warmup: 0,
      nodes: [supplier, stock("dc-a", 10, { kind: "dc" }), stock("dc-b", 100, { kind: "dc" })],
      lanes: [lane("supplier", "dc-a", 3), lane("supplier", "dc-b", 3)],
      demand: [{ node: "dc-a", dist: { type: "constant", value: 10 } }],
      mitigations: { lateralTransfers: { among: ["dc-a", "dc-b"], leadTime: { type: "constant", value: 1 }, costPerUnit: 0.5, trigger: "below-zero" } },
    });
    const sim = createSimulation(s, 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("dc-a"), sim.backorders("dc-a"), sim.onHand("dc-b")]); }
    expect(seen).toEqual([
      [0, 0, 100], [0, 10, 90], [0, 10, 80], [0, 0, 80], [0, 10, 80], [0, 10, 80], [0, 0, 80], [0, 10, 80], [0, 10, 80],
    ]);
    const k = kpis(s)[0];
    expect(k["node:dc-a:fillRate"]).toBe(30 / 90);
    expect(k["node:dc-a:backorders"]).toBe(60 / 9);
    expect(k["node:dc-b:transferred"]).toBe(60 / 9);
  });

  it("expedited units land at the receiver: its on hand, backorders and fill rate, day by day", () => {
    // base-stock 30, demand 10, lead time 5; expedite lead time 1 below position 25.
    // Each evening the position after demand is 20: 5 go on the fast lane (due tomorrow), then the
    // regular order of 5 (due in 5 days) restores 30. On hand: d0 30 − 10 = 20; d1 20 + 5 − 10 = 15;
    // then 10, 5, and from d4 on 0 + (5 expedited + 5 regular) − 10 = 0. Never a backorder: fill rate 1.
    // Without the expedited units the store would be out on day 2 and backordered from day 3.
    const s = scenario({
      horizon: 12, warmup: 0,
      nodes: [supplier, stock("store", 30)],
      lanes: [lane("supplier", "store", 5)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
      mitigations: { expedite: [{ from: "supplier", to: "store", leadTime: { type: "constant", value: 1 }, costPerUnit: 2, when: "position-below", threshold: 25 }] },
    });
    const sim = createSimulation(s, 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.backorders("store")]); }
    expect(seen).toEqual([[20, 0], [15, 0], [10, 0], [5, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
    const k = kpis(s)[0];
    expect(k["node:store:fillRate"]).toBe(1);
    expect(k["node:store:backorders"]).toBe(0);
    expect(k["node:store:onHand"]).toBe(50 / 12);
    expect(k["node:store:expedited"]).toBe(5);
  });
});
