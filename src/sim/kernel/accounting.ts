/**
 * Step 6: end-of-day values and the day's costs, summed over the measured days (t >= warmup)
 * into accumulators that engine/kpis.ts turns into the KPIs of kpis.md. Per-day network and
 * node fill-rate inputs are kept for every day (for the 7-day moving fill rate and the series).
 */
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";

/** Days in the moving window of `serviceTrough` and `recoveryDays`. */
export const WINDOW = 7;

/**
 * Per-item sums over the measured days: acc.item[i * ITEM_METRICS + m] (item-major, so one
 * item's sums share cache lines). Costs that are a constant rate times a sum (holding, backorder,
 * lost-sale, order, pipeline) are derived from these sums by engine/kpis.ts.
 */
export const M = {
  onHand: 0, backlog: 1, owedDown: 2, inTransit: 3, demand: 4, served: 5, lost: 6, delivered: 7, shipped: 8,
  daysDemand: 9, daysFull: 10, orders: 11, childOrdered: 12, sameDay: 13, transferred: 14, expedited: 15,
  transferCost: 16, expediteCost: 17,
} as const;
export const ITEM_METRICS = 18;
/** Per-node sums: acc.node[n * NODE_METRICS + k]. */
export const NM = { stockoutDays: 0, maxBackorders: 1, ordSum: 2, ordSq: 3, seenSum: 4, seenSq: 5, transport: 6 } as const;
export const NODE_METRICS = 7;

export interface Accumulators {
  readonly item: Float64Array;
  readonly node: Float64Array;
  /** Per product: [0 stockoutDays, 1 maxBackorders] × products. */
  readonly product: Float64Array;
  /** Network: [0 stockoutDays, 1 maxBackorders]. */
  readonly network: Float64Array;
  /** Lowest 7-day moving fill rate of each node so far (Infinity: none yet), kept online. */
  readonly nodeTrough: Float64Array;
  /** The node's last 7 days of demand and served-at-once, [n * 7 + t % 7], and their sums. */
  readonly winDem: Float64Array;
  readonly winSrv: Float64Array;
  readonly winSumDem: Float64Array;
  readonly winSumSrv: Float64Array;
  /** Customer demand and units served at once per day, network: [t]. */
  readonly netDayDemand: Float64Array;
  readonly netDayServed: Float64Array;
  // today's per-node and per-product scratch
  readonly dBack: Float64Array;
  readonly dShort: Uint8Array;
  readonly dOrd: Float64Array;
  readonly dSeen: Float64Array;
  readonly dDem: Float64Array;
  readonly dSrv: Float64Array;
  readonly pBack: Float64Array;
  readonly pShort: Uint8Array;
  /** Optional day-by-day record [t * nodes + n] (series and traces), or null. */
  record: DayRecord | null;
}

export interface DayRecord {
  readonly onHand: Float64Array;
  readonly owed: Float64Array;
  readonly inTransit: Float64Array;
  readonly demand: Float64Array;
}

export function createAccumulators(net: CompiledNetwork): Accumulators {
  const N = net.nodeIds.length, P = net.productIds.length, H = net.horizon;
  return {
    item: new Float64Array(ITEM_METRICS * net.items), node: new Float64Array(NODE_METRICS * N),
    product: new Float64Array(2 * P), network: new Float64Array(2),
    nodeTrough: new Float64Array(N), winDem: new Float64Array(N * WINDOW), winSrv: new Float64Array(N * WINDOW),
    winSumDem: new Float64Array(N), winSumSrv: new Float64Array(N), dDem: new Float64Array(N), dSrv: new Float64Array(N),
    netDayDemand: new Float64Array(H), netDayServed: new Float64Array(H),
    dBack: new Float64Array(N), dShort: new Uint8Array(N), dOrd: new Float64Array(N), dSeen: new Float64Array(N),
    pBack: new Float64Array(P), pShort: new Uint8Array(P), record: null,
  };
}

export function createDayRecord(net: CompiledNetwork): DayRecord {
  const n = net.nodeIds.length * net.horizon;
  return { onHand: new Float64Array(n), owed: new Float64Array(n), inTransit: new Float64Array(n), demand: new Float64Array(n) };
}

export function resetAccumulators(acc: Accumulators): void {
  acc.item.fill(0); acc.node.fill(0); acc.product.fill(0); acc.network.fill(0);
  acc.nodeTrough.fill(Infinity); acc.winDem.fill(0); acc.winSrv.fill(0); acc.winSumDem.fill(0); acc.winSumSrv.fill(0);
  acc.netDayDemand.fill(0); acc.netDayServed.fill(0);
}

export function account(net: CompiledNetwork, st: NetworkState, acc: Accumulators, t: number): void {
  const I = net.items, N = net.nodeIds.length, P = net.productIds.length, H = net.horizon;
  const measure = t >= net.warmup, a = acc.item, rec = acc.record, source = net.itemSource;
  const dBack = acc.dBack, dShort = acc.dShort, dOrd = acc.dOrd, dSeen = acc.dSeen, pBack = acc.pBack, pShort = acc.pShort;
  const onHand = st.onHand, backlog = st.backlog, owedDown = st.owedDown, inTransit = st.inTransit;
  const demandToday = st.demandToday, servedToday = st.servedToday, ordered = st.ordered;
  const lostToday = st.lostToday, deliveredToday = st.deliveredToday, shippedToday = st.shippedToday, sameDayToday = st.sameDayToday;
  const itemNode = net.itemNode, itemProduct = net.itemProduct, itemSupplier = net.itemSupplier;
  const dDem = acc.dDem, dSrv = acc.dSrv;
  let netDemand = 0, netServed = 0;
  for (let i = 0; i < I; i++) {
    if (source[i]) { shippedToday[i] = 0; sameDayToday[i] = 0; continue; }
    const n = itemNode[i], p = itemProduct[i], sup = itemSupplier[i];
    const oh = onHand[i], bl = backlog[i], tr = inTransit[i];
    const dem = demandToday[i], srv = servedToday[i], q = ordered[i];
    if (rec) {
      const k = t * N + n;
      rec.onHand[k] += oh; rec.owed[k] += bl + owedDown[i]; rec.inTransit[k] += tr; rec.demand[k] += dem;
    }
    dBack[n] += bl; pBack[p] += bl; dOrd[n] += q;
    if (q > 0 && sup >= 0 && source[sup] === 0) dSeen[itemNode[sup]] += q;
    if (dem > 0) {
      netDemand += dem; netServed += srv;
      dDem[n] += dem; dSrv[n] += srv;
      dSeen[n] += dem;
      if (srv < dem) { dShort[n] = 1; pShort[p] = 1; }
    }
    if (measure) {
      const b = i * ITEM_METRICS;
      a[b] += oh; a[b + 1] += bl; a[b + 2] += owedDown[i]; a[b + 3] += tr;
      if (dem > 0) {
        a[b + 4] += dem; a[b + 5] += srv; a[b + 9]++;
        if (srv >= dem) a[b + 10]++;
      }
      const lost = lostToday[i], del = deliveredToday[i], sh = shippedToday[i];
      if (lost > 0) a[b + 6] += lost;
      if (del > 0) a[b + 7] += del;
      if (sh > 0) { a[b + 8] += sh; a[b + 13] += sameDayToday[i]; }
      if (q > 0) { a[b + 11]++; if (sup >= 0) a[sup * ITEM_METRICS + 12] += q; }
    }
    demandToday[i] = 0; servedToday[i] = 0; ordered[i] = 0; lostToday[i] = 0;
    deliveredToday[i] = 0; shippedToday[i] = 0; sameDayToday[i] = 0;
  }
  if (net.mitigations.any) accountMitigations(net, st, acc, measure);
  acc.netDayDemand[t] = netDemand; acc.netDayServed[t] = netServed;
  for (let l = 0; l < net.laneFrom.length; l++) {
    const x = st.laneDeparted[l];
    if (x > 0) {
      if (measure) acc.node[net.laneTo[l] * NODE_METRICS + NM.transport] += x * net.laneCostUnit[l] + net.laneCostShipment[l];
      st.laneDeparted[l] = 0;
    }
  }
  accountDay(net, st, acc, N, P, measure);
  if (measure) movingFill(net, acc, t - net.warmup);
}

/** Day c of the measured days: slide every demand node's 7-day window and keep its minimum. */
function movingFill(net: CompiledNetwork, acc: Accumulators, c: number): void {
  const dDem = acc.dDem, dSrv = acc.dSrv, slot = c % WINDOW;
  for (let n = 0; n < net.nodeIds.length; n++) {
    if (!net.nodeDemand[n]) continue;
    const k = n * WINDOW + slot;
    const sd = acc.winSumDem[n] + dDem[n] - acc.winDem[k], ss = acc.winSumSrv[n] + dSrv[n] - acc.winSrv[k];
    acc.winDem[k] = dDem[n]; acc.winSrv[k] = dSrv[n]; acc.winSumDem[n] = sd; acc.winSumSrv[n] = ss;
    dDem[n] = 0; dSrv[n] = 0;
    if (c >= WINDOW - 1 && sd > 1e-9 && ss / sd < acc.nodeTrough[n]) acc.nodeTrough[n] = ss / sd;
  }
}

function accountMitigations(net: CompiledNetwork, st: NetworkState, acc: Accumulators, measure: boolean): void {
  const a = acc.item;
  for (let i = 0; i < net.items; i++) {
    if (measure) {
      const b = i * ITEM_METRICS;
      a[b + M.transferred] += st.transferredToday[i]; a[b + M.expedited] += st.expeditedToday[i];
      a[b + M.transferCost] += st.mitigationCostToday[i * 2]; a[b + M.expediteCost] += st.mitigationCostToday[i * 2 + 1];
    }
    st.transferredToday[i] = 0; st.expeditedToday[i] = 0;
    st.mitigationCostToday[i * 2] = 0; st.mitigationCostToday[i * 2 + 1] = 0;
  }
}

/** Node, product and network figures of the day; clears the day's scratch for tomorrow. */
function accountDay(net: CompiledNetwork, st: NetworkState, acc: Accumulators, N: number, P: number, measure: boolean): void {
  const nd = acc.node, supplier = net.nodeSupplier, dShort = acc.dShort, dBack = acc.dBack, dOrd = acc.dOrd, dSeen = acc.dSeen;
  let back = 0, short = 0;
  for (let n = 0; n < N; n++) {
    st.nodeShipped[n] = 0;
    if (supplier[n]) continue;
    const b = n * NODE_METRICS, bl = dBack[n], o = dOrd[n], s = dSeen[n];
    const sh = dShort[n];
    dBack[n] = 0; dOrd[n] = 0; dSeen[n] = 0; dShort[n] = 0;
    if (!measure) { acc.dDem[n] = 0; acc.dSrv[n] = 0; continue; }
    if (sh) { nd[b + NM.stockoutDays]++; short = 1; }
    if (bl > nd[b + NM.maxBackorders]) nd[b + NM.maxBackorders] = bl;
    back += bl;
    nd[b + NM.ordSum] += o; nd[b + NM.ordSq] += o * o;
    nd[b + NM.seenSum] += s; nd[b + NM.seenSq] += s * s;
  }
  for (let p = 0; p < P; p++) {
    if (measure) {
      if (acc.pShort[p]) acc.product[p]++;
      if (acc.pBack[p] > acc.product[P + p]) acc.product[P + p] = acc.pBack[p];
    }
    acc.pShort[p] = 0; acc.pBack[p] = 0;
  }
  if (!measure) return;
  acc.network[0] += short;
  if (back > acc.network[1]) acc.network[1] = back;
}
