// A split's last lane gets the rest of the order (docs/scenario-format.md, "Several sources";
// kernel/sourcing.ts reviewSourced): the lanes before it get order × fraction, the last lane
// order − their parts, and a part that is not above 0 is no order at all. Fractions may sum to 1
// within 1e-9, so the parts before the last can exceed the order by a few billionths: then the
// last lane's rest is below 0 and it gets nothing — never a negative order, never its own fraction.
import { describe, expect, it } from "vitest";
import { createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import { constant, lane, scenario, stock, valid } from "../engine/fixtures.ts";

describe("a split's last lane", () => {
  it("gets nothing when the parts before it exceed the order (fractions 0.5000000005 + 0.5 + 1e-10, within 1e-9 of 1)", () => {
    // store: base-stock 100, demand 10 a day; three outside suppliers, lead times 1.
    const s = valid(scenario({
      horizon: 4,
      nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, { id: "sup-c", kind: "supplier" }, stock("store", 100)],
      lanes: [lane("sup-a", "store", 1, { sourcing: { split: 0.5000000005 } }), lane("sup-b", "store", 1, { sourcing: { split: 0.5 } }),
        lane("sup-c", "store", 1, { sourcing: { split: 1e-10 } })],
      demand: [{ node: "store", dist: constant(10) }],
    }));
    // day 0: position 90, order 10: lane a 10 × 0.5000000005 = 5.000000005, lane b 5, lane c the
    //   rest 10 − 10.000000005 < 0 → nothing. 5e-9 more than the order is on the way.
    // day t ≥ 1: the parts of day t − 1 arrive; on hand 90.000000005, nothing on order → order
    //   9.999999995: lane a 9.999999995 × 0.5000000005 = 5.0000000025 (to 1e-18), lane b
    //   4.9999999975, lane c again nothing; they arrive as 9.999999995 × 1.0000000005 = 10 (to 1e-17).
    const tr = traceReplication(s, 0), a: number[] = [], b: number[] = [];
    for (let j = 0; j < tr.shipmentLane.length; j++) {
      expect(tr.shipmentLane[j]).not.toBe(2);
      (tr.shipmentLane[j] === 0 ? a : b)[tr.shipmentDepart[j]] = tr.shipmentQuantity[j];
    }
    const expectDays = (got: number[], want: number[]) => { expect(got.length).toBe(want.length); want.forEach((x, t) => expect(got[t]).toBeCloseTo(x, 12)); };
    expectDays(a, [5.000000005, 5.0000000025, 5.0000000025, 5.0000000025]);
    expectDays(b, [5, 4.9999999975, 4.9999999975, 4.9999999975]);
    const sim = createSimulation(s, 0);
    sim.run();
    expect(sim.onHand("store")).toBeCloseTo(90.000000005, 12);
  });
});
