// Which allocation rule shares a short shipper's stock (kernel/shipping.ts shipFrom; timeline.md
// step 5): `fifo` serves the oldest open order first whatever the nodes' priorities, `priority`
// serves the lowest priority number first whatever the orders' days. Worked out by hand.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier, valid } from "../engine/fixtures.ts";

/**
 * dc: base-stock 12, 4 on hand, its supplier 1 day away. Store b (nothing on hand, base-stock 6)
 * orders 6 on day 0; store a (nothing on hand, base-stock 20, reviews on odd days only) orders 20
 * on day 1. No demand. Lanes from the dc: 1 day.
 * day 0: the dc owes 6 and has 4: b gets 4 (owed 2). The dc's position 4 − 6 = −2: it orders 14.
 * day 1: the 14 arrive at the dc, b's 4 at b (position 4 + 2 owed = 6: no order); a orders 20.
 *        The dc owes b 2 (day 0) and a 20 (day 1) and has 14: the rule decides.
 * Returns what is in transit to a and to b at the end of day 1 (day 1's shipments).
 */
function short(allocation: Scenario["allocation"], priorityA: number, priorityB: number): number[] {
  const s = valid(scenario({
    horizon: 2, allocation,
    nodes: [supplier, stock("dc", 12, { kind: "dc", initialInventory: 4 }),
      stock("a", 20, { initialInventory: 0, priority: priorityA, policy: { type: "base-stock", level: 20, review: 2, offset: 1 } }),
      stock("b", 6, { initialInventory: 0, priority: priorityB })],
    lanes: [lane("supplier", "dc", 1), lane("dc", "a", 1), lane("dc", "b", 1)],
    demand: [],
  }));
  const sim = createSimulation(s, 0);
  sim.step();
  expect([sim.inTransit("a"), sim.inTransit("b"), sim.owedDownstream("dc")]).toEqual([0, 4, 2]);
  sim.step();
  return [sim.inTransit("a"), sim.inTransit("b")];
}

describe("the allocation rule on a shortage", () => {
  it("fifo serves b's older order before a's, whatever the priorities (a comes first among the dc's downstream items)", () => {
    // Either priority pair: b's 2 owed since day 0 first, then a gets the other 14 − 2 = 12.
    expect(short("fifo", 2, 1)).toEqual([12, 2]);
    expect(short("fifo", 1, 2)).toEqual([12, 2]);
  });
  it("priority serves a (priority 1) before b's older order", () => {
    // a: priority 1, b: priority 2: a gets all 14 (of its 20), b's 2 wait.
    expect(short("priority", 1, 2)).toEqual([14, 0]);
  });
  it("priority serves b (priority 1) first though a comes first among the dc's downstream items", () => {
    // a: priority 2, b: priority 1: b gets its 2, a the other 14 − 2 = 12.
    expect(short("priority", 2, 1)).toEqual([12, 2]);
  });
});
