/**
 * The scenario as the optimisers see it: for one product, the tree of stocking nodes that carry
 * it (each fed by one inbound lane), with each node's processing time, holding cost and the
 * mean and standard deviation of the daily demand it serves (all the customer demand at or
 * below it). Parents come before their children.
 */
import { own, type DemandSpec, type Lane, type NodeSpec, type PerProduct, type Policy, type Scenario } from "../model/index.ts";
import { createDemandSampler, createLeadTimeSampler } from "../random/sampler.ts";

export interface Stage {
  readonly id: string;
  /** Index of the stage that feeds this one, or -1 when an outside supplier does. */
  readonly parent: number;
  /** T: the inbound lane's mean lead time + the node's `processingTime` (days). */
  readonly processingTime: number;
  /** For a root: the service time its supplier promises (its `serviceTime`, default 0). */
  readonly externalInbound: number;
  /** Per unit per day. */
  readonly holdingCost: number;
  readonly meanDemand: number;
  readonly sdDemand: number;
  /**
   * Variance of the inbound lane's lead time (days²) when lead-time variability is counted
   * (`leadTimeVariance: true`); 0 otherwise, as in the textbook GSM.
   */
  readonly leadTimeVariance: number;
  /** True when the node faces customers (an entry in `demand`). */
  readonly isDemandNode: boolean;
  /** Upper bound on the service time it may promise: a demand node's `serviceTime` (default 0); Infinity otherwise. */
  readonly maxServiceTime: number;
}

export const productIdsOf = (s: Scenario): string[] =>
  s.products && s.products.length > 0 ? s.products.map((p) => p.id) : ["default"];

const isMap = (v: object, single: string) => !(single in v);

/** The policy a node runs for a product, or undefined when it does not stock it. */
export function policyOf(v: PerProduct<Policy> | undefined, product: string): Policy | undefined {
  if (v === undefined) return undefined;
  return isMap(v, "type") ? own(v as { readonly [id: string]: Policy }, product) : (v as Policy);
}

export function holdingOf(n: NodeSpec, product: string): number {
  const v = n.holdingCost;
  if (v === undefined) return 0;
  return typeof v === "number" ? v : (own(v, product) ?? 0);
}

const carries = (l: Lane, product: string) => !l.products || l.products.includes(product);
export const productOf = (d: DemandSpec, s: Scenario) => d.product ?? productIdsOf(s)[0];

/**
 * The stages of one product, parents first. With `leadTimeVariance`, each stage also carries
 * its inbound lane's lead-time variance (see `exposureSd` in gsm.ts).
 */
export function stagesOf(s: Scenario, product: string, opts: { readonly leadTimeVariance?: boolean } = {}): Stage[] {
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const stocking = s.nodes.filter((n) => n.kind !== "supplier" && policyOf(n.policy, product) !== undefined);
  const ids = new Set(stocking.map((n) => n.id));
  const inbound = new Map<string, Lane>();
  for (const l of s.lanes) if (ids.has(l.to) && carries(l, product) && modelledBefore(l, inbound.get(l.to))) inbound.set(l.to, l);
  const parentOf = (id: string) => {
    const from = inbound.get(id)?.from;
    return from !== undefined && ids.has(from) ? from : undefined;
  };
  // Parents first: depth-first from the roots, in scenario order.
  const kids = new Map<string, string[]>();
  for (const n of stocking) {
    const p = parentOf(n.id);
    if (p !== undefined) kids.set(p, [...(kids.get(p) ?? []), n.id]);
  }
  const order: string[] = [];
  const visit = (id: string) => { order.push(id); for (const k of kids.get(id) ?? []) visit(k); };
  for (const n of stocking) if (parentOf(n.id) === undefined) visit(n.id);
  const index = new Map(order.map((id, i) => [id, i]));

  const demand = s.demand.filter((d) => productOf(d, s) === product && ids.has(d.node))
    .map((d) => ({ node: d.node, ...moments(d) }));
  const below = (id: string): Set<string> => {
    const out = new Set([id]);
    for (const k of kids.get(id) ?? []) for (const x of below(k)) out.add(x);
    return out;
  };
  return order.map((id) => {
    const n = byId.get(id)!, lane = inbound.get(id), parent = parentOf(id);
    const supplier = lane ? byId.get(lane.from) : undefined;
    const served = below(id), lead = lane ? createLeadTimeSampler(lane.leadTime) : undefined;
    const mine = demand.filter((d) => served.has(d.node));
    const isDemandNode = demand.some((d) => d.node === id);
    return {
      id,
      parent: parent === undefined ? -1 : index.get(parent)!,
      processingTime: (lead?.mean ?? 0) + (n.processingTime ?? 0),
      externalInbound: parent === undefined && supplier?.kind === "supplier" ? (supplier.serviceTime ?? 0) : 0,
      holdingCost: holdingOf(n, product),
      meanDemand: mine.reduce((a, d) => a + d.mean, 0),
      sdDemand: Math.sqrt(pooledVariance(s, mine)),
      leadTimeVariance: opts.leadTimeVariance && lead ? lead.sd * lead.sd : 0,
      isDemandNode,
      maxServiceTime: isDemandNode ? (n.serviceTime ?? 0) : Infinity,
    };
  });
}

export function moments(d: DemandSpec): { mean: number; sd: number } {
  const x = createDemandSampler(d.dist);
  return { mean: x.mean, sd: x.sd };
}

/**
 * Variance of the sum of daily demands: Σσ² + Σ_{i≠j} ρ_ij σ_i σ_j, where ρ_ij is the
 * scenario's correlation for the pair (the same rho for all, or a group's rho when both are
 * in that group; 0 otherwise). For one group, Σ_{i≠j} σ_i σ_j = (Σσ)² − Σσ².
 */
export function pooledVariance(s: Scenario, parts: readonly { node: string; sd: number; product?: string }[]): number {
  // Demands of different products are independent (the engine's copula groups are per product).
  const products = new Set(parts.map((p) => p.product));
  if (products.size > 1) return [...products].reduce((a, product) => a + pooledVariance(s, parts.filter((p) => p.product === product)), 0);
  const sumSq = parts.reduce((a, p) => a + p.sd * p.sd, 0);
  const groups: { rho: number; nodes: Set<string> | null }[] = [];
  const corr = s.demandCorrelation;
  if (corr && "rho" in corr) groups.push({ rho: corr.rho, nodes: null });
  else if (corr && "groups" in corr) for (const g of corr.groups) groups.push({ rho: g.rho, nodes: new Set(g.nodes) });
  let cross = 0;
  const seen = new Set<string>();
  for (const g of groups) {
    // A node in two groups correlates through the first (as the engine does).
    const members = parts.filter((p) => (g.nodes === null || g.nodes.has(p.node)) && !seen.has(p.node));
    for (const p of members) seen.add(p.node);
    const sum = members.reduce((a, p) => a + p.sd, 0), sq = members.reduce((a, p) => a + p.sd * p.sd, 0);
    cross += g.rho * (sum * sum - sq);
  }
  return sumSq + cross;
}

/** The one inbound lane the analytic model gives `node` for `product` (see modelledBefore), if any. */
export function modelledLane(s: Scenario, node: string, product: string): Lane | undefined {
  let kept: Lane | undefined;
  for (const l of s.lanes) if (l.to === node && carries(l, product) && modelledBefore(l, kept)) kept = l;
  return kept;
}

/**
 * The one inbound lane the analytic model gives a node with several sources (docs/optimize.md):
 * its primary, else its largest split share, else the first in scenario order.
 */
function modelledBefore(lane: Lane, current: Lane | undefined): boolean {
  if (!current) return true;
  return sourcingRank(lane) > sourcingRank(current);
}

const sourcingRank = (l: Lane): number => {
  const rule = l.sourcing;
  if (!rule) return 0;
  return "role" in rule ? (rule.role === "primary" ? 2 : 0) : rule.split;
};

/** One sentence per (node, product) with several sources: which lane the analytic model keeps. */
export function sourcingNotes(s: Scenario): string[] {
  const notes: string[] = [];
  for (const product of productIdsOf(s)) {
    for (const stage of stagesOf(s, product)) {
      const lanes = s.lanes.filter((l) => l.to === stage.id && l.sourcing !== undefined && carries(l, product));
      if (lanes.length < 2) continue;
      const kept = lanes.reduce((best, l) => (modelledBefore(l, best) ? l : best));
      const others = lanes.filter((l) => l !== kept).map((l) => l.from).join(", ");
      const why = kept.sourcing && "role" in kept.sourcing ? "its primary source" : "its largest split share";
      notes.push(`${stage.id}${productIdsOf(s).length > 1 ? ` (${product})` : ""} has several sources: the analytic model keeps ${why}, the lane from ${kept.from}, and leaves out ${others}; simulate the plan (--verify, or the network method) to see what the sourcing rule delivers.`);
    }
  }
  return notes;
}
