// Capacities shared by products (docs/scenario-format.md: a lane's `capacity` and a node's
// `throughput` — max units shipped per day — are "all products"; kernel/shipping.ts shipFrom): the
// items of one node ship in product order, each at most its on hand and what the lane's capacity
// or the node's throughput has left today after the items shipped before it; when that is less
// than it owes, the allocation rule shares it. Every number is worked out by hand from
// timeline.md's order of the day, under fifo and proportional (one order per item: the same).
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import { ITEM } from "../../../src/sim/kernel/index.ts";
import type { NodeSpec, Scenario } from "../../../src/sim/model/index.ts";
import { constant, lane, scenario, stock, supplier, valid } from "../engine/fixtures.ts";

const rules: Scenario["allocation"][] = ["fifo", "proportional"];

/** Day 0 of `s` (validated): the simulation after it, and per product (A/p, then B/q) the units in transit to the store and still owed to it. */
function day0(s: Scenario) {
  const sim = createSimulation(valid(s), 0), net = sim.network;
  sim.step();
  const at = (p: number) => [...Array(net.items).keys()].find((i) => net.nodeIds[net.itemNode[i]] === "store" && net.itemProduct[i] === p)!;
  const field = (f: number) => [0, 1].map((p) => sim.state.item[at(p) * ITEM.stride + f]);
  return { sim, inTransit: () => field(ITEM.inTransit), owed: () => field(ITEM.owedToMe) };
}

const products = [{ id: "A" }, { id: "B" }];
const level8: NodeSpec["policy"] = { A: { type: "base-stock", level: 8 }, B: { type: "base-stock", level: 8 } };
/** The store: empty, base-stock 8 of A and of B, no demand: it orders 8 A and 8 B on day 0. */
const store: NodeSpec = { id: "store", kind: "store", policy: level8, initialInventory: { A: 0, B: 0 } };
const demand = [{ node: "store", product: "A", dist: constant(0) }, { node: "store", product: "B", dist: constant(0) }];

describe("capacities shared by products", () => {
  for (const allocation of rules) {
    it(`a lane's capacity: B gets what A left of the day's 10 (${allocation})`, () => {
      // The lane carries 10 a day: 8 A, then 2 B; B is still owed 6.
      const d = day0(scenario({
        horizon: 1, products, allocation,
        nodes: [supplier, store],
        lanes: [lane("supplier", "store", 1, { capacity: 10 })],
        demand,
      }));
      expect([d.inTransit(), d.owed()]).toEqual([[8, 2], [0, 6]]);
    });

    it(`a supplier's throughput: B gets what A left of the day's 10 (${allocation})`, () => {
      const d = day0(scenario({
        horizon: 1, products, allocation,
        nodes: [{ id: "supplier", kind: "supplier", capacity: { throughput: 10 } }, store],
        lanes: [lane("supplier", "store", 1)],
        demand,
      }));
      expect([d.inTransit(), d.owed()]).toEqual([[8, 2], [0, 6]]);
    });

    it(`a stocking node's throughput: the second product ships what the first left (${allocation})`, () => {
      // Products p and q. dc: base-stock 20 each (20 on hand each), throughput 10 a day; store:
      // base-stock 8 each, nothing on hand, no demand. Day 0: the store orders 8 p and 8 q. The
      // dc's p ships first (items in product order): 8 of its room 10. Its q has 10 − 8 = 2 left:
      // 2 leave, 6 stay owed. dc on hand 12 + 18 = 30, store in transit 8 + 2 = 10, the dc owes 6.
      const d = day0(scenario({
        horizon: 1, allocation,
        products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 1 }],
        nodes: [supplier, stock("dc", 20, { kind: "dc", capacity: { throughput: 10 } }), stock("store", 8, { initialInventory: 0 })],
        lanes: [lane("supplier", "dc", 1), lane("dc", "store", 1)],
        demand: [],
      }));
      expect([d.sim.onHand("dc"), d.sim.inTransit("store"), d.sim.owedDownstream("dc")]).toEqual([30, 10, 6]);
      expect([d.inTransit(), d.owed()]).toEqual([[8, 2], [0, 6]]);
    });
  }
});

describe("on hand caps what a node ships", () => {
  for (const allocation of rules) {
    it(`never more than it has on hand, however large its throughput (${allocation})`, () => {
      // dc: 5 on hand (base-stock 5), throughput 100, its supplier 5 days away; store: base-stock 8,
      // nothing on hand. Day 0: the store orders 8; the dc can ship min(5, 100) = 5 < 8: the
      // rule gives the one order all 5. dc on hand 0, store in transit 5, the dc owes 3.
      const { sim } = day0(scenario({
        horizon: 1, allocation,
        nodes: [supplier, stock("dc", 5, { kind: "dc", capacity: { throughput: 100 } }), stock("store", 8, { initialInventory: 0 })],
        lanes: [lane("supplier", "dc", 5), lane("dc", "store", 1)],
        demand: [],
      }));
      expect([sim.onHand("dc"), sim.inTransit("store"), sim.owedDownstream("dc")]).toEqual([0, 5, 3]);
    });

    it(`per product, even with throughput to spare (${allocation})`, () => {
      // dc: throughput 10, holds 100 A and 1 B. A ships 8 (room 10); B could use 2 of the room but
      // holds 1: it ships 1 and still owes 7.
      const d = day0(scenario({
        horizon: 1, products, allocation,
        nodes: [
          supplier,
          { id: "dc", kind: "dc", policy: { A: { type: "base-stock", level: 100 }, B: { type: "base-stock", level: 1 } }, capacity: { throughput: 10 } },
          store,
        ],
        lanes: [lane("supplier", "dc", 1), lane("dc", "store", 1)],
        demand,
      }));
      expect([d.inTransit(), d.owed()]).toEqual([[8, 1], [0, 7]]);
    });
  }
});
