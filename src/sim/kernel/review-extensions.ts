/**
 * Step 4 in a scenario with an extension the plain loop of kernel/review.ts does not know: several
 * sources (kernel/sourcing.ts) or recipes (kernel/assembly.ts). The same walk, downstream to
 * upstream: a made item orders production, an item with a sourcing rule places its order across
 * its lanes, and every other item orders from its supplier as in reviewAndOrder. One copy of the
 * loop serves both extensions, so the loop of every other scenario stays as it was (docs/engine.md,
 * "Why the hot loops look the way they do").
 */
import { orderQuantity, POLICY_CODE } from "../inventory/policies/index.ts";
import { echelonInventoryPosition, inventoryPosition, weightedEchelonPosition } from "../inventory/position.ts";
import type { CompiledNetwork } from "./network.ts";
import { EXPEDITE_FROM, SOURCING } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ITEM } from "./state.ts";
import { expedite } from "./mitigations.ts";
import { placeOrder, reviewSourced } from "./sourcing.ts";
import { orderProduction } from "./assembly.ts";

const { ordered: ORDERED, stride: IS } = ITEM;
const ECHELON_BASE_STOCK = POLICY_CODE["echelon-base-stock"];

export function reviewWithExtensions(net: CompiledNetwork, st: NetworkState, t: number): void {
  const policy = net.itemPolicy, review = net.itemReview, offset = net.itemOffset, made = net.assembly.made;
  const rule = net.sourcing.rule, sourced = net.sourcing.any;
  for (let i = net.items - 1; i >= 0; i--) {
    const code = policy[i];
    if (code < 0 || (review[i] !== 1 && t % review[i] !== offset[i])) continue;
    if (made[i] === 1) { orderProduction(net, st, i, positionOf(net, st, i, code)); continue; }
    if (sourced && rule[i] !== SOURCING.none) { reviewSourced(net, st, i, t); continue; }
    if (net.itemSupplier[i] < 0) continue;
    if (net.mitigations.expFrom[i] !== EXPEDITE_FROM.none) expedite(net, st, i, t);
    const q = orderQuantity(code, positionOf(net, st, i, code), net.itemLevel[i], net.itemUpToOrBatch[i]);
    if (!(q > 0)) continue;
    placeOrder(net, st, i, q, t);
    st.item[i * IS + ORDERED] = q;
  }
}

/** Installation or echelon position; a component's echelon counts what is made from it in its own units. */
function positionOf(net: CompiledNetwork, st: NetworkState, i: number, code: number): number {
  if (code !== ECHELON_BASE_STOCK) return inventoryPosition(st, i);
  return net.assembly.component.length > 0 && net.assembly.component[i] === 1 ? weightedEchelonPosition(net, st, i) : echelonInventoryPosition(net, st, i);
}
