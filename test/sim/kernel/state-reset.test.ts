// A replication's first morning (kernel/state.ts resetState): a node's stock behind its storage
// capacity starts at its initial inventory, and every random stream, the expedite lanes' too, is
// reseeded from the scenario's seed and the replication's number (scenario.md: "the same seed
// gives the same results"; docs/architecture.md: batches split at any replication agree).
import { describe, expect, it } from "vitest";
import { createSimulation, runBatch } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { constant, lane, scenario, stock, supplier, valid } from "../engine/fixtures.ts";

/** Each evening's [on hand, in transit] of the store, in replication 0. */
function storeByDay(s: Scenario): number[][] {
  const sim = createSimulation(valid(s), 0), seen: number[][] = [];
  while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.inTransit("store")]); }
  return seen;
}

describe("the stock behind a storage capacity on day 0", () => {
  it("counts the initial inventory, so the first arrival fits only the room it leaves", () => {
    // store: room for 20, starting with 20, base-stock 30, demand 5, its supplier 1 day away.
    // d0: 20 − 5 = 15; position 15: orders 15. d1: 15 arrive, room 20 − 15 = 5: 5 accepted (20),
    // 10 wait on the lane; demand: 15; position 15 + 10 = 25: orders 5. d2: 10 + 5 arrive, room 5:
    // 5 accepted, 10 wait; 15 again, and so every day. Counting the stock from 0 on day 0 would
    // leave room for 25 on day 1: all 15 accepted, 25 on hand that evening.
    const s = scenario({
      horizon: 4,
      nodes: [supplier, stock("store", 30, { initialInventory: 20, capacity: { storage: 20 } })],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: constant(5) }],
    });
    expect(storeByDay(s)).toEqual([[15, 15], [15, 15], [15, 15], [15, 15]]);
  });
});

describe("the expedite lanes' random lead times", () => {
  // store: base-stock 30, demand 10 a day, its own lane 5 days; the dc expedites to it below
  // position 25 with a lead time of 1 to 4 days, the only random number in the scenario.
  const expediting = (seed: number): Scenario => valid(scenario({
    horizon: 60, replications: 3, seed,
    nodes: [supplier, stock("dc", 200, { kind: "dc" }), stock("store", 30)],
    lanes: [lane("supplier", "dc", 1), lane("supplier", "store", 5)],
    demand: [{ node: "store", dist: constant(10) }],
    mitigations: { expedite: [{ from: "dc", to: "store", leadTime: { type: "uniform", min: 1, max: 4 }, when: "position-below", threshold: 25 }] },
  }));

  it("are reseeded for each replication: a batch split at replication 1 gives the same values", () => {
    const s = expediting(11);
    const all = Array.from(runBatch(s, { from: 0, to: 3 }).values), tail = Array.from(runBatch(s, { from: 1, to: 3 }).values);
    expect(all.slice(all.length - tail.length)).toEqual(tail);
  });

  it("follow the seed: the same seed draws the same lead times, another seed others", () => {
    // With constant demand and lanes, only the expedite lead times can tell two seeds apart.
    const a = Array.from(runBatch(expediting(11), { from: 0, to: 1 }).values);
    expect(Array.from(runBatch(expediting(11), { from: 0, to: 1 }).values)).toEqual(a);
    const b = Array.from(runBatch(expediting(12), { from: 0, to: 1 }).values);
    expect(a).not.toEqual(b);
  });
});
