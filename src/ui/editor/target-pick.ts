/**
 * "Pick on diagram" for a disruption's target: which nodes and lanes of the diagram may be picked
 * for it, and the draft with the picked one set (or a sentence saying why it cannot be). Only a
 * target the disruption can act on is pickable, by the rules the validator applies
 * (src/sim/validate/checks/disruptions.ts, no-effect.ts): a lane for lane delays and outages, a
 * node for node outages, a node with customer demand for demand shocks, something with a capacity
 * for capacity cuts, a node or a lane for random outages. Pure; never throws on a broken draft.
 */
import type { DiagramPick, DiagramSelection } from "../network/network-diagram.ts";
import type { Draft, Json } from "./paths.ts";

type Obj = { [key: string]: Json };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);

/** What a disruption of each type may act on. */
export type TargetKind = "node" | "lane" | "node-or-lane";
const TARGET_OF: Readonly<Record<string, TargetKind>> = {
  "lane-delay": "lane", "lane-outage": "lane", "node-outage": "node", "demand-shock": "node",
  "capacity-cut": "node-or-lane", "random-outage": "node-or-lane",
};

/** What disruption `d` may act on, or undefined when it is not a disruption of a known type. */
export function targetKind(d: unknown): TargetKind | undefined {
  return isObj(d) && typeof d.type === "string" ? TARGET_OF[d.type] : undefined;
}

const hasThroughput = (n: Obj) => isObj(n.capacity) && n.capacity.throughput !== undefined;
const hasDemand = (draft: Draft, id: Json) => list(draft.demand).some((e) => e.node === id);
const nodeName = (n: Obj | undefined) => String(n?.name || n?.id || "this node");

/** Whether node `n` may be the target of `d` (of a node or node-or-lane kind). */
function nodeFits(draft: Draft, d: Obj, n: Obj): boolean {
  if (d.type === "demand-shock") return hasDemand(draft, n.id);
  if (d.type === "capacity-cut") return hasThroughput(n);
  return true;
}

/** Whether lane `l` may be the target of `d` (of a lane or node-or-lane kind). */
const laneFits = (d: Obj, l: Obj): boolean => d.type !== "capacity-cut" || l.capacity !== undefined;

/** The diagram's pick for disruption `index`: what may be picked and the prompt; undefined when there is no such disruption. */
export function pickableTargets(draft: Draft, index: number, note?: string): DiagramPick | undefined {
  const d = list(draft.disruptions)[index];
  const kind = targetKind(d);
  if (!d || !kind) return undefined;
  const nodes = new Set<number>(), lanes = new Set<number>();
  if (kind !== "lane") list(draft.nodes).forEach((n, i) => { if (nodeFits(draft, d, n)) nodes.add(i); });
  if (kind !== "node") list(draft.lanes).forEach((l, i) => { if (laneFits(d, l)) lanes.add(i); });
  const prompt = note ?? (nodes.size + lanes.size === 0 ? nothingToPick(d) : `Disruption ${index + 1} (${String(d.type)}): click ${WHAT[d.type as string] ?? "a target"} in the diagram. Esc cancels.`);
  return { nodes, lanes, prompt };
}

const WHAT: Readonly<Record<string, string>> = {
  "lane-delay": "the lane it delays", "lane-outage": "the lane it stops", "node-outage": "the node it closes",
  "demand-shock": "a node with customer demand", "capacity-cut": "a node or lane with a capacity",
  "random-outage": "the node or lane that fails",
};

function nothingToPick(d: Obj): string {
  return d.type === "capacity-cut"
    ? "Nothing in this network has a capacity to cut: give a node a throughput or a lane a capacity first, or use a node or lane outage."
    : "Nothing in this network can be this disruption's target.";
}

/**
 * The draft with `picked` as the target of disruption `index` (its window and size kept), or a
 * sentence saying why `picked` cannot be its target.
 */
export function applyPick(draft: Draft, index: number, picked: NonNullable<DiagramSelection>): Draft | string {
  const all = Array.isArray(draft.disruptions) ? draft.disruptions : [];
  const d = list(all)[index];
  const kind = targetKind(d);
  if (!d || !kind) return `Disruption ${index + 1} is no longer there.`;
  const why = refusal(draft, d, kind, picked);
  if (why) return why;
  const { node: _n, from: _f, to: _t, ...rest } = d;
  const target: Obj = picked.kind === "node"
    ? { node: list(draft.nodes)[picked.index].id ?? "" }
    : { from: list(draft.lanes)[picked.index].from ?? "", to: list(draft.lanes)[picked.index].to ?? "" };
  const next = { type: d.type, ...target, ...rest };
  return { ...draft, disruptions: all.map((x, i) => (i === index ? next : x)) };
}

/** Why `picked` cannot be the target of `d`, or undefined when it can. */
function refusal(draft: Draft, d: Obj, kind: TargetKind, picked: NonNullable<DiagramSelection>): string | undefined {
  const type = String(d.type);
  if (picked.kind === "node") {
    const n = list(draft.nodes)[picked.index];
    if (!n) return "That node is no longer in the scenario.";
    if (kind === "lane") return `A ${type} acts on a lane: click a line between two nodes, not a node.`;
    if (type === "demand-shock" && !hasDemand(draft, n.id)) return `${nodeName(n)} has no customer demand to shock: click a node with demand (a store).`;
    if (type === "capacity-cut" && !hasThroughput(n)) return `${nodeName(n)} has no throughput capacity, so a cut would change nothing: pick something with a capacity, or use a node outage.`;
    return undefined;
  }
  const l = list(draft.lanes)[picked.index];
  if (!l) return "That lane is no longer in the scenario.";
  if (kind === "node") return `A ${type} acts on a node: click a node, not a lane.`;
  if (!laneFits(d, l)) return "This lane has no capacity, so a cut would change nothing: pick something with a capacity, or use a lane outage.";
  return undefined;
}
