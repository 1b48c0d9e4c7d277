// What a shipper owes its downstream items (kernel/shipping.ts shipFrom): the running sum
// ITEM.owedDown, added to order by order and paid child by child. With stock for every open order
// each child gets all its lane can take; afterwards the sum is set to what the children are still
// owed (their own records: 0 without lane limits) when it has drifted from it by a billionth of a
// unit or more — sums of large quantities — and kept as computed otherwise (everyday quantities
// stay bit for bit). What a lane cannot take today stays owed and leaves on a later day, whether
// or not a new order comes. Every number below is worked out by hand from timeline.md's order of
// the day (arrivals, demand, review, shipping), under the rule that walks each branch: `fifo`
// keeps order queues (the general shipment path), `proportional` does not (the plain path).
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier, valid } from "../engine/fixtures.ts";

const rules: Scenario["allocation"][] = ["fifo", "proportional"];

describe("what a lane cannot take stays owed", () => {
  for (const allocation of rules) {
    it(`and leaves the next day without a new order (${allocation})`, () => {
      // store: base-stock 10, nothing on hand, reviews on days 0 and 3 only, no demand; its lane
      // from the supplier takes 6 units a day, lead time 1.
      // day 0: orders 10; 6 leave (lane full), 4 stay owed: the supplier's sum 10 − 6 = 4 equals
      //        the store's own record, 4.
      // day 1: the 6 arrive; the supplier still owes 4, which leave (room 6).
      // day 2: the 4 arrive: 10 on hand. day 3: position 10, no order. Nothing moves after.
      const s = scenario({
        horizon: 5, allocation,
        nodes: [supplier, stock("store", 10, { initialInventory: 0, policy: { type: "base-stock", level: 10, review: 3 } })],
        lanes: [lane("supplier", "store", 1, { capacity: 6 })],
        demand: [],
      });
      const sim = createSimulation(valid(s), 0), seen: number[][] = [];
      while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.inTransit("store")]); }
      expect(seen).toEqual([[0, 6], [6, 4], [10, 0], [10, 0], [10, 0]]);
    });
  }
});

/**
 * dc (base-stock 10, 10 on hand) feeds stores a and b (nothing on hand, no demand) over lanes of
 * 1 day; a and b order their levels on day 0. Reviews run downstream first, items last to first:
 * b's order joins the dc's sum before a's. `capB` limits the lane to b.
 */
function twoStores(allocation: Scenario["allocation"], levelA: number, levelB: number, capA?: number, capB?: number): Scenario {
  return scenario({
    horizon: 2, allocation,
    nodes: [supplier, stock("dc", 10, { kind: "dc" }), stock("a", levelA, { initialInventory: 0 }), stock("b", levelB, { initialInventory: 0 })],
    lanes: [lane("supplier", "dc", 1), lane("dc", "a", 1, capA === undefined ? {} : { capacity: capA }), lane("dc", "b", 1, capB === undefined ? {} : { capacity: capB })],
    demand: [],
  });
}

/** The scenario with the dc's base-stock level and on hand set to `level`. */
const withDc = (s: Scenario, level: number): Scenario => ({ ...s, nodes: s.nodes.map((n) => (n.id === "dc" ? stock("dc", level, { kind: "dc" }) : n)) });
/** What the dc owes downstream at the end of day 0, in a scenario validation accepts. */
const owedAfterDay0 = (s: Scenario) => { const sim = createSimulation(valid(s), 0); sim.step(); return sim.owedDownstream("dc"); };

describe("the shipper's running sum of what it owes", () => {
  for (const allocation of rules) {
    it(`is kept as computed when within a billionth of the children's debts (${allocation})`, () => {
      // a orders 0.1, b 0.2: the dc's sum 0 + 0.2 + 0.1 = 0.30000000000000004. Both are shipped in
      // full, a first: 0.30000000000000004 − 0.1 − 0.2 = 2.78e-17, within a billionth of what the
      // stores are still owed (0): kept, not rounded to 0.
      const sum = 0.2 + 0.1;
      expect(sum - 0.1 - 0.2).toBe(2.7755575615628914e-17);
      expect(owedAfterDay0(twoStores(allocation, 0.1, 0.2))).toBe(sum - 0.1 - 0.2);
    });

    it(`is kept as computed with lane limits too, while a child is still owed (${allocation})`, () => {
      // As above, b's lane takes 0.1 a day: a gets 0.1, b 0.1 of its 0.2 and is still owed
      // 0.2 − 0.1 = 0.1. The dc's sum: 0.30000000000000004 − 0.1 − 0.1 = 0.10000000000000003,
      // within a billionth of the 0.1 owed: kept.
      const sum = 0.2 + 0.1;
      expect(sum - 0.1 - 0.1).toBe(0.10000000000000003);
      expect(owedAfterDay0(twoStores(allocation, 0.1, 0.2, undefined, 0.1))).toBe(sum - 0.1 - 0.1);
    });

    it(`is set to what the children are owed once it has drifted by a billionth or more (${allocation})`, () => {
      // a orders 2^38, b a few units of 2^-16 (doubles near 2^38 are 2^-14 apart). The dc, at
      // base-stock 2^39 with 2^39 on hand, ships both in full, a first; the stores are then owed 0.
      // b = 2^-16: the sum 2^-16 + 2^38 rounds down to 2^38; 2^38 − 2^38 − 2^-16 = −2^-16: set to 0.
      // b = 3·2^-16: the sum rounds up to 2^38 + 2^-14; 2^38 + 2^-14 − 2^38 − 3·2^-16 = +2^-16: set to 0.
      // Without lane limits the debts are 0 by construction; with a lane capacity (ample, 2^39 on
      // a's lane) they are summed from the children's records.
      expect(2 ** -16 + 2 ** 38).toBe(2 ** 38);
      expect(3 * 2 ** -16 + 2 ** 38).toBe(2 ** 38 + 2 ** -14);
      for (const b of [2 ** -16, 3 * 2 ** -16]) {
        for (const capA of [undefined, 2 ** 39]) {
          expect(owedAfterDay0(withDc(twoStores(allocation, 2 ** 38, b, capA), 2 ** 39))).toBe(0);
        }
      }
    });

    it(`is set to what the children are owed at a drift of exactly a billionth (${allocation})`, () => {
      // a orders 2^24, b 1e-9 (below half the 2^-29 between doubles near 2^24): the sum rounds to
      // 2^24; shipped, a first: 2^24 − 2^24 − 1e-9 = −1e-9, a billionth below the debts (0): set to 0.
      expect(1e-9 + 2 ** 24 - 2 ** 24 - 1e-9).toBe(-1e-9);
      expect(owedAfterDay0(withDc(twoStores(allocation, 2 ** 24, 1e-9), 2 ** 25))).toBe(0);
    });

    it(`is set to what the children are owed at a drift of exactly a billionth above them (${allocation})`, () => {
      // A third store c. a orders 2^24, b xb = 1.7252602984619137e-9, c xc = 1.0000300000000001e-9.
      // The dc's sum, c's order first: xc + xb = 2.7252902984619138e-9, above half the 2^-28 between
      // doubles near 2^24, so + 2^24 rounds up to 2^24 + 2^-28. Shipped a, b, c:
      // 2^-28 − xb − xc = 1e-9 exactly: a billionth above the debts (0): set to 0.
      const xb = 1.7252602984619137e-9, xc = 1.0000300000000001e-9;
      expect(xc + xb).toBeGreaterThan(2 ** -29);
      expect(xc + xb + 2 ** 24).toBe(2 ** 24 + 2 ** -28);
      expect(2 ** -28 - xb - xc).toBe(1e-9);
      const s = withDc(twoStores(allocation, 2 ** 24, xb), 2 ** 25);
      const three: Scenario = { ...s, nodes: [...s.nodes, stock("c", xc, { initialInventory: 0 })], lanes: [...s.lanes, lane("dc", "c", 1)] };
      expect(owedAfterDay0(three)).toBe(0);
    });
  }
});
