// An expedite lane into an item with several sources (kernel/sourcing.ts reviewSourced): at its
// review the item expedites first, then places its order across its lanes, counting the
// expedited units in its position.
import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, kpis, lane, scenario, stock } from "../engine/fixtures.ts";

/**
 * store: base-stock 100, demand 10, half of each order from each supplier (2 and 6 days);
 * expedite from sup-a in 1 day below position 95, at 2 a unit.
 */
const dualSourcedStore = (horizon: number) => scenario({
  horizon,
  nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, stock("store", 100)],
  lanes: [lane("sup-a", "store", 2, { sourcing: { split: 0.5 } }), lane("sup-b", "store", 6, { sourcing: { split: 0.5 } })],
  demand: [{ node: "store", dist: constant(10) }],
  mitigations: { expedite: [{ from: "sup-a", to: "store", leadTime: constant(1), costPerUnit: 2, when: "position-below", threshold: 95 }] },
});

describe("expedite into an item with several sources", () => {
  it("expedites the shortfall below the threshold, then splits the rest of its order", () => {
    // Day 0: 100 − 10 = 90 on hand,
    // nothing on order: 5 expedited, then the position is 95 and the order 5, 2.5 per lane.
    const s = dualSourcedStore(1);
    expect(validateScenario(s).ok).toBe(true);
    const tr = traceReplication(s, 0), at = (n: number) => tr.nodes[n];
    const shipments = Array.from(tr.shipmentLane, (l, j) =>
      [l, at(tr.shipmentFrom[j]), at(tr.shipmentTo[j]), tr.shipmentDepart[j], tr.shipmentArrive[j], tr.shipmentQuantity[j]]);
    expect(shipments).toEqual([[-1, "sup-a", "store", 0, 1, 5], [0, "sup-a", "store", 0, 2, 2.5], [1, "sup-b", "store", 0, 6, 2.5]]);
    const k = kpis(s)[0];
    expect([k["node:store:expedited"], k["node:store:expediteCost"]]).toEqual([5, 10]);
  });

  it("counts what is on order on its lanes in the position it compares with the threshold", () => {
    // As above, a second day. Day 1: the 5 expedited arrive, 95 − 10 = 85 on hand; on order on
    // the lanes 2.5 + 2.5, so the position is 90: 5 expedited (not 95 − 85 = 10), then the
    // position is 95 and the order 5 again, 2.5 per lane.
    const s = dualSourcedStore(2);
    const tr = traceReplication(s, 0), at = (n: number) => tr.nodes[n];
    const day1 = Array.from(tr.shipmentLane, (l, j) =>
      [l, at(tr.shipmentFrom[j]), at(tr.shipmentTo[j]), tr.shipmentDepart[j], tr.shipmentArrive[j], tr.shipmentQuantity[j]]).filter((x) => x[3] === 1);
    expect(day1).toEqual([[-1, "sup-a", "store", 1, 2, 5], [0, "sup-a", "store", 1, 3, 2.5], [1, "sup-b", "store", 1, 7, 2.5]]);
  });
});
