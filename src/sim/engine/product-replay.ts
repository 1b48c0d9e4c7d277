/**
 * The merge side of product shards (product-terms.ts): the whole network's accumulators of one
 * replication rebuilt from the terms of parts that together simulate every product once, then its
 * KPI row and series row written by the engine's own writers (kpis.ts, series.ts).
 *
 * Per-item sums are copied to their items. What the accounting sums over products each day is
 * replayed through the kernel's own `account`: each node's summed shares are set on one of its
 * items (the rest stay 0, and x + 0 = x), each lane's on its departures, so stock-out days,
 * largest backorders, the order-variance moments, the 7-day moving fill rate, the network's
 * figures and the lanes' costs come from the code and the order of a whole run. The item and
 * product sums `account` also writes are then overwritten with the parts' own.
 */
import type { CompiledNetwork } from "../kernel/index.ts";
import { ITEM, ITEM_METRICS, createAccumulators, createDayRecord, createState, resetAccumulators } from "../kernel/index.ts";
import { account } from "../kernel/accounting.ts";
import { STOCKING } from "../kernel/network.ts";
import { createKpiWriter } from "./kpis.ts";
import { writeSeries } from "./series.ts";
import { ITEM_TERMS, NET_TERMS, NODE_TERM, NODE_TERMS, itemKeys, laneKey, type TermsLayout } from "./product-terms.ts";

/** One part's sub-network as its header describes it: its layout and the keys of its items, lanes and products. */
export interface TermsSource {
  readonly layout: TermsLayout;
  readonly items: readonly string[];
  readonly lanes: readonly string[];
  readonly products: readonly string[];
}

export interface Replay {
  readonly columns: number;
  readonly cells: number;
  /** One replication: `terms[k]` is part k's record; writes the KPI row at row[offset …] and, with series, the series row. */
  replay(terms: readonly Float64Array[], row: Float64Array, offset: number, series?: Float32Array, seriesOffset?: number): void;
}

/** Why these parts do not make up `net` (each item and product in exactly one part, lanes and days alike), or null. */
export function replayProblem(net: CompiledNetwork, sources: readonly TermsSource[]): string | null {
  const keys = itemKeys(net), index = new Map(keys.map((k, i) => [k, i])), seen = new Uint8Array(net.items);
  const lanes = new Set(Array.from({ length: net.laneFrom.length }, (_, l) => laneKey(net, l)));
  for (const s of sources) {
    if (s.layout.nodes !== net.nodeIds.length || s.layout.horizon !== net.horizon || s.layout.measured !== net.horizon - net.warmup) return "a part's network has other nodes or days than the scenario's";
    for (const k of s.items) {
      const i = index.get(k);
      if (i === undefined) return `a part simulates an item the scenario does not have (${k})`;
      if (seen[i]) return `the item ${k} is simulated by more than one part`;
      seen[i] = 1;
    }
    const odd = s.lanes.find((l) => !lanes.has(l));
    if (odd) return `a part has a lane the scenario does not have (${odd})`;
  }
  const missing = seen.indexOf(0);
  return missing >= 0 ? `no part simulates the item ${keys[missing]}` : null;
}

export function createReplay(net: CompiledNetwork, sources: readonly TermsSource[], series: boolean): Replay {
  const problem = replayProblem(net, sources);
  if (problem) throw new Error(problem);
  const N = net.nodeIds.length, L = net.laneFrom.length, H = net.horizon, M = H - net.warmup, P = net.productIds.length;
  const keys = itemKeys(net), itemAt = new Map(keys.map((k, i) => [k, i]));
  const laneAt = new Map(Array.from({ length: L }, (_, l) => [laneKey(net, l), l]));
  const maps = sources.map((s) => ({
    items: Int32Array.from(s.items, (k) => itemAt.get(k)!),
    lanes: Int32Array.from(s.lanes, (k) => laneAt.get(k)!),
    products: Int32Array.from(s.products, (id) => net.productIds.indexOf(id)),
    layout: s.layout,
  }));
  const st = createState(net), acc = createAccumulators(net), writer = createKpiWriter(net), replayNet = forReplay(net);
  if (series) acc.record = createDayRecord(net);
  const cells = series ? (3 * N + 1) * H : 0;
  const { demandItem, downstreamItem, anyItem } = representatives(net);
  const nodeDays = new Float64Array(M * N * NODE_TERMS), laneDays = new Float64Array(M * L);

  function sumShares(terms: readonly Float64Array[]): void {
    nodeDays.fill(0); laneDays.fill(0); acc.netDayDemand.fill(0); acc.netDayServed.fill(0);
    maps.forEach((m, k) => {
      const t = terms[k], at = m.layout.at, Lk = m.lanes.length;
      for (let j = 0; j < nodeDays.length; j++) nodeDays[j] += t[at.nodeDays + j];
      for (let c = 0; c < M; c++) for (let l = 0; l < Lk; l++) laneDays[c * L + m.lanes[l]] += t[at.laneDays + c * Lk + l];
      for (let d = 0; d < H; d++) { acc.netDayDemand[d] += t[at.netDays + d * NET_TERMS]; acc.netDayServed[d] += t[at.netDays + d * NET_TERMS + 1]; }
    });
  }

  /** The measured days through the kernel's accounting, each node's shares on its representative items. */
  function replayDays(): void {
    const s = st.item, IS = ITEM.stride;
    for (let c = 0; c < M; c++) {
      const b = c * N * NODE_TERMS;
      for (let n = 0; n < N; n++) {
        const x = b + n * NODE_TERMS;
        if (demandItem[n] >= 0) {
          const d = demandItem[n] * IS;
          s[d + ITEM.backorders] = nodeDays[x + NODE_TERM.backorders]; s[d + ITEM.demand] = nodeDays[x + NODE_TERM.demand]; s[d + ITEM.served] = nodeDays[x + NODE_TERM.served];
        }
        if (downstreamItem[n] >= 0) s[downstreamItem[n] * IS + ITEM.childOrdered] = nodeDays[x + NODE_TERM.childOrdered];
        if (anyItem[n] >= 0) s[anyItem[n] * IS + ITEM.ordered] = nodeDays[x + NODE_TERM.ordered];
      }
      st.laneDeparted.set(laneDays.subarray(c * L, (c + 1) * L));
      const netDemand = acc.netDayDemand[net.warmup + c], netServed = acc.netDayServed[net.warmup + c];
      account(replayNet, st, acc, net.warmup + c);
      acc.netDayDemand[net.warmup + c] = netDemand; acc.netDayServed[net.warmup + c] = netServed;
    }
  }

  /** The parts' own per-item sums, per-product figures and day record over what the replay wrote. */
  function copyOwn(terms: readonly Float64Array[]): void {
    const I = net.items, W = ITEM_METRICS;
    if (acc.record) for (const a of Object.values(acc.record)) (a as Float64Array).fill(0);
    maps.forEach((m, k) => {
      const t = terms[k], at = m.layout.at, Ps = m.products.length;
      for (let j = 0; j < m.items.length; j++) {
        const i = m.items[j], b = at.items + j * ITEM_TERMS;
        acc.item.set(t.subarray(b, b + W), i * W);
        acc.stock[i] = t[b + W]; acc.stock[I + i] = t[b + W + 1];
        acc.flow.set(t.subarray(b + W + 2, b + W + 5), i * 3);
      }
      for (let p = 0; p < Ps; p++) { acc.product[m.products[p]] = t[at.products + p]; acc.product[P + m.products[p]] = t[at.products + Ps + p]; }
      if (acc.record && m.layout.series) {
        const r = acc.record, n = N * H;
        for (let j = 0; j < n; j++) { r.onHand[j] += t[at.record + j]; r.owed[j] += t[at.record + n + j]; r.inTransit[j] += t[at.record + 2 * n + j]; }
      }
    });
  }

  return {
    columns: writer.columns, cells,
    replay(terms, row, offset, seriesOut, seriesOffset = 0) {
      resetAccumulators(acc);
      st.item.fill(0); st.laneDeparted.fill(0);
      sumShares(terms);
      replayDays();
      copyOwn(terms);
      writer.write(acc, row, offset);
      if (seriesOut) writeSeries(net, acc, seriesOut, seriesOffset);
    },
  };
}

/**
 * The network as the replay's `account` sees it: only the representative items among the stocking
 * items (in item order, with their kinds), and no mitigation sums, which only add to per-item sums
 * the replay overwrites. The other items' shares are 0 and would add 0; leaving them out makes a
 * replayed day cost a few items a node instead of the whole catalogue.
 */
function forReplay(net: CompiledNetwork): CompiledNetwork {
  const { demandItem, downstreamItem, anyItem } = representatives(net), keep = new Uint8Array(net.items);
  for (const rep of [demandItem, downstreamItem, anyItem]) for (const i of rep) if (i >= 0) keep[i] = 1;
  const js = Array.from(net.stockingItems.keys()).filter((j) => keep[net.stockingItems[j]]);
  return {
    ...net,
    stockingItems: Int32Array.from(js, (j) => net.stockingItems[j]), stockingKind: Uint8Array.from(js, (j) => net.stockingKind[j]),
    mitigations: { ...net.mitigations, any: false },
  };
}

/**
 * Per node, the items the replay sets its shares on: its last demand item, its last item with
 * downstream items, its last item (−1: none). The node's day closes at its last item, after all.
 */
function representatives(net: CompiledNetwork) {
  const N = net.nodeIds.length, demandItem = new Int32Array(N).fill(-1), downstreamItem = new Int32Array(N).fill(-1), anyItem = new Int32Array(N).fill(-1);
  net.stockingItems.forEach((i, j) => {
    const n = net.itemNode[i], k = net.stockingKind[j];
    if (k & STOCKING.demand) demandItem[n] = i;
    if (k & STOCKING.downstream) downstreamItem[n] = i;
    anyItem[n] = i;
  });
  return { demandItem, downstreamItem, anyItem };
}
