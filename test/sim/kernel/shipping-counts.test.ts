// What a shipper counts of its day (kernel/shipping.ts shipFrom, docs/kpis.md): the units it
// shipped downstream (unitsSent) and, of those, the units that settle an order placed that same
// day (internalFillRate = same-day units / units ordered from it). Each item starts the day's
// counts from 0, whatever the items before it did. Worked out by hand from timeline.md.
import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { kpis, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const rules: Scenario["allocation"][] = ["fifo", "proportional"];

describe("a shipper's day counts", () => {
  for (const allocation of rules) {
    it(`count only its own shipments, the item before it having served and lost customers (${allocation})`, () => {
      // One day, lost sales. Store x (from the supplier): 4 on hand, demand 6: serves 4, loses 2.
      // dc: 20 on hand, ships to store y (nothing on hand, base-stock 5, no demand), which orders
      // 5 that evening: all 5 leave, settling the order of the day. The dc sent 5, all 5 the same
      // day they were ordered: internal fill rate 5 / 5 = 1.
      const s = scenario({
        horizon: 1, allocation, unmetDemand: "lost",
        nodes: [supplier, stock("x", 10, { initialInventory: 4 }), stock("dc", 20, { kind: "dc" }), stock("y", 5, { initialInventory: 0 })],
        lanes: [lane("supplier", "x", 1), lane("supplier", "dc", 1), lane("dc", "y", 1)],
        demand: [{ node: "x", dist: { type: "constant", value: 6 } }],
      });
      // items in order: the supplier's, x's, the dc's, y's (x's flows sit just before the dc's)
      expect(Array.from(compiled(s).itemNode)).toEqual([0, 1, 2, 3]);
      const k = kpis(s)[0];
      expect([k["node:x:unitsDelivered"], k["node:x:lostSales"]]).toEqual([4, 2]);
      expect([k["node:dc:unitsSent"], k["node:dc:internalFillRate"]]).toEqual([5, 1]);
    });
  }
});
