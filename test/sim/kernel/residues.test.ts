import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import { ITEM } from "../../../src/sim/kernel/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const stores = ["s1", "s2", "s3", "s4", "s5"];
/** Quantities near the limit, short stock shared in fractions, sampled lead times that bunch arrivals: rounding everywhere. */
function big(allocation: Scenario["allocation"]): Scenario {
  return scenario({
    horizon: 300, allocation,
    nodes: [supplier, stock("dc", 3.3e11, { capacity: { storage: 3.1e11 } }), ...stores.map((id) => stock(id, 7.7e10))],
    lanes: [lane("supplier", "dc", { type: "uniform", min: 1, max: 4 }), ...stores.map((id) => lane("dc", id, { type: "normal", mean: 3, sd: 1.5 }))],
    demand: stores.map((node, k) => ({ node, dist: { type: "normal", mean: 1.1e10 + k * 1.37e9, sd: 4.3e9 } })),
  });
}

/** The most negative value, and the smallest nonzero magnitude relative to the day's largest, of each stock field over every day. */
function scan(s: Scenario, replications: number) {
  const fields = { onHand: ITEM.onHand, backorders: ITEM.backorders, owedToMe: ITEM.owedToMe, owedDown: ITEM.owedDown, inTransit: ITEM.inTransit } as const;
  const lowest: Record<string, number> = Object.fromEntries(Object.keys(fields).map((k) => [k, 0]));
  for (let r = 0; r < replications; r++) {
    const sim = createSimulation(s, r), net = sim.network;
    while (!sim.done()) {
      sim.step();
      for (const [name, f] of Object.entries(fields)) {
        for (let i = 0; i < net.items; i++) {
          if (net.itemSource[i]) continue;
          const v = sim.state.item[i * ITEM.stride + f];
          if (v < lowest[name]) lowest[name] = v;
        }
      }
    }
  }
  return lowest;
}

describe("float residues", () => {
  for (const allocation of ["proportional", "fifo", "priority"] as const) {
    it(`leaves no negative stock, debt or transit with quantities near 1e12 (${allocation})`, () => {
      const s = big(allocation);
      expect(validateScenario(s).ok).toBe(true);
      expect(scan(s, 4)).toEqual({ onHand: 0, backorders: 0, owedToMe: 0, owedDown: 0, inTransit: 0 });
    });
  }

  it("keeps the real units still in transit when a shipment of 1e11 lands beside them", () => {
    // Level 1e11, demand 5 a day, lead time 3: the first order (1e11 + 5) lands on day 3 with
    // three orders of 5 behind it. Those 10 + 5 units are real; clearing them as rounding would
    // make the node order them again.
    const s = scenario({ horizon: 10, warmup: 0, nodes: [supplier, stock("st", 1e11, { initialInventory: 0 })], lanes: [lane("supplier", "st", 3)], demand: [{ node: "st", dist: { type: "constant", value: 5 } }] });
    const sim = createSimulation(s, 0), net = sim.network;
    const i = [...Array(net.items).keys()].find((k) => !net.itemSource[k])!;
    const inTransit: number[] = [];
    while (!sim.done()) { sim.step(); inTransit.push(sim.state.item[i * ITEM.stride + ITEM.inTransit]); }
    expect(inTransit).toEqual([1e11 + 5, 1e11 + 10, 1e11 + 15, 15, 15, 15, 15, 15, 15, 15]);
  });
});
