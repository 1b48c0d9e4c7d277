/**
 * Several sources (docs/scenario-format.md, "Several sources"; network.ts CompiledSourcing):
 * the review of an item with a sourcing rule, on its review days in step 4. Its position counts
 * the orders open and the units in transit on every inbound lane (its channels); the order is
 * then placed across the lanes:
 * - split: each lane gets its fraction of the order (the last lane the rest, so the parts sum to
 *   the order exactly);
 * - primary/backup: the primary gets what it can ship today, each backup in turn what it can ship
 *   of the rest, and what none can ship goes to the primary, where it waits. A source can ship
 *   what its supplier holds beyond what it already owes (an outside supplier: everything), within
 *   its lane's capacity less what the lane already owes, and its node's throughput less what the
 *   node owes — and nothing while its node or its lane is in an outage.
 * The order counts once (orders, order cost, the order variance) at the item. Off the hot loops:
 * a scenario with a rule reviews through kernel/review-extensions.ts, a copy of reviewAndOrder's
 * loop with the branches for the extensions, so that the loop of every other scenario stays as it
 * was (docs/engine.md, "Why the hot loops look the way they do").
 */
import { orderQuantity } from "../inventory/policies/index.ts";
import { inventoryPosition } from "../inventory/position.ts";
import type { CompiledNetwork } from "./network.ts";
import { EXPEDITE_FROM, SOURCING } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ITEM } from "./state.ts";
import { expedite } from "./mitigations.ts";
import { pushOrder } from "./order-queue.ts";

const { onHand: ON_HAND, owedToMe: OWED_TO_ME, owedDown: OWED_DOWN, inTransit: IN_TRANSIT, ordered: ORDERED, openToday: OPEN_TODAY, childOrdered: CHILD_ORDERED, stride: IS } = ITEM;

export function reviewSourced(net: CompiledNetwork, st: NetworkState, i: number, t: number): void {
  const s = st.item, { chanStart, chanList, share, rule } = net.sourcing, a = chanStart[i], b = chanStart[i + 1];
  let onOrder = 0;
  for (let k = a; k < b; k++) { const c = chanList[k] * IS; onOrder += s[c + IN_TRANSIT] + s[c + OWED_TO_ME]; }
  // The expedite compares the same position as the order: what is on order on the lanes counts.
  if (net.mitigations.expFrom[i] !== EXPEDITE_FROM.none) expedite(net, st, i, t, onOrder);
  const q = orderQuantity(net.itemPolicy[i], inventoryPosition(st, i) + onOrder, net.itemLevel[i], net.itemUpToOrBatch[i]);
  if (!(q > 0)) return;
  s[i * IS + ORDERED] = q;
  if (rule[i] === SOURCING.split) {
    let rest = q;
    for (let k = a; k < b - 1; k++) { const x = q * share[chanList[k]]; placeOrder(net, st, chanList[k], x, t); rest -= x; }
    placeOrder(net, st, chanList[b - 1], rest, t);
    return;
  }
  // One order per lane and day: the primary's part (what it can ship, plus what no backup can) is placed last.
  const can = canShip(net, st, chanList[a]), primary = can < q ? can : q;
  let rest = q - primary;
  for (let k = a + 1; k < b && rest > 0; k++) {
    const room = canShip(net, st, chanList[k]), x = room < rest ? room : rest;
    placeOrder(net, st, chanList[k], x, t);
    rest -= x;
  }
  placeOrder(net, st, chanList[a], primary + rest, t);
}

/** What channel c's source could ship today beyond what it already owes (0 in an outage). */
export function canShip(net: CompiledNetwork, st: NetworkState, c: number): number {
  const s = st.item, sup = net.itemSupplier[c], l = net.itemLane[c], node = net.itemNode[sup];
  if (st.nodeOut[node] > 0 || st.laneOut[l] > 0) return 0;
  const owedDown = s[sup * IS + OWED_DOWN];
  let can = s[sup * IS + ON_HAND] - owedDown;   // Infinity at an outside supplier
  const lane = net.laneCapacity[l], thr = net.nodeThroughput[node];
  if (lane !== Infinity) can = Math.min(can, lane * st.laneCapFactor[l] - s[c * IS + OWED_TO_ME]);
  if (thr !== Infinity) can = Math.min(can, thr * st.nodeCapFactor[node] - owedDown);
  return can > 0 ? can : 0;
}

/** Places q units on item c's inbound lane (a channel's, or an item's own): its open orders, and its supplier's debts. */
export function placeOrder(net: CompiledNetwork, st: NetworkState, c: number, q: number, t: number): void {
  if (!(q > 0)) return;
  const s = st.item, b = c * IS, u = net.itemSupplier[c] * IS;
  if (net.orderQueue) pushOrder(net, st, c, q, t); else s[b + OPEN_TODAY] += q;
  s[b + OWED_TO_ME] += q;
  s[u + OWED_DOWN] += q;
  s[u + CHILD_ORDERED] += q;
}
