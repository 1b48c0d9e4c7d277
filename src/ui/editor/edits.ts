/**
 * Structural edits of a draft scenario: add and remove nodes and lanes, with the lanes and
 * demand that reference a node kept consistent. Pure functions: draft in, new draft out.
 */
import type { Draft, Json } from "./paths.ts";

type Obj = { [key: string]: Json };
const list = (d: Draft, key: string): Obj[] => (Array.isArray(d[key]) ? (d[key] as Obj[]) : []);

/** An id not used by any node: `base`, `base-2`, `base-3`… */
export function freshId(draft: Draft, base: string): string {
  const used = new Set(list(draft, "nodes").map((n) => String(n?.id)));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A new node of `kind`: stocking kinds get a base-stock policy; stores get a demand entry. */
export function addNode(draft: Draft, kind: "supplier" | "plant" | "dc" | "store", supplierId?: string): { draft: Draft; index: number } {
  const id = freshId(draft, kind === "dc" ? "dc" : kind);
  const node: Obj = kind === "supplier" ? { id, name: id, kind } : { id, name: id, kind, holdingCost: 0, policy: { type: "base-stock", level: 0 } };
  const nodes = [...list(draft, "nodes"), node];
  let next: Draft = { ...draft, nodes };
  if (supplierId && kind !== "supplier") next = { ...next, lanes: [...list(next, "lanes"), { from: supplierId, to: id, leadTime: { type: "constant", value: 1 } }] };
  if (kind === "store") next = { ...next, demand: [...list(next, "demand"), { node: id, dist: { type: "poisson", mean: 10 } }] };
  return { draft: next, index: nodes.length - 1 };
}

/** Removes node `index` with its lanes, demand entries and the disruptions that name it. */
export function removeNode(draft: Draft, index: number): Draft {
  const nodes = list(draft, "nodes");
  const id = nodes[index]?.id;
  if (id === undefined) return draft;
  const next: Draft = {
    ...draft,
    nodes: nodes.filter((_, i) => i !== index),
    lanes: list(draft, "lanes").filter((l) => l?.from !== id && l?.to !== id),
    demand: list(draft, "demand").filter((d) => d?.node !== id),
  };
  if (Array.isArray(draft.disruptions)) next.disruptions = list(draft, "disruptions").filter((d) => d?.node !== id && d?.from !== id && d?.to !== id);
  return next;
}

/** Adds a lane (constant lead time 1 day); returns its index. */
export function addLane(draft: Draft, from: string, to: string): { draft: Draft; index: number } {
  const lanes = [...list(draft, "lanes"), { from, to, leadTime: { type: "constant", value: 1 } }];
  return { draft: { ...draft, lanes }, index: lanes.length - 1 };
}

export function removeLane(draft: Draft, index: number): Draft {
  return { ...draft, lanes: list(draft, "lanes").filter((_, i) => i !== index) };
}

/** Renames node `index` to `id` everywhere it is referenced (lanes, demand, disruptions). */
export function renameNodeId(draft: Draft, index: number, id: string): Draft {
  const nodes = list(draft, "nodes");
  const old = nodes[index]?.id;
  if (old === undefined) return draft;
  const swap = (o: Obj, k: string) => (o?.[k] === old ? { ...o, [k]: id } : o);
  const next: Draft = {
    ...draft,
    nodes: nodes.map((n, i) => (i === index ? { ...n, id } : n)),
    lanes: list(draft, "lanes").map((l) => swap(swap(l, "from"), "to")),
    demand: list(draft, "demand").map((d) => swap(d, "node")),
  };
  if (Array.isArray(draft.disruptions)) next.disruptions = list(draft, "disruptions").map((d) => swap(swap(swap(d, "node"), "from"), "to"));
  return next;
}

/** Indices of the demand entries of node `id`. */
export function demandIndices(draft: Draft, id: string): number[] {
  return list(draft, "demand").flatMap((d, i) => (d?.node === id ? [i] : []));
}

/** The blank scenario "New scenario": one supplier and nothing else. */
export function blankScenario(name = "New scenario"): Draft {
  return {
    format: "echelon-scenario@1", name, horizon: 365, warmup: 30, replications: 100, seed: 1,
    unmetDemand: "backorder", allocation: "fifo",
    nodes: [{ id: "supplier", name: "Supplier", kind: "supplier" }], lanes: [], demand: [],
  };
}
