/**
 * Inventory positions exactly as timeline.md "Positions" defines them.
 * - installation: on hand + on order − backorders, where on order = in transit to the item +
 *   what its supplier owes it, and backorders = customer backorders + what it owes downstream;
 * - echelon: on hand and in transit at or below the item, + what its supplier owes it,
 *   − customer backorders at or below it.
 */
import type { CompiledNetwork } from "../kernel/network.ts";
import type { NetworkState } from "../kernel/state.ts";

export function inventoryPosition(st: NetworkState, i: number): number {
  return st.onHand[i] + st.inTransit[i] + st.owedToMe[i] - st.backlog[i] - st.owedDown[i];
}

export function echelonInventoryPosition(net: CompiledNetwork, st: NetworkState, i: number): number {
  let p = st.owedToMe[i];
  for (let k = net.echStart[i]; k < net.echStart[i + 1]; k++) {
    const j = net.echList[k];
    p += st.onHand[j] + st.inTransit[j] - st.backlog[j];
  }
  return p;
}

/** Net inventory: on hand − everything owed (customers and downstream). */
export function netInventory(st: NetworkState, i: number): number {
  return st.onHand[i] - st.backlog[i] - st.owedDown[i];
}
