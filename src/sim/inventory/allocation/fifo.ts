/**
 * `fifo`: the oldest open order first, across all downstream items of the range
 * childList[a … b) (ties on the same day go in item order). Units that the child's lane cannot
 * take today (capacity, outage) stay owed, and the next oldest order of another child is served.
 *
 * The children's oldest orders wait in a binary heap keyed by (day, place in the list), so a
 * shipper with C children serves them in O(C log C) a day, not the O(C²) of scanning every child
 * for each order (a DC with 1,400 stores). The order of service, and so every sum, is the same
 * as the scan's.
 */
import type { CompiledNetwork } from "../../kernel/network.ts";
import type { NetworkState } from "../../kernel/state.ts";
import { laneRoom, ship } from "../../kernel/shipment.ts";
import { qIndex } from "../../kernel/order-queue.ts";

// Scratch for the heap, grown as needed and reused: this module's only state, never read across calls.
let heapDay = new Int32Array(64), heapAt = new Int32Array(64);

export function allocateFifo(net: CompiledNetwork, st: NetworkState, u: number, a: number, b: number, avail: number, t: number): number {
  // Stryker disable next-line ArithmeticOperator: avail + 0 is the same number as avail − 0 for the avail > 0 the caller passes
  let left = avail - 0;   // a number local, not the tagged parameter (docs/engine.md, "Why the hot loops look the way they do")
  const list = net.childList;
  if (heapDay.length < b - a) { heapDay = new Int32Array(2 * (b - a)); heapAt = new Int32Array(2 * (b - a)); }
  let n = 0;
  for (let k = a; k < b; k++) {
    const c = list[k], h = st.qHead[c];
    if (h < st.qTail[c] && laneRoom(net, st, c) > 0) n = push(n, st.qDay[qIndex(st, c, h)], k);
  }
  while (left > 0 && n > 0) {
    const k = heapAt[0];
    n = pop(n);
    const c = list[k];
    // Shipping to another item on the same lane (another product of the same node) may have used the room.
    const room = laneRoom(net, st, c);
    if (room <= 0) continue;
    const q = st.qQty[qIndex(st, c, st.qHead[c])];
    let x = q < left ? q : left;
    if (room < x) x = room;
    ship(net, st, u, c, x, t);
    left -= x;
    const h = st.qHead[c];
    if (h < st.qTail[c] && laneRoom(net, st, c) > 0) n = push(n, st.qDay[qIndex(st, c, h)], k);
  }
  return left;
}

const before = (i: number, j: number) => heapDay[i] < heapDay[j] || (heapDay[i] === heapDay[j] && heapAt[i] < heapAt[j]);

function swap(i: number, j: number): void {
  const d = heapDay[i], k = heapAt[i];
  heapDay[i] = heapDay[j]; heapAt[i] = heapAt[j]; heapDay[j] = d; heapAt[j] = k;
}

/** Adds (day, k) to the heap of n entries; returns the new size. */
function push(n: number, day: number, k: number): number {
  let i = n;
  heapDay[i] = day; heapAt[i] = k;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!before(i, p)) break;
    swap(i, p); i = p;
  }
  return n + 1;
}

/** Removes the heap's first entry; returns the new size. */
function pop(n: number): number {
  const last = n - 1;
  heapDay[0] = heapDay[last]; heapAt[0] = heapAt[last];
  for (let i = 0; ;) {
    const l = 2 * i + 1, r = l + 1;
    let m = i;
    if (l < last && before(l, m)) m = l;
    if (r < last && before(r, m)) m = r;
    if (m === i) break;
    swap(i, m); i = m;
  }
  return last;
}
