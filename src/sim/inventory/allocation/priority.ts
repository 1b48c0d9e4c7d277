/**
 * `priority`: downstream items with the lowest node `priority` first; fifo (oldest order
 * first) among items of equal priority. The compiler sorts childList by priority, so each class
 * is a run of the list.
 */
import type { CompiledNetwork } from "../../kernel/network.ts";
import type { NetworkState } from "../../kernel/state.ts";
import { allocateFifo } from "./fifo.ts";

export function allocatePriority(net: CompiledNetwork, st: NetworkState, u: number, a: number, b: number, avail: number, t: number): number {
  const list = net.childList, prio = net.itemPriority;
  for (let k = a; k < b && avail > 0; ) {
    let e = k + 1;
    while (e < b && prio[list[e]] === prio[list[k]]) e++;
    avail = allocateFifo(net, st, u, k, e, avail, t);
    k = e;
  }
  return avail;
}
