// timeline.md, policies: base-stock orders max(0, S − P). A store that starts above its level
// orders nothing until demand brings its position down to the level, then the day's demand each
// day. Checked on both of reviewAndOrder's loops (kernel/review.ts): the general one (fifo keeps
// order queues) and the daily base-stock one (proportional, no queues).
import { describe, expect, it } from "vitest";
import { compiled, createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { constant, kpis, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

// store: base-stock 20, starting with 50; demand 10 a day; lead time 2; 8 days.
const store = (allocation: Scenario["allocation"]) => scenario({
  horizon: 8, allocation,
  nodes: [supplier, stock("store", 20, { initialInventory: 50 })],
  lanes: [lane("supplier", "store", 2)],
  demand: [{ node: "store", dist: constant(10) }],
});

describe("a base-stock item above its level", () => {
  for (const allocation of ["fifo", "proportional"] as const) {
    it(`orders nothing until its position is below the level: ${allocation}`, () => {
      const s = store(allocation);
      expect(compiled(s).reviewDaily && !compiled(s).orderQueue).toBe(allocation === "proportional");
      // d0 40, d1 30, d2 20 (position 20: order 0), d3 10: order 10 (due d5); d4 0, position
      // 0 + 10: order 10; from d5 each morning brings 10, the day's demand takes them, order 10.
      const sim = createSimulation(s, 0), seen: number[][] = [];
      while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.backorders("store"), sim.inTransit("store")]); }
      expect(seen).toEqual([[40, 0, 0], [30, 0, 0], [20, 0, 0], [10, 0, 10], [0, 0, 20], [0, 0, 20], [0, 0, 20], [0, 0, 20]]);
      const tr = traceReplication(s, 0);
      expect(Array.from(tr.shipmentDepart, (d, j) => [d, tr.shipmentQuantity[j]])).toEqual([[3, 10], [4, 10], [5, 10], [6, 10], [7, 10]]);
      // Orders on 5 of the 8 days. (A negative "order" on d0 would be netted by the orders of d1
      // and d2 before anything ships, so only the count of orders tells it apart.)
      expect(kpis(s)[0]["node:store:orders"]).toBe(5 / 8);
    });
  }
});
