/**
 * The mutable state of one replication, struct of arrays. Allocated once per compiled network
 * and reset between replications. A day allocates nothing unless a replication needs more room
 * than any before it: the arrival ring, an item's order queue and the far arrivals grow then
 * (and stay grown), and a replication with disruptions lists its events in new arrays.
 */
import type { RandomStream, StreamPool } from "../random/index.ts";
import { createStream, createStreamPool } from "../random/index.ts";
import type { CompiledNetwork } from "./network.ts";
import { EXPEDITE_FROM } from "./network.ts";
import { resetFar, type FarArrivals } from "./far-arrivals.ts";

/** Initial length of each item's ring of open orders (a power of two; kernel/order-queue.ts grows one item's ring when it fills). */
const QUEUE = 8;

/**
 * Each item's state and today's flows, item-major in one array: st.item[i * ITEM.stride + field].
 * One array rather than one per field, and kernel files copy these offsets into module-private
 * constants (`const { onHand: ON_HAND } = ITEM`): docs/engine.md, "Why the hot loops look the way they do".
 */
export const ITEM = {
  /** Units on hand (Infinity at an outside supplier's items). */
  onHand: 0,
  /** Customer backorders (demand items). */
  backorders: 1,
  /** Units this item's supplier owes it (its open orders, not yet shipped). */
  owedToMe: 2,
  /** Units this item owes its downstream items. */
  owedDown: 3,
  /** Units in transit to this item. */
  inTransit: 4,
  // today's flows, cleared by the accounting step
  /** Units ordered today. */
  ordered: 5,
  /** Customer demand today. */
  demand: 6,
  /** Served from on hand at once today. */
  served: 7,
  lost: 8,
  /** Delivered to customers today (at once or from backorders). */
  delivered: 9,
  /** Shipped to downstream items today (at an outside supplier's items never read nor cleared). */
  shipped: 10,
  /** Shipped to downstream items on the day they ordered. */
  sameDay: 11,
  /** Lateral transfers sent today. */
  transferred: 12,
  /** Expedited units received into transit today, and the day's transfer and expedite costs. */
  expedited: 13,
  transferCost: 14,
  expediteCost: 15,
  /** Without order queues (CompiledNetwork.orderQueue false): the part of today's order not yet shipped. */
  openToday: 16,
  /** Units the item's downstream items ordered from it today (at an outside supplier's items never read nor cleared). */
  childOrdered: 17,
  stride: 18,
} as const;

/**
 * Today's assembly flows per item (kernel/assembly.ts), st.assemblyDay[i * ASSEMBLY_DAY.stride +
 * field], cleared by the accounting step: units whose assembly started (made items), component
 * units consumed (components), finished units owed but not started for want of components (made
 * items), and the shortfall of each assembly the item limited as one of its scarcest components
 * (components). A subassembly made at its node is both a made item and a component: two fields.
 */
export const ASSEMBLY_DAY = { assembled: 0, consumed: 1, starved: 2, limiting: 3, stride: 4 } as const;

/**
 * Days of draws made ahead: every DRAW_BLOCK days (from day 0) each plain demand source draws its
 * next DRAW_BLOCK normals and each lane its next DRAW_BLOCK lead times, from their own streams — the
 * same draws, in the same order, as one a day (streams are per source, so nothing else moves them),
 * with each stream's state loaded and stored once per block instead of once per draw.
 */
export const DRAW_BLOCK = 32;

export interface NetworkState {
  day: number;
  replication: number;
  /** Per item: st.item[i * ITEM.stride + field] (see ITEM). */
  readonly item: Float64Array;
  /** Calendar queue of arrivals: pipe[item * ring + (day & (ring − 1))] (kernel/order-queue.ts). */
  pipe: Float64Array;
  ring: number;
  /** Arrivals due a ring or more days ahead once the ring is at net.ringMax (kernel/far-arrivals.ts); null until needed. */
  far: FarArrivals | null;
  /** Open orders of each item with its supplier, oldest first: qty and day placed, item c's ring at qAt[c] … qAt[c] + qMask[c] (kernel/order-queue.ts). */
  qQty: Float64Array;
  qDay: Int32Array;
  readonly qAt: Int32Array;
  readonly qMask: Int32Array;
  /** Entries of qQty / qDay given out so far (rings that grew leave their old block behind). */
  qUsed: number;
  readonly qHead: Int32Array;
  readonly qTail: Int32Array;
  // per lane
  /** Lead times drawn ahead: laneLeads[lane * DRAW_BLOCK + (day & (DRAW_BLOCK − 1))]. */
  readonly laneLeads: Int32Array;
  /** Whether every lead time of the current block lies within 1 … ring − 1 days (kernel/shipping.ts: plain days). */
  leadsPlain: boolean;
  readonly laneLastArrival: Int32Array;
  readonly laneDeparted: Float64Array;  // units departed today
  readonly laneDelay: Int32Array;
  readonly laneOut: Int32Array;
  readonly laneCapFactor: Float64Array;
  // per node
  readonly nodeOut: Int32Array;
  readonly nodeCapFactor: Float64Array;
  readonly nodeShipped: Float64Array;   // units shipped today (throughput used)
  readonly nodeStock: Float64Array;     // units on hand, all products (for storage; kept only when net.anyStorage)
  // per demand source
  readonly shock: Float64Array;
  /**
   * Flow-balance tallies over the measured days (kpis.md extension), per item: [i * 3] units
   * received by lateral transfer, [+ 1] units sent on expedite lanes out of its on hand, [+ 2]
   * units written off (in-transit remainders receive.ts clears as rounding; negative: gained).
   */
  readonly flow: Float64Array;
  /** Today's assembly flows (ASSEMBLY_DAY), per item; empty without recipes. */
  readonly assemblyDay: Float64Array;
  /** Standard normals drawn ahead for the plain demand sources (net.demandPlain): demandDraws[source * DRAW_BLOCK + (day & (DRAW_BLOCK − 1))]. */
  readonly demandDraws: Float64Array;
  /** Today's demand of the sources that are not plain, drawn before the others are served (kernel/customer-demand.ts). */
  readonly demandOther: Float64Array;
  /** Demand and lane streams, their states side by side (hot loops draw through the pool, random/stream.ts). */
  readonly demandPool: StreamPool;
  readonly lanePool: StreamPool;
  readonly demandStream: readonly RandomStream[];
  readonly laneStream: readonly RandomStream[];
  readonly groupStream: readonly RandomStream[];
  readonly groupFactor: Float64Array;
  readonly mitigationStream: RandomStream;
  /** Expedite lead-time stream of each item with an expedite lane (else null). */
  readonly expStream: readonly (RandomStream | null)[];
  readonly outageStream: RandomStream;
  /** Shipment log for traces (lane, from node, to node, depart, arrive, qty)*, or null. */
  log: number[] | null;
  // disruptions
  readonly active: Uint8Array;
  /** Disruption events of this replication, in day order: day, disruption index, +1 start / −1 end. */
  evDay: Int32Array;
  evIndex: Int32Array;
  evSign: Int8Array;
  evCount: number;
  evNext: number;
}

export function createState(net: CompiledNetwork): NetworkState {
  const I = net.items, L = net.laneFrom.length, N = net.nodeIds.length, D = net.demandItem.length;
  const f = (n: number) => new Float64Array(n), i32 = (n: number) => new Int32Array(n);
  const streams = (n: number) => Array.from({ length: n }, () => createStream());
  const demandPool = createStreamPool(D), lanePool = createStreamPool(L);
  return {
    day: 0, replication: 0,
    item: f(I * ITEM.stride), pipe: f(I * net.ring), ring: net.ring, far: null,
    qQty: f(I * QUEUE), qDay: i32(I * QUEUE), qAt: Int32Array.from({ length: I }, (_, i) => i * QUEUE), qMask: i32(I).fill(QUEUE - 1), qUsed: I * QUEUE,
    qHead: i32(I), qTail: i32(I),
    laneLeads: i32(L * DRAW_BLOCK), leadsPlain: false, laneLastArrival: i32(L), laneDeparted: f(L), laneDelay: i32(L), laneOut: i32(L), laneCapFactor: f(L),
    nodeOut: i32(N), nodeCapFactor: f(N), nodeShipped: f(N), nodeStock: f(N),
    shock: f(D), flow: f(3 * I), assemblyDay: f(net.assembly.any ? I * ASSEMBLY_DAY.stride : 0), demandDraws: f(D * DRAW_BLOCK), demandOther: f(D), demandPool, lanePool, demandStream: demandPool.streams, laneStream: lanePool.streams, groupStream: streams(net.groupKey.length),
    groupFactor: f(net.groupKey.length), mitigationStream: createStream(),
    expStream: Array.from(net.mitigations.expFrom, (e) => (e === EXPEDITE_FROM.none ? null : createStream())),
    outageStream: createStream(), log: null,
    active: new Uint8Array(net.disruptions.count),
    evDay: i32(0), evIndex: i32(0), evSign: new Int8Array(0), evCount: 0, evNext: 0,
  };
}

/** Day 0 morning: initial inventory on hand, nothing in transit or owed, streams reseeded. */
export function resetState(net: CompiledNetwork, st: NetworkState, replication: number): void {
  st.day = 0; st.replication = replication;
  st.item.fill(0);
  for (let i = 0; i < net.items; i++) st.item[i * ITEM.stride + ITEM.onHand] = net.itemSource[i] ? Infinity : net.itemInitial[i];
  st.pipe.fill(0);
  if (st.far !== null) resetFar(st.far);
  st.qHead.fill(0); st.qTail.fill(0);
  st.laneLastArrival.fill(0); st.laneDelay.fill(0); st.laneOut.fill(0); st.laneCapFactor.fill(1);
  st.nodeOut.fill(0); st.nodeCapFactor.fill(1); st.nodeStock.fill(0);
  for (let i = 0; i < net.items; i++) if (!net.itemSource[i]) st.nodeStock[net.itemNode[i]] += st.item[i * ITEM.stride + ITEM.onHand];
  st.shock.fill(1); st.active.fill(0); st.flow.fill(0); st.assemblyDay.fill(0);
  const seed = net.seedKey;
  for (let d = 0; d < st.demandStream.length; d++) st.demandStream[d].reseed(seed, replication, net.demandKey[d]);
  for (let l = 0; l < st.laneStream.length; l++) st.laneStream[l].reseed(seed, replication, net.laneKey[l]);
  for (let g = 0; g < st.groupStream.length; g++) st.groupStream[g].reseed(seed, replication, net.groupKey[g]);
  st.mitigationStream.reseed(seed, replication, net.mitigations.lateralKey);
  for (let i = 0; i < net.items; i++) {
    const e = st.expStream[i];
    if (e) e.reseed(seed, replication, net.mitigations.expKey[i] ^ Math.imul(net.itemProduct[i] + 1, 0x9e3779b9));
  }
}
