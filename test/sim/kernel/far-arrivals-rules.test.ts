// The far arrivals (kernel/far-arrivals.ts) on a network small enough to derive every day by hand:
// the arrival ring is forced to 2 days, so every shipment due 2 or more days ahead waits in the
// far lists and moves into the ring the morning before its day. Fast enough for the kernel's
// mutation run (scripts/mutate/folders.ts KERNEL_TESTS), which leaves out far-arrivals.test.ts's
// network of 10,100 items.
import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import type { CompiledNetwork, NetworkState } from "../../../src/sim/kernel/index.ts";
import { ITEM, createAccumulators, createState, simulateDay } from "../../../src/sim/kernel/index.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const LEAD = 65, HORIZON = 300, LEVEL = 1000;
// Two stores, each base-stock 1,000 with a 65-day lane; store a sells 10 a day, store b 5.
const net = compiled(scenario({
  horizon: HORIZON,
  nodes: [supplier, stock("a", LEVEL), stock("b", LEVEL)],
  lanes: [lane("supplier", "a", LEAD), lane("supplier", "b", LEAD)],
  demand: [{ node: "a", dist: constant(10) }, { node: "b", dist: constant(5) }],
}));
/** The same network with an arrival ring of 2 days that may not grow. */
const short: CompiledNetwork = { ...net, ring: 2, ringMax: 2 };
const itemOf = (node: string) => Array.from(net.itemNode).indexOf(net.nodeIds.indexOf(node));
const A = itemOf("a"), B = itemOf("b");

/** Each evening's on hand, backorders and in transit of the items, from the state's day to the horizon. */
function days(st: NetworkState, acc: ReturnType<typeof createAccumulators>, items: readonly number[]): number[][][] {
  const seen: number[][][] = [];
  while (st.day < HORIZON) {
    simulateDay(short, st, acc);
    seen.push(items.map((i) => [ITEM.onHand, ITEM.backorders, ITEM.inTransit].map((f) => st.item[i * ITEM.stride + f])));
  }
  return seen;
}

/**
 * By hand: each store orders, every evening, the day's demand d (its position is 1,000 − d after
 * demand), shipped at once and due 65 days later. On hand falls by d a day to 1,000 − 65·d on day
 * 64; from day 65 each morning brings the order of day t − 65, d units, which the day's demand
 * takes: on hand stays 1,000 − 65·d, never short. In transit: d·(t + 1) up to day 64, then 65·d.
 */
function expected(d: number): number[][] {
  return Array.from({ length: HORIZON }, (_, t) => [LEVEL - d * Math.min(t + 1, LEAD), 0, d * Math.min(t + 1, LEAD)]);
}
const both = () => expected(10).map((a, t) => [a, expected(5)[t]]);

describe("arrivals beyond a 2-day ring, day by day", () => {
  it("arrive on their day, two due each day, in lists whose entries are reused", () => {
    const st = createState(short), acc = createAccumulators(short);
    startReplication(short, st, acc, 0);
    expect(days(st, acc, [A, B])).toEqual(both());
    // The ring never grew: every shipment waited in the far lists. At most 128 wait at once (each
    // evening from day 64, the two due on each of days t + 2 … t + 65; day t + 1's moved into the
    // ring that morning), so the lists grow from 64 entries to 128 and no further: the 470
    // shipments that wait over the run reuse every entry freed, entry 0 too (memory follows the
    // shipments in transit, not the horizon).
    expect(st.ring).toBe(2);
    expect(st.far!.item.length).toBe(128);
    expect(st.far!.count).toBe(0);   // all moved into the ring by the last day (those due at or after the horizon never enter it)
  });

  it("a replication started in a state left mid-run forgets the far arrivals still waiting", () => {
    const st = createState(short), acc = createAccumulators(short);
    startReplication(short, st, acc, 0);
    for (let t = 0; t < 30; t++) simulateDay(short, st, acc);   // 60 shipments due on days 65 … 94 wait
    expect(st.far!.count).toBe(60);
    startReplication(short, st, acc, 1);
    expect(days(st, acc, [A, B])).toEqual(both());
  });
});
