/**
 * Mitigations → flat arrays: the peers each item may ask for a lateral transfer (same product,
 * another node of `among`), and per item the expedite lane that feeds it (−1: none; the source
 * is another item, or −2 for an outside supplier, which ships any quantity).
 */
import type { Scenario } from "../model/index.ts";
import { createLeadTimeSampler, hashKey } from "../random/index.ts";
import type { Sampler } from "../random/index.ts";
import type { CompiledMitigations } from "../kernel/network.ts";
import { EXPEDITE_FROM, LATERAL_TRIGGER } from "../kernel/network.ts";

export function compileMitigations(
  s: Scenario, nodeIndex: ReadonlyMap<string, number>, I: number, itemNode: Int32Array, itemProduct: Int32Array,
): CompiledMitigations {
  const m = s.mitigations ?? {};
  const P = itemProduct.reduce((most, p) => Math.max(most, p + 1), 0);
  const items = new Map<number, number>();   // node * P + product → item
  for (let i = I - 1; i >= 0; i--) items.set(itemNode[i] * P + itemProduct[i], i);
  const itemOf = (node: number, product: number) => items.get(node * P + product) ?? -1;
  const lt = m.lateralTransfers;
  const among = new Set((lt?.among ?? []).map((id) => nodeIndex.get(id)!));
  // Peers: the other items of `among` with the same product, in item order.
  const byProduct = new Map<number, number[]>();
  for (let i = 0; i < I; i++) {
    if (!among.has(itemNode[i])) continue;
    const list = byProduct.get(itemProduct[i]);
    if (list) list.push(i); else byProduct.set(itemProduct[i], [i]);
  }
  const peerStart = new Int32Array(I + 1), peers: number[] = [];
  for (let i = 0; i < I; i++) {
    if (among.has(itemNode[i])) for (const j of byProduct.get(itemProduct[i])!) if (j !== i) peers.push(j);
    peerStart[i + 1] = peers.length;
  }
  const expFrom = new Int32Array(I).fill(EXPEDITE_FROM.none), expFromNode = new Int32Array(I).fill(-1), expLead: (Sampler | null)[] = new Array(I).fill(null);
  const expKey = new Uint32Array(I), expCost = new Float64Array(I), expThreshold = new Float64Array(I);
  const itemsAt = new Map<number, number[]>();   // a node's items, in item order
  for (let i = 0; i < I; i++) { const list = itemsAt.get(itemNode[i]); if (list) list.push(i); else itemsAt.set(itemNode[i], [i]); }
  for (const e of m.expedite ?? []) {
    const to = nodeIndex.get(e.to)!, from = nodeIndex.get(e.from)!;
    const supplier = s.nodes[from].kind === "supplier";
    for (const i of itemsAt.get(to) ?? []) {
      expFrom[i] = supplier ? EXPEDITE_FROM.outsideSupplier : itemOf(from, itemProduct[i]);
      if (expFrom[i] === EXPEDITE_FROM.none) continue;
      expFromNode[i] = from;
      expLead[i] = createLeadTimeSampler(e.leadTime);
      expKey[i] = hashKey(`expedite:${e.from}>${e.to}`);
      expCost[i] = e.costPerUnit ?? 0;
      expThreshold[i] = e.threshold;
    }
  }
  return {
    any: (!!lt && among.size > 1) || expFrom.some((e) => e !== EXPEDITE_FROM.none),
    lateral: !!lt && among.size > 1, lateralTrigger: lt?.trigger === "below-reorder-point" ? LATERAL_TRIGGER.belowReorderPoint : LATERAL_TRIGGER.belowZero,
    lateralLead: lt ? createLeadTimeSampler(lt.leadTime) : null, lateralKey: hashKey("lateral"),
    lateralCost: lt?.costPerUnit ?? 0, peerStart, peerList: Int32Array.from(peers),
    expFrom, expFromNode, expLead, expKey, expCost, expThreshold,
  };
}
