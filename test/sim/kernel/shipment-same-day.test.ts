// Same-day units (kernel/shipment.ts settleQueue and settleOpen; kpis.md internalFillRate): a
// shipment settles the oldest open orders first, and only the part that settles an order placed
// that day counts. Derived by hand for a dc short of stock, under each allocation rule (fifo and
// priority keep one entry per order, proportional only today's open order).
import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { constant, kpis, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

describe("units shipped on the day they were ordered", () => {
  for (const allocation of ["fifo", "priority", "proportional"] as const) {
    it(`count only what settles the day's own order, after the older ones: ${allocation}`, () => {
      // dc: base-stock 10, starting with 5, supplier 2 days away; store: base-stock 30, demand 10,
      // dc 1 day away: the store orders 10 every day. d0: the dc ships the 5 it holds of the day's
      // 10 (5 same-day) and orders 15. d1: nothing to ship; orders 10. d2: the 15 arrive and pay
      // d0's 5 and d1's 10, not d2's order. From d3 each morning's 10 pays the day before's order.
      // Six days: 5 of the 60 units ordered shipped on their day.
      const s = scenario({
        horizon: 6, allocation,
        nodes: [supplier, stock("dc", 10, { kind: "dc", initialInventory: 5 }), stock("store", 30)],
        lanes: [lane("supplier", "dc", 2), lane("dc", "store", 1)],
        demand: [{ node: "store", dist: constant(10) }],
      });
      expect(compiled(s).orderQueue).toBe(allocation !== "proportional");
      expect(kpis(s)[0]["node:dc:internalFillRate"]).toBe(5 / 60);
    });
  }
});
