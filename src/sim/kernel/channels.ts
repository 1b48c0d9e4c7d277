/**
 * Several sources (network.ts CompiledSourcing): a channel receives on its own (kernel/receive.ts,
 * its node's outage and storage apply as to any item), and what it received moves here into its
 * item's on hand, which pays the item's customer backorders first, oldest first, as `receive`
 * does. Called after the morning's arrivals, before each item with channels ships (same-day
 * arrivals, L = 0) and at the end of the shipping step — only in a scenario with a rule, so the
 * receiving and shipping loops of every other scenario stay as they were.
 */
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ITEM } from "./state.ts";

const { onHand: ON_HAND, backorders: BACKORDERS, delivered: DELIVERED, stride: IS } = ITEM;

/** Moves what item i's channels hold into i's on hand (nothing for an item without channels). */
export function intoItem(net: CompiledNetwork, st: NetworkState, i: number): void {
  const s = st.item, list = net.sourcing.chanList, b = i * IS;
  for (let k = net.sourcing.chanStart[i], end = net.sourcing.chanStart[i + 1]; k < end; k++) {
    const c = list[k] * IS;
    let x = s[c + ON_HAND];
    if (!(x > 0)) continue;
    s[c + ON_HAND] = 0;
    const bl = s[b + BACKORDERS];
    if (bl > 0) {
      const paid = bl < x ? bl : x;
      s[b + BACKORDERS] = bl - paid;
      s[b + DELIVERED] += paid;
      x -= paid;
      if (net.anyStorage) st.nodeStock[net.itemNode[i]] -= paid;   // receive counted them in; delivered, they leave
    }
    s[b + ON_HAND] += x;
  }
}

/** intoItem for every item with channels. */
export function intoItems(net: CompiledNetwork, st: NetworkState): void {
  const start = net.sourcing.chanStart;
  for (let i = 0; i < net.items; i++) if (start[i + 1] > start[i]) intoItem(net, st, i);
}
