// The position of an item with several sources counts the orders open and the units in transit
// on every inbound lane (docs/scenario-format.md, "Several sources"; kernel/sourcing.ts
// reviewSourced): what a short source still owes is on order, as much as what is on the way.
// Worked out by hand from timeline.md's order of the day.
import { describe, expect, it } from "vitest";
import { createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import { constant, lane, scenario, stock, valid } from "../engine/fixtures.ts";

describe("the position of a split-sourced item", () => {
  it("counts what an empty source owes on its lane: the order stays at the day's demand, and half of it goes to each lane", () => {
    // The dc holds nothing and is resupplied only after the horizon (lead time 100): it owes the
    // store everything placed on its lane. store: base-stock 100, demand 10, split 0.5 / 0.5, lead times 1.
    // day 0: 90 on hand, nothing on order → order 10: 5 owed by the dc, 5 from sup-b.
    // day t ≥ 1: sup-b's 5 arrive, on hand 90 − 5t; on order 5t owed by the dc → position 90 →
    //   order 10 again: 5 more owed by the dc, 5 from sup-b.
    const s = valid(scenario({
      horizon: 6,
      nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, stock("dc", 0, { kind: "dc" }), stock("store", 100)],
      lanes: [lane("sup-a", "dc", 100), lane("dc", "store", 1, { sourcing: { split: 0.5 } }), lane("sup-b", "store", 1, { sourcing: { split: 0.5 } })],
      demand: [{ node: "store", dist: constant(10) }],
    }));
    const tr = traceReplication(s, 0), fromB = new Array<number>(6).fill(0);
    for (let j = 0; j < tr.shipmentLane.length; j++) {
      expect(tr.shipmentLane[j]).not.toBe(1);   // the dc never ships
      if (tr.shipmentLane[j] === 2) fromB[tr.shipmentDepart[j]] += tr.shipmentQuantity[j];
    }
    expect(fromB).toEqual([5, 5, 5, 5, 5, 5]);
    const sim = createSimulation(s, 0);
    sim.run();
    // end of day 5: 90 − 5·5 = 65 on hand, 5 in transit from sup-b
    expect(sim.onHand("store")).toBe(65);
    expect(sim.inTransit("store")).toBe(5);
  });
});
