// Settling a debt to within a billionth (kernel/shipment.ts settleOpen, settleQueue): when a
// shipment leaves the child owed less than a billionth of a unit, that remainder is rounding and
// the debt is cleared to 0 (with order queues, once every open order is settled). An order of
// 0.1 + 0.2 units (0.30000000000000004 in doubles) over a lane that carries 0.3 a day leaves
// 2^-54 · 3 ≈ 5.6e-17 owed: cleared.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import { ITEM } from "../../../src/sim/kernel/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const level = 0.1 + 0.2;

function oneDay(allocation: Scenario["allocation"]): Scenario {
  return scenario({
    horizon: 1, allocation,
    nodes: [supplier, stock("store", level, { initialInventory: 0 })],
    lanes: [lane("supplier", "store", 1, { capacity: 0.3 })],
    demand: [{ node: "store", dist: constant(0) }],
  });
}

describe("a debt settled to within a billionth is cleared", () => {
  for (const allocation of ["proportional", "fifo"] as const) {
    it(`an order of 0.1 + 0.2 shipped as 0.3: nothing left owed (${allocation})`, () => {
      const s = oneDay(allocation);
      expect(validateScenario(s).ok).toBe(true);
      expect(level).toBeGreaterThan(0.3);   // the order exceeds what the lane carries, by rounding only
      const sim = createSimulation(s, 0), net = sim.network;
      sim.step();
      const store = [...Array(net.items).keys()].find((i) => !net.itemSource[i])!;
      // Day 0: the store orders its level (position 0); the lane carries 0.3 of it.
      expect(sim.inTransit("store")).toBe(0.3);
      expect(sim.state.item[store * ITEM.stride + ITEM.owedToMe]).toBe(0);
      if (allocation === "fifo") expect(sim.state.qHead[store]).toBe(sim.state.qTail[store]);   // its one open order settled
    });
  }
});
