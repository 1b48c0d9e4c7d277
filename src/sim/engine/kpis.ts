/**
 * Accumulators of one replication → its KPI row (kpis.md; docs/kpis.md says how each is
 * computed). Sums are first gathered per scope (network, node, product) over the items, then
 * each KPI is a ratio of sums. Undefined values (no demand, no variance) are NaN.
 */
import type { CompiledNetwork } from "../kernel/network.ts";
import { EXPEDITE_FROM } from "../kernel/network.ts";
import type { Accumulators } from "../kernel/accounting.ts";
import { ITEM_METRICS, ITEM_SUM, NODE_METRICS, NODE_SUM, nodeTrough } from "../kernel/accounting.ts";
import { ASSEMBLY_SUM } from "../kernel/assembly-accounting.ts";
import { keysFor } from "./columns.ts";
import { movingFillTrough, recoveryDays } from "./moving-fill.ts";

/** Scope sums: the item metrics (by M) plus derived value sums. */
const X = {
  onHandValue: ITEM_METRICS, deliveredValue: ITEM_METRICS + 1, outflowValue: ITEM_METRICS + 2, subtreeDemand: ITEM_METRICS + 3,
  holding: ITEM_METRICS + 4, pipeline: ITEM_METRICS + 5, backorderCost: ITEM_METRICS + 6, lostSaleCost: ITEM_METRICS + 7,
  orderCost: ITEM_METRICS + 8,
} as const;
const SUMS = ITEM_METRICS + 9;

/** KPI keys compiled to numbers once per writer, so a row is written with numeric switches (unknown keys: −1, NaN). */
const K = {
  fillRate: 0,
  cycleServiceLevel: 1,
  internalFillRate: 2,
  onHand: 3,
  onHandValue: 4,
  inTransit: 5,
  backorders: 6,
  owedDownstream: 7,
  lostSales: 8,
  demand: 9,
  inventoryTurns: 10,
  daysOfSupply: 11,
  orders: 12,
  holdingCost: 13,
  pipelineCost: 14,
  backorderCost: 15,
  lostSaleCost: 16,
  orderCost: 17,
  transportCost: 18,
  transferCost: 19,
  expediteCost: 20,
  totalCost: 21,
  stockoutDays: 22,
  maxBackorders: 23,
  orderVarianceRatio: 24,
  transferred: 25,
  expedited: 26,
  serviceTrough: 27,
  recoveryDays: 28,
  unitsShort: 29,
  unitsReceived: 30,
  unitsDelivered: 31,
  unitsSent: 32,
  unitsLost: 33,
  stockStart: 34,
  stockEnd: 35,
  unitsConsumed: 36,
  unitsAssembled: 37,
  componentStock: 38,
  starvedDays: 39,
  starvedUnits: 40,
} as const;
/** Assembly totals per scope (A_* offsets into a scope's record of the assembly sums). */
const A_CONSUMED = 0, A_ASSEMBLED = 1, A_COMPONENT_STOCK = 2, A = 3;
/** Flow-balance totals per node (F_* offsets into a node's record of `flows`). */
const F_RECEIVED = 0, F_SENT = 1, F_LOST = 2, F_START = 3, F_END = 4, F = 5;
/** Sample variance from a sum and a sum of squares over `days` values. */
function variance(sum: number, squares: number, days: number): number {
  return (squares - (sum * sum) / days) / (days - 1);
}

const keyCode = (key: string): number => (K as Readonly<Record<string, number>>)[key] ?? -1;

export interface KpiWriter {
  readonly columns: number;
  /** Writes one replication's KPI row into out[offset …]. */
  write(acc: Accumulators, out: Float64Array, offset: number): void;
}

export function createKpiWriter(net: CompiledNetwork): KpiWriter {
  const asm = net.assembly, assembly = asm.any;
  const netKeys = keysFor("network", assembly).map(keyCode), nodeKeys = keysFor("node", assembly).map(keyCode), prodKeys = keysFor("product", assembly).map(keyCode);
  const S = net.stockingNodes.length, P = net.productIds.length, I = net.items, N = net.nodeIds.length;
  const columns = netKeys.length + S * nodeKeys.length + P * prodKeys.length;
  const netSum = new Float64Array(SUMS), nodeSum = new Float64Array(SUMS * N), prodSum = new Float64Array(SUMS * P);
  const days = net.horizon - net.warmup;
  const subtreeDemand = new Float64Array(I), nodeTransport = new Float64Array(N);
  const flows = new Float64Array(F * N), netFlows = new Float64Array(F), stocking = new Uint8Array(N);
  for (const n of net.stockingNodes) stocking[n] = 1;
  const asmNet = new Float64Array(A), asmNode = new Float64Array(assembly ? A * N : 0), asmProd = new Float64Array(assembly ? A * P : 0);
  // Units in assembly are held at the value of their components: a made item's in-transit rate is Σ quantity × the component's holding cost.
  const wipRate = new Float64Array(assembly ? I : 0);
  for (let i = 0; i < wipRate.length; i++) for (let k = asm.compStart[i]; k < asm.compStart[i + 1]; k++) wipRate[i] += asm.compQty[k] * net.itemHolding[asm.compList[k]];

  // No closures created per replication: under tsx (esbuild's keepNames) each creation also
  // names the function (Object.defineProperty), which cost a quarter of writing a row.
  function add(n: number, p: number, m: number, v: number): void {
    netSum[m] += v;
    nodeSum[n * SUMS + m] += v; prodSum[p * SUMS + m] += v;
  }

  function gather(acc: Accumulators): void {
    netSum.fill(0); nodeSum.fill(0); prodSum.fill(0);
    const a = acc.item;
    const W = ITEM_METRICS;
    for (let i = I - 1; i >= 0; i--) {
      let sd = a[i * W + ITEM_SUM.demand];
      for (let k = net.childStart[i]; k < net.childStart[i + 1]; k++) sd += subtreeDemand[net.childList[k]];
      // A channel (several sources) carries its share of the demand below its item, which sorts after it.
      const into = net.sourcing.itemInto[i];
      // A component carries the demand of what it is made into, in its own units.
      if (assembly) for (let k = asm.usedStart[i]; k < asm.usedStart[i + 1]; k++) sd += asm.usedQty[k] * subtreeDemand[asm.usedList[k]];
      subtreeDemand[i] = into === i ? sd : subtreeDemand[into] * net.sourcing.share[i];
    }
    for (let i = 0; i < I; i++) {
      if (net.itemSource[i]) continue;
      const n = net.itemNode[i], p = net.itemProduct[i], c = net.unitCost[p], b = i * W;
      for (let m = 0; m < W; m++) add(n, p, m, a[b + m]);
      add(n, p, X.onHandValue, a[b + ITEM_SUM.onHand] * c);
      add(n, p, X.deliveredValue, a[b + ITEM_SUM.delivered] * c);
      nodeSum[n * SUMS + X.outflowValue] += (a[b + ITEM_SUM.delivered] + a[b + ITEM_SUM.shipped]) * c;
      // A node's days of supply are in the units it delivers and ships: its components' demand is its made items' demand again,
      // and its channels' shares (one per source) are its own item's demand again, counted upstream at each source.
      if ((!assembly || asm.component[i] === 0) && net.sourcing.itemInto[i] === i) nodeSum[n * SUMS + X.subtreeDemand] += subtreeDemand[i];
      add(n, p, X.holding, a[b + ITEM_SUM.onHand] * net.itemHolding[i]);
      add(n, p, X.backorderCost, a[b + ITEM_SUM.backorders] * net.backorderCost);
      add(n, p, X.lostSaleCost, a[b + ITEM_SUM.lost] * net.lostSaleCost);
      add(n, p, X.orderCost, a[b + ITEM_SUM.orders] * net.orderFixed);
      const sup = net.itemSupplier[i];   // pipeline holding is charged to the node that shipped
      if (sup >= 0 && !net.itemSource[sup]) add(net.itemNode[sup], p, X.pipeline, a[b + ITEM_SUM.inTransit] * net.itemHolding[sup]);
      else if (assembly && asm.made[i] === 1) add(n, p, X.pipeline, a[b + ITEM_SUM.inTransit] * wipRate[i]);
    }
  }

  /** Assembly totals per node, product and network from the per-item sums (kernel/assembly-accounting.ts). */
  function gatherAssembly(acc: Accumulators): void {
    asmNet.fill(0); asmNode.fill(0); asmProd.fill(0);
    const sums = acc.assembly!.sums, a = acc.item;
    for (let i = 0; i < I; i++) {
      if (net.itemSource[i]) continue;
      const b = i * ASSEMBLY_SUM.itemFields, n = net.itemNode[i] * A, p = net.itemProduct[i] * A;
      const used = sums[b + ASSEMBLY_SUM.consumed], made = sums[b + ASSEMBLY_SUM.assembled];
      const stock = asm.component[i] === 1 ? a[i * ITEM_METRICS + ITEM_SUM.onHand] : 0;
      asmNet[A_CONSUMED] += used; asmNode[n + A_CONSUMED] += used; asmProd[p + A_CONSUMED] += used;
      asmNet[A_ASSEMBLED] += made; asmNode[n + A_ASSEMBLED] += made; asmProd[p + A_ASSEMBLED] += made;
      asmNet[A_COMPONENT_STOCK] += stock; asmNode[n + A_COMPONENT_STOCK] += stock; asmProd[p + A_COMPONENT_STOCK] += stock;
    }
  }

  /** An assembly KPI from a scope's totals (v[b …]) and its starved record in the assembly sums (at). */
  function assemblyKpi(key: number, v: Float64Array, b: number, acc: Accumulators, at: number): number {
    const sums = acc.assembly!.sums;
    switch (key) {
      case K.unitsConsumed: return v[b + A_CONSUMED];
      case K.unitsAssembled: return v[b + A_ASSEMBLED];
      case K.componentStock: return v[b + A_COMPONENT_STOCK] / days;
      case K.starvedDays: return sums[at + ASSEMBLY_SUM.scopeDays];
      case K.starvedUnits: return sums[at + ASSEMBLY_SUM.scopeUnits] / days;
    }
    return NaN;
  }

  /**
   * Flow balance per node and for the network, from sums the engine keeps anyway: lane units,
   * expedites and transfers in; shipped, transferred and expedited out; write-offs; stock snapshots.
   * The network receives only what comes from suppliers; moves between stocking nodes cancel.
   */
  function gatherFlows(acc: Accumulators): void {
    flows.fill(0); netFlows.fill(0);
    const a = acc.item, fl = acc.flow, W = ITEM_METRICS, exp = net.mitigations.expFrom;
    for (let l = 0; l < net.laneTo.length; l++) {
      flows[net.laneTo[l] * F + F_RECEIVED] += acc.laneUnits[l];
      if (!stocking[net.laneFrom[l]]) netFlows[F_RECEIVED] += acc.laneUnits[l];
    }
    for (let i = 0; i < I; i++) {
      if (net.itemSource[i]) continue;
      const f = net.itemNode[i] * F, b = i * W, x = a[b + ITEM_SUM.expedited];
      const start = net.warmup === 0 ? net.itemInitial[i] : acc.stock[i], end = acc.stock[I + i];
      flows[f + F_RECEIVED] += x + fl[i * 3];
      if (exp[i] === EXPEDITE_FROM.outsideSupplier) netFlows[F_RECEIVED] += x;
      flows[f + F_SENT] += a[b + ITEM_SUM.shipped] + a[b + ITEM_SUM.transferred] + fl[i * 3 + 1];
      flows[f + F_LOST] += fl[i * 3 + 2]; netFlows[F_LOST] += fl[i * 3 + 2];
      flows[f + F_START] += start; netFlows[F_START] += start;
      flows[f + F_END] += end; netFlows[F_END] += end;
    }
  }

  function flowKpi(key: number, v: Float64Array, b: number, delivered: number): number {
    switch (key) {
      case K.unitsReceived: return v[b + F_RECEIVED];
      case K.unitsDelivered: return delivered;
      case K.unitsSent: return v[b + F_SENT];
      case K.unitsLost: return v[b + F_LOST];
      case K.stockStart: return v[b + F_START];
      case K.stockEnd: return v[b + F_END];
    }
    return NaN;
  }

  function write(acc: Accumulators, out: Float64Array, offset: number): void {
    gather(acc);
    gatherFlows(acc);
    if (assembly) gatherAssembly(acc);
    let o = offset, transport = 0;
    nodeTransport.fill(0);   // each lane's cost is the receiving node's
    for (let l = 0; l < net.laneTo.length; l++) nodeTransport[net.laneTo[l]] += acc.lane[l];
    for (let n = 0; n < N; n++) transport += nodeTransport[n];
    for (let j = 0; j < netKeys.length; j++) out[o++] = networkKpi(netKeys[j], acc, transport);
    for (let s = 0; s < S; s++) {
      const n = net.stockingNodes[s];
      for (let j = 0; j < nodeKeys.length; j++) out[o++] = nodeKpi(nodeKeys[j], n, acc);
    }
    for (let p = 0; p < P; p++) for (let j = 0; j < prodKeys.length; j++) out[o++] = productKpi(prodKeys[j], p, acc);
  }

  const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
  /** KPIs defined the same way at every level from the scope's sums. */
  function common(key: number, v: Float64Array, b: number): number {
    switch (key) {
      case K.fillRate: return ratio(v[b + ITEM_SUM.served], v[b + ITEM_SUM.demand]);
      case K.cycleServiceLevel: return ratio(v[b + ITEM_SUM.daysFull], v[b + ITEM_SUM.daysDemand]);
      case K.onHand: return v[b + ITEM_SUM.onHand] / days;
      case K.onHandValue: return v[b + X.onHandValue] / days;
      case K.inTransit: return v[b + ITEM_SUM.inTransit] / days;
      case K.backorders: return v[b + ITEM_SUM.backorders] / days;
      case K.owedDownstream: return v[b + ITEM_SUM.owedDown] / days;
      case K.lostSales: return v[b + ITEM_SUM.lost] / days;
      // Σ demand and Σ served are summed in the same order and served ≤ demand every day, so this is never < 0.
      case K.unitsShort: return (v[b + ITEM_SUM.demand] - v[b + ITEM_SUM.served]) / days;
      case K.demand: return v[b + ITEM_SUM.demand] / days;
      case K.orders: return v[b + ITEM_SUM.orders] / days;
      case K.holdingCost: return v[b + X.holding] / days;
      case K.pipelineCost: return v[b + X.pipeline] / days;
      case K.backorderCost: return v[b + X.backorderCost] / days;
      case K.lostSaleCost: return v[b + X.lostSaleCost] / days;
      case K.orderCost: return v[b + X.orderCost] / days;
      case K.transferCost: return v[b + ITEM_SUM.transferCost] / days;
      case K.expediteCost: return v[b + ITEM_SUM.expediteCost] / days;
      case K.transferred: return v[b + ITEM_SUM.transferred] / days;
      case K.expedited: return v[b + ITEM_SUM.expedited] / days;
    }
    return NaN;
  }
  const itemCosts = (v: Float64Array, b: number) =>
    v[b + X.holding] + v[b + X.pipeline] + v[b + X.backorderCost] + v[b + X.lostSaleCost] +
    v[b + X.orderCost] + v[b + ITEM_SUM.transferCost] + v[b + ITEM_SUM.expediteCost];

  function networkKpi(key: number, acc: Accumulators, transport: number): number {
    switch (key) {
      case K.inventoryTurns: return ratio(netSum[X.deliveredValue] * 365, netSum[X.onHandValue]);
      case K.daysOfSupply: return ratio(netSum[ITEM_SUM.onHand], netSum[ITEM_SUM.demand]);
      case K.transportCost: return transport / days;
      case K.totalCost: return (itemCosts(netSum, 0) + transport) / days;
      case K.stockoutDays: return acc.network[0];
      case K.maxBackorders: return acc.network[1];
      case K.serviceTrough: return movingFillTrough(acc.netDayDemand, acc.netDayServed, net.warmup, net.horizon);
      case K.recoveryDays: return recoveryDays(acc.netDayDemand, acc.netDayServed, net.warmup, net.horizon, net.disruptions.firstWindowStart);
    }
    if (key >= K.unitsConsumed) return assemblyKpi(key, asmNet, 0, acc, acc.assembly!.networkAt);
    if (key >= K.unitsReceived) return flowKpi(key, netFlows, 0, netSum[ITEM_SUM.delivered]);
    return common(key, netSum, 0);
  }

  function nodeKpi(key: number, n: number, acc: Accumulators): number {
    const b = n * SUMS, nd = acc.node;
    switch (key) {
      case K.internalFillRate: return ratio(nodeSum[b + ITEM_SUM.sameDay], nodeSum[b + ITEM_SUM.childOrdered]);
      case K.inventoryTurns: return ratio(nodeSum[b + X.outflowValue] * 365, nodeSum[b + X.onHandValue]);
      case K.daysOfSupply: return ratio(nodeSum[b + ITEM_SUM.onHand], nodeSum[b + X.subtreeDemand]);
      case K.transportCost: return nodeTransport[n] / days;
      case K.totalCost: return (itemCosts(nodeSum, b) + nodeTransport[n]) / days;
      case K.stockoutDays: return net.nodeDemand[n] ? nd[n * NODE_METRICS + NODE_SUM.stockoutDays] : NaN;
      case K.maxBackorders: return nd[n * NODE_METRICS + NODE_SUM.maxBackorders];
      case K.orderVarianceRatio: return varianceRatio(nd, n);
      case K.serviceTrough: return nodeTrough(acc, n);
    }
    if (key >= K.unitsConsumed) return assemblyKpi(key, asmNode, n * A, acc, acc.assembly!.nodeAt + n * ASSEMBLY_SUM.scopeFields);
    if (key >= K.unitsReceived) return flowKpi(key, flows, n * F, nodeSum[b + ITEM_SUM.delivered]);
    return common(key, nodeSum, b);
  }

  function varianceRatio(nd: Float64Array, n: number): number {
    if (days < 2) return NaN;
    const vo = variance(nd[n * NODE_METRICS + NODE_SUM.orderedSum], nd[n * NODE_METRICS + NODE_SUM.orderedSquares], days);
    const vs = variance(nd[n * NODE_METRICS + NODE_SUM.seenSum], nd[n * NODE_METRICS + NODE_SUM.seenSquares], days);
    return vs > 1e-12 ? Math.max(0, vo) / vs : NaN;
  }

  function productKpi(key: number, p: number, acc: Accumulators): number {
    const b = p * SUMS;
    switch (key) {
      case K.inventoryTurns: return ratio(prodSum[b + X.deliveredValue] * 365, prodSum[b + X.onHandValue]);
      case K.daysOfSupply: return ratio(prodSum[b + ITEM_SUM.onHand], prodSum[b + ITEM_SUM.demand]);
      case K.totalCost: return (prodSum[b + X.holding] + prodSum[b + X.pipeline] + prodSum[b + X.backorderCost] + prodSum[b + X.lostSaleCost]) / days;
      case K.stockoutDays: return acc.product[p];
      case K.maxBackorders: return acc.product[P + p];
    }
    if (key >= K.unitsConsumed) return assemblyKpi(key, asmProd, p * A, acc, acc.assembly!.productAt + p * ASSEMBLY_SUM.scopeFields);
    return common(key, prodSum, b);
  }

  return { columns, write };
}
