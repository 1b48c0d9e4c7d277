/**
 * One shipment from a supplier item to one of its downstream items (timeline.md step 5): the
 * units leave on hand, settle the oldest open orders first, and travel on the lane with the
 * day's lead time (+ any lane delay). Without overtaking the arrival day is raised to the latest
 * arrival of an earlier departure on the lane. L = 0 is received at once.
 */
import type { CompiledNetwork } from "./network.ts";
import { DISRUPTION } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { DRAW_BLOCK, ITEM } from "./state.ts";
import { receive } from "./receive.ts";
import { ensureRing, qIndex } from "./order-queue.ts";
import { pushFar } from "./far-arrivals.ts";

const { onHand: ON_HAND, owedToMe: OWED_TO_ME, owedDown: OWED_DOWN, inTransit: IN_TRANSIT, shipped: SHIPPED, sameDay: SAME_DAY, openToday: OPEN_TODAY, stride: IS } = ITEM;
const LANE_DELAY = 1 << DISRUPTION.laneDelay, BLOCK = DRAW_BLOCK, BM = DRAW_BLOCK - 1;

/** How much more may go from item u to its child c today (lane capacity, outage). */
export function laneRoom(net: CompiledNetwork, st: NetworkState, c: number): number {
  if (net.laneLimits === false) return Infinity;
  const l = net.itemLane[c];
  if (st.laneOut[l] > 0) return 0;
  const cap = net.laneCapacity[l];
  return cap === Infinity ? Infinity : cap * st.laneCapFactor[l] - st.laneDeparted[l];
}

/** Units the child c ordered before day t and is still owed. */
export function owedBefore(net: CompiledNetwork, st: NetworkState, c: number, t: number): number {
  // kept small (the queue's case apart) so that V8 inlines it (docs/engine.md, "Why the hot loops look the way they do")
  return net.orderQueue === true ? owedBeforeQueued(st, c, t) : st.item[c * IS + OWED_TO_ME] - st.item[c * IS + OPEN_TODAY];
}

function owedBeforeQueued(st: NetworkState, c: number, t: number): number {
  const tail = st.qTail[c];
  if (tail > st.qHead[c]) {
    const k = qIndex(st, c, tail - 1);
    if (st.qDay[k] === t) return st.item[c * IS + OWED_TO_ME] - st.qQty[k];
  }
  return st.item[c * IS + OWED_TO_ME];
}

/**
 * Ships x units from u to c on day t: the shipper's side in `leave`, the child's in `shipTo`, small
 * functions that V8 inlines into the allocation loops (docs/engine.md, "Why the hot loops look the way they do").
 */
export function ship(net: CompiledNetwork, st: NetworkState, u: number, c: number, x: number, t: number): void {
  leave(net, st, u, x);
  const y = shipTo(net, st, net.itemNode[u], c, x, t, st.item[c * IS + OWED_TO_ME]);
  if (y > 0) st.item[u * IS + SAME_DAY] += y;
}

/** `ship` on a plain day (see `shipToPlain`): small enough, with no call inside, for V8 to inline into the allocation loop. */
export function shipPlain(net: CompiledNetwork, st: NetworkState, u: number, c: number, x: number, t: number): void {
  leave(net, st, u, x);
  const y = shipToPlain(net, st, c, x, t, st.item[c * IS + OWED_TO_ME]);
  if (y > 0) st.item[u * IS + SAME_DAY] += y;
}

/** x units leave u's on hand: its node's storage and throughput, what it owes, what it shipped today. */
function leave(net: CompiledNetwork, st: NetworkState, u: number, x: number): void {
  const s = st.item, bu = u * IS;
  s[bu + ON_HAND] -= x;
  shipperNode(net, st, u, net.itemNode[u], x);
  s[bu + OWED_DOWN] -= x;
  s[bu + SHIPPED] += x;
}

/** A shipment's effect on the shipping node's storage and throughput (when some node has either). */
export function shipperNode(net: CompiledNetwork, st: NetworkState, u: number, node: number, x: number): void {
  if (net.anyStorage && net.itemSource[u] === 0) st.nodeStock[node] -= x;
  if (net.anyThroughput) st.nodeShipped[node] += x;
}

/**
 * The child's side of a shipment of x units to c on day t from a node `from` (`owed`: what c is
 * owed before it, as the caller read it): its debt, its open
 * orders settled oldest first, and the journey on its lane. Returns how many of the units settle
 * the order c placed today (the shipper's same-day units).
 */
export function shipTo(net: CompiledNetwork, st: NetworkState, from: number, c: number, x: number, t: number, owed: number): number {
  const s = st.item, bc = c * IS;
  s[bc + OWED_TO_ME] = owed - x;
  const y = net.orderQueue ? settleQueue(st, s, bc, c, x, t) : settleOpen(s, bc, owed, x);
  depart(net, st, from, c, x, t);
  return y;
}

/**
 * `shipTo` on a plain day (kernel/shipping.ts `shipOrders`): no order queues, no trace, every
 * lead time today at least 1 day and shorter than the arrival calendar, no lane delays. The same
 * operations without the branches those days exclude (settling a queue, receiving at once,
 * growing the calendar, logging), each of them a call: without them the whole shipment path is
 * small enough for V8 to inline into the allocation loops too (docs/engine.md, "Why the hot loops look the way they do").
 */
export function shipToPlain(net: CompiledNetwork, st: NetworkState, c: number, x: number, t: number, owed: number): number {
  const s = st.item, bc = c * IS;
  s[bc + OWED_TO_ME] = owed - x;
  const y = settleOpen(s, bc, owed, x);
  const arrive = arrivalDay(net, st, net.itemLane[c], x, t);
  s[bc + IN_TRANSIT] += x;
  if (arrive < net.horizon) st.pipe[c * st.ring + (arrive & (st.ring - 1))] += x;
  return y;
}

/** Without order queues: older orders are settled first, so only what exceeds them settles today's order; returns those units. */
function settleOpen(s: Float64Array, bc: number, owed: number, x: number): number {
  const open = s[bc + OPEN_TODAY], beyond = x - (owed - open);
  let y = 0;
  if (beyond > 0) {
    y = beyond < open ? beyond : open;
    s[bc + OPEN_TODAY] = open - y <= 1e-9 * (open > 1 ? open : 1) ? 0 : open - y;
  }
  if (owed - x < 1e-9) s[bc + OWED_TO_ME] = 0;
  return y;
}

/** Settles c's queued open orders, oldest first, with the x units shipped to it on day t; returns the units of today's order. */
function settleQueue(st: NetworkState, s: Float64Array, bc: number, c: number, x: number, t: number): number {
  const base = st.qAt[c], mask = st.qMask[c], qQty = st.qQty, qDay = st.qDay, tail = st.qTail[c];
  let rest = x, h = st.qHead[c], today = 0;
  while (rest > 0 && h < tail) {
    const k = base + (h & mask), q = qQty[k], y = q < rest ? q : rest;
    if (qDay[k] === t) today += y;   // one order a day: at most one term, so 0 + y = y exactly
    rest -= y;
    if (q - y <= 1e-9 * (q > 1 ? q : 1)) { qQty[k] = 0; h++; } else qQty[k] = q - y;
  }
  st.qHead[c] = h;
  if (s[bc + OWED_TO_ME] < 1e-9 && h === tail) s[bc + OWED_TO_ME] = 0;
  return today;
}

/** x units leave for item c on its lane today: the lane's count, the arrival day (no overtaking unless allowed), transit. */
function depart(net: CompiledNetwork, st: NetworkState, node: number, c: number, x: number, t: number): void {
  const l = net.itemLane[c], arrive = arrivalDay(net, st, l, x, t);
  send(net, st, c, x, t, arrive);
  if (st.log) logShipment(st.log, l, node, net.itemNode[c], t, arrive, x);
}

/** x units leave on lane l on day t: the lane's count, and the day they arrive (lead time, delay, no overtaking). */
function arrivalDay(net: CompiledNetwork, st: NetworkState, l: number, x: number, t: number): number {
  st.laneDeparted[l] += x;
  let arrive = t + st.laneLeads[l * BLOCK + (t & BM)];
  if ((net.disruptions.kinds & LANE_DELAY) !== 0) arrive += st.laneDelay[l];
  if (net.laneOvertaking[l] === 0) {
    if (arrive < st.laneLastArrival[l]) arrive = st.laneLastArrival[l];
    st.laneLastArrival[l] = arrive;
  }
  return arrive;
}

/** Puts x units in transit to item c, due on day `arrive` (received at once when arrive = t; dropped from the calendar at or after the horizon). */
export function send(net: CompiledNetwork, st: NetworkState, c: number, x: number, t: number, arrive: number): void {
  st.item[c * IS + IN_TRANSIT] += x;
  if (arrive <= t) receive(net, st, c, x, t);
  else if (arrive < net.horizon) {
    if (arrive - t >= st.ring) ensureRing(net, st, arrive - t, t);
    if (arrive - t < st.ring) st.pipe[c * st.ring + (arrive & (st.ring - 1))] += x;
    else pushFar(net, st, c, x, arrive);   // the ring is as long as net.ringMax allows
  }
}

/** Appends to a trace's shipment log, merging what leaves on one lane on one day (it travels together). */
export function logShipment(log: number[], lane: number, from: number, to: number, t: number, arrive: number, x: number): void {
  for (let k = log.length - 6; k >= 0 && log[k + 3] === t; k -= 6) {
    if (lane >= 0 && log[k] === lane && log[k + 4] === arrive) { log[k + 5] += x; return; }
  }
  log.push(lane, from, to, t, arrive, x);
}
