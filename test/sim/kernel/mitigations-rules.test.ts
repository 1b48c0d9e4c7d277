// Mitigations' rules (scenario.md "Mitigations", kernel/mitigations.ts) on small scenarios whose
// every number follows from the rule: an expedite from a stocking node, capped at what it holds,
// and lateral transfers that ask several peers, each giving only what it holds above its own
// trigger level. Written to kill the mutants that survived the rest of the kernel's tests.
import { describe, expect, it } from "vitest";
import { createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier } from "../engine/fixtures.ts";

/** Each evening's on hand of the given nodes, day by day over the horizon. */
function onHandByDay(s: Scenario, nodes: readonly string[]): number[][] {
  const sim = createSimulation(s, 0), seen: number[][] = [];
  while (!sim.done()) { sim.step(); seen.push(nodes.map((n) => sim.onHand(n))); }
  return seen;
}

describe("expedite from a stocking node", () => {
  // dc: base-stock 8, no demand, its supplier 10 days away (nothing arrives within the horizon).
  // store: base-stock 30, demand 10, regular lane 5 days; expedite from dc, 1 day, below position 25.
  // d0: store 30 − 10 = 20, position 20 → expedite 25 − 20 = 5 from dc (8 → 3), due d1.
  // d1: store 20 + 5 − 10 = 15, position 15 + 5 (regular order of d0) = 20 → wants 5, dc holds 3: sends 3 (dc → 0).
  // d2: store 15 + 3 − 10 = 8; dc holds 0: nothing is expedited, and no empty shipment is sent.
  const s = scenario({
    horizon: 3, warmup: 0,
    nodes: [supplier, stock("dc", 8, { kind: "dc" }), stock("store", 30)],
    lanes: [lane("supplier", "dc", 10), lane("supplier", "store", 5)],
    demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
    mitigations: { expedite: [{ from: "dc", to: "store", leadTime: { type: "constant", value: 1 }, costPerUnit: 2, when: "position-below", threshold: 25 }] },
  });

  it("takes the units out of the sender's on hand, never more than it holds", () => {
    expect(onHandByDay(s, ["dc", "store"])).toEqual([[3, 20], [0, 15], [0, 8]]);
  });

  it("sends one fast shipment per expedite that moves units: 5, then 3", () => {
    const tr = traceReplication(s, 0);
    const fast = Array.from(tr.shipmentLane).flatMap((l, j) => (l === -1 ? [j] : []));
    expect(fast.map((j) => [tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentDepart[j], tr.shipmentArrive[j], tr.shipmentQuantity[j]]))
      .toEqual([["dc", "store", 0, 1, 5], ["dc", "store", 1, 2, 3]]);
  });

  it("a sender in an outage expedites nothing: the store waits for the next review", () => {
    // dc out on d0: store 20, nothing expedited, regular order 10. d1: store 20 − 10 = 10,
    // position 10 + 10 = 20 → dc (back up) sends 5: 8 → 3.
    const out: Scenario = { ...s, horizon: 2, disruptions: [{ type: "node-outage", node: "dc", start: 0, end: 1 }] };
    expect(onHandByDay(out, ["dc", "store"])).toEqual([[8, 20], [3, 10]]);
  });
});

describe("lateral transfers below the reorder point", () => {
  // dc-a: sS s = 20, S = 40, demand 35; every supplier lane takes 10 days, so only transfers move
  // stock within these days. The trigger is each item's reorder point (0 for base-stock items).
  const network = (peerC: { s: number; S: number; initial: number }): Scenario => scenario({
    horizon: 1, warmup: 0,
    nodes: [
      supplier,
      stock("dc-a", 0, { kind: "dc", policy: { type: "sS", s: 20, S: 40 }, initialInventory: 40 }),
      stock("dc-b", 10, { kind: "dc" }),
      stock("dc-c", 0, { kind: "dc", policy: { type: "sS", s: peerC.s, S: peerC.S }, initialInventory: peerC.initial }),
    ],
    lanes: [lane("supplier", "dc-a", 10), lane("supplier", "dc-b", 10), lane("supplier", "dc-c", 10)],
    demand: [{ node: "dc-a", dist: { type: "constant", value: 35 } }],
    mitigations: { lateralTransfers: { among: ["dc-a", "dc-b", "dc-c"], leadTime: { type: "constant", value: 1 }, costPerUnit: 0.5, trigger: "below-reorder-point" } },
  });

  it("asks its peers in order until the shortfall below its reorder point is covered", () => {
    // d0: dc-a 40 − 35 = 5, 15 below s = 20. dc-b (base-stock, trigger 0) gives all its 10;
    // dc-c (s = 5, holds 20) could give 15 but only 5 are still needed: 20 → 15.
    expect(onHandByDay(network({ s: 5, S: 20, initial: 20 }), ["dc-a", "dc-b", "dc-c"])).toEqual([[5, 0, 15]]);
  });

  it("logs each transfer as a mitigation shipment from the peer, arriving after the lead time", () => {
    const tr = traceReplication(network({ s: 5, S: 20, initial: 20 }), 0);
    const moved = Array.from(tr.shipmentLane).flatMap((l, j) => (l === -1 ? [j] : []));
    expect(moved.map((j) => [tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentDepart[j], tr.shipmentArrive[j], tr.shipmentQuantity[j]]))
      .toEqual([["dc-b", "dc-a", 0, 1, 10], ["dc-c", "dc-a", 0, 1, 5]]);
  });

  it("a peer in an outage is skipped, and a receiver in an outage asks for nothing", () => {
    const s = network({ s: 5, S: 20, initial: 20 });
    // dc-b out: dc-c gives the whole 15 it holds above s = 5 (20 → 5).
    const peerOut: Scenario = { ...s, disruptions: [{ type: "node-outage", node: "dc-b", start: 0, end: 1 }] };
    expect(onHandByDay(peerOut, ["dc-b", "dc-c"])).toEqual([[10, 5]]);
    const receiverOut: Scenario = { ...s, disruptions: [{ type: "node-outage", node: "dc-a", start: 0, end: 1 }] };
    expect(onHandByDay(receiverOut, ["dc-b", "dc-c"])).toEqual([[10, 20]]);
  });

  it("a peer gives only what it holds above its own reorder point", () => {
    // d0 as above; dc-c holds 8 with s = 5, so it gives 3 (8 → 5) and 2 units stay short.
    expect(onHandByDay(network({ s: 5, S: 8, initial: 8 }), ["dc-a", "dc-b", "dc-c"])).toEqual([[5, 0, 5]]);
  });

  it("with the below-zero trigger, dc-a at 5 asks for nothing", () => {
    const s = network({ s: 5, S: 20, initial: 20 });
    const belowZero: Scenario = { ...s, mitigations: { lateralTransfers: { ...s.mitigations!.lateralTransfers!, trigger: "below-zero" } } };
    expect(onHandByDay(belowZero, ["dc-a", "dc-b", "dc-c"])).toEqual([[5, 10, 20]]);
  });
});
