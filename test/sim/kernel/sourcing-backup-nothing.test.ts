// A part that is not above 0 is no order (kernel/sourcing.ts placeOrder): a primary left with
// nothing (the backup took it all) gets no order on its lane that day. With fifo the store's open
// orders with a dc are served oldest first (timeline.md step 5), so what the dc ships once it is
// short settles the store's real orders, in the order they were placed. Worked out by hand from
// timeline.md's order of the day.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import { constant, kpis, lane, perDay, scenario, stock, valid } from "../engine/fixtures.ts";

describe("a primary left with nothing", () => {
  it("gets no order that day; the orders it gets later are served oldest first when it runs short", () => {
    // sup-a → dc (lead 2; the dc: base-stock 10, starting empty); dc → store the primary
    // (lead 1), sup-b → store the backup (lead 1, out on days 1–2); store base-stock 100, demand 10.
    const s = valid(scenario({
      horizon: 4,
      nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, stock("dc", 10, { kind: "dc", initialInventory: 0 }), stock("store", 100)],
      lanes: [lane("sup-a", "dc", 2), lane("dc", "store", 1, { sourcing: { role: "primary" } }), lane("sup-b", "store", 1, { sourcing: { role: "backup" } })],
      demand: [{ node: "store", dist: constant(10) }],
      disruptions: [{ type: "lane-outage", from: "sup-b", to: "store", start: 1, end: 3 }],
    }));
    // day 0: order 10; the dc has 0 free → the backup takes all 10, the dc gets no order. The dc
    //        (position 0) orders 10, due on day 2.
    // day 1: 90 + 10 − 10 = 90 → order 10; the dc can ship 0 and the backup is out → 10 wait on
    //        the dc. dc position 10 in transit − 10 owed = 0 → it orders 10, due on day 3.
    // day 2: the dc's 10 arrive; 80 + 10 owed = 90 → order 10; the dc can ship 10 − 10 = 0, the
    //        backup is out → 10 more on the dc (20 owed). dc position 10 + 10 − 20 = 0 → it orders
    //        10, due on day 4. It ships its 10: short of the 20 owed, it settles day 1's order.
    // day 3: the dc's 10 arrive; 80 + 10 − 10 = 80 + 10 owed = 90 → order 10; the dc can ship
    //        10 − 10 = 0 → the backup, back, takes all 10. The dc ships its last 10 owed (day 2's);
    //        its position 10 + 10 − 10 = 10: no order.
    expect(perDay(s)).toEqual([[10, 10, 10, 0], [0, 0, 10, 10], [10, 0, 0, 10]]);
    // The dc's internal fill rate: the store ordered 10 from it on days 1 and 2 (20 units). Oldest
    // first, day 2's shipment settles day 1's order and day 3's settles day 2's: no unit leaves on
    // the day it was ordered, 0 ÷ 20 = 0. (Newest first, day 2's 10 would settle day 2's order:
    // 10 ÷ 20 = 0.5.)
    expect(kpis(s)[0]["node:dc:internalFillRate"]).toBe(0);
    const sim = createSimulation(s, 0);
    sim.run();
    // end of day 3: the store 80 on hand, 20 in transit; the dc 0 on hand, owing nothing
    expect([sim.onHand("store"), sim.inTransit("store"), sim.onHand("dc")]).toEqual([80, 20, 0]);
  });
});
