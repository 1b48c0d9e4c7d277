/**
 * Mitigations (scenario.md "Mitigations").
 * - Expedite: at a review, before its regular order, an item whose inventory position is below
 *   the expedite lane's threshold has the shortfall sent on the expedite lane (from an outside
 *   supplier in full, from a stocking node out of its on hand), with the lane's own lead time.
 * - Lateral transfers, evening before the reviews: an item of `among` whose net inventory is
 *   below its trigger level (0, or its reorder point) asks its peers in item order; each peer
 *   gives what it holds above its own trigger level, up to the shortfall.
 * Mitigation lead times come from their own streams, so they never shift the demand or lane
 * draws: the lateral-transfer stream draws one lead time every day while transfers are configured,
 * whether or not anything moves, and an item's expedite stream one at each of its reviews, before
 * it knows whether it expedites.
 */
import { hasReorderPoint } from "../inventory/policies/index.ts";
import { inventoryPosition, netInventory } from "../inventory/position.ts";
import type { CompiledNetwork } from "./network.ts";
import { LATERAL_TRIGGER } from "./network.ts";
import type { NetworkState } from "./state.ts";
import { ITEM } from "./state.ts";
import { send } from "./shipment.ts";

const { onHand: ON_HAND, transferred: TRANSFERRED, expedited: EXPEDITED, transferCost: TRANSFER_COST, expediteCost: EXPEDITE_COST, stride: IS } = ITEM;

/**
 * `onInboundLanes`: what an item with several sources has on order and in transit on its own
 * inbound lanes (kernel/sourcing.ts), part of its position but not of its item's record.
 */
export function expedite(net: CompiledNetwork, st: NetworkState, i: number, t: number, onInboundLanes = 0): void {
  const m = net.mitigations, from = m.expFrom[i];
  const lead = Math.max(0, Math.round(m.expLead[i]!.sample(st.expStream[i]!, 1)));
  const p = inventoryPosition(st, i) + onInboundLanes;
  let q = m.expThreshold[i] - p;
  if (q <= 0) return;
  if (from >= 0) {   // from a stocking node's item (else from an outside supplier, in full)
    if (st.nodeOut[net.itemNode[from]] > 0) return;
    const oh = st.item[from * IS + ON_HAND];
    if (oh < q) q = oh;
    if (q <= 0) return;
    st.item[from * IS + ON_HAND] -= q;
    st.nodeStock[net.itemNode[from]] -= q;
    if (t >= net.warmup) st.flow[from * 3 + 1] += q;
  }
  st.item[i * IS + EXPEDITED] += q;
  st.item[i * IS + EXPEDITE_COST] += q * m.expCost[i];
  send(net, st, i, q, t, t + lead);
  if (st.log) st.log.push(-1, m.expFromNode[i], net.itemNode[i], t, t + lead, q);
}

/** The level below which an item asks for (and above which it may give) lateral transfers. */
function triggerLevel(net: CompiledNetwork, i: number): number {
  if (net.mitigations.lateralTrigger === LATERAL_TRIGGER.belowZero) return 0;
  return hasReorderPoint(net.itemPolicy[i]) ? net.itemLevel[i] : 0;   // the reorder point s
}

export function lateralTransfers(net: CompiledNetwork, st: NetworkState, t: number): void {
  const m = net.mitigations;
  if (!m.lateral) return;
  const lead = Math.max(0, Math.round(m.lateralLead!.sample(st.mitigationStream, 1)));
  for (let i = 0; i < net.items; i++) {
    if (m.peerStart[i] === m.peerStart[i + 1] || st.nodeOut[net.itemNode[i]] > 0) continue;
    let need = triggerLevel(net, i) - netInventory(st, i);
    for (let k = m.peerStart[i]; k < m.peerStart[i + 1] && need > 0; k++) {
      const j = m.peerList[k];
      if (st.nodeOut[net.itemNode[j]] > 0) continue;
      const surplus = Math.min(st.item[j * IS + ON_HAND], netInventory(st, j) - triggerLevel(net, j));
      if (surplus <= 0) continue;
      const x = surplus < need ? surplus : need;
      st.item[j * IS + ON_HAND] -= x;
      st.nodeStock[net.itemNode[j]] -= x;
      st.item[j * IS + TRANSFERRED] += x;
      st.item[j * IS + TRANSFER_COST] += x * m.lateralCost;
      if (t >= net.warmup) st.flow[i * 3] += x;
      send(net, st, i, x, t, t + lead);
      if (st.log) st.log.push(-1, net.itemNode[j], net.itemNode[i], t, t + lead, x);
      need -= x;
    }
  }
}
