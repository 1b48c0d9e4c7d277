import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { createState } from "../../../src/sim/kernel/index.ts";
import { ensureRing, pushOrder, qIndex } from "../../../src/sim/kernel/order-queue.ts";
import { singleNode } from "../engine/fixtures.ts";

describe("order queues and the arrival ring", () => {
  const net = compiled(singleNode(20, 10, 2));
  const store = Array.from(net.itemSource).indexOf(0);

  it("pushOrder keeps every open order in order when the queues grow", () => {
    const st = createState(net), cap = st.qCap;
    for (let k = 0; k < 3 * cap; k++) pushOrder(net, st, store, k + 1, k);
    expect(st.qCap).toBeGreaterThanOrEqual(3 * cap);
    const days = Array.from({ length: 3 * cap }, (_, k) => st.qDay[qIndex(st, store, k)]);
    expect(days).toEqual(Array.from({ length: 3 * cap }, (_, k) => k));
  });

  it("ensureRing doubles the ring until the span fits and keeps the scheduled arrivals on their days", () => {
    const st = createState(net), R = st.ring, t = 5;
    for (let d = t; d < t + R; d++) st.pipe[store * R + (d & (R - 1))] = d;
    ensureRing(net, st, 3 * R, t);
    expect(st.ring).toBeGreaterThan(3 * R);
    for (let d = t; d < t + R; d++) expect(st.pipe[store * st.ring + (d & (st.ring - 1))]).toBe(d);
  });
});
