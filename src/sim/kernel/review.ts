/**
 * Step 4, evening, downstream to upstream: each item whose review falls on day t computes its
 * inventory position (installation or echelon, inventory/position.ts) and places its order
 * with its supplier item, where it joins that item's owed orders.
 */
import { orderQuantity, POLICY_CODE } from "../inventory/policies/index.ts";
import { echelonInventoryPosition, inventoryPosition } from "../inventory/position.ts";
import type { CompiledNetwork } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { EXPEDITE_FROM } from "./network.ts";
import { ITEM } from "./state.ts";
import { expedite } from "./mitigations.ts";
import { pushOrder } from "./order-queue.ts";
import { reviewWithExtensions } from "./review-extensions.ts";

const { "base-stock": BASE_STOCK, "echelon-base-stock": ECHELON_BASE_STOCK } = POLICY_CODE;
const NO_EXPEDITE = EXPEDITE_FROM.none;
const { onHand: ON_HAND, backorders: BACKORDERS, owedToMe: OWED_TO_ME, owedDown: OWED_DOWN, inTransit: IN_TRANSIT, ordered: ORDERED, openToday: OPEN_TODAY, childOrdered: CHILD_ORDERED, stride: IS } = ITEM;

export function reviewAndOrder(net: CompiledNetwork, st: NetworkState, t: number): void {
  if (net.reviewDaily && !net.orderQueue) { reviewDailyBaseStock(net, st); return; }
  // several sources or recipes: kernel/review-extensions.ts, this loop untouched
  if (net.sourcing.any || net.assembly.any) { reviewWithExtensions(net, st, t); return; }
  const policy = net.itemPolicy, review = net.itemReview, offset = net.itemOffset, expFrom = net.mitigations.expFrom;
  const supplier = net.itemSupplier, level = net.itemLevel, upToOrBatch = net.itemUpToOrBatch;
  const s = st.item, queue = net.orderQueue;
  for (let i = net.items - 1; i >= 0; i--) {
    const code = policy[i], sup = supplier[i];
    if (code < 0 || (review[i] !== 1 && t % review[i] !== offset[i]) || sup < 0) continue;
    if (expFrom[i] !== NO_EXPEDITE) expedite(net, st, i, t);
    // Each branch tests its own q, and the order is placed inline below, not by a helper that
    // would take q boxed (docs/engine.md, "Why the hot loops look the way they do").
    let q: number;
    if (code === BASE_STOCK) {   // inlined: inventoryPosition and baseStockOrder, the same operations
      const b = i * IS;
      q = level[i] - (s[b + ON_HAND] + s[b + IN_TRANSIT] + s[b + OWED_TO_ME] - s[b + BACKORDERS] - s[b + OWED_DOWN]);
      if (!(q > 0)) continue;
    } else {
      q = orderQuantity(code, code === ECHELON_BASE_STOCK ? echelonInventoryPosition(net, st, i) : inventoryPosition(st, i), level[i], upToOrBatch[i]);
      if (!(q > 0)) continue;
    }
    const b = i * IS;   // the order joins the supplier's debts
    if (queue) pushOrder(net, st, i, q, t); else s[b + OPEN_TODAY] = q;
    s[b + OWED_TO_ME] += q;
    const u = sup * IS;
    s[u + OWED_DOWN] += q;
    s[u + CHILD_ORDERED] += q;
    s[b + ORDERED] = q;   // one review a day, and the accounting clears it: 0 + q = q
  }
}

/**
 * reviewAndOrder when every item that reviews is a daily base-stock item (net.reviewDaily) and
 * orders are not queued: the same operations in the same order, in a loop that holds no call
 * (docs/engine.md, "Why the hot loops look the way they do").
 */
function reviewDailyBaseStock(net: CompiledNetwork, st: NetworkState): void {
  const daily = net.itemDailyBaseStock, supplier = net.itemSupplier, level = net.itemLevel, s = st.item;
  for (let i = net.items - 1; i >= 0; i--) {
    if (daily[i] === 0) continue;
    const b = i * IS, q = level[i] - (s[b + ON_HAND] + s[b + IN_TRANSIT] + s[b + OWED_TO_ME] - s[b + BACKORDERS] - s[b + OWED_DOWN]);
    if (!(q > 0)) continue;
    s[b + OPEN_TODAY] = q;
    s[b + OWED_TO_ME] += q;
    const u = supplier[i] * IS;
    s[u + OWED_DOWN] += q;
    s[u + CHILD_ORDERED] += q;
    s[b + ORDERED] = q;
  }
}
