/**
 * The levels (echelons) of a network's stocking nodes, as the network diagram lays them out
 * (src/ui/network/layout.ts): a node's level is the longest lane path to it from a node with no
 * stocking predecessor, and stores that supply no one (and are supplied) join the last level, so
 * all stores stand together, even those served straight from a supplier. Suppliers hold no stock and have no level.
 */
import type { NodeKind, NodeSpec, Scenario } from "../model/scenario.ts";

export interface EchelonLevel {
  /** 1 = the most upstream stocking level. */
  readonly level: number;
  readonly label: string;
  /** Stocking node ids, in scenario order. */
  readonly nodes: readonly string[];
}

/** The stocking nodes' levels, upstream first; empty levels are dropped. */
export function echelonLevels(scenario: Scenario): EchelonLevel[] {
  const stocking = scenario.nodes.filter((n) => n.kind !== "supplier");
  const ids = new Set(stocking.map((n) => n.id));
  const preds = new Map<string, string[]>(stocking.map((n) => [n.id, []]));
  const supplies = new Set<string>(), supplied = new Set<string>();
  for (const l of scenario.lanes) {
    supplied.add(l.to);
    if (!ids.has(l.from) || !ids.has(l.to) || l.from === l.to) continue;
    preds.get(l.to)!.push(l.from);
    supplies.add(l.from);
  }
  const depth = new Map<string, number>();
  // Validation makes the lane graph a forest; the guard keeps a cycle from recursing forever.
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(0, ...preds.get(id)!.map((p) => depthOf(p, seen) + 1));
    depth.set(id, d);
    return d;
  };
  for (const n of stocking) depthOf(n.id, new Set());
  const last = Math.max(0, ...depth.values());
  for (const n of stocking) if (n.kind === "store" && !supplies.has(n.id) && supplied.has(n.id)) depth.set(n.id, last);
  const used = [...new Set(depth.values())].sort((a, b) => a - b);
  const levels = used.map((d) => stocking.filter((n) => depth.get(n.id) === d));
  return levels.map((nodes, i) => ({
    level: i + 1,
    label: levelLabel(nodes, i, levels),
    nodes: nodes.map((n) => n.id),
  }));
}

const PLURAL: { readonly [K in NodeKind]: string } = { supplier: "Suppliers", plant: "Plants", dc: "DCs", store: "Stores" };

/**
 * A planner's name for level `i`: a level of one node takes that node's name ("Central DC",
 * "Wholesaler"); otherwise its nodes' kind ("Stores", "Plants"), and where several levels hold
 * DCs, the most upstream is "Central DCs" and the one nearest the customers "Regional DCs". A level
 * of mixed kinds, or a DC level between those two, is "Echelon n".
 */
function levelLabel(nodes: readonly NodeSpec[], i: number, all: readonly (readonly NodeSpec[])[]): string {
  if (nodes.length === 1) return nodes[0].name?.trim() || nodes[0].id;
  const kind = nodes[0].kind;
  if (nodes.some((n) => n.kind !== kind)) return `Echelon ${i + 1}`;
  if (kind !== "dc") return PLURAL[kind];
  const dcLevels = all.flatMap((l, j) => (l.every((n) => n.kind === "dc") ? [j] : []));
  if (dcLevels.length === 1) return PLURAL.dc;
  if (i === dcLevels[0]) return `Central ${PLURAL.dc}`;
  if (i === dcLevels.at(-1)) return `Regional ${PLURAL.dc}`;
  return `Echelon ${i + 1}`;
}
