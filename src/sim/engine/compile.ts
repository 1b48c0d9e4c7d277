/**
 * Scenario → CompiledNetwork: resolve ids to indices, apply the spec defaults, order items
 * upstream first, and lay everything out in typed arrays. Assumes a validated scenario.
 */
import type { Distribution, Lane, Scenario } from "../model/index.ts";
import { hasBillOfMaterials, orderUpToLevel } from "../model/index.ts";
import { createDemandSampler, createLeadTimeSampler, hashKey } from "../random/index.ts";
import type { Sampler } from "../random/index.ts";
import type { CompiledNetwork } from "../kernel/network.ts";
import { ALLOCATION, DISRUPTION, EXPEDITE_FROM, LANE_DRAW, SOURCING, STOCKING } from "../kernel/network.ts";
import { ringLimit } from "../kernel/far-arrivals.ts";
import { POLICY_CODE, policyParams } from "../inventory/policies/index.ts";
import { maxLeadTime, numberFor, policyFor, productsOf } from "./defaults.ts";
import { checkReferences } from "./check.ts";
import { compileDisruptions } from "./compile-disruptions.ts";
import { compileMitigations } from "./compile-mitigations.ts";
import { compileAssembly, recipeDepths, recipeIndices } from "./compile-assembly.ts";

const carries = (lane: Lane, product: string) => !lane.products || lane.products.includes(product);

export function compile(s: Scenario): CompiledNetwork {
  checkReferences(s);
  const products = productsOf(s);
  const productIds = products.map((p) => p.id);
  const nodeIndex = new Map(s.nodes.map((n, i) => [n.id, i]));
  const N = s.nodes.length, H = s.horizon;
  const isSupplier = (n: number) => s.nodes[n].kind === "supplier";
  const depth = nodeDepths(s, nodeIndex);

  // Items: every stocking (node, product) with a policy; supplier items as their children need them.
  // A channel (kernel/network.ts CompiledSourcing) has `into`, the raw index of its item.
  interface Item { node: number; product: number; lane: number; supplier: number; into: number }
  const raw: Item[] = [];
  const key = (n: number, p: number) => n * products.length + p;
  const rawIndex = new Map<number, number>();
  const add = (node: number, product: number) => {
    const k = key(node, product);
    let i = rawIndex.get(k);
    if (i === undefined) { i = raw.length; raw.push({ node, product, lane: -1, supplier: -1, into: -1 }); rawIndex.set(k, i); }
    return i;
  };
  s.nodes.forEach((n, ni) => {
    if (isSupplier(ni)) return;
    products.forEach((p, pi) => { if (policyFor(n.policy, p.id)) add(ni, pi); });
  });
  const inbound = new Map<string, number[]>();   // lanes into each node, in scenario order
  s.lanes.forEach((l, k) => { const into = inbound.get(l.to); if (into) into.push(k); else inbound.set(l.to, [k]); });
  const sourced = new Map<number, number[]>();   // raw item with a sourcing rule → its channels (raw), in rule order
  for (let i = 0; i < raw.length; i++) {
    const it = raw[i];
    if (isSupplier(it.node) || it.into >= 0) continue;
    const pid = productIds[it.product], nid = s.nodes[it.node].id;
    const lanes = (inbound.get(nid) ?? []).filter((k) => carries(s.lanes[k], pid));
    if (lanes.length > 1) { sourced.set(i, channelsOf(s, lanes).map((k) => addChannel(i, k))); continue; }
    const lane = lanes.length > 0 ? lanes[0] : -1;
    if (lane < 0) continue;                         // validation forbids this; the item never gets stock
    it.lane = lane;
    it.supplier = add(nodeIndex.get(s.lanes[lane].from)!, it.product);
  }
  function addChannel(into: number, lane: number): number {
    const c = raw.length, it = raw[into];
    raw.push({ node: it.node, product: it.product, lane, supplier: -1, into });
    raw[c].supplier = add(nodeIndex.get(s.lanes[lane].from)!, it.product);
    return c;
  }
  // Topological order: by depth, then scenario order, then (at a node that makes products) after
  // the components each is made from and in the order of the node's recipes (the order recipes
  // sharing a component are served in), then product (a channel just before its item).
  const isChannel = (r: number) => (raw[r].into >= 0 ? 0 : 1);
  const assembly = hasBillOfMaterials(s), made = assembly ? recipeDepths(s, productIds) : null, recipe = assembly ? recipeIndices(s, productIds) : null;
  const at = (r: number) => raw[r].node * products.length + raw[r].product;
  const stage = (r: number) => (made === null ? 0 : made[at(r)]), recipeOf = (r: number) => (recipe === null ? 0 : recipe[at(r)]);
  const order = raw.map((_, i) => i).sort((a, b) =>
    depth[raw[a].node] - depth[raw[b].node] || raw[a].node - raw[b].node || stage(a) - stage(b) || recipeOf(a) - recipeOf(b) ||
    raw[a].product - raw[b].product || isChannel(a) - isChannel(b));
  const pos = new Int32Array(raw.length);
  order.forEach((r, i) => (pos[r] = i));
  const I = raw.length;

  const itemNode = new Int32Array(I), itemProduct = new Int32Array(I), itemSource = new Uint8Array(I);
  const itemSupplier = new Int32Array(I), itemLane = new Int32Array(I), itemHolding = new Float64Array(I);
  const itemPolicy = new Int8Array(I), itemLevel = new Float64Array(I), itemUpToOrBatch = new Float64Array(I);
  const itemReview = new Int32Array(I), itemOffset = new Int32Array(I), itemInitial = new Float64Array(I);
  const itemPriority = new Float64Array(I), itemDemand = new Uint8Array(I);
  order.forEach((r, i) => {
    const it = raw[r], spec = s.nodes[it.node], pid = productIds[it.product];
    itemNode[i] = it.node; itemProduct[i] = it.product;
    itemSource[i] = isSupplier(it.node) ? 1 : 0;
    itemSupplier[i] = it.supplier >= 0 ? pos[it.supplier] : -1;
    itemLane[i] = it.lane;
    itemPriority[i] = spec.priority ?? 1;
    const policy = policyFor(spec.policy, pid);
    if (itemSource[i] || !policy || it.into >= 0) { itemPolicy[i] = -1; itemReview[i] = 1; return; }   // suppliers and channels never review
    itemHolding[i] = numberFor(spec.holdingCost, pid, 0);
    itemPolicy[i] = POLICY_CODE[policy.type];
    [itemLevel[i], itemUpToOrBatch[i]] = policyParams(policy);
    itemReview[i] = policy.review ?? 1;
    itemOffset[i] = policy.offset ?? 0;
    itemInitial[i] = numberFor(spec.initialInventory, pid, orderUpToLevel(policy));
  });

  const { childStart, childList } = children(I, itemSupplier, itemPriority, s.allocation === "priority");
  const assemblyNet = compileAssembly(s, assembly, productIds, I, (n, p) => { const r = rawIndex.get(key(n, p)); return r === undefined ? -1 : pos[r]; });
  const { echStart, echList, echWeight } = assemblyNet.any
    ? descendants(I, childStart, childList, itemPolicy, assemblyNet)
    : descendants(I, childStart, childList, itemPolicy);

  // Lanes
  const L = s.lanes.length;
  const laneFrom = Int32Array.from(s.lanes, (l) => nodeIndex.get(l.from)!);
  const laneTo = Int32Array.from(s.lanes, (l) => nodeIndex.get(l.to)!);
  const laneLead: Sampler[] = s.lanes.map((l) => createLeadTimeSampler(l.leadTime));
  const laneKey = Uint32Array.from(s.lanes, (l) => hashKey(`lead:${l.from}>${l.to}`));
  const laneDraw = new Int8Array(L), laneLo = new Int32Array(L), laneN = new Int32Array(L);
  s.lanes.forEach((l, k) => {
    const d = l.leadTime;
    if (d.type === "constant") { laneDraw[k] = LANE_DRAW.constant; laneLo[k] = Math.max(0, Math.round(d.value)); }
    else if (d.type === "uniform") {
      laneDraw[k] = LANE_DRAW.uniformDays; laneLo[k] = Math.max(0, Math.round(d.min));
      laneN[k] = Math.max(laneLo[k], Math.round(d.max)) - laneLo[k] + 1;
    }
  });
  const laneCostUnit = Float64Array.from(s.lanes, (l) => l.costPerUnit ?? 0);
  const laneCostShipment = Float64Array.from(s.lanes, (l) => l.costPerShipment ?? 0);
  const laneCapacity = Float64Array.from(s.lanes, (l) => l.capacity ?? Infinity);
  const laneOvertaking = Uint8Array.from(s.lanes, (l) => (l.overtaking ? 1 : 0));

  // Demand sources
  const D = s.demand.length;
  const demandItem = new Int32Array(D), seasonalAt = new Int32Array(D).fill(-1);
  // One table of daily factors per distinct seasonality and trend, shared by the sources that have it.
  const profileAt = new Map<string, number>();
  for (const d of s.demand) if (d.seasonality || d.trend) { const k = profileKey(d); if (!profileAt.has(k)) profileAt.set(k, profileAt.size * H); }
  const seasonal = new Float64Array(profileAt.size * H), filled = new Set<number>();
  const demandGroup = new Int32Array(D).fill(-1), demandRho = new Float64Array(D);
  const groupKeys: number[] = [], groupIds = new Map<string, number>();
  const nodeDemand = new Uint8Array(N);
  s.demand.forEach((d, k) => {
    const n = nodeIndex.get(d.node)!, p = d.product === undefined ? 0 : productIds.indexOf(d.product);
    const r = rawIndex.get(key(n, p));
    demandItem[k] = r === undefined ? -1 : pos[r];
    if (demandItem[k] >= 0) itemDemand[demandItem[k]] = 1;
    nodeDemand[n] = 1;
    if (d.seasonality || d.trend) seasonalAt[k] = profileAt.get(profileKey(d))!;
    const fill = seasonalAt[k] >= 0 && !filled.has(seasonalAt[k]);
    if (fill) filled.add(seasonalAt[k]);
    for (let t = 0; fill && t < H; t++) {
      let f = Math.pow(1 + (d.trend ?? 0), t);
      if (d.seasonality) {
        const { cycle, factors } = d.seasonality;
        f *= factors[Math.floor(((t % cycle) * factors.length) / cycle)];
      }
      seasonal[seasonalAt[k] + t] = f;
    }
    const corr = s.demandCorrelation;
    let rho = 0, gname = "";
    if (corr && "rho" in corr) { rho = corr.rho; gname = `*:${productIds[p]}`; }
    else if (corr && "groups" in corr) {
      const g = corr.groups.findIndex((grp) => grp.nodes.includes(d.node));
      if (g >= 0) { rho = corr.groups[g].rho; gname = `${g}:${productIds[p]}`; }
    }
    if (rho > 0) {
      let g = groupIds.get(gname);
      if (g === undefined) { g = groupKeys.length; groupIds.set(gname, g); groupKeys.push(hashKey(`copula:${gname}`)); }
      demandGroup[k] = g; demandRho[k] = rho;
    }
  });

  const disruptions = compileDisruptions(s, nodeIndex, productIds, demandItem, itemProduct);
  const sourcing = compileSourcing(s, raw, pos, sourced);
  // Channels take no part in mitigations (their node reads −1 there): expedites and transfers go to the item itself.
  const mitigations = compileMitigations(s, nodeIndex, I, sourcing.any ? itemNode.map((n, i) => (sourcing.itemInto[i] === i ? n : -1)) : itemNode, itemProduct);

  // The arrival ring starts large enough for the usual transit (bounded distributions: their
  // maximum; others: mean + 6 sd) and grows if a longer one is ever drawn.
  const transit = (d: Distribution, sampler: Sampler) => Math.min(maxLeadTime(d), Math.ceil(sampler.mean + 6 * sampler.sd));
  let maxTransit = 0;
  s.lanes.forEach((l, k) => (maxTransit = Math.max(maxTransit, transit(l.leadTime, laneLead[k]))));
  for (const e of s.mitigations?.expedite ?? []) maxTransit = Math.max(maxTransit, transit(e.leadTime, createLeadTimeSampler(e.leadTime)));
  const lt = s.mitigations?.lateralTransfers;
  if (lt) maxTransit = Math.max(maxTransit, transit(lt.leadTime, createLeadTimeSampler(lt.leadTime)));
  for (const d of s.disruptions ?? []) if (d.type === "lane-delay") maxTransit += d.extraDays;
  for (const t of assemblyNet.time) maxTransit = Math.max(maxTransit, t);
  // Its length is shared by every item, so it stops at ringMax (kernel/far-arrivals.ts keeps what lies beyond).
  const ringMax = ringLimit(I);
  let ring = 2;
  while (ring < Math.min(maxTransit, H) + 2 && ring < ringMax) ring *= 2;

  const demandPlain = Uint8Array.from(s.demand, (d, k) => (d.dist.type === "normal" && demandGroup[k] < 0 && seasonalAt[k] < 0 ? 1 : 0));
  const stockingItems = Int32Array.from({ length: I }, (_, i) => i).filter((i) => !itemSource[i]);
  const itemDailyBaseStock = Uint8Array.from({ length: I }, (_, i) =>
    (itemPolicy[i] === POLICY_CODE["base-stock"] && itemReview[i] === 1 && itemSupplier[i] >= 0 && mitigations.expFrom[i] === EXPEDITE_FROM.none ? 1 : 0));
  const reviewDaily = !assemblyNet.any && itemDailyBaseStock.every((daily, i) => daily === 1 || itemPolicy[i] < 0 || (itemSupplier[i] < 0 && sourcing.rule[i] === SOURCING.none));
  return {
    horizon: H, warmup: s.warmup, seedKey: hashKey(s.seed), lost: s.unmetDemand === "lost",
    allocation: ALLOCATION[s.allocation], orderQueue: s.allocation !== "proportional",
    laneLimits: laneCapacity.some((c) => c !== Infinity) || (disruptions.kinds & ((1 << DISRUPTION.laneOutage) | (1 << DISRUPTION.laneCut))) !== 0,
    backorderCost: s.costs?.backorderPerUnitDay ?? 0, lostSaleCost: s.costs?.lostSalePerUnit ?? 0,
    orderFixed: s.costs?.orderFixed ?? 0,
    productIds, unitCost: Float64Array.from(products, (p) => p.unitCost ?? 1),
    nodeIds: s.nodes.map((n) => n.id),
    nodeStorage: Float64Array.from(s.nodes, (n) => n.capacity?.storage ?? Infinity),
    nodeThroughput: Float64Array.from(s.nodes, (n) => n.capacity?.throughput ?? Infinity),
    nodeDemand, anyThroughput: s.nodes.some((n) => n.capacity?.throughput !== undefined),
    anyStorage: s.nodes.some((n) => n.capacity?.storage !== undefined),
    stockingNodes: Int32Array.from(s.nodes.map((_, i) => i).filter((i) => !isSupplier(i))),
    items: I, itemNode, itemProduct, itemSource, itemSupplier, itemLane, itemHolding, itemPolicy, itemLevel, itemUpToOrBatch,
    itemReview, itemOffset, itemInitial, itemPriority, childStart, childList, echStart, echList,
    shippers: Int32Array.from({ length: I }, (_, i) => i).filter((i) => childStart[i + 1] > childStart[i]),
    itemDailyBaseStock, reviewDaily, stockingItems, stockingKind: Uint8Array.from(stockingItems, (i) => (itemDemand[i] ? STOCKING.demand : 0)
      | (childStart[i + 1] > childStart[i] ? STOCKING.downstream : 0) | (nodeDemand[itemNode[i]] ? STOCKING.demandNode : 0)),
    laneFrom, laneTo, laneLead, laneKey, laneDraw, laneLo, laneN, laneCostUnit, laneCostShipment, laneCapacity, laneOvertaking,
    demandItem, demandSampler: s.demand.map((d) => createDemandSampler(d.dist)),
    demandNormal: Uint8Array.from(s.demand, (d) => (d.dist.type === "normal" ? 1 : 0)),
    demandAllPlain: demandPlain.every((plain) => plain === 1),
    demandPlain,
    demandMean: Float64Array.from(s.demand, (d) => (d.dist.type === "normal" ? d.dist.mean : 0)),
    demandSd: Float64Array.from(s.demand, (d) => (d.dist.type === "normal" ? d.dist.sd : 0)),
    demandKey: Uint32Array.from(s.demand, (d) => hashKey(`demand:${d.node}:${d.product ?? productIds[0]}`)),
    seasonal, seasonalAt, demandGroup, demandRho, groupKey: Uint32Array.from(groupKeys),
    ring, ringMax, disruptions, mitigations, sourcing, assembly: { ...assemblyNet, echWeight },
  };
}

/** A node's inbound lanes for a product in rule order: split lanes in scenario order; the primary, then the backups. */
function channelsOf(s: Scenario, lanes: readonly number[]): number[] {
  const role = (k: number) => { const r = s.lanes[k].sourcing; return r && "role" in r && r.role === "primary" ? 0 : 1; };
  return [...lanes].sort((a, b) => role(a) - role(b) || a - b);
}

function compileSourcing(s: Scenario, raw: readonly { into: number; lane: number }[], pos: Int32Array,
  sourced: ReadonlyMap<number, readonly number[]>): CompiledNetwork["sourcing"] {
  const I = raw.length;
  const rule = new Int8Array(I), itemInto = Int32Array.from({ length: I }, (_, i) => i), share = new Float64Array(I).fill(1);
  const lists: number[][] = Array.from({ length: I }, () => []);
  for (const [r, channels] of sourced) {
    const i = pos[r], first = s.lanes[raw[channels[0]].lane].sourcing;
    rule[i] = first && "split" in first ? SOURCING.split : SOURCING.primaryBackup;
    for (const c of channels) {
      const j = pos[c], lr = s.lanes[raw[c].lane].sourcing;
      itemInto[j] = i;
      lists[i].push(j);
      share[j] = lr && "split" in lr ? lr.split : lr && "role" in lr && lr.role === "primary" ? 1 : 0;
    }
  }
  const chanStart = new Int32Array(I + 1);
  for (let i = 0; i < I; i++) chanStart[i + 1] = chanStart[i] + lists[i].length;
  return { any: sourced.size > 0, rule, itemInto, chanStart, chanList: Int32Array.from(lists.flat()), share };
}

/** What a demand source's daily factors depend on (its seasonality and trend): sources with the same key share a table. */
const profileKey = (d: Scenario["demand"][number]) => JSON.stringify([d.seasonality?.cycle ?? 0, d.seasonality?.factors ?? [], d.trend ?? 0]);

/** Longest path from a root to each node over the lanes (Kahn's order; the lane graph is acyclic). */
function nodeDepths(s: Scenario, nodeIndex: ReadonlyMap<string, number>): Int32Array {
  const N = s.nodes.length, depth = new Int32Array(N), indegree = new Int32Array(N);
  const out: number[][] = Array.from({ length: N }, () => []);
  for (const l of s.lanes) { const a = nodeIndex.get(l.from)!, b = nodeIndex.get(l.to)!; out[a].push(b); indegree[b]++; }
  const ready: number[] = [];
  for (let n = 0; n < N; n++) if (indegree[n] === 0) ready.push(n);
  while (ready.length > 0) {
    const a = ready.pop()!;
    for (const b of out[a]) {
      if (depth[b] < depth[a] + 1) depth[b] = depth[a] + 1;
      if (--indegree[b] === 0) ready.push(b);
    }
  }
  return depth;
}

function children(I: number, supplier: Int32Array, priority: Float64Array, byPriority: boolean) {
  const lists: number[][] = Array.from({ length: I }, () => []);
  for (let i = 0; i < I; i++) if (supplier[i] >= 0) lists[supplier[i]].push(i);
  if (byPriority) for (const l of lists) l.sort((a, b) => priority[a] - priority[b] || a - b);
  const childStart = new Int32Array(I + 1);
  for (let i = 0; i < I; i++) childStart[i + 1] = childStart[i] + lists[i].length;
  return { childStart, childList: Int32Array.from(lists.flat()) };
}

/**
 * Items at or below each echelon-policy item, itself first (CSR); empty for the others. With
 * recipes (`recipes`), a component's made items are below it too, each entry weighted by the
 * units of the component one unit of it holds (echWeight); without, echWeight is empty.
 */
function descendants(I: number, childStart: Int32Array, childList: Int32Array, policy: Int8Array,
  recipes?: { readonly usedStart: Int32Array; readonly usedList: Int32Array; readonly usedQty: Float64Array }) {
  if (recipes) return weightedDescendants(I, childStart, childList, policy, recipes);
  // Items are upstream first, so each item's count of items at or below it is 1 + its children's, summed backwards.
  const below = new Int32Array(I).fill(1), echStart = new Int32Array(I + 1);
  for (let i = I - 1; i >= 0; i--) for (let k = childStart[i]; k < childStart[i + 1]; k++) below[i] += below[childList[k]];
  for (let i = 0; i < I; i++) echStart[i + 1] = echStart[i] + (policy[i] === POLICY_CODE["echelon-base-stock"] ? below[i] : 0);
  const echList = new Int32Array(echStart[I]), stack: number[] = [];
  for (let i = 0, n = 0; i < I; i++) {
    if (policy[i] !== POLICY_CODE["echelon-base-stock"]) continue;
    stack.push(i);
    while (stack.length > 0) {
      const j = stack.pop()!;
      echList[n++] = j;
      for (let k = childStart[j + 1] - 1; k >= childStart[j]; k--) stack.push(childList[k]);
    }
  }
  return { echStart, echList, echWeight: new Float64Array(0) };
}

/**
 * Each item once, in item order, with the sum over every path below the echelon item of the
 * product of the recipe quantities on the way: items are upstream first, so one forward pass
 * carries the weights down (a list of paths instead would grow exponentially with layers of
 * recipes sharing components).
 */
function weightedDescendants(I: number, childStart: Int32Array, childList: Int32Array, policy: Int8Array,
  recipes: { readonly usedStart: Int32Array; readonly usedList: Int32Array; readonly usedQty: Float64Array }) {
  const list: number[] = [], weight: number[] = [], echStart = new Int32Array(I + 1), w = new Float64Array(I);
  for (let i = 0; i < I; i++) {
    if (policy[i] === POLICY_CODE["echelon-base-stock"]) {
      w.fill(0, i);
      w[i] = 1;
      for (let j = i; j < I; j++) {
        if (w[j] === 0) continue;
        list.push(j); weight.push(w[j]);
        for (let k = recipes.usedStart[j]; k < recipes.usedStart[j + 1]; k++) w[recipes.usedList[k]] += w[j] * recipes.usedQty[k];
        for (let k = childStart[j]; k < childStart[j + 1]; k++) w[childList[k]] += w[j];
      }
    }
    echStart[i + 1] = list.length;
  }
  return { echStart, echList: Int32Array.from(list), echWeight: Float64Array.from(weight) };
}
