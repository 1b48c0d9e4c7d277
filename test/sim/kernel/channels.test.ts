// Channels (kernel/channels.ts): what an item's inbound lanes received moves into its on hand and
// pays its customer backorders first. With a storage capacity the node counts its stock to decide
// how much of the next arrivals fits (kernel/receive.ts), so units that pay backorders must leave
// that count as they leave the shelf.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, kpis, lane, scenario, stock } from "../engine/fixtures.ts";

describe("channels at a node with a storage capacity", () => {
  it("units that pay backorders leave the node's stock: the next arrivals fit", () => {
    // store: base-stock 30, empty at the start, room for 30 units; half of each order from each
    // supplier, both 1 day away; demand 10 a day.
    const s = scenario({
      horizon: 5,
      nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, stock("store", 30, { initialInventory: 0, capacity: { storage: 30 } })],
      lanes: [lane("sup-a", "store", 1, { sourcing: { split: 0.5 } }), lane("sup-b", "store", 1, { sourcing: { split: 0.5 } })],
      demand: [{ node: "store", dist: constant(10) }],
    });
    expect(validateScenario(s).ok).toBe(true);
    // d0: demand 10 backordered; position −10: orders 40, 20 per lane (due d1).
    // d1: lane a's 20 fit (room 30), lane b's only 10 (room 10; 10 wait on the lane). The 30 move
    //   to the shelf, 10 pay the backorder and leave, demand takes 10: 10 on hand, stock 10.
    //   Position 10 + 10 still in transit = 20: orders 10, 5 per lane (due d2).
    // d2: lane a's 5 fit (room 20), then lane b's 10 + 5 (room 15): 30 on hand, 20 after demand.
    //   Had the paid units stayed in the count (stock 20, not 10), lane b's 15 would find room
    //   for 5 only. Orders 10. d3, d4: the 5 + 5 fit (room 10), 20 after demand, orders 10.
    const sim = createSimulation(s, 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.backorders("store"), sim.inTransit("store")]); }
    expect(seen).toEqual([[0, 10, 40], [10, 0, 10 + 10], [20, 0, 10], [20, 0, 10], [20, 0, 10]]);
  });

  it("each item takes only its own channels' units, with two items' channels side by side", () => {
    // Two stores, base-stock 100, demand 10 and 4, each order split in halves over two suppliers
    // 1 day away. Each evening a store orders the day's demand, which arrives the next morning:
    // store-1 holds 100 − 10 = 90 every evening, store-2 100 − 4 = 96.
    const s = scenario({
      horizon: 4,
      nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, stock("store-1", 100), stock("store-2", 100)],
      lanes: ["store-1", "store-2"].flatMap((to) => [lane("sup-a", to, 1, { sourcing: { split: 0.5 } }), lane("sup-b", to, 1, { sourcing: { split: 0.5 } })]),
      demand: [{ node: "store-1", dist: constant(10) }, { node: "store-2", dist: constant(4) }],
    });
    expect(validateScenario(s).ok).toBe(true);
    const sim = createSimulation(s, 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("store-1"), sim.onHand("store-2")]); }
    expect(seen).toEqual([[90, 96], [90, 96], [90, 96], [90, 96]]);
  });

  it("a channel's units pay what they can of larger backorders, never more", () => {
    // store: base-stock 0, demand 10, each order split in halves over lanes of 1 and 3 days. d0:
    // 10 backordered, orders 10 (5 + 5). d1: lane a's 5 pay 5, demand adds 10: 15; position −15 + 5
    // on lane b: orders 10. d2: 5 more paid: 20. From d3 the two lanes bring 5 each: 20 every
    // evening. Nothing is ever on the shelf when customers come: fill rate 0.
    const s = scenario({
      horizon: 6,
      nodes: [{ id: "sup-a", kind: "supplier" }, { id: "sup-b", kind: "supplier" }, stock("store", 0)],
      lanes: [lane("sup-a", "store", 1, { sourcing: { split: 0.5 } }), lane("sup-b", "store", 3, { sourcing: { split: 0.5 } })],
      demand: [{ node: "store", dist: constant(10) }],
    });
    expect(validateScenario(s).ok).toBe(true);
    const sim = createSimulation(s, 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.backorders("store")]); }
    expect(seen).toEqual([[0, 10], [0, 15], [0, 20], [0, 20], [0, 20], [0, 20]]);
    expect(kpis(s)[0]["network:fillRate"]).toBe(0);
  });
});
