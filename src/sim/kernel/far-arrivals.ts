/**
 * Arrivals too far ahead for the arrival calendar. The calendar (st.pipe) is a ring of day
 * buckets per item, and every item shares its length, so its memory is items × the longest
 * transit: one lane with a lead time of 7,990 days among a million items would need 8.2e9
 * slots. The ring therefore grows only up to net.ringMax (RING_SLOTS slots in all, engine/compile.ts);
 * a shipment due a ring or more days ahead waits here instead, in a list per arrival day, and
 * moves into the ring on the morning its day enters it. Memory then follows the shipments
 * actually in transit that far ahead, not items × the longest transit.
 *
 * The results are the same bit for bit as with a ring long enough: a far shipment moves into
 * its day's bucket (empty then) before any nearer shipment for that day can depart, and the
 * shipments of one item and day move in the order they departed, so each bucket adds the same
 * numbers in the same order.
 */
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";

/** Slots of the arrival ring in all (items × ring): 64 MB of Float64. */
export const RING_SLOTS = 2 ** 23;

/** The largest ring (a power of two, at least 2) whose items × ring fits RING_SLOTS. */
export function ringLimit(items: number): number {
  let r = 2;
  while (r * 2 * items <= RING_SLOTS) r *= 2;
  return r;
}

export interface FarArrivals {
  /** First and last entry due on each day (−1: none). */
  readonly head: Int32Array;
  readonly tail: Int32Array;
  /** Entries: item, units, next entry of the same day (−1: last). */
  item: Int32Array;
  qty: Float64Array;
  next: Int32Array;
  /** Entries in use, the high-water mark of the entry arrays, and the first free entry (−1: none). */
  count: number;
  used: number;
  free: number;
}

function createFar(horizon: number): FarArrivals {
  return {
    head: new Int32Array(horizon).fill(-1), tail: new Int32Array(horizon).fill(-1),
    item: new Int32Array(64), qty: new Float64Array(64), next: new Int32Array(64), count: 0, used: 0, free: -1,
  };
}

export function resetFar(far: FarArrivals): void {
  far.head.fill(-1); far.tail.fill(-1);
  far.count = 0; far.used = 0; far.free = -1;
}

/** x units for item c due on day `arrive`, a ring or more days ahead. */
export function pushFar(net: CompiledNetwork, st: NetworkState, c: number, x: number, arrive: number): void {
  const far = st.far ?? (st.far = createFar(net.horizon));
  const last = far.tail[arrive];
  // Never added to an earlier entry: with another item's entry between them, a + (b + c) would
  // round differently from the calendar's (a + b) + c.
  let e = far.free;
  if (e >= 0) far.free = far.next[e];
  else {
    if (far.used === far.item.length) grow(far);
    e = far.used++;
  }
  far.item[e] = c; far.qty[e] = x; far.next[e] = -1;
  if (last >= 0) far.next[last] = e; else far.head[arrive] = e;
  far.tail[arrive] = e;
  far.count++;
}

function grow(far: FarArrivals): void {
  const n = far.item.length * 2;
  const item = new Int32Array(n), qty = new Float64Array(n), next = new Int32Array(n);
  item.set(far.item); qty.set(far.qty); next.set(far.next);
  far.item = item; far.qty = qty; far.next = next;
}

/** Morning of day t: the far arrivals of the day that has just entered the ring (t + ring − 1) move into it. */
export function bringNear(st: NetworkState, t: number): void {
  const far = st.far!, day = t + st.ring - 1;
  if (day >= far.head.length) return;
  let e = far.head[day];
  if (e < 0) return;
  const R = st.ring, slot = day & (R - 1);
  while (e >= 0) {
    st.pipe[far.item[e] * R + slot] += far.qty[e];
    const n = far.next[e];
    far.next[e] = far.free; far.free = e; far.count--;
    e = n;
  }
  far.head[day] = -1; far.tail[day] = -1;
}
