// Plain days (kernel/shipping.ts shipOrders): the shipments of a day take the path without calls
// only when every lead time of the day's block lies within 1 … ring − 1 days, no order queue is
// kept (allocation "proportional"), no trace is written and no lane is delayed. Whatever the path,
// timeline.md's rules hold: a lead time of 0 is received at once, a shipment departing on day t
// with lead time L (plus any delay) arrives on the morning of t + L, and without overtaking it
// never arrives before one that departed earlier on its lane. Worked out by hand, day by day.
import { describe, expect, it } from "vitest";
import { compiled, createSimulation } from "../../../src/sim/engine/index.ts";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import type { CompiledNetwork, NetworkState } from "../../../src/sim/kernel/index.ts";
import { ITEM, createAccumulators, createState, simulateDay } from "../../../src/sim/kernel/index.ts";
import { DRAW_BLOCK } from "../../../src/sim/kernel/state.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

/** Each evening's on hand and in transit of the store (the only stocking item, item 1), run on `net` from day 0; `afterDay` may set the state between days. */
function evenings(net: CompiledNetwork, afterDay?: (st: NetworkState) => void): number[][] {
  const st = createState(net), acc = createAccumulators(net), seen: number[][] = [];
  startReplication(net, st, acc, 0);
  while (st.day < net.horizon) {
    simulateDay(net, st, acc);
    if (afterDay) afterDay(st);
    seen.push([ITEM.onHand, ITEM.inTransit].map((f) => st.item[1 * ITEM.stride + f]));
  }
  return seen;
}

/** store: base-stock 30 with 30 on hand, demand 10 a day, proportional allocation (no order queue). */
const store = (lead: number, horizon: number, extra: Partial<Scenario> = {}) => scenario({
  horizon, allocation: "proportional",
  nodes: [supplier, stock("store", 30)],
  lanes: [lane("supplier", "store", lead)],
  demand: [{ node: "store", dist: constant(10) }],
  ...extra,
});

describe("plain days", () => {
  it("a lead time of 0 on every day is received at once, not a ring later", () => {
    // Each evening the store orders the day's 10, which arrive at once: 30 − 10 + 10 = 30 on hand, none in transit.
    const sim = createSimulation(store(0, 6), 0), seen: number[][] = [];
    while (!sim.done()) { sim.step(); seen.push([sim.onHand("store"), sim.inTransit("store")]); }
    expect(seen).toEqual(Array.from({ length: 6 }, () => [30, 0]));
  });

  it("lead times of the ring's length or more arrive on their day (a ring forced to 2 days)", () => {
    // Lead time 3 on a ring of 2 that may not grow (a network too large for a longer one): each
    // evening 10 leave, due 3 days later. On hand 20, 10, 0, then each morning's 10 meet the day's
    // 10: 0. In transit 10, 20, 30, 30, ...
    const net: CompiledNetwork = { ...compiled(store(3, 6)), ring: 2, ringMax: 2 };
    expect(evenings(net)).toEqual([[20, 10], [10, 20], [0, 30], [0, 30], [0, 30], [0, 30]]);
  });

  it("a lane delay that carries a shipment beyond the ring arrives on its day (a ring forced to 2 days)", () => {
    // Lead time 1 plus a delay of 2 on every day: due 3 days later, as above.
    const net: CompiledNetwork = { ...compiled(store(1, 6, { disruptions: [{ type: "lane-delay", from: "supplier", to: "store", extraDays: 2, start: 0, end: 6 }] })), ring: 2, ringMax: 2 };
    expect(evenings(net)).toEqual([[20, 10], [10, 20], [0, 30], [0, 30], [0, 30], [0, 30]]);
  });

  it("nothing leaves on a lane that is out: a later shipment with a shorter lead time is not held back", () => {
    // store: base-stock 100 with 100 on hand, demand 10; its lane draws whole days 1 … 5 (no
    // overtaking) and is out on days 0 and 1. Day 0's block of lead times is drawn; from day 1 on
    // they are set by hand: 5 on day 1, 1 after.
    // day 0: on hand 90, orders 10, which wait (lane out). day 1: 80, orders 10: 20 wait (lane out
    //        with lead time 5: nothing departs, so no arrival day is set on the lane).
    // day 2: 70, orders 10; the lane is back: 30 leave with lead time 1, due day 3.
    // days 3 …: 70 + 30 − 10 = 90 on hand; each evening's 10 arrive the next morning: 90 a day.
    const s = scenario({
      horizon: 7, allocation: "proportional",
      nodes: [supplier, stock("store", 100)],
      lanes: [lane("supplier", "store", { type: "uniform", min: 1, max: 5 })],
      demand: [{ node: "store", dist: constant(10) }],
      disruptions: [{ type: "lane-outage", from: "supplier", to: "store", start: 0, end: 2 }],
    });
    const net = compiled(s);
    expect(net.ring).toBeGreaterThan(5);   // lead times of 1 … 5 make plain days
    const leads = (st: NetworkState) => { if (st.day === 1) for (let j = 1; j < DRAW_BLOCK; j++) st.laneLeads[j] = j === 1 ? 5 : 1; };
    expect(evenings(net, leads)).toEqual([[90, 0], [80, 0], [70, 30], [90, 10], [90, 10], [90, 10], [90, 10]]);
  });
});
