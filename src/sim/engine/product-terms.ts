/**
 * Product shards (docs/scale-out.md, "Product shards"): a replication of a sub-network that
 * simulates some of the products, written as the terms a merge needs to rebuild the whole
 * network's accumulators (product-replay.ts) and so its KPI row, bit for bit.
 *
 * Per-item sums travel whole. What the accounting sums over the products of a node or of the
 * network each day (a node's backorders, demand, served, orders and downstream orders; a lane's
 * units departed) travels as this sub-network's share, per measured day: the whole run's figure
 * is the sum of the shares. That sum is the engine's own, bit for bit, only because every term is
 * a whole number (floating-point addition of whole numbers below 2⁵³ is exact in any order);
 * product-split.ts refuses the scenarios whose units can be fractional, and `recordTerms` checks
 * every share it writes.
 *
 * The shares are read after each day from what the engine keeps anyway (differences of running
 * sums of whole numbers, exact too), so the kernel is run as it is, through `simulateDay`.
 */
import type { Scenario } from "../model/index.ts";
import type { Accumulators, CompiledNetwork, NetworkState } from "../kernel/index.ts";
import { ITEM, ITEM_METRICS, ITEM_SUM, NODE_METRICS, NODE_SUM, createAccumulators, createDayRecord, createState, simulateDay } from "../kernel/index.ts";
import { compiled } from "./compiled.ts";
import { startReplication } from "./simulation.ts";

/** Per item: its ITEM_METRICS sums, its stock at the start and the end of the measured days, its three flow tallies. */
export const ITEM_TERMS = ITEM_METRICS + 5;
/** Per node and measured day: backorders, customer demand, served at once, downstream orders, own orders (NODE_TERM offsets). */
export const NODE_TERM = { backorders: 0, demand: 1, served: 2, childOrdered: 3, ordered: 4 } as const;
export const NODE_TERMS = 5;
/** Per day, network: customer demand and units served at once (all days, as acc.netDayDemand / netDayServed). */
export const NET_TERMS = 2;
/** Per product: stock-out days and largest backorders (acc.product). */
export const PRODUCT_TERMS = 2;
/** With series, per node and day: on hand, owed, in transit (acc.record). */
export const RECORD_TERMS = 3;

/** Where each block of a replication's terms starts (Float64 offsets) and how long the record is. */
export interface TermsLayout {
  readonly items: number;
  readonly nodes: number;
  readonly lanes: number;
  readonly products: number;
  readonly horizon: number;
  /** Measured days: horizon − warmup. */
  readonly measured: number;
  readonly series: boolean;
  readonly at: { readonly items: number; readonly nodeDays: number; readonly laneDays: number; readonly netDays: number; readonly products: number; readonly record: number };
  readonly length: number;
}

export function termsLayout(net: CompiledNetwork, series: boolean): TermsLayout {
  const items = net.items, nodes = net.nodeIds.length, lanes = net.laneFrom.length, products = net.productIds.length;
  const horizon = net.horizon, measured = net.horizon - net.warmup;
  const nodeDays = items * ITEM_TERMS, laneDays = nodeDays + measured * nodes * NODE_TERMS, netDays = laneDays + measured * lanes;
  const prod = netDays + horizon * NET_TERMS, record = prod + products * PRODUCT_TERMS;
  const length = record + (series ? RECORD_TERMS * nodes * horizon : 0);
  return { items, nodes, lanes, products, horizon, measured, series, at: { items: 0, nodeDays, laneDays, netDays, products: prod, record }, length };
}

/** An item's identity across networks: its node and product, and for a channel the lane it stands for. */
export function itemKeys(net: CompiledNetwork): string[] {
  const into = net.sourcing.itemInto, lane = net.itemLane;
  return Array.from({ length: net.items }, (_, i) => {
    const base = `${net.nodeIds[net.itemNode[i]]}|${net.productIds[net.itemProduct[i]]}`;
    return into[i] === i ? base : `${base}|${laneKey(net, lane[i])}`;
  });
}

export const laneKey = (net: CompiledNetwork, l: number) => `${net.nodeIds[net.laneFrom[l]]}>${net.nodeIds[net.laneTo[l]]}`;

/** A share that is not a whole number: the product shard cannot be merged exactly. */
export class FractionalUnitsError extends Error {
  override name = "FractionalUnitsError";
}

const { backorders: BACKORDERS, stride: IS } = ITEM;

/**
 * Replications from … to − 1 of `scenario` (a product subset of the whole run's scenario), each
 * handed to `emit` as its terms (termsLayout order; the array is reused).
 */
export function runProductTerms(scenario: Scenario, req: { readonly from: number; readonly to: number; readonly series: boolean },
  emit: (replication: number, terms: Float64Array) => void): TermsLayout {
  const net = compiled(scenario), st = createState(net), acc = createAccumulators(net), layout = termsLayout(net, req.series);
  const out = new Float64Array(layout.length);
  if (req.series) acc.record = createDayRecord(net);
  const observer = createDayObserver(net, layout);
  for (let r = req.from; r < req.to; r++) {
    startReplication(net, st, acc, r);
    out.fill(0);
    observer.start();
    for (let t = 0; t < net.horizon; t++) {
      simulateDay(net, st, acc);
      if (t >= net.warmup) observer.day(st, acc, out, t - net.warmup, r);
    }
    recordEnd(net, acc, out, layout);
    checkWhole(out, layout.at.netDays, layout.at.products, `replication ${r}: the network's daily demand or demand served`);
    if (layout.series) checkWhole(out, layout.at.record, layout.length, `replication ${r}: a node's daily stock (series)`);
    emit(r, out);
  }
  return layout;
}

/** Reads each measured day's shares from the day's change in the running sums. */
function createDayObserver(net: CompiledNetwork, layout: TermsLayout) {
  const N = layout.nodes, L = layout.lanes, W = ITEM_METRICS, stocking = net.stockingItems;
  const dem = new Float64Array(N), srv = new Float64Array(N), prevDem = new Float64Array(N), prevSrv = new Float64Array(N);
  const prevOrd = new Float64Array(N), prevSeen = new Float64Array(N), prevLane = new Float64Array(L);
  const check = (v: number, what: string, r: number, c: number) => {
    if (!Number.isInteger(v)) throw new FractionalUnitsError(`replication ${r}, day ${net.warmup + c}: ${what} is ${v}, not a whole number of units, so the products' shares cannot be added back exactly; run this scenario with replication shards (--shard) instead`);
  };
  return {
    start() { prevDem.fill(0); prevSrv.fill(0); prevOrd.fill(0); prevSeen.fill(0); prevLane.fill(0); },
    day(st: NetworkState, acc: Accumulators, out: Float64Array, c: number, r: number) {
      dem.fill(0); srv.fill(0);
      const base = layout.at.nodeDays + c * N * NODE_TERMS;
      for (let j = 0; j < stocking.length; j++) {
        const i = stocking[j], n = net.itemNode[i];
        dem[n] += acc.item[i * W + ITEM_SUM.demand]; srv[n] += acc.item[i * W + ITEM_SUM.served];
        out[base + n * NODE_TERMS + NODE_TERM.backorders] += st.item[i * IS + BACKORDERS];
      }
      for (let n = 0; n < N; n++) {
        const b = base + n * NODE_TERMS, ord = acc.node[n * NODE_METRICS + NODE_SUM.orderedSum], seen = acc.node[n * NODE_METRICS + NODE_SUM.seenSum];
        const d = dem[n] - prevDem[n], s = srv[n] - prevSrv[n];
        out[b + NODE_TERM.demand] = d; out[b + NODE_TERM.served] = s;
        out[b + NODE_TERM.ordered] = ord - prevOrd[n]; out[b + NODE_TERM.childOrdered] = seen - prevSeen[n] - d;
        prevDem[n] = dem[n]; prevSrv[n] = srv[n]; prevOrd[n] = ord; prevSeen[n] = seen;
        const id = net.nodeIds[n];
        check(out[b + NODE_TERM.backorders], `the backorders at "${id}"`, r, c);
        check(d, `the demand at "${id}"`, r, c); check(s, `the demand served at "${id}"`, r, c);
        check(out[b + NODE_TERM.ordered], `the units "${id}" ordered`, r, c); check(out[b + NODE_TERM.childOrdered], `the units ordered from "${id}"`, r, c);
      }
      const lb = layout.at.laneDays + c * L;
      for (let l = 0; l < L; l++) {
        const x = acc.laneUnits[l] - prevLane[l];
        out[lb + l] = x; prevLane[l] = acc.laneUnits[l];
        check(x, `the units departed on the lane ${laneKey(net, l)}`, r, c);
      }
    },
  };
}

function checkWhole(a: Float64Array, from: number, to: number, what: string): void {
  for (let k = from; k < to; k++) if (!Number.isInteger(a[k])) throw new FractionalUnitsError(`${what} is ${a[k]}, not a whole number of units, so the products' shares cannot be added back exactly; run this scenario with replication shards (--shard) instead`);
}

/** The replication's per-item sums, network days, per-product figures and (with series) day record. */
function recordEnd(net: CompiledNetwork, acc: Accumulators, out: Float64Array, layout: TermsLayout): void {
  const I = net.items, W = ITEM_METRICS;
  for (let i = 0; i < I; i++) {
    const b = i * ITEM_TERMS;
    out.set(acc.item.subarray(i * W, (i + 1) * W), b);
    out[b + W] = acc.stock[i]; out[b + W + 1] = acc.stock[I + i];
    out.set(acc.flow.subarray(i * 3, i * 3 + 3), b + W + 2);
  }
  for (let t = 0; t < layout.horizon; t++) {
    out[layout.at.netDays + t * NET_TERMS] = acc.netDayDemand[t];
    out[layout.at.netDays + t * NET_TERMS + 1] = acc.netDayServed[t];
  }
  out.set(acc.product, layout.at.products);
  if (layout.series) {
    const rec = acc.record!, n = layout.nodes * layout.horizon;
    out.set(rec.onHand, layout.at.record); out.set(rec.owed, layout.at.record + n); out.set(rec.inTransit, layout.at.record + 2 * n);
  }
}
