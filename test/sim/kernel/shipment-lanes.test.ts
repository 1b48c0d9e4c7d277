// A shipment's lane and calendar (kernel/shipment.ts): the room left on a lane with a capacity
// (scenario.md: "max units departing per day"), the shipper's throughput used (its node's units
// shipped today), the arrival calendar (a ring of day buckets that grows, up to its limit, for a
// shipment due further ahead; beyond the limit the far arrivals; nothing at or after the
// horizon), and the trace's shipment log (one entry per lane, day and arrival). State filled by
// hand on a dc → store lane; every number below is derived in the comments.
import { describe, expect, it } from "vitest";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import type { CompiledNetwork } from "../../../src/sim/kernel/index.ts";
import { ITEM, createAccumulators, createState } from "../../../src/sim/kernel/index.ts";
import { laneRoom, logShipment, send, ship, shipPlain } from "../../../src/sim/kernel/shipment.ts";
import { lane, scenario } from "../engine/fixtures.ts";
import { dcStore } from "./fixtures.ts";

// dc: throughput 50 a day; dc → store: 1 day, at most 10 units departing a day; horizon 30
const { net, DC, STORE, S } = dcStore("fifo", { capacity: { throughput: 50 } }, { capacity: 10 });
const LANE = net.itemLane[STORE];

/** A fresh replication of `n`, the store owed 30 by the dc. */
function fresh(n: CompiledNetwork = net) {
  const st = createState(n);
  startReplication(n, st, createAccumulators(n), 0);
  st.item[STORE * S + ITEM.owedToMe] = 30; st.item[DC * S + ITEM.owedDown] = 30;
  return st;
}
const storePipe = (st: ReturnType<typeof fresh>) => Array.from(st.pipe.subarray(STORE * st.ring, (STORE + 1) * st.ring));

describe("a shipment's lane and calendar", () => {
  it("leaves the lane's capacity less what departed today, and counts the shipper's throughput", () => {
    const st = fresh();
    expect(laneRoom(net, st, STORE)).toBe(10);
    // 4 then 3 units today: the lane has 10 − 7 = 3 left; the dc has shipped 7
    ship(net, st, DC, STORE, 4, 7);
    ship(net, st, DC, STORE, 3, 7);
    expect(laneRoom(net, st, STORE)).toBe(3);
    expect(st.nodeShipped[net.itemNode[DC]]).toBe(7);
    // the lane's capacity cut to half (a capacity-cut of factor 0.5): 5 − 7 = −2, nothing more
    st.laneCapFactor[LANE] = 0.5;
    expect(laneRoom(net, st, STORE)).toBe(-2);
  });

  it("on plain days, puts in the calendar only what arrives before the horizon", () => {
    const st = fresh();
    st.laneLeads.fill(1);
    // day 28, lead 1: due day 29 (< horizon 30), in the calendar's day-29 bucket
    shipPlain(net, st, DC, STORE, 4, 28);
    const due29 = storePipe(st);
    expect(due29[29 & (st.ring - 1)]).toBe(4);
    expect(due29.reduce((a, b) => a + b)).toBe(4);
    // day 29, lead 1: due day 30, the horizon: in transit, but in no bucket
    shipPlain(net, st, DC, STORE, 3, 29);
    expect(storePipe(st)).toEqual(due29);
    expect(st.item[STORE * S + ITEM.inTransit]).toBe(7);
  });

  it("grows the calendar to the smallest ring that holds the arrival day", () => {
    expect(net.ring).toBe(4);   // the longest lead time, 2 days, + 2, rounded up to a power of two
    // day 5, due day 15: 10 days ahead; rings of 4 and 8 hold days 5 … 8 and 5 … 12, 16 holds day 15
    let st = fresh();
    send(net, st, STORE, 6, 5, 15);
    expect([st.ring, st.pipe[STORE * 16 + 15], st.far]).toEqual([16, 6, null]);
    // due exactly a ring (4 days) ahead: day 9 is not among days 5 … 8, so the ring doubles to 8
    st = fresh();
    send(net, st, STORE, 6, 5, 9);
    expect([st.ring, st.pipe[STORE * 8 + 9 % 8], st.far]).toEqual([8, 6, null]);
  });

  it("at its largest ring, leaves an arrival a ring or more days ahead to the far arrivals", () => {
    // the ring may not grow beyond 4: day 9 is 4 days ahead of day 5, outside days 5 … 8
    const capped: CompiledNetwork = { ...net, ringMax: 4 };
    const st = fresh(capped);
    send(capped, st, STORE, 6, 5, 9);
    expect(st.ring).toBe(4);
    expect(storePipe(st)).toEqual([0, 0, 0, 0]);
    expect(st.far!.count).toBe(1);
    expect(st.item[STORE * S + ITEM.inTransit]).toBe(6);
  });

  it("logs one shipment per lane, day and arrival; entries without a lane are never merged", () => {
    // lane 0 on day 3: 2 units due day 5, then 4 more due day 5 (merged), 1 due day 6 (apart)
    const log: number[] = [];
    logShipment(log, 0, 1, 2, 3, 5, 2);
    logShipment(log, 0, 1, 2, 3, 5, 4);
    logShipment(log, 0, 1, 2, 3, 6, 1);
    expect(log).toEqual([0, 1, 2, 3, 5, 6, 0, 1, 2, 3, 6, 1]);
    // lane −1 (an expedite or a transfer, kernel/mitigations.ts): each entry stays its own
    const other: number[] = [];
    logShipment(other, -1, 1, 2, 3, 5, 2);
    logShipment(other, -1, 1, 2, 3, 5, 4);
    expect(other).toEqual([-1, 1, 2, 3, 5, 2, -1, 1, 2, 3, 5, 4]);
  });
});
