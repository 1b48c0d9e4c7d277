// A node's throughput (docs/scenario-format.md, node capacity: max units shipped per day, all
// products; kernel/shipping.ts shipFrom): each item of the node ships at most its on hand and what
// the node's throughput has left today after the items shipped before it; when that is less than
// it owes, the allocation rule shares it. Every number is worked out by hand from timeline.md's
// order of the day.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const rules: Scenario["allocation"][] = ["fifo", "proportional"];

describe("node throughput", () => {
  for (const allocation of rules) {
    it(`is shared by the node's products: the second ships what the first left (${allocation})`, () => {
      // Products p and q. dc: base-stock 20 each (20 on hand each), throughput 10 a day; store:
      // base-stock 8 each, nothing on hand, no demand. Day 0: the store orders 8 p and 8 q. The
      // dc's p ships first (items in product order): 8 of its room 10. Its q has 10 − 8 = 2 left:
      // 2 leave, 6 stay owed. dc on hand 12 + 18 = 30, store in transit 8 + 2 = 10, the dc owes 6.
      const s = scenario({
        horizon: 1, allocation,
        products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 1 }],
        nodes: [supplier, stock("dc", 20, { kind: "dc", capacity: { throughput: 10 } }), stock("store", 8, { initialInventory: 0 })],
        lanes: [lane("supplier", "dc", 1), lane("dc", "store", 1)],
        demand: [],
      });
      const sim = createSimulation(s, 0);
      sim.step();
      expect([sim.onHand("dc"), sim.inTransit("store"), sim.owedDownstream("dc")]).toEqual([30, 10, 6]);
    });

    it(`never lets a node ship more than it has on hand, however large its throughput (${allocation})`, () => {
      // dc: 5 on hand (base-stock 5), throughput 100, its supplier 5 days away; store: base-stock 8,
      // nothing on hand. Day 0: the store orders 8; the dc can ship min(5, 100) = 5 < 8: the
      // rule gives the one order all 5. dc on hand 0, store in transit 5, the dc owes 3.
      const s = scenario({
        horizon: 1, allocation,
        nodes: [supplier, stock("dc", 5, { kind: "dc", capacity: { throughput: 100 } }), stock("store", 8, { initialInventory: 0 })],
        lanes: [lane("supplier", "dc", 5), lane("dc", "store", 1)],
        demand: [],
      });
      const sim = createSimulation(s, 0);
      sim.step();
      expect([sim.onHand("dc"), sim.inTransit("store"), sim.owedDownstream("dc")]).toEqual([0, 5, 3]);
    });
  }
});
