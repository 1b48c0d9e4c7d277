// Mitigations at their bounds (scenario.md "Mitigations", kernel/mitigations.ts), every number
// derived by hand: a position at or above the expedite threshold and a peer with nothing above its
// trigger level move nothing (not even a shipment of 0 units in the trace), and a sender with a
// storage capacity counts the units it sent out of its stock, so its next arrivals fit.
import { describe, expect, it } from "vitest";
import { createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { constant, kpis, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

/** Each evening's [on hand, backorders] of the given nodes. */
function byDay(s: Scenario, nodes: readonly string[]): number[][][] {
  const sim = createSimulation(s, 0), seen: number[][][] = [];
  while (!sim.done()) { sim.step(); seen.push(nodes.map((n) => [sim.onHand(n), sim.backorders(n)])); }
  return seen;
}
/** The trace's mitigation shipments (lane −1): from, to, depart, arrive, units. */
function mitigationShipments(s: Scenario): (string | number)[][] {
  const tr = traceReplication(s, 0), rows: (string | number)[][] = [];
  tr.shipmentLane.forEach((l, j) => {
    if (l === -1) rows.push([tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentDepart[j], tr.shipmentArrive[j], tr.shipmentQuantity[j]]);
  });
  return rows;
}

describe("expedite at and above its threshold", () => {
  it("moves nothing while the position is not below the threshold", () => {
    // store: base-stock 30, starting with 40, demand 10, lead time 5; expedite below position 20.
    // d0: 40 − 10 = 30, position 30 (above 20): no expedite, no order. d1: 20, position 20 (at
    // the threshold): no expedite; order 10. From then on on hand + in transit is 20 every evening.
    const s = scenario({
      horizon: 10,
      nodes: [supplier, stock("store", 30, { initialInventory: 40 })],
      lanes: [lane("supplier", "store", 5)],
      demand: [{ node: "store", dist: constant(10) }],
      mitigations: { expedite: [{ from: "supplier", to: "store", leadTime: constant(1), costPerUnit: 2, when: "position-below", threshold: 20 }] },
    });
    expect(mitigationShipments(s)).toEqual([]);
    // Net inventory: d2 10, d3 0, d4 −10, d5 −20, and from d6 (the d1 order arrives) −20 every day.
    expect(byDay(s, ["store"]).map(([[oh, bo]]) => oh - bo)).toEqual([30, 20, 10, 0, -10, -20, -20, -20, -20, -20]);
    expect(kpis(s)[0]["node:store:expedited"]).toBe(0);
  });
});

describe("lateral transfers from peers with nothing to spare", () => {
  it("a peer at its trigger level or below it gives nothing", () => {
    // below-zero trigger. d0: dc-a 10 − 20: 10 short; dc-c 5 − 10: 5 short; dc-b holds 0. No
    // peer holds anything above 0 on hand and net inventory: nothing moves.
    const s = scenario({
      horizon: 1,
      nodes: [supplier, stock("dc-a", 10, { kind: "dc" }), stock("dc-b", 0, { kind: "dc" }), stock("dc-c", 5, { kind: "dc" })],
      lanes: [lane("supplier", "dc-a", 3), lane("supplier", "dc-b", 3), lane("supplier", "dc-c", 3)],
      demand: [{ node: "dc-a", dist: constant(20) }, { node: "dc-c", dist: constant(10) }],
      mitigations: { lateralTransfers: { among: ["dc-a", "dc-b", "dc-c"], leadTime: constant(1), costPerUnit: 0.5, trigger: "below-zero" } },
    });
    expect(mitigationShipments(s)).toEqual([]);
    expect(byDay(s, ["dc-a", "dc-b", "dc-c"])).toEqual([[[0, 10], [0, 0], [0, 5]]]);
  });
});

describe("a sender with a storage capacity", () => {
  it("expedited units leave the sender's stock: its replenishment fits the next morning", () => {
    // dc: base-stock 8, room for 8, its supplier 1 day away; store: base-stock 30, demand 10, its
    // own lane 5 days; expedite from the dc in 1 day below position 25. d0: store 20, position 20:
    // the dc sends 5 (8 → 3) and orders 5. d1: the dc's 5 fit (room 8 − 3): 8; the store
    // (20 + 5 − 10 = 15, position 15 + 5 on order) asks 5 more: 8 → 3. And so on every day.
    const s = scenario({
      horizon: 4,
      nodes: [supplier, stock("dc", 8, { kind: "dc", capacity: { storage: 8 } }), stock("store", 30)],
      lanes: [lane("supplier", "dc", 1), lane("supplier", "store", 5)],
      demand: [{ node: "store", dist: constant(10) }],
      mitigations: { expedite: [{ from: "dc", to: "store", leadTime: constant(1), when: "position-below", threshold: 25 }] },
    });
    expect(byDay(s, ["dc", "store"])).toEqual([[[3, 0], [20, 0]], [[3, 0], [15, 0]], [[3, 0], [10, 0]], [[3, 0], [5, 0]]]);
  });

  it("units given by lateral transfer leave the giver's stock: its replenishment fits the next morning", () => {
    // dc-a: base-stock 10, demand 20; dc-b: base-stock 30, room for 30, its supplier 1 day away.
    // d0: dc-a 10 short; dc-b gives 10 (30 → 20) and orders 10. d1: dc-b's 10 fit (room 30 − 20):
    // 30; dc-a's transfer pays its backorder, demand leaves it 20 short; dc-b gives 20: 10.
    const s = scenario({
      horizon: 2,
      nodes: [supplier, stock("dc-a", 10, { kind: "dc" }), stock("dc-b", 30, { kind: "dc", capacity: { storage: 30 } })],
      lanes: [lane("supplier", "dc-a", 3), lane("supplier", "dc-b", 1)],
      demand: [{ node: "dc-a", dist: constant(20) }],
      mitigations: { lateralTransfers: { among: ["dc-a", "dc-b"], leadTime: constant(1), trigger: "below-zero" } },
    });
    expect(byDay(s, ["dc-a", "dc-b"])).toEqual([[[0, 10], [20, 0]], [[0, 20], [10, 0]]]);
  });
});
