/**
 * Step 6: end-of-day values and the day's costs, summed over the measured days (t >= warmup)
 * into accumulators that engine/kpis.ts turns into the KPIs of kpis.md. Per-day network and
 * node fill-rate inputs are kept for every day (for the 7-day moving fill rate and the series).
 */
import type { CompiledNetwork } from "./network.ts";
import { STOCKING } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ITEM } from "./state.ts";
import { accountAssembly, createAssemblySums, type AssemblySums } from "./assembly-accounting.ts";

// Module-private copies of every offset and code, never the exported tables (docs/engine.md, "Why the hot loops look the way they do").
const {
  onHand: ON_HAND, backorders: BACKORDERS, owedDown: OWED_DOWN, inTransit: IN_TRANSIT, ordered: ORDERED, demand: DEMAND, served: SERVED,
  lost: LOST, delivered: DELIVERED, shipped: SHIPPED, sameDay: SAME_DAY, transferred: TRANSFERRED, expedited: EXPEDITED,
  transferCost: TRANSFER_COST, expediteCost: EXPEDITE_COST, openToday: OPEN_TODAY, childOrdered: CHILD_ORDERED, stride: IS,
} = ITEM;

const { demand: DEMAND_ITEM, downstream: DOWNSTREAM, demandNode: DEMAND_NODE } = STOCKING;
const W = 7;
/**
 * Per-item sums over the measured days: acc.item[i * ITEM_METRICS + field] (item-major, so one
 * item's sums share cache lines). Costs that are a constant rate times a sum (holding, backorder,
 * lost-sale, order, pipeline) are derived from these sums by engine/kpis.ts.
 */
export const ITEM_SUM = {
  /** End-of-day units on hand, customer backorders, owed downstream and in transit. */
  onHand: 0, backorders: 1, owedDown: 2, inTransit: 3,
  /** Units of customer demand, served at once, lost, delivered to customers; shipped downstream. */
  demand: 4, served: 5, lost: 6, delivered: 7, shipped: 8,
  /** Days with customer demand, and of those the days served in full; days with an order. */
  daysDemand: 9, daysFull: 10, orders: 11,
  /** Units the downstream items ordered, and of those shipped on the day they ordered. */
  childOrdered: 12, sameDay: 13,
  /** Mitigations: units sent by lateral transfer, expedited; their costs. */
  transferred: 14, expedited: 15, transferCost: 16, expediteCost: 17,
} as const;
const {
  onHand: SUM_ON_HAND, backorders: SUM_BACKORDERS, owedDown: SUM_OWED_DOWN, inTransit: SUM_IN_TRANSIT, demand: SUM_DEMAND,
  served: SUM_SERVED, lost: SUM_LOST, delivered: SUM_DELIVERED, shipped: SUM_SHIPPED, daysDemand: SUM_DAYS_DEMAND,
  daysFull: SUM_DAYS_FULL, orders: SUM_ORDERS, childOrdered: SUM_CHILD_ORDERED, sameDay: SUM_SAME_DAY,
  transferred: SUM_TRANSFERRED, expedited: SUM_EXPEDITED, transferCost: SUM_TRANSFER_COST, expediteCost: SUM_EXPEDITE_COST,
} = ITEM_SUM;
const IM = 18;
export const ITEM_METRICS = IM;

/** Per-node sums over the measured days: acc.node[n * NODE_METRICS + field]. */
export const NODE_SUM = {
  /** Days with a customer short, the largest end-of-day customer backorders. */
  stockoutDays: 0, maxBackorders: 1,
  /** Σ and Σ² of the units the node ordered each day, and of the demand it saw (customers and downstream orders): the bullwhip ratio. */
  orderedSum: 2, orderedSquares: 3, seenSum: 4, seenSquares: 5,
} as const;
const {
  stockoutDays: N_STOCKOUT_DAYS, maxBackorders: N_MAX_BACKORDERS, orderedSum: N_ORDERED_SUM, orderedSquares: N_ORDERED_SQUARES,
  seenSum: N_SEEN_SUM, seenSquares: N_SEEN_SQUARES,
} = NODE_SUM;
const NMS = 6;
export const NODE_METRICS = NMS;

// A node's 7-day window, one record per node in acc.nodeWindows: sums of demand and served, the trough, then the last 7 days of each.
const WS = 3 + 2 * W, WIN_DEM = 0, WIN_SRV = 1, WIN_TROUGH = 2, WIN_DAYS_DEM = 3, WIN_DAYS_SRV = 3 + W;

/** Days in the moving window of `serviceTrough` and `recoveryDays`. */
export const WINDOW = W;

export interface Accumulators {
  readonly item: Float64Array;
  readonly node: Float64Array;
  /** Per lane: transport cost (units × cost per unit + cost per shipment, each day something departs); kpis.ts sums them per receiving node. */
  readonly lane: Float64Array;
  /** Per lane: units departed on measured days (all products; flow balance). */
  readonly laneUnits: Float64Array;
  /** Per item: stock (on hand + in transit) at the end of day warmup − 1 [i] and of the last day [I + i] (flow balance). */
  readonly stock: Float64Array;
  /** Per item: the state's flow tallies (state.ts `flow`), copied at the end of the last day. */
  readonly flow: Float64Array;
  /** Per product: [0 stockoutDays, 1 maxBackorders] × products. */
  readonly product: Float64Array;
  /** Network: [0 stockoutDays, 1 maxBackorders]. */
  readonly network: Float64Array;
  /**
   * Each node's 7-day window, kept online in one record per node (one array for all, docs/engine.md, "Why the hot loops look the way they do"): the window's sums of demand and served at once, the lowest 7-day moving
   * fill rate so far (Infinity: none yet; `nodeTrough` reads it), then the last 7 days of demand
   * and of served, by t % 7.
   */
  readonly nodeWindows: Float64Array;
  /** Customer demand and units served at once per day, network: [t]. */
  readonly netDayDemand: Float64Array;
  readonly netDayServed: Float64Array;
  /** Today's per-product scratch (several products only). */
  readonly productBackorders: Float64Array;
  readonly productShort: Uint8Array;
  /** Optional day-by-day record [t * nodes + n] (traces, product shards), or null. */
  record: DayRecord | null;
  /**
   * Optional per-day series rows (engine/series.ts), or null: each stocking node's end-of-day on
   * hand, owed and in transit go straight into this replication's row, which starts at `seriesAt`
   * (model SeriesLayout), so no day record is kept and transposed for them.
   */
  seriesRows: Float32Array | null;
  seriesAt: number;
  /** Assembly sums over the measured days (kernel/assembly-accounting.ts); null without recipes. */
  readonly assembly: AssemblySums | null;
}

export interface DayRecord {
  readonly onHand: Float64Array;
  readonly owed: Float64Array;
  readonly inTransit: Float64Array;
  readonly demand: Float64Array;
}

/** The node's lowest 7-day moving fill rate over the measured days (NaN: no window with demand). */
export function nodeTrough(acc: Accumulators, n: number): number {
  const low = acc.nodeWindows[n * WS + WIN_TROUGH];
  return low === Infinity ? NaN : low;
}

export function createAccumulators(net: CompiledNetwork): Accumulators {
  const N = net.nodeIds.length, P = net.productIds.length, H = net.horizon;
  return {
    item: new Float64Array(ITEM_METRICS * net.items), node: new Float64Array(NODE_METRICS * N), lane: new Float64Array(net.laneFrom.length),
    laneUnits: new Float64Array(net.laneFrom.length), stock: new Float64Array(2 * net.items), flow: new Float64Array(3 * net.items),
    product: new Float64Array(2 * P), network: new Float64Array(2),
    nodeWindows: new Float64Array(N * WS),
    netDayDemand: new Float64Array(H), netDayServed: new Float64Array(H),
    productBackorders: new Float64Array(P), productShort: new Uint8Array(P), record: null, seriesRows: null, seriesAt: 0,
    assembly: net.assembly.any ? createAssemblySums(net) : null,
  };
}

export function createDayRecord(net: CompiledNetwork): DayRecord {
  const n = net.nodeIds.length * net.horizon;
  return { onHand: new Float64Array(n), owed: new Float64Array(n), inTransit: new Float64Array(n), demand: new Float64Array(n) };
}

export function resetAccumulators(acc: Accumulators): void {
  acc.item.fill(0); acc.node.fill(0); acc.lane.fill(0); acc.laneUnits.fill(0); acc.stock.fill(0); acc.flow.fill(0); acc.product.fill(0); acc.network.fill(0);
  acc.nodeWindows.fill(0);
  for (let k = WIN_TROUGH; k < acc.nodeWindows.length; k += WS) acc.nodeWindows[k] = Infinity;
  acc.netDayDemand.fill(0); acc.netDayServed.fill(0);
  if (acc.assembly !== null) acc.assembly.sums.fill(0);
}

export function account(net: CompiledNetwork, st: NetworkState, acc: Accumulators, t: number): void {
  const N = net.nodeIds.length, P = net.productIds.length;
  const measure = t >= net.warmup, c = t - net.warmup, slot = measure ? c % W : 0;
  const a = acc.item, nd = acc.node, rec = acc.record, recording = rec !== null, multi = P > 1, lostSales = net.lost;
  // Series cells of node n on day t: at + n·H (on hand), + N·H (owed), + 2·N·H (in transit).
  const series = acc.seriesRows, writing = series !== null, at = acc.seriesAt + t, H = net.horizon, NH = N * H;
  const several = multi || net.sourcing.any;   // several items per node: several products, or channels (several sources)
  const productBackorders = acc.productBackorders, productShort = acc.productShort, kind = net.stockingKind;
  const win = acc.nodeWindows, components = net.assembly.component;
  const s = st.item;
  const itemNode = net.itemNode, itemProduct = net.itemProduct;
  let netDemand = 0, netServed = 0, netBack = 0, netShort = 0;
  // One pass over the stocking nodes' items. A node's items are contiguous (items are sorted by
  // depth, then node): their day is summed into the node's locals, and the node's day is closed
  // at its last item (with one product, every item).
  const stocking = net.stockingItems;
  let nBack = 0, nShort = 0, nOrd = 0, nSeen = 0, nDem = 0, nSrv = 0, nOh = 0, nOwed = 0, nTr = 0;
  for (let j = 0, J = stocking.length; j < J; j++) {
    const i = stocking[j], n = itemNode[i], k = kind[j];
    const x = i * IS, oh = s[x + ON_HAND], tr = s[x + IN_TRANSIT], q = s[x + ORDERED], b = i * IM;
    if (recording) {
      const k = t * N + n;
      rec!.onHand[k] += oh; rec!.owed[k] += s[x + BACKORDERS] + s[x + OWED_DOWN]; rec!.inTransit[k] += tr; rec!.demand[k] += s[x + DEMAND];
    }
    if (writing) { nOh += oh; nOwed += s[x + BACKORDERS] + s[x + OWED_DOWN]; nTr += tr; }
    // The node's orders for the bullwhip ratio: at a node that assembles, its production orders,
    // not its components' (those are the same orders again, in other units).
    if (components.length === 0 || components[i] === 0) nOrd += q;
    if (measure) {
      a[b + SUM_ON_HAND] += oh; a[b + SUM_IN_TRANSIT] += tr;
      if (q > 0) a[b + SUM_ORDERS]++;
    }
    // Customer flows: always zero at an item without demand, so only demand items read them.
    if ((k & DEMAND_ITEM) !== 0) {
      const bl = s[x + BACKORDERS], dem = s[x + DEMAND], srv = s[x + SERVED];
      nBack += bl; nSeen += dem;
      if (multi) productBackorders[itemProduct[i]] += bl;
      if (dem > 0) {
        netDemand += dem; netServed += srv; nDem += dem; nSrv += srv;
        if (srv < dem) { nShort = 1; if (multi) productShort[itemProduct[i]] = 1; }
      }
      if (measure) {
        a[b + SUM_BACKORDERS] += bl;
        if (dem > 0) {
          a[b + SUM_DEMAND] += dem; a[b + SUM_SERVED] += srv; a[b + SUM_DAYS_DEMAND]++;
          if (srv >= dem) a[b + SUM_DAYS_FULL]++;
        }
        const del = s[x + DELIVERED];
        if (del > 0) a[b + SUM_DELIVERED] += del;
      }
      s[x + DEMAND] = 0; s[x + SERVED] = 0; s[x + DELIVERED] = 0;
      // Lost sales: the lost flow is written only when unmet demand is lost, else always 0.
      if (lostSales) { if (measure && s[x + LOST] > 0) a[b + SUM_LOST] += s[x + LOST]; s[x + LOST] = 0; }
    }
    // Flows to downstream items: always zero at an item without any.
    if ((k & DOWNSTREAM) !== 0) {
      const co = s[x + CHILD_ORDERED];   // what the downstream items ordered today
      nSeen += co;
      s[x + CHILD_ORDERED] = 0;
      if (measure) {
        if (co > 0) a[b + SUM_CHILD_ORDERED] += co;
        a[b + SUM_OWED_DOWN] += s[x + OWED_DOWN];
        const sh = s[x + SHIPPED];
        if (sh > 0) { a[b + SUM_SHIPPED] += sh; a[b + SUM_SAME_DAY] += s[x + SAME_DAY]; }
      }
      s[x + SHIPPED] = 0; s[x + SAME_DAY] = 0;
    }
    s[x + ORDERED] = 0;
    s[x + OPEN_TODAY] = 0;
    if (several && j + 1 < J && itemNode[stocking[j + 1]] === n) continue;   // the node has more items (one product and one source: one item per node)
    // The stocking node's day: stock-out day, largest backorders, order and demand moments, and its 7-day moving fill rate.
    netBack += nBack; if (nShort) netShort = 1;
    if (measure) closeNodeDay(nd, win, n, (k & DEMAND_NODE) !== 0, nBack, nShort, nOrd, nSeen, nDem, nSrv, c, slot);
    if (writing) { const o = at + n * H; series![o] = nOh; series![o + NH] = nOwed; series![o + 2 * NH] = nTr; nOh = 0; nOwed = 0; nTr = 0; }
    nBack = 0; nShort = 0; nOrd = 0; nSeen = 0; nDem = 0; nSrv = 0;
  }
  if (net.mitigations.any) accountMitigations(net, st, acc, measure);
  if (acc.assembly !== null) accountAssembly(net, st, acc.assembly, measure);
  acc.netDayDemand[t] = netDemand; acc.netDayServed[t] = netServed;
  const costUnit = net.laneCostUnit, costShipment = net.laneCostShipment, departed = st.laneDeparted, lane = acc.lane, laneUnits = acc.laneUnits;
  for (let l = 0, L = departed.length; l < L; l++) {
    const x = departed[l];
    if (x > 0) {
      if (measure) { lane[l] += x * costUnit[l] + costShipment[l]; laneUnits[l] += x; }
      departed[l] = 0;
    }
  }
  if (net.anyThroughput) st.nodeShipped.fill(0);
  if (measure) {
    acc.network[0] += netShort;
    if (netBack > acc.network[1]) acc.network[1] = netBack;
  }
  if (multi) closeProductDays(acc, P, measure);
  else if (measure) {
    acc.product[0] += netShort;
    if (netBack > acc.product[1]) acc.product[1] = netBack;
  }
  if (t === net.warmup - 1 || t === net.horizon - 1) snapshotStock(net, st, acc, t);
}

/** Flow balance: each item's stock (on hand + in transit) at the start or the end of the measured days, and at the end the flow tallies. */
function snapshotStock(net: CompiledNetwork, st: NetworkState, acc: Accumulators, t: number): void {
  const end = t === net.horizon - 1, at = end ? net.items : 0, s = st.item;
  for (let i = 0; i < net.items; i++) if (!net.itemSource[i]) acc.stock[at + i] = s[i * IS + ON_HAND] + s[i * IS + IN_TRANSIT];
  if (end) acc.flow.set(st.flow);
}

/** A stocking node's measured day: stock-out day, largest backorders, order and demand moments, 7-day window. */
function closeNodeDay(nd: Float64Array, win: Float64Array, n: number, demandNode: boolean, nBack: number, nShort: number,
  nOrd: number, nSeen: number, nDem: number, nSrv: number, c: number, slot: number): void {
  const b = n * NMS;
  if (nShort) nd[b + N_STOCKOUT_DAYS]++;
  if (nBack > 0 && nBack > nd[b + N_MAX_BACKORDERS]) nd[b + N_MAX_BACKORDERS] = nBack;
  nd[b + N_ORDERED_SUM] += nOrd; nd[b + N_ORDERED_SQUARES] += nOrd * nOrd;
  nd[b + N_SEEN_SUM] += nSeen; nd[b + N_SEEN_SQUARES] += nSeen * nSeen;
  if (!demandNode) return;
  const w = n * WS, kd = w + WIN_DAYS_DEM + slot, ks = w + WIN_DAYS_SRV + slot;
  const sd = win[w + WIN_DEM] + nDem - win[kd], ss = win[w + WIN_SRV] + nSrv - win[ks];
  win[kd] = nDem; win[ks] = nSrv; win[w + WIN_DEM] = sd; win[w + WIN_SRV] = ss;
  // The division only for a candidate: ss / sd < trough implies ss < trough·sd·(1 + 2⁻⁵²) in exact
  // arithmetic, which the product below, rounded, with a 1e-12 margin, never misses.
  const low = win[w + WIN_TROUGH];
  if (c >= W - 1 && sd > 1e-9 && ss < low * sd * (1 + 1e-12) && ss / sd < low) exactTrough(win, w, low);
}

/**
 * A candidate trough, from the 7 days themselves: the running sums drift by rounding (a window
 * with nothing served read −2e-15), while sums of the days, in one order, keep 0 ≤ served ≤
 * demand, so the fill rate stays in [0, 1] and a window with nothing served is exactly 0. The
 * exact sums replace the running ones, so the drift never builds up (and a window served in full
 * reads exactly 1, and is no candidate, on the days after).
 */
function exactTrough(win: Float64Array, w: number, low: number): void {
  let sd = 0, ss = 0;
  for (let k = 0; k < W; k++) { sd += win[w + WIN_DAYS_DEM + k]; ss += win[w + WIN_DAYS_SRV + k]; }
  win[w + WIN_DEM] = sd; win[w + WIN_SRV] = ss;
  if (sd > 1e-9 && ss / sd < low) win[w + WIN_TROUGH] = ss / sd;
}

/** With several products: each product's stock-out day and largest backorders; clears the scratch. */
function closeProductDays(acc: Accumulators, P: number, measure: boolean): void {
  for (let p = 0; p < P; p++) {
    if (measure) {
      if (acc.productShort[p]) acc.product[p]++;
      if (acc.productBackorders[p] > acc.product[P + p]) acc.product[P + p] = acc.productBackorders[p];
    }
    acc.productShort[p] = 0; acc.productBackorders[p] = 0;
  }
}

function accountMitigations(net: CompiledNetwork, st: NetworkState, acc: Accumulators, measure: boolean): void {
  const a = acc.item, s = st.item;
  for (let i = 0; i < net.items; i++) {
    const x = i * IS;
    if (measure) {
      const b = i * IM;
      a[b + SUM_TRANSFERRED] += s[x + TRANSFERRED]; a[b + SUM_EXPEDITED] += s[x + EXPEDITED];
      a[b + SUM_TRANSFER_COST] += s[x + TRANSFER_COST]; a[b + SUM_EXPEDITE_COST] += s[x + EXPEDITE_COST];
    }
    s[x + TRANSFERRED] = 0; s[x + EXPEDITED] = 0; s[x + TRANSFER_COST] = 0; s[x + EXPEDITE_COST] = 0;
  }
}
