/**
 * Step 5, upstream to downstream: every lane draws the day's lead time (one draw per lane and
 * day, whether or not anything departs; made DRAW_BLOCK days ahead, state.ts), then each item
 * serves the open orders of its downstream items from on hand by the scenario's allocation rule,
 * within its node's throughput; a node in an outage ships nothing.
 */
import { allocateFifo, allocatePriority, allocateProportional } from "../inventory/allocation/index.ts";
import { fillUniformInts } from "../random/index.ts";
import type { CompiledNetwork } from "./network.ts";
import { ALLOCATION, DISRUPTION, LANE_DRAW } from "./network.ts";
import { laneRoom, shipperNode, shipTo, shipToPlain } from "./shipment.ts";
import { intoItem, intoItems } from "./channels.ts";
import { assemble } from "./assembly.ts";
import type { NetworkState } from "./state.ts";
import { DRAW_BLOCK, ITEM } from "./state.ts";

const BLOCK = DRAW_BLOCK, BM = DRAW_BLOCK - 1;
const NODE_OUTAGE = 1 << DISRUPTION.nodeOutage, LANE_DELAY = 1 << DISRUPTION.laneDelay;
const { proportional: PROPORTIONAL, priority: PRIORITY } = ALLOCATION, { constant: CONSTANT, uniformDays: UNIFORM_DAYS } = LANE_DRAW;
const { onHand: ON_HAND, owedToMe: OWED_TO_ME, owedDown: OWED_DOWN, shipped: SHIPPED, sameDay: SAME_DAY, stride: IS } = ITEM;

/**
 * Every lane's lead times for the DRAW_BLOCK days from today (state.ts), one draw per lane and
 * day; records whether all lie within 1 … ring − 1 days (a plain block, see shipOrders).
 */
export function drawLeadTimes(net: CompiledNetwork, st: NetworkState): void {
  const draw = net.laneDraw, lo = net.laneLo, n = net.laneN, out = st.laneLeads, states = st.lanePool.states, ring = st.ring, H = net.horizon;
  let inRing = true;
  for (let l = 0; l < draw.length; l++) {
    const k = draw[l], at = l * BLOCK;
    if (k === UNIFORM_DAYS) fillUniformInts(states, l, out, at, BLOCK, lo[l], n[l]);   // = lo + ⌊st.laneStream[l].uniform() · n⌋ each day
    else if (k === CONSTANT) out.fill(lo[l], at, at + BLOCK);
    else {
      // at most the horizon, which arrives after it all the same: what a 32-bit lead time can hold
      for (let j = at; j < at + BLOCK; j++) {
        const x = Math.round(net.laneLead[l].sample(st.laneStream[l], 1));
        out[j] = x > 0 ? (x < H ? x : H) : 0;
      }
    }
    for (let j = at; j < at + BLOCK; j++) if (out[j] < 1 || out[j] >= ring) inRing = false;
  }
  st.leadsPlain = inRing;
}

export function shipOrders(net: CompiledNetwork, st: NetworkState, t: number): void {
  // A plain day: every lead time of the block lies within 1 … ring − 1 days (each shipment arrives
  // on a later day, within the arrival calendar), no order queue to settle, no trace to write, no
  // lane delay. Shipments then take the path without calls (shipment.ts `shipToPlain`,
  // `shipPlain`), which V8 inlines into every loop (docs/engine.md, "Why the hot loops look the way they do").
  if ((t & BM) === 0) drawLeadTimes(net, st);
  const plain = st.leadsPlain && !net.orderQueue && st.log === null && (net.disruptions.kinds & LANE_DELAY) === 0;
  // Only items with downstream items ship (net.shippers, in item order: upstream first).
  const shippers = net.shippers;
  if (net.assembly.any) { shipWithAssembly(net, st, t, plain); return; }
  if (net.sourcing.any) { shipWithSources(net, st, shippers, t, plain); return; }
  for (let k = 0, K = shippers.length; k < K; k++) shipFrom(net, st, shippers[k], t, plain);
}

/**
 * shipOrders with several sources (kernel/channels.ts): an item with channels first takes what
 * they received today (lead time 0) into its on hand, so it can ship it on at once, as any item
 * does; at the end every item does, before the accounting.
 */
function shipWithSources(net: CompiledNetwork, st: NetworkState, shippers: Int32Array, t: number, plain: boolean): void {
  for (let k = 0, K = shippers.length; k < K; k++) {
    const u = shippers[k];
    intoItem(net, st, u);
    shipFrom(net, st, u, t, plain);
  }
  intoItems(net, st);
}

/**
 * shipOrders with recipes (kernel/assembly.ts): every item in order, upstream first; a made item
 * is assembled when the walk reaches it (its components come before it, so it uses what they
 * received today), then ships as any item does. With several sources as well, an item first
 * takes what its channels received (as shipWithSources).
 */
function shipWithAssembly(net: CompiledNetwork, st: NetworkState, t: number, plain: boolean): void {
  const made = net.assembly.made, childStart = net.childStart, sourced = net.sourcing.any;
  for (let i = 0, I = net.items; i < I; i++) {
    if (sourced) intoItem(net, st, i);
    if (made[i] === 1) assemble(net, st, i, t);
    if (childStart[i + 1] > childStart[i]) shipFrom(net, st, i, t, plain);
  }
  if (sourced) intoItems(net, st);
}

/**
 * One item's shipments of the day. With stock for every open order (the common case) each child
 * gets all it is owed that its lane can take: `ship` for each child, with the shipper's sums kept
 * in locals over the children and stored once — the same operations in the same order (nothing on
 * a child's side reads the shipper's state). Otherwise the allocation rule shares what is there.
 *
 * Kept as one function, too large for V8 to inline into shipOrders, so that compiled on its own it
 * has the inlining budget to take the whole shipment path (shipTo, depart, send) into its loop
 * (docs/engine.md, "Why the hot loops look the way they do"). `plain`: see shipOrders.
 */
function shipFrom(net: CompiledNetwork, st: NetworkState, u: number, t: number, plain: boolean): void {
  const s = st.item, bu = u * IS, node = net.itemNode[u];
  const owedAll = s[bu + OWED_DOWN];
  if (owedAll <= 0) return;
  if ((net.disruptions.kinds & NODE_OUTAGE) !== 0 && st.nodeOut[node] > 0) return;
  let avail = s[bu + ON_HAND];
  if (net.anyThroughput) {   // without any throughput capacity every node's cap is Infinity
    const cap = net.nodeThroughput[node];
    if (cap !== Infinity) {
      const room = cap * st.nodeCapFactor[node] - st.nodeShipped[node];
      if (room < avail) avail = room;
    }
  }
  if (avail <= 0) return;
  const a = net.childStart[u], b = net.childStart[u + 1], rule = net.allocation;
  if (avail < owedAll) {
    if (rule === PROPORTIONAL) allocateProportional(net, st, u, a, b, avail, t, plain);
    else if (rule === PRIORITY) allocatePriority(net, st, u, a, b, avail, t);
    else allocateFifo(net, st, u, a, b, avail, t);
    return;
  }
  const list = net.childList;
  let onHand = s[bu + ON_HAND], owedDown = owedAll, shipped = s[bu + SHIPPED], sameDay = s[bu + SAME_DAY];
  // Two copies of one loop, differing only in the child's side: the plain one holds no call, and a
  // shared helper called with a constant `plain` would exceed the inlining budget
  // (docs/engine.md, "Why the hot loops look the way they do").
  if (plain) {
    for (let k = a; k < b; k++) {
      const c = list[k], owed = s[c * IS + OWED_TO_ME];
      let x = owed;
      if (x <= 0) continue;
      const room = laneRoom(net, st, c);
      if (room < x) x = room;
      if (!(x > 0)) continue;
      onHand -= x;
      shipperNode(net, st, u, node, x);
      owedDown -= x;
      shipped += x;
      const y = shipToPlain(net, st, c, x, t, owed);
      if (y > 0) sameDay += y;
    }
  } else {
    for (let k = a; k < b; k++) {
      const c = list[k], owed = s[c * IS + OWED_TO_ME];
      let x = owed;
      if (x <= 0) continue;
      const room = laneRoom(net, st, c);
      if (room < x) x = room;
      if (!(x > 0)) continue;
      onHand -= x;
      shipperNode(net, st, u, node, x);
      owedDown -= x;
      shipped += x;
      const y = shipTo(net, st, node, c, x, t, owed);
      if (y > 0) sameDay += y;
    }
  }
  // The running sum of what the children are owed (added order by order, paid child by child)
  // rounds apart from their debts. Here every child got all its lane could take, so what they are
  // still owed is known exactly (nothing, without lane limits); the sum is set to it when it has
  // drifted by a unit's billionth or more, which only sums of large quantities do (so results at
  // everyday quantities stay as they were, bit for bit).
  const exact = net.laneLimits === false ? 0 : owedByChildren(st, list, a, b);
  if (owedDown - exact >= 1e-9 || exact - owedDown >= 1e-9) owedDown = exact;
  s[bu + ON_HAND] = onHand; s[bu + OWED_DOWN] = owedDown; s[bu + SHIPPED] = shipped; s[bu + SAME_DAY] = sameDay;
}

/** What the downstream items childList[a … b) are still owed. */
function owedByChildren(st: NetworkState, list: Int32Array, a: number, b: number): number {
  let owed = 0;
  for (let k = a; k < b; k++) owed += st.item[list[k] * IS + OWED_TO_ME];
  return owed;
}
