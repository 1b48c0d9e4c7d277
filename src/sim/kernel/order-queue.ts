/**
 * Open orders of each item with its supplier, oldest first: one ring of quantity and day per
 * item in two flat arrays, st.qQty / st.qDay, at [item * qCap + (k & (qCap − 1))] for the
 * item's k-th order (qHead ≤ k < qTail count orders ever placed). When an item's ring is full
 * every ring doubles (rare: only long outages pile up open orders), so memory follows what
 * the run needs instead of the horizon.
 */
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";

export const qIndex = (st: NetworkState, c: number, k: number): number => c * st.qCap + (k & (st.qCap - 1));

export function pushOrder(net: CompiledNetwork, st: NetworkState, c: number, q: number, t: number): void {
  if (st.qTail[c] - st.qHead[c] >= st.qCap) growQueues(net, st);
  const k = qIndex(st, c, st.qTail[c]++);
  st.qQty[k] = q;
  st.qDay[k] = t;
}

function growQueues(net: CompiledNetwork, st: NetworkState): void {
  const old = st.qCap, cap = old * 2, qty = new Float64Array(net.items * cap), day = new Int32Array(net.items * cap);
  for (let c = 0; c < net.items; c++) {
    for (let k = st.qHead[c]; k < st.qTail[c]; k++) {
      const from = c * old + (k & (old - 1)), to = c * cap + (k & (cap - 1));
      qty[to] = st.qQty[from]; day[to] = st.qDay[from];
    }
  }
  st.qCap = cap; st.qQty = qty; st.qDay = day;
}

/**
 * The arrival calendar (st.pipe, [item * ring + (day & (ring − 1))]) holds days t … t + ring − 1.
 * Before scheduling an arrival `span` days ahead, double the ring until it fits.
 */
export function ensureRing(net: CompiledNetwork, st: NetworkState, span: number, t: number): void {
  while (span >= st.ring) {
    const old = st.ring, R = old * 2, pipe = new Float64Array(net.items * R);
    for (let i = 0; i < net.items; i++) {
      for (let d = t; d < t + old; d++) pipe[i * R + (d & (R - 1))] = st.pipe[i * old + (d & (old - 1))];
    }
    st.ring = R; st.pipe = pipe;
  }
}
