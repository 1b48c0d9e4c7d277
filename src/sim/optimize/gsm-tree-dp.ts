/**
 * The dynamic programme of Graves & Willems (2000, §4) for the guaranteed-service model on a
 * spanning tree: any stage graph with no cycle once arc directions are ignored, so assembly
 * (several inputs), distribution (several outputs) and mixed stages alike.
 *
 * Stages are labelled by peeling leaves: each stage k, when labelled, has at most one unlabelled
 * neighbour p(k), so N_k — k and everything reached from k through lower labels — is a subtree
 * that touches the rest of the graph only through the arc between k and p(k). The last stage of
 * each component has no p(k). For stage k with inbound service time SI and outbound service
 * time S (S ≤ SI + T_k), the least cost of N_k is
 *
 *   c_k(S, SI) = cost_k(SI, S) + Σ_{i < k supplies k} min_{x ≤ SI} f_i(x) + Σ_{j < k, k supplies j} min_{y ≥ S} g_j(y)
 *
 * where f_k(S) = min_SI c_k(S, SI) when p(k) is downstream of k (p sees k through S_k), and
 * g_k(SI) = min_S c_k(S, SI) when p(k) is upstream (p sees k through SI_k). A supplier's promise
 * bounds its customer's inbound service time from below (SI_j ≥ S_i), so the customer's inbound
 * service time is the largest of its inputs' service times; the prefix and suffix minima carry
 * those inequalities. Service times are integers, so the tables run over 0..M, M the longest
 * path of processing times, and the work is O(N·M²).
 */

export interface ServiceTimeStage {
  /** T_k (may be fractional; service times stay integers, S ≤ ⌊SI + T⌋). */
  readonly processingTime: number;
  /** si_k: the least inbound service time (an outside supplier's promise). */
  readonly externalInbound: number;
  /** The most the stage may promise (a demand stage's customer service time); Infinity if unbounded. */
  readonly maxServiceTime: number;
}

/** `from` supplies `to`. */
export interface ServiceTimeArc {
  readonly from: number;
  readonly to: number;
}

/**
 * Holding cost per period of stage k's safety stock when it is quoted SI and promises S. The DP
 * is exact for costs that depend on τ = SI + T − S only and do not fall as τ grows (the GSM's
 * h·z·σ·√τ): it lets a stage assume a slower inbound service than its inputs give, which such a
 * cost never rewards.
 */
export type ServiceTimeCost = (stage: number, inbound: number, service: number) => number;

export interface ServiceTimes {
  readonly cost: number;
  readonly inbound: readonly number[];
  readonly service: readonly number[];
}

/** Guards ⌊SI + T⌋ against T such as 2.9999999999999996 from a mean. */
const floorDays = (x: number) => Math.floor(x + 1e-9);
/** Ties keep the earlier candidate (the smaller service time: stock further upstream). */
const better = (c: number, best: number) => best === Infinity ? c < best : c < best - 1e-12 * Math.max(1, Math.abs(best));

interface Graph {
  readonly preds: number[][];
  readonly succs: number[][];
  /** Arc-respecting order: suppliers before customers. */
  readonly topo: number[];
}

function graphOf(n: number, arcs: readonly ServiceTimeArc[]): Graph {
  const preds: number[][] = Array.from({ length: n }, () => []), succs: number[][] = Array.from({ length: n }, () => []);
  for (const a of arcs) { preds[a.to].push(a.from); succs[a.from].push(a.to); }
  const waiting = preds.map((p) => p.length), topo: number[] = [];
  for (let k = 0; k < n; k++) if (waiting[k] === 0) topo.push(k);
  for (let h = 0; h < topo.length; h++) for (const j of succs[topo[h]]) if (--waiting[j] === 0) topo.push(j);
  if (topo.length !== n) throw new Error("gsm-tree: the stage graph has a cycle");
  return { preds, succs, topo };
}

/** Leaf-peeling labels: `order` lists stages by label; `next[k]` is p(k), or -1 for a component's last stage. */
export function labelStages(n: number, arcs: readonly ServiceTimeArc[]): { order: number[]; next: number[] } {
  const nbrs: number[][] = Array.from({ length: n }, () => []);
  for (const a of arcs) { nbrs[a.from].push(a.to); nbrs[a.to].push(a.from); }
  const open = nbrs.map((x) => x.length), done = new Array<boolean>(n).fill(false), queued = open.map((d) => d <= 1);
  const order: number[] = [], next = new Array<number>(n).fill(-1);
  const queue = queued.flatMap((q, k) => (q ? [k] : []));
  for (let h = 0; h < queue.length; h++) {
    const k = queue[h];
    done[k] = true; order.push(k);
    for (const j of nbrs[k]) {
      if (done[j]) continue;
      next[k] = j;
      if (--open[j] <= 1 && !queued[j]) { queued[j] = true; queue.push(j); }
    }
  }
  if (order.length !== n) throw new Error("gsm-tree: the stage graph is not a spanning tree (it has a cycle)");
  return { order, next };
}

/** The minimum of `value` over from..to, with its argmin (the first on ties). */
function argmin(from: number, to: number, value: (x: number) => number): [number, number] {
  let best = Infinity, arg = from;
  for (let x = from; x <= to; x++) { const v = value(x); if (better(v, best)) { best = v; arg = x; } }
  return [best, arg];
}

export function optimizeServiceTimes(stages: readonly ServiceTimeStage[], arcs: readonly ServiceTimeArc[], cost: ServiceTimeCost): ServiceTimes {
  const n = stages.length, { preds, succs, topo } = graphOf(n, arcs), { order, next } = labelStages(n, arcs);
  // The longest inbound service time each stage can see, and the most it can promise.
  const maxIn = new Array<number>(n), maxOut = new Array<number>(n);
  for (const k of topo) {
    maxIn[k] = preds[k].reduce((m, i) => Math.max(m, maxOut[i]), stages[k].externalInbound);
    maxOut[k] = Math.min(floorDays(maxIn[k] + stages[k].processingTime), stages[k].maxServiceTime);
  }
  const isSupplierOf = (i: number, k: number) => succs[i].includes(k);
  // prefixF[i][x] = min_{x' ≤ x} f_i(x') (argmin in prefixArg); f's own argmin SI in fArg.
  // suffixG[j][y] = min_{y' ≥ max(y, si_j)} g_j(y') (argmin in suffixArg); g's own argmin S in gArg.
  const prefixF: number[][] = [], prefixArg: number[][] = [], fArg: number[][] = [];
  const suffixG: number[][] = [], suffixArg: number[][] = [], gArg: number[][] = [];
  const children: number[][] = Array.from({ length: n }, () => []);
  let total = 0;
  const rootChoice = new Map<number, [number, number]>();
  for (const k of order) {
    const st = stages[k], lo = st.externalInbound, hi = maxIn[k];
    const kids = children[k];
    const upstream = kids.filter((i) => isSupplierOf(i, k)), downstream = kids.filter((j) => isSupplierOf(k, j));
    const fromUpstream = (si: number) => upstream.reduce((a, i) => a + prefixF[i][Math.min(si, maxOut[i])], 0);
    const fromDownstream = (s: number) => downstream.reduce((a, j) => a + suffixG[j][s], 0);
    const A = new Array<number>(hi + 1), B = new Array<number>(maxOut[k] + 1);
    for (let si = lo; si <= hi; si++) A[si] = fromUpstream(si);
    for (let s = 0; s <= maxOut[k]; s++) B[s] = fromDownstream(s);
    const c = (s: number, si: number) => cost(k, si, s) + A[si] + B[s];
    const topS = (si: number) => Math.min(maxOut[k], floorDays(si + st.processingTime));
    const p = next[k];
    if (p < 0) {
      let best = Infinity, choice: [number, number] = [0, lo];
      for (let s = 0; s <= maxOut[k]; s++) for (let si = lo; si <= hi; si++) {
        if (s > topS(si)) continue;
        const v = c(s, si);
        if (better(v, best)) { best = v; choice = [s, si]; }
      }
      total += best; rootChoice.set(k, choice);
      continue;
    }
    children[p].push(k);
    if (isSupplierOf(k, p)) {
      // f_k(S), then its prefix minimum: p sees k through S_k ≤ SI_p.
      const f = new Array<number>(maxOut[k] + 1); fArg[k] = new Array<number>(maxOut[k] + 1);
      for (let s = 0; s <= maxOut[k]; s++) [f[s], fArg[k][s]] = argmin(lo, hi, (si) => (s > topS(si) ? Infinity : c(s, si)));
      prefixF[k] = f.slice(); prefixArg[k] = f.map((_, s) => s);
      for (let s = 1; s <= maxOut[k]; s++) {
        if (!better(f[s], prefixF[k][s - 1])) { prefixF[k][s] = prefixF[k][s - 1]; prefixArg[k][s] = prefixArg[k][s - 1]; }
      }
    } else {
      // g_k(SI), then its suffix minimum: p sees k through SI_k ≥ S_p.
      const g = new Array<number>(hi + 1).fill(Infinity); gArg[k] = new Array<number>(hi + 1).fill(0);
      for (let si = lo; si <= hi; si++) [g[si], gArg[k][si]] = argmin(0, topS(si), (s) => c(s, si));
      suffixG[k] = new Array<number>(hi + 1); suffixArg[k] = new Array<number>(hi + 1);
      let best = Infinity, arg = hi;
      for (let y = hi; y >= 0; y--) {
        if (y >= lo && !better(best, g[y])) { best = g[y]; arg = y; }
        suffixG[k][y] = best; suffixArg[k][y] = arg;
      }
    }
  }
  // Unwind from each component's last stage.
  const service = new Array<number>(n).fill(0), inbound = new Array<number>(n).fill(0);
  const stack = [...rootChoice].map(([k, [s, si]]) => [k, s, si]);
  while (stack.length > 0) {
    const [k, s, si] = stack.pop()!;
    service[k] = s; inbound[k] = si;
    for (const i of children[k]) {
      if (isSupplierOf(i, k)) { const x = prefixArg[i][Math.min(si, maxOut[i])]; stack.push([i, x, fArg[i][x]]); }
      else { const y = suffixArg[i][s]; stack.push([i, gArg[i][y], y]); }
    }
  }
  return normalise(stages, preds, topo, service, cost, total);
}

/**
 * The DP allows SI_k above every input's promise; state the plan with SI_k = max(si_k, S_i over
 * inputs) exactly (lowering S_k to ⌊SI_k + T_k⌋ where it then must), which costs no more.
 */
function normalise(stages: readonly ServiceTimeStage[], preds: number[][], topo: number[], service: number[], cost: ServiceTimeCost, optimum: number): ServiceTimes {
  const inbound = new Array<number>(stages.length).fill(0);
  let total = 0;
  for (const k of topo) {
    inbound[k] = preds[k].reduce((m, i) => Math.max(m, service[i]), stages[k].externalInbound);
    service[k] = Math.min(service[k], floorDays(inbound[k] + stages[k].processingTime));
    total += cost(k, inbound[k], service[k]);
  }
  if (total > optimum + 1e-9 * Math.max(1, Math.abs(optimum))) throw new Error(`gsm-tree: plan costs ${total}, DP optimum ${optimum}`);
  return { cost: total, inbound, service };
}
