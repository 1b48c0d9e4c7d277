/**
 * Inventory positions exactly as timeline.md "Positions" defines them.
 * - installation: on hand + on order − backorders, where on order = in transit to the item +
 *   what its supplier owes it, and backorders = customer backorders + what it owes downstream;
 * - echelon: on hand and in transit at or below the item, + what its supplier owes it,
 *   − customer backorders at or below it.
 */
import type { CompiledNetwork } from "../kernel/network.ts";
import type { NetworkState } from "../kernel/state.ts";
import { ITEM } from "../kernel/state.ts";

const { onHand: ON_HAND, backorders: BACKORDERS, owedToMe: OWED_TO_ME, owedDown: OWED_DOWN, inTransit: IN_TRANSIT, stride: IS } = ITEM;

export function inventoryPosition(st: NetworkState, i: number): number {
  const s = st.item, b = i * IS;
  return s[b + ON_HAND] + s[b + IN_TRANSIT] + s[b + OWED_TO_ME] - s[b + BACKORDERS] - s[b + OWED_DOWN];
}

export function echelonInventoryPosition(net: CompiledNetwork, st: NetworkState, i: number): number {
  const s = st.item;
  let p = s[i * IS + OWED_TO_ME];
  for (let k = net.echStart[i]; k < net.echStart[i + 1]; k++) {
    const b = net.echList[k] * IS;
    p += s[b + ON_HAND] + s[b + IN_TRANSIT] - s[b + BACKORDERS];
  }
  return p;
}

/**
 * The echelon position in a network with recipes (CompiledAssembly.echWeight): each item at or
 * below counts in units of item i — a made item's stock times the units of i one unit holds.
 */
export function weightedEchelonPosition(net: CompiledNetwork, st: NetworkState, i: number): number {
  const s = st.item, w = net.assembly.echWeight;
  let p = s[i * IS + OWED_TO_ME];
  for (let k = net.echStart[i]; k < net.echStart[i + 1]; k++) {
    const b = net.echList[k] * IS;
    p += w[k] * (s[b + ON_HAND] + s[b + IN_TRANSIT] - s[b + BACKORDERS]);
  }
  return p;
}

/** Net inventory: on hand − everything owed (customers and downstream). */
export function netInventory(st: NetworkState, i: number): number {
  const s = st.item, b = i * IS;
  return s[b + ON_HAND] - s[b + BACKORDERS] - s[b + OWED_DOWN];
}
