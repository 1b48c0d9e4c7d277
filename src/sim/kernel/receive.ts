/**
 * Receiving a shipment at an item (timeline.md step 2, and step 5 for L = 0). A node in an
 * outage receives nothing, and a node with a storage capacity receives only what fits: the
 * rest waits on the lane (still in transit) and is offered again the next morning. A demand
 * item uses what it receives first for its customer backorders, oldest first.
 */
import type { CompiledNetwork } from "./network.ts";
import { DISRUPTION } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ITEM } from "./state.ts";
import { bringNear } from "./far-arrivals.ts";
import { intoItems } from "./channels.ts";

const { onHand: ON_HAND, backorders: BACKORDERS, inTransit: IN_TRANSIT, delivered: DELIVERED, stride: IS } = ITEM;
const NODE_OUTAGE = 1 << DISRUPTION.nodeOutage;

export function receive(net: CompiledNetwork, st: NetworkState, item: number, qty: number, t: number): void {
  const node = net.itemNode[item];
  let accepted = qty;
  if ((net.disruptions.kinds & NODE_OUTAGE) !== 0 && st.nodeOut[node] > 0) accepted = 0;
  else if (net.anyStorage) {   // without any storage capacity the room is infinite
    const room = net.nodeStorage[node] - st.nodeStock[node];
    if (room < accepted) accepted = room > 0 ? room : 0;
  }
  const rest = qty - accepted;
  if (rest > 0 && t + 1 < net.horizon) st.pipe[item * st.ring + ((t + 1) & (st.ring - 1))] += rest;
  if (accepted <= 0) return;
  const s = st.item, b = item * IS, before = s[b + IN_TRANSIT], tr = before - accepted;
  // What stays in transit. Shipments added one by one and received day by day round apart: a
  // negative remainder is rounding and is cleared, and so is a positive one within a trillionth
  // of the running sum (a few thousand ulps). Larger remainders are real units still on their
  // way, and the inventory position counts them. Remainders under a billionth of a unit stay as
  // they always did, so results at everyday quantities are unchanged bit for bit.
  if (tr <= -1e-9 || (tr >= 1e-9 && tr <= 1e-12 * before)) {
    s[b + IN_TRANSIT] = 0;
    if (t >= net.warmup) st.flow[item * 3 + 2] += tr;   // written off (flow balance)
  } else s[b + IN_TRANSIT] = tr;
  let oh = s[b + ON_HAND] + accepted;
  const bl = s[b + BACKORDERS];
  if (bl > 0) {
    const x = bl < oh ? bl : oh;
    s[b + BACKORDERS] = bl - x;
    s[b + DELIVERED] += x;
    oh -= x;
    accepted -= x;
  }
  s[b + ON_HAND] = oh;
  if (net.anyStorage) st.nodeStock[node] += accepted;
}

/** Step 2: the morning's arrivals, from the calendar queue (after the far arrivals that enter it today, kernel/far-arrivals.ts). */
export function receiveArrivals(net: CompiledNetwork, st: NetworkState, t: number): void {
  if (st.far !== null && st.far.count > 0) bringNear(st, t);
  const R = st.ring, slot = t & (R - 1), pipe = st.pipe, source = net.itemSource, I = net.items;
  for (let i = 0, k = slot; i < I; i++, k += R) {
    const a = pipe[k];
    if (a !== 0 && source[i] === 0) { pipe[k] = 0; receive(net, st, i, a, t); }
  }
  if (net.sourcing.any) intoItems(net, st);   // several sources: what the channels received goes to their items
}
