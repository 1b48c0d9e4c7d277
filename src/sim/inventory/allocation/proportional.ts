/**
 * `proportional`: orders already owed (placed before today) first, then today's orders; within
 * each tier, every downstream item gets the same share of what it is owed when stock is short.
 * A share that the child's lane cannot take today stays owed (it is not passed to the others).
 */
import type { CompiledNetwork } from "../../kernel/network.ts";
import type { NetworkState } from "../../kernel/state.ts";
import { laneRoom, owedBefore, ship, shipPlain } from "../../kernel/shipment.ts";
import { ITEM } from "../../kernel/state.ts";

const { owedToMe: OWED_TO_ME, openToday: OPEN_TODAY, stride: IS } = ITEM;

/**
 * On a plain day (kernel/shipping.ts) there is no order queue, so what a child was owed before
 * today is its debt less today's open order (owedBefore's own expression, written out), and each
 * shipment takes `shipPlain`, which keeps the whole shipment path within this function's
 * inlining budget (docs/engine.md, "Why the hot loops look the way they do").
 */
export function allocateProportional(net: CompiledNetwork, st: NetworkState, u: number, a: number, b: number, avail: number, t: number, plain = false): number {
  // `left` a number local, not the tagged parameter (docs/engine.md, "Why the hot loops look the way they do").
  // Stryker disable next-line ArithmeticOperator: avail + 0 is the same number as avail − 0 for the avail > 0 the caller passes
  let left = avail - 0;
  const list = net.childList, s = st.item;
  for (let tier = 0; tier < 2 && left > 0; tier++) {
    let total = 0;
    for (let k = a; k < b; k++) {
      const c = list[k], before = plain ? s[c * IS + OWED_TO_ME] - s[c * IS + OPEN_TODAY] : owedBefore(net, st, c, t);
      total += tier === 0 ? before : s[c * IS + OWED_TO_ME] - before;
    }
    if (total <= 0) continue;
    const ratio = total <= left ? 1 : left / total;
    for (let k = a; k < b; k++) {
      const c = list[k], before = plain ? s[c * IS + OWED_TO_ME] - s[c * IS + OPEN_TODAY] : owedBefore(net, st, c, t);
      const want = tier === 0 ? before : s[c * IS + OWED_TO_ME] - before;   // the child's debt in this tier
      if (want <= 0) continue;
      let x = ratio === 1 ? want : want * ratio;
      const room = laneRoom(net, st, c);
      if (room < x) x = room;
      if (x > left) x = left;
      if (x > 0) {
        if (plain) shipPlain(net, st, u, c, x, t); else ship(net, st, u, c, x, t);   // the same shipment (kernel/shipping.ts: plain days)
        left -= x;
      }
    }
  }
  return left;
}
