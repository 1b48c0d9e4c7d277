// Settling queued open orders (kernel/shipment.ts settleQueue; timeline.md step 5: "orders
// already owed first"). Under `fifo` and `priority` each item keeps one entry per open order
// with its day: a shipment pays the oldest entries first, and what pays an order placed on the
// shipping day counts as same-day units at the shipper. What is left of an entry within a
// billionth of its size (of a unit, for entries up to 1) is rounding and the entry is done; the
// debt (owedToMe) is cleared when it is below a billionth of a unit and no entry is left open.
// State filled by hand on a dc → store lane; every number below is derived in the comments.
import { describe, expect, it } from "vitest";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import { ITEM, createAccumulators, createState } from "../../../src/sim/kernel/index.ts";
import { pushOrder, qIndex } from "../../../src/sim/kernel/order-queue.ts";
import { ship } from "../../../src/sim/kernel/shipment.ts";
import { lane } from "../engine/fixtures.ts";
import { dcStore } from "./fixtures.ts";

const { net, DC, STORE, S } = dcStore("fifo");

/** A fresh replication with the store's open orders [quantity, day] queued, its debt their sum in that order. */
function queued(orders: readonly (readonly [number, number])[]) {
  const st = createState(net);
  startReplication(net, st, createAccumulators(net), 0);
  let owed = 0;
  for (const [q, day] of orders) { pushOrder(net, st, STORE, q, day); owed += q; }
  st.item[STORE * S + ITEM.owedToMe] = owed; st.item[DC * S + ITEM.owedDown] = owed;
  /** The dc's same-day units, the store's debt, its queue's head and each entry's quantity. */
  const seen = () => [st.item[DC * S + ITEM.sameDay], st.item[STORE * S + ITEM.owedToMe], st.qHead[STORE],
    orders.map((_, k) => st.qQty[qIndex(st, STORE, k)])];
  return { st, seen, owed };
}

describe("settling queued open orders", () => {
  it("pays the oldest entries first, and counts what pays today's order as same-day", () => {
    // 4 ordered on day 5, 6 on day 7 (today): owed 10
    const { st, seen } = queued([[4, 5], [6, 7]]);
    expect(net.orderQueue).toBe(true);
    // 3 units: to the day-5 order (1 left), none of today's; owed 7
    ship(net, st, DC, STORE, 3, 7);
    expect(seen()).toEqual([0, 7, 0, [1, 6]]);
    // 7 units: 1 ends the day-5 order, 6 settle today's: 6 same-day, both done, nothing owed
    ship(net, st, DC, STORE, 7, 7);
    expect(seen()).toEqual([6, 0, 2, [0, 0]]);
  });

  it("one shipment may pay several entries", () => {
    // the same orders, all 10 in one shipment: 4 to the day-5 order, 6 to today's
    const { st, seen } = queued([[4, 5], [6, 7]]);
    ship(net, st, DC, STORE, 10, 7);
    expect(seen()).toEqual([6, 0, 2, [0, 0]]);
  });

  it("stops at the last entry when the debt's sum exceeds the entries by a rounding", () => {
    // 0.2 on day 5, 0.1 today: the debt 0.2 + 0.1 = 0.30000000000000004 is shipped. The day-5
    // entry takes 0.2, leaving 0.10000000000000003; today's takes its 0.1 (same-day), leaving
    // 2.8e-17 that no entry is owed. Both entries done: the head is at the tail (2), debt 0.
    const { st, seen, owed } = queued([[0.2, 5], [0.1, 7]]);
    expect(owed).toBe(0.30000000000000004);
    ship(net, st, DC, STORE, owed, 7);
    expect(seen()).toEqual([0.1, 0, 2, [0, 0]]);
    expect(st.qTail[STORE]).toBe(2);
  });

  it("clears a debt left as a rounding once every entry is done", () => {
    // 0.1 on day 5, 0.2 today: the debt 0.1 + 0.2 = 0.30000000000000004; 0.3 shipped leaves
    // a debt of 5.6e-17. The day-5 entry takes 0.1, today's the remaining 0.3 − 0.1 =
    // 0.19999999999999998 (same-day), its 2.8e-17 left is a residue: both done, the debt cleared.
    const { st, seen } = queued([[0.1, 5], [0.2, 7]]);
    ship(net, st, DC, STORE, 0.3, 7);
    expect(seen()).toEqual([0.3 - 0.1, 0, 2, [0, 0]]);
  });

  it("ends an entry whose remainder is within a billionth of it, and keeps a debt of 1e-9 or more", () => {
    // today's order of 1,000, 1,000 − 1e-7 shipped: ~1e-7 left, under 1e-9 × 1,000 = 1e-6, so the
    // entry is done (head 1); the debt, ~1e-7, is not below 1e-9 and stays
    let { st, seen } = queued([[1000, 7]]);
    const x = 1000 - 1e-7;
    ship(net, st, DC, STORE, x, 7);
    expect(seen()).toEqual([x, 1000 - x, 1, [0]]);
    expect(1000 - x).toBeGreaterThan(1e-9);
    // an order of 0.5: the threshold is 1e-9 of a unit; 0.5 − 7e-10 shipped leaves ~7e-10: the
    // entry is done, and the debt (~7e-10 < 1e-9, no entry left) is cleared
    ({ st, seen } = queued([[0.5, 7]]));
    const y = 0.5 - 7e-10;
    ship(net, st, DC, STORE, y, 7);
    expect(seen()).toEqual([y, 0, 1, [0]]);
  });

  it("at exactly the threshold: the entry is done, the debt is kept", () => {
    // today's order of 2e-9, 1e-9 shipped: 1e-9 left exactly. Entry: ≤ 1e-9, done. Debt: 1e-9,
    // not below 1e-9, kept.
    const { st, seen } = queued([[2e-9, 7]]);
    ship(net, st, DC, STORE, 1e-9, 7);
    expect(seen()).toEqual([1e-9, 1e-9, 1, [0]]);
  });

  it("keeps a debt below 1e-9 while an entry is still open", () => {
    // 5 on day 5 and 5e-10 today (an order of a fraction of a unit): owed 5 + 5e-10. 5 shipped
    // ends the day-5 entry; today's 5e-10 stays open, and so does the debt (5 + 5e-10) − 5.
    const { st, seen, owed } = queued([[5, 5], [5e-10, 7]]);
    ship(net, st, DC, STORE, 5, 7);
    expect(seen()).toEqual([0, owed - 5, 1, [0, 5e-10]]);
    expect(owed - 5).toBeLessThan(1e-9);
  });
});
