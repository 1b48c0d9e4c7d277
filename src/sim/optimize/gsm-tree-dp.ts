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
  /**
   * A promise the stage can always keep, however short SI + T is (default 0): S ≤ max(⌊SI + T⌋,
   * this). In Echelon's timeline a demand node's order arrives the next morning at the earliest,
   * so it can always promise its customers 1 day (optimize/item-plan.ts); without this a cost
   * that covers at least one day at S = 0 would reward a stage for assuming a slower inbound
   * service than its inputs give, and the DP would not be exact.
   */
  readonly minServiceCap?: number;
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
/** The most a stage quoted `si` can promise before its maximum: ⌊SI + T⌋, or its minServiceCap. */
const capOf = (stage: ServiceTimeStage, si: number) => Math.max(floorDays(si + stage.processingTime), stage.minServiceCap ?? 0);
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

/**
 * What p(k) needs to know of N_k: its least cost by the one service time they share. When p(k)
 * is k's customer (`via: "out"`), value[x] = min_{S_k ≤ x} f_k(S_k); when p(k) is k's supplier
 * (`via: "in"`), value[y] = min_{SI_k ≥ max(y, si_k)} g_k(SI_k). `shared` is the S_k (or SI_k)
 * achieving it and `own` k's other service time there.
 */
interface Summary {
  readonly via: "out" | "in";
  readonly value: number[];
  readonly shared: number[];
  readonly own: number[];
}

/** c_k(S, SI) of one stage: its cost plus its lower-labelled neighbours' summaries. */
interface StageTable {
  readonly lo: number;
  readonly hi: number;
  readonly sMax: number;
  readonly topS: (si: number) => number;
  readonly c: (s: number, si: number) => number;
}

function summariseOut(t: StageTable): Summary {
  const value = new Array<number>(t.sMax + 1), shared = new Array<number>(t.sMax + 1), own = new Array<number>(t.sMax + 1);
  for (let s = 0; s <= t.sMax; s++) {
    [value[s], own[s]] = argmin(t.lo, t.hi, (si) => (s > t.topS(si) ? Infinity : t.c(s, si)));
    shared[s] = s;
    if (s > 0 && !better(value[s], value[s - 1])) { value[s] = value[s - 1]; shared[s] = shared[s - 1]; own[s] = own[s - 1]; }
  }
  return { via: "out", value, shared, own };
}

function summariseIn(t: StageTable): Summary {
  const value = new Array<number>(t.hi + 1), shared = new Array<number>(t.hi + 1), own = new Array<number>(t.hi + 1);
  let best = Infinity, arg = t.hi, argS = 0;
  for (let y = t.hi; y >= 0; y--) {
    if (y >= t.lo) {
      const [g, s] = argmin(0, t.topS(y), (x) => t.c(x, y));
      if (!better(best, g)) { best = g; arg = y; argS = s; }
    }
    value[y] = best; shared[y] = arg; own[y] = argS;
  }
  return { via: "in", value, shared, own };
}

export function optimizeServiceTimes(stages: readonly ServiceTimeStage[], arcs: readonly ServiceTimeArc[], cost: ServiceTimeCost): ServiceTimes {
  const n = stages.length, { preds, topo } = graphOf(n, arcs), { order, next } = labelStages(n, arcs);
  // The longest inbound service time each stage can see, and the most it can promise.
  const maxIn = new Array<number>(n), maxOut = new Array<number>(n);
  for (const k of topo) {
    maxIn[k] = preds[k].reduce((m, i) => Math.max(m, maxOut[i]), stages[k].externalInbound);
    maxOut[k] = Math.min(capOf(stages[k], maxIn[k]), stages[k].maxServiceTime);
  }
  const summary: Summary[] = new Array(n), children: number[][] = Array.from({ length: n }, () => []);
  // A lower-labelled neighbour i of k contributes through k's SI (i supplies k) or k's S.
  const share = (i: number, s: number, si: number) => (summary[i].via === "out" ? Math.min(si, maxOut[i]) : s);
  const roots: [number, number, number][] = [];
  let total = 0;
  for (const k of order) {
    const lo = stages[k].externalInbound, hi = maxIn[k], sMax = maxOut[k], kids = children[k];
    const upstream = kids.filter((i) => summary[i].via === "out"), downstream = kids.filter((j) => summary[j].via === "in");
    const A = new Array<number>(hi + 1), B = new Array<number>(sMax + 1);
    for (let si = lo; si <= hi; si++) A[si] = upstream.reduce((a, i) => a + summary[i].value[Math.min(si, maxOut[i])], 0);
    for (let s = 0; s <= sMax; s++) B[s] = downstream.reduce((a, j) => a + summary[j].value[s], 0);
    const table: StageTable = {
      lo, hi, sMax,
      topS: (si) => Math.min(sMax, capOf(stages[k], si)),
      c: (s, si) => cost(k, si, s) + A[si] + B[s],
    };
    const p = next[k];
    if (p >= 0) {
      children[p].push(k);
      summary[k] = preds[p].includes(k) ? summariseOut(table) : summariseIn(table);
      continue;
    }
    let best = Infinity, choice: [number, number, number] = [k, 0, lo];
    for (let s = 0; s <= sMax; s++) for (let si = lo; si <= hi; si++) {
      const v = s <= table.topS(si) ? table.c(s, si) : Infinity;
      if (better(v, best)) { best = v; choice = [k, s, si]; }
    }
    total += best; roots.push(choice);
  }
  // Unwind from each component's last stage.
  const service = new Array<number>(n).fill(0), stack = roots;
  while (stack.length > 0) {
    const [k, s, si] = stack.pop()!;
    service[k] = s;
    for (const i of children[k]) {
      const { via, shared, own } = summary[i], x = share(i, s, si);
      stack.push(via === "out" ? [i, shared[x], own[x]] : [i, own[x], shared[x]]);
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
    service[k] = Math.min(service[k], capOf(stages[k], inbound[k]));
    total += cost(k, inbound[k], service[k]);
  }
  if (total > optimum + 1e-9 * Math.max(1, Math.abs(optimum))) throw new Error(`gsm-tree: plan costs ${total}, DP optimum ${optimum}`);
  return { cost: total, inbound, service };
}
