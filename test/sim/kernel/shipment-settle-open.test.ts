// Settling open orders without order queues (kernel/shipment.ts settleOpen, owedBefore;
// timeline.md step 5: "orders already owed first"). Under `proportional` allocation an item keeps
// its debt (owedToMe) and the part of it ordered today (openToday): a shipment pays the older
// orders first, and only what exceeds them settles today's order and counts as same-day units at
// the shipper. What is left of today's order within a billionth of its size (of a unit, for
// orders up to 1) is rounding and is cleared; so is a debt below a billionth of a unit. State
// filled by hand on a dc → store lane; every number below is derived in the comments.
import { describe, expect, it } from "vitest";
import { startReplication } from "../../../src/sim/engine/simulation.ts";
import { ITEM, createAccumulators, createState } from "../../../src/sim/kernel/index.ts";
import { owedBefore, ship } from "../../../src/sim/kernel/shipment.ts";
import { lane } from "../engine/fixtures.ts";
import { dcStore } from "./fixtures.ts";

const { net, DC, STORE, S } = dcStore("proportional");

/** A fresh replication with the store owed `owed`, `today` of it ordered today (the dc owes the same). */
function owing(owed: number, today: number) {
  const st = createState(net);
  startReplication(net, st, createAccumulators(net), 0);
  st.item[STORE * S + ITEM.owedToMe] = owed; st.item[STORE * S + ITEM.openToday] = today; st.item[DC * S + ITEM.owedDown] = owed;
  const f = (i: number, k: number) => st.item[i * S + k];
  /** The dc's same-day units, the store's open order of today and its debt. */
  const seen = () => [f(DC, ITEM.sameDay), f(STORE, ITEM.openToday), f(STORE, ITEM.owedToMe)];
  return { st, seen };
}

describe("settling open orders without a queue", () => {
  it("owedBefore: what was ordered before today is the debt less today's order", () => {
    const { st } = owing(15, 5);
    expect(net.orderQueue).toBe(false);
    expect(owedBefore(net, st, STORE, 7)).toBe(10);
  });

  it("pays the older orders first; only what exceeds them settles today's order", () => {
    // owed 15: 10 from earlier days, 5 today (day 7)
    const { st, seen } = owing(15, 5);
    // 3 units: all to the older 10 (3 − 10 < 0): today's 5 untouched, debt 12
    ship(net, st, DC, STORE, 3, 7);
    expect(seen()).toEqual([0, 5, 12]);
    // 9 more: 7 finish the older orders, 2 go to today's: 3 of today's left, debt 3
    ship(net, st, DC, STORE, 9, 7);
    expect(seen()).toEqual([2, 3, 3]);
    // the last 3 settle today's order: 5 same-day units in all, nothing owed
    ship(net, st, DC, STORE, 3, 7);
    expect(seen()).toEqual([5, 0, 0]);
  });

  it("settles no more of today's order than it is, when the debt's sum has rounded", () => {
    // an order of 0.7 on an earlier day and 0.3 today: the debt 0.7 + 0.3 rounds to 1, and
    // 1 − (1 − 0.3) = 0.30000000000000004. Shipping the whole debt settles today's 0.3, exactly
    // 0.3 same-day units, and leaves nothing open or owed.
    const { st, seen } = owing(0.7 + 0.3, 0.3);
    expect(0.7 + 0.3).toBe(1);
    ship(net, st, DC, STORE, 1, 7);
    expect(seen()).toEqual([0.3, 0, 0]);
  });

  it("clears what is left of today's order within a billionth of its size", () => {
    // today's order of 1,000 (all the debt), 1,000 − 1e-7 shipped: ~1e-7 left, under the
    // threshold 1e-9 × 1,000 = 1e-6, so today's order is settled; the debt of ~1e-7 (≥ 1e-9) stays
    let { st, seen } = owing(1000, 1000);
    const x = 1000 - 1e-7;
    ship(net, st, DC, STORE, x, 7);
    expect(seen()).toEqual([x, 0, 1000 - x]);
    expect(1000 - x).toBeGreaterThan(1e-9);
    // an order under 1 unit: the threshold is a billionth of a unit. 0.5 − 7e-10 shipped of 0.5:
    // ~7e-10 left (≤ 1e-9) clears today's order, and the debt of ~7e-10 (< 1e-9) is cleared too
    ({ st, seen } = owing(0.5, 0.5));
    const y = 0.5 - 7e-10;
    ship(net, st, DC, STORE, y, 7);
    expect(seen()).toEqual([y, 0, 0]);
  });

  it("keeps a remainder of exactly the threshold as a debt, and clears it from today's order", () => {
    // today's order of 2e-9 (all the debt), 1e-9 shipped: 2e-9 − 1e-9 = 1e-9 exactly. Today's
    // order: a remainder at most 1e-9 is cleared. The debt: cleared only below 1e-9, so kept.
    const { st, seen } = owing(2e-9, 2e-9);
    ship(net, st, DC, STORE, 1e-9, 7);
    expect(seen()).toEqual([1e-9, 0, 1e-9]);
  });
});
