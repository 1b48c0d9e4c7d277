/**
 * Open orders of each item with its supplier, oldest first: one ring of quantity and day per
 * item in two shared arrays, st.qQty / st.qDay, at [qAt[c] + (k & qMask[c])] for item c's k-th
 * order (qHead ≤ k < qTail count orders ever placed). When an item's ring is full only that
 * item's ring doubles, moved to the end of the shared arrays (rare: only long outages pile up
 * open orders), so memory follows the orders actually open rather than items × the longest queue.
 */
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";

export const qIndex = (st: NetworkState, c: number, k: number): number => st.qAt[c] + (k & st.qMask[c]);

export function pushOrder(net: CompiledNetwork, st: NetworkState, c: number, q: number, t: number): void {
  if (st.qTail[c] - st.qHead[c] > st.qMask[c]) growQueue(st, c);
  const k = qIndex(st, c, st.qTail[c]++);
  st.qQty[k] = q;
  st.qDay[k] = t;
}

/** Doubles item c's ring, placed after every ring given out so far (the shared arrays grow by a quarter when full). */
function growQueue(st: NetworkState, c: number): void {
  const old = st.qMask[c] + 1, cap = old * 2, at = st.qUsed;
  if (at + cap > st.qQty.length) {
    const n = Math.max(at + cap, st.qQty.length + (st.qQty.length >> 2)), qty = new Float64Array(n), day = new Int32Array(n);
    qty.set(st.qQty.subarray(0, at)); day.set(st.qDay.subarray(0, at));
    st.qQty = qty; st.qDay = day;
  }
  for (let k = st.qHead[c]; k < st.qTail[c]; k++) {
    const from = st.qAt[c] + (k & (old - 1)), to = at + (k & (cap - 1));
    st.qQty[to] = st.qQty[from]; st.qDay[to] = st.qDay[from];
  }
  st.qAt[c] = at; st.qMask[c] = cap - 1; st.qUsed = at + cap;
}

/**
 * The arrival calendar (st.pipe, [item * ring + (day & (ring − 1))]) holds days t … t + ring − 1.
 * Before scheduling an arrival `span` days ahead, double the ring until it fits, but never beyond
 * net.ringMax: what still does not fit waits in the far arrivals (kernel/far-arrivals.ts).
 */
export function ensureRing(net: CompiledNetwork, st: NetworkState, span: number, t: number): void {
  while (span >= st.ring && st.ring * 2 <= net.ringMax) {
    const old = st.ring, R = old * 2, pipe = new Float64Array(net.items * R);
    for (let i = 0; i < net.items; i++) {
      for (let d = t; d < t + old; d++) pipe[i * R + (d & (R - 1))] = st.pipe[i * old + (d & (old - 1))];
    }
    st.ring = R; st.pipe = pipe;
  }
}
