/**
 * Step 6: end-of-day values and the day's costs, summed over the measured days (t >= warmup)
 * into accumulators that engine/kpis.ts turns into the KPIs of kpis.md. Per-day network and
 * node fill-rate inputs are kept for every day (for the 7-day moving fill rate and the series).
 */
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";

/** Per-item sums: acc.item[m * items + i]. */
export const M = {
  onHand: 0, backlog: 1, owedDown: 2, inTransit: 3, demand: 4, served: 5, lost: 6, delivered: 7, shipped: 8,
  daysDemand: 9, daysFull: 10, holding: 11, pipeline: 12, backorderCost: 13, lostSaleCost: 14, orders: 15,
  orderCost: 16, childOrdered: 17, sameDay: 18, transferred: 19, expedited: 20, transferCost: 21, expediteCost: 22,
} as const;
export const ITEM_METRICS = 23;
/** Per-node sums: acc.node[k * nodes + n]. */
export const NM = { stockoutDays: 0, maxBackorders: 1, ordSum: 2, ordSq: 3, seenSum: 4, seenSq: 5, transport: 6 } as const;
export const NODE_METRICS = 7;

export interface Accumulators {
  readonly item: Float64Array;
  readonly node: Float64Array;
  /** Per product: [0 stockoutDays, 1 maxBackorders] × products. */
  readonly product: Float64Array;
  /** Network: [0 stockoutDays, 1 maxBackorders]. */
  readonly network: Float64Array;
  /** Customer demand and units served at once, per node and day: [n * horizon + t]; network [t]. */
  readonly nodeDayDemand: Float64Array;
  readonly nodeDayServed: Float64Array;
  readonly netDayDemand: Float64Array;
  readonly netDayServed: Float64Array;
  // today's per-node and per-product scratch
  readonly dBack: Float64Array;
  readonly dShort: Uint8Array;
  readonly dOrd: Float64Array;
  readonly dSeen: Float64Array;
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
    nodeDayDemand: new Float64Array(N * H), nodeDayServed: new Float64Array(N * H),
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
  acc.nodeDayDemand.fill(0); acc.nodeDayServed.fill(0); acc.netDayDemand.fill(0); acc.netDayServed.fill(0);
}

export function account(net: CompiledNetwork, st: NetworkState, acc: Accumulators, t: number): void {
  const I = net.items, N = net.nodeIds.length, P = net.productIds.length, H = net.horizon;
  const measure = t >= net.warmup, a = acc.item, rec = acc.record;
  acc.dBack.fill(0); acc.dShort.fill(0); acc.dOrd.fill(0); acc.dSeen.fill(0); acc.pBack.fill(0); acc.pShort.fill(0);
  let netDemand = 0, netServed = 0;
  for (let i = 0; i < I; i++) {
    if (net.itemSource[i]) continue;
    const n = net.itemNode[i], p = net.itemProduct[i], sup = net.itemSupplier[i];
    const oh = st.onHand[i], bl = st.backlog[i], od = st.owedDown[i], tr = st.inTransit[i];
    const dem = st.demandToday[i], srv = st.servedToday[i], q = st.ordered[i];
    const supStocks = sup >= 0 && net.itemSource[sup] === 0;
    if (rec) {
      const k = t * N + n;
      rec.onHand[k] += oh; rec.owed[k] += bl + od; rec.inTransit[k] += tr; rec.demand[k] += dem;
    }
    netDemand += dem; netServed += srv;
    acc.nodeDayDemand[n * H + t] += dem; acc.nodeDayServed[n * H + t] += srv;
    acc.dBack[n] += bl; acc.pBack[p] += bl;
    if (srv < dem) { acc.dShort[n] = 1; acc.pShort[p] = 1; }
    acc.dOrd[n] += q; acc.dSeen[n] += dem;
    if (supStocks) acc.dSeen[net.itemNode[sup]] += q;
    if (!measure) continue;
    const h = net.itemHolding[i];
    a[M.onHand * I + i] += oh; a[M.backlog * I + i] += bl; a[M.owedDown * I + i] += od; a[M.inTransit * I + i] += tr;
    a[M.demand * I + i] += dem; a[M.served * I + i] += srv; a[M.lost * I + i] += st.lostToday[i];
    a[M.delivered * I + i] += st.deliveredToday[i]; a[M.shipped * I + i] += st.shippedToday[i];
    if (dem > 0) { a[M.daysDemand * I + i]++; if (srv >= dem) a[M.daysFull * I + i]++; }
    a[M.holding * I + i] += oh * h;
    a[M.backorderCost * I + i] += bl * net.backorderCost;
    a[M.lostSaleCost * I + i] += st.lostToday[i] * net.lostSaleCost;
    if (q > 0) { a[M.orders * I + i]++; a[M.orderCost * I + i] += net.orderFixed; }
    if (supStocks) {
      a[M.pipeline * I + sup] += tr * net.itemHolding[sup];
      a[M.childOrdered * I + sup] += q;
    }
    a[M.sameDay * I + i] += st.sameDayToday[i];
    a[M.transferred * I + i] += st.transferredToday[i]; a[M.expedited * I + i] += st.expeditedToday[i];
    a[M.transferCost * I + i] += st.mitigationCostToday[i * 2]; a[M.expediteCost * I + i] += st.mitigationCostToday[i * 2 + 1];
  }
  acc.netDayDemand[t] = netDemand; acc.netDayServed[t] = netServed;
  for (let l = 0; l < net.laneFrom.length; l++) {
    const x = st.laneDeparted[l];
    if (x > 0 && measure) acc.node[NM.transport * N + net.laneTo[l]] += x * net.laneCostUnit[l] + net.laneCostShipment[l];
    st.laneDeparted[l] = 0;
  }
  if (measure) accountDay(net, acc, N, P);
  st.nodeShipped.fill(0);
  clearFlows(st);
}

function accountDay(net: CompiledNetwork, acc: Accumulators, N: number, P: number): void {
  const nd = acc.node;
  let back = 0, short = 0;
  for (let n = 0; n < N; n++) {
    if (net.nodeSupplier[n]) continue;
    if (acc.dShort[n]) { nd[NM.stockoutDays * N + n]++; short = 1; }
    if (acc.dBack[n] > nd[NM.maxBackorders * N + n]) nd[NM.maxBackorders * N + n] = acc.dBack[n];
    back += acc.dBack[n];
    const o = acc.dOrd[n], s = acc.dSeen[n];
    nd[NM.ordSum * N + n] += o; nd[NM.ordSq * N + n] += o * o;
    nd[NM.seenSum * N + n] += s; nd[NM.seenSq * N + n] += s * s;
  }
  for (let p = 0; p < P; p++) {
    if (acc.pShort[p]) acc.product[p]++;
    if (acc.pBack[p] > acc.product[P + p]) acc.product[P + p] = acc.pBack[p];
  }
  acc.network[0] += short;
  if (back > acc.network[1]) acc.network[1] = back;
}

function clearFlows(st: NetworkState): void {
  st.ordered.fill(0); st.demandToday.fill(0); st.servedToday.fill(0); st.lostToday.fill(0);
  st.deliveredToday.fill(0); st.shippedToday.fill(0); st.sameDayToday.fill(0);
  st.transferredToday.fill(0); st.expeditedToday.fill(0); st.mitigationCostToday.fill(0);
}
