// owedBefore (kernel/shipment.ts) with order queues: what a downstream item ordered before day t
// and is still owed, the part that `proportional` allocation serves first. Compiled networks keep
// queues only under fifo and priority, so this is the case shipment.test.ts compares with the
// open-order bookkeeping (orderQueue set by hand); there, and here, it is the debt less today's
// queued order, if the newest open order is today's.
import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { ITEM, createState } from "../../../src/sim/kernel/index.ts";
import { pushOrder, qIndex } from "../../../src/sim/kernel/order-queue.ts";
import { owedBefore } from "../../../src/sim/kernel/shipment.ts";
import { constant, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

const net = compiled(scenario({
  nodes: [supplier, stock("dc", 100), stock("store", 20)],
  lanes: [lane("supplier", "dc", 2), lane("dc", "store", 1)],
  demand: [{ node: "store", dist: constant(5) }],
  allocation: "proportional",
}));
const store = Array.from(net.itemNode).indexOf(net.nodeIds.indexOf("store"));

describe("owedBefore", () => {
  it("with order queues: the debt less today's order, when the newest open order is today's", () => {
    const queued = { ...net, orderQueue: true }, st = createState(queued);
    expect(owedBefore(queued, st, store, 9)).toBe(0);   // no open order
    // orders of 4 on day 5 and 6 on day 7, the day-5 order half shipped: owed 2 + 6 = 8
    pushOrder(queued, st, store, 4, 5); pushOrder(queued, st, store, 6, 7);
    st.item[store * ITEM.stride + ITEM.owedToMe] = 8;
    st.qQty[qIndex(st, store, 0)] = 2;
    expect(owedBefore(queued, st, store, 7)).toBe(2);   // day 7: the 6 ordered today are not "before"
    expect(owedBefore(queued, st, store, 8)).toBe(8);   // day 8: both orders are older
    expect(owedBefore(queued, st, store, 5)).toBe(8);   // the newest order is not day 5's
    // the day-5 order settled as settleQueue leaves it (quantity 0, head past it): only today's is open
    st.qQty[qIndex(st, store, 0)] = 0; st.qHead[store] = 1; st.item[store * ITEM.stride + ITEM.owedToMe] = 6;
    expect(owedBefore(queued, st, store, 7)).toBe(0);
    expect(owedBefore(queued, st, store, 8)).toBe(6);
  });
});
