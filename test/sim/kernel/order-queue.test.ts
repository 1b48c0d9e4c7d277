import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { createState } from "../../../src/sim/kernel/index.ts";
import { ensureRing, pushOrder, qIndex } from "../../../src/sim/kernel/order-queue.ts";
import { lane, scenario, singleNode, stock, supplier } from "../engine/fixtures.ts";

describe("order queues and the arrival ring", () => {
  const net = compiled(singleNode(20, 10, 2));
  const store = Array.from(net.itemSource).indexOf(0);

  it("pushOrder keeps every open order in order when the queues grow", () => {
    const st = createState(net), cap = st.qMask[store] + 1;
    for (let k = 0; k < 3 * cap; k++) pushOrder(net, st, store, k + 1, k);
    expect(st.qMask[store] + 1).toBeGreaterThanOrEqual(3 * cap);
    const days = Array.from({ length: 3 * cap }, (_, k) => st.qDay[qIndex(st, store, k)]);
    expect(days).toEqual(Array.from({ length: 3 * cap }, (_, k) => k));
  });

  it("pushOrder grows only the ring of the item whose orders pile up, so memory follows the open orders", () => {
    const stores = Array.from({ length: 1000 }, (_, k) => stock(`s${k}`, 10));
    const wide = compiled(scenario({ nodes: [supplier, ...stores], lanes: stores.map((s) => lane("supplier", s.id, 1)), demand: [] }));
    const st = createState(wide), first = Array.from(wide.itemSource).indexOf(0), before = st.qQty.length;
    for (let k = 0; k < 4096; k++) pushOrder(wide, st, first, 1, k);
    expect(st.qMask[first] + 1).toBe(4096);
    for (let i = 0; i < wide.items; i++) if (i !== first) expect(st.qMask[i] + 1).toBe(8);
    expect(st.qQty.length).toBeLessThan(before + 3 * 4096);   // a queue per item as long as the longest would be 4,096,000
    expect(Array.from({ length: 4096 }, (_, k) => st.qDay[qIndex(st, first, k)])).toEqual(Array.from({ length: 4096 }, (_, k) => k));
  });

  it("ensureRing doubles the ring until the span fits and keeps the scheduled arrivals on their days", () => {
    const st = createState(net), R = st.ring, t = 5;
    for (let d = t; d < t + R; d++) st.pipe[store * R + (d & (R - 1))] = d;
    ensureRing(net, st, 3 * R, t);
    expect(st.ring).toBeGreaterThan(3 * R);
    for (let d = t; d < t + R; d++) expect(st.pipe[store * st.ring + (d & (st.ring - 1))]).toBe(d);
  });

  it("ensureRing stops at the network's ringMax", () => {
    const st = createState({ ...net, ringMax: 8 });
    ensureRing({ ...net, ringMax: 8 }, st, 1000, 0);
    expect(st.ring).toBe(8);
  });
});
