/**
 * `fifo`: the oldest open order first, across all downstream items of the range
 * childList[a … b) (ties on the same day go in item order). Units that the child's lane cannot
 * take today (capacity, outage) stay owed, and the next oldest order of another child is served.
 */
import type { CompiledNetwork } from "../../kernel/network.ts";
import type { NetworkState } from "../../kernel/state.ts";
import { laneRoom, ship } from "../../kernel/shipment.ts";
import { qIndex } from "../../kernel/order-queue.ts";

export function allocateFifo(net: CompiledNetwork, st: NetworkState, u: number, a: number, b: number, avail: number, t: number): number {
  let left = avail - 0;   // a number local, not the tagged parameter (allocation/proportional.ts)
  const list = net.childList;
  while (left > 0) {
    let best = -1, bestDay = 0x7fffffff, bestRoom = 0;
    for (let k = a; k < b; k++) {
      const c = list[k], h = st.qHead[c];
      if (h >= st.qTail[c]) continue;
      const day = st.qDay[qIndex(st, c, h)];
      if (day >= bestDay) continue;
      const room = laneRoom(net, st, c);
      if (room > 0) { best = c; bestDay = day; bestRoom = room; }
    }
    if (best < 0) break;
    const q = st.qQty[qIndex(st, best, st.qHead[best])];
    let x = q < left ? q : left;
    if (bestRoom < x) x = bestRoom;
    ship(net, st, u, best, x, t);
    left -= x;
  }
  return left;
}
