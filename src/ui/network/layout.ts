/**
 * Layered layout of a supply network (pure maths, no DOM): suppliers on the left, stores on the
 * right. Three steps in the manner of Sugiyama's method:
 * 1. `assignLayers` — a node's layer is its depth in the lane graph (longest path from a node
 *    with no inbound lane, which starts at its kind's echelon); a node with no lanes at all takes
 *    its kind's usual echelon; a store that supplies no one goes to the last layer; empty layers
 *    are dropped.
 * 2. `orderLayers` — order the nodes of each layer to reduce lane crossings by barycenter sweeps
 *    (each node moves to the mean position of its neighbours in the adjacent layer), keeping the
 *    best ordering seen.
 * 3. `layoutNetwork` — positions: layers as columns (a d3 point scale), each column's nodes
 *    spread evenly over the height of the tallest column.
 * Between steps 1 and 2, a lane spanning several columns is cut into a chain through waypoints
 * (long-lanes.ts), which are ordered with the nodes and give the lane its own slot in each
 * column it passes; the lane is drawn through them (`PlacedLane.via`).
 */
import { scalePoint } from "d3-scale";
import { WAYPOINT, splitLongLanes } from "./long-lanes.ts";

export interface LayoutNode { readonly id: string; readonly kind: string }
export interface LayoutLane { readonly from: string; readonly to: string }

export interface PlacedNode {
  readonly id: string;
  readonly index: number;
  readonly layer: number;
  /** Place in the column among nodes (waypoints not counted). */
  readonly row: number;
  readonly x: number;
  readonly y: number;
  /**
   * What stands next below in the column: a node (its label sits above it) or a lane passing
   * through a waypoint, `gap` units lower; undefined for the lowest, which has the drawing's bottom below.
   */
  readonly below?: { readonly gap: number; readonly kind: "node" | "lane" };
}
export interface PlacedLane {
  readonly index: number;
  readonly from: PlacedNode;
  readonly to: PlacedNode;
  /** Points the lane passes on its way, left to right: one per column between its ends ([] between adjacent columns). */
  readonly via: readonly (readonly [number, number])[];
}
export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  /** Node indices per column, top to bottom (waypoints left out: `row` counts nodes only). */
  readonly layers: readonly (readonly number[])[];
  readonly nodes: readonly PlacedNode[];
  readonly lanes: readonly PlacedLane[];
  /** Horizontal room between two columns, for labels. */
  readonly columnWidth: number;
}

const KIND_RANK: Record<string, number> = { supplier: 0, plant: 1, dc: 2, store: 3 };
const kindRank = (kind: string) => KIND_RANK[kind] ?? 2;

/** Node indices by lane: predecessors and successors; lanes to unknown ids are ignored. */
function adjacency(nodes: readonly LayoutNode[], lanes: readonly LayoutLane[]) {
  const index = new Map(nodes.map((n, i) => [n.id, i] as const));
  const preds: number[][] = nodes.map(() => []);
  const succs: number[][] = nodes.map(() => []);
  for (const l of lanes) {
    const a = index.get(l.from), b = index.get(l.to);
    if (a === undefined || b === undefined || a === b) continue;
    succs[a].push(b);
    preds[b].push(a);
  }
  return { preds, succs };
}

/** Layer of each node: longest-path depth from a source; isolated nodes by kind. Cycles are cut. */
export function assignLayers(nodes: readonly LayoutNode[], lanes: readonly LayoutLane[]): number[] {
  const { preds, succs } = adjacency(nodes, lanes);
  const layer = new Array<number>(nodes.length).fill(-1);
  const state = new Uint8Array(nodes.length); // 0 new, 1 on stack, 2 done
  const depth = (i: number): number => {
    if (state[i] === 2) return layer[i];
    if (state[i] === 1) return 0; // a cycle (invalid, but drawable): cut it here
    state[i] = 1;
    // A source starts at its kind's echelon, so a DC with no supplier yet stands right of the
    // suppliers rather than under one, over its label.
    let d = preds[i].length === 0 ? kindRank(nodes[i].kind) : 0;
    for (const p of preds[i]) d = Math.max(d, depth(p) + 1);
    state[i] = 2;
    return (layer[i] = d);
  };
  for (let i = 0; i < nodes.length; i++) {
    layer[i] = preds[i].length === 0 && succs[i].length === 0 ? kindRank(nodes[i].kind) : depth(i);
  }
  // Stores that supply no one go to the last column, labels right of them, all stores in one
  // column: a store served straight from a supplier once sat in a DC's column, its label above
  // it over the node above (the risk-pooling example).
  const last = Math.max(0, ...layer);
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].kind === "store" && succs[i].length === 0 && preds[i].length > 0) layer[i] = last;
  }
  // No empty columns: a network that starts at a plant starts in the first column.
  const used = [...new Set(layer)].sort((a, b) => a - b);
  return layer.map((k) => used.indexOf(k));
}

/** Number of crossings between two adjacent layers, given each node's row. */
export function countCrossings(upper: readonly number[], succs: readonly (readonly number[])[], row: readonly number[]): number {
  const edges: [number, number][] = [];
  for (const u of upper) for (const v of succs[u]) edges.push([row[u], row[v]]);
  let crossings = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const [a1, b1] = edges[i], [a2, b2] = edges[j];
      if ((a1 - a2) * (b1 - b2) < 0) crossings++;
    }
  }
  return crossings;
}

/** Orders each layer by barycenter sweeps; returns node indices per layer, top to bottom. */
export function orderLayers(nodes: readonly LayoutNode[], lanes: readonly LayoutLane[], layer: readonly number[], sweeps = 8): number[][] {
  const { preds, succs } = adjacency(nodes, lanes);
  const count = layer.length ? Math.max(...layer) + 1 : 0;
  let layers: number[][] = Array.from({ length: count }, () => []);
  nodes.forEach((_, i) => layers[layer[i]].push(i));
  layers = layers.map((l) => l.sort((a, b) => kindRank(nodes[a].kind) - kindRank(nodes[b].kind) || a - b));
  const row = new Array<number>(nodes.length).fill(0);
  const setRows = (ls: number[][]) => ls.forEach((l) => l.forEach((n, r) => (row[n] = r)));
  const total = (ls: number[][]) => {
    setRows(ls);
    let c = 0;
    for (let k = 0; k + 1 < ls.length; k++) c += countCrossings(ls[k], succs.map((s) => s.filter((v) => layer[v] === k + 1)), row);
    return c;
  };
  let best = layers.map((l) => [...l]);
  let bestCrossings = total(best);
  for (let s = 0; s < sweeps && bestCrossings > 0; s++) {
    const down = s % 2 === 0;
    setRows(layers);
    const order = down ? [...layers.keys()].slice(1) : [...layers.keys()].reverse().slice(1);
    for (const k of order) {
      const neighbours = down ? preds : succs;
      const bary = new Map<number, number>();
      for (const n of layers[k]) {
        const adj = neighbours[n].filter((m) => layer[m] === (down ? k - 1 : k + 1));
        bary.set(n, adj.length ? adj.reduce((a, m) => a + row[m], 0) / adj.length : row[n]);
      }
      layers[k] = [...layers[k]].sort((a, b) => bary.get(a)! - bary.get(b)! || row[a] - row[b]);
      layers[k].forEach((n, r) => (row[n] = r));
    }
    const c = total(layers);
    if (c < bestCrossings) { best = layers.map((l) => [...l]); bestCrossings = c; }
  }
  return best;
}

/** Vertical distance between two nodes of the tallest column, the closest any two rows come. */
export const ROW_GAP = 30;
/**
 * The closest two nodes come in a column other than the last: their labels sit above their marks,
 * so a row holds a label and a mark (a 12-unit label 13 units above its centre, over a mark of
 * radius 9 below the one above, with room for the label to grow as the drawing is scaled down).
 */
export const LABELLED_ROW_GAP = 40;
/** Room right of the last column for its labels, unless the caller asks for more. */
export const LABEL_ROOM = 130;

export interface LayoutOptions {
  /** Vertical distance between two nodes of the last column (labels right of the marks). Default ROW_GAP (30). */
  readonly rowGap?: number;
  /** Vertical distance between two nodes (or lanes passing) of the other columns (labels above the marks). Default LABELLED_ROW_GAP (40). */
  readonly labelledRowGap?: number;
  /** Horizontal distance between two columns. Default 170. */
  readonly columnGap?: number;
  /** Margin around the drawing. Default 24 vertically, 20 on the left. */
  readonly marginX?: number;
  readonly marginY?: number;
  /** Room right of the last column for its labels. Default LABEL_ROOM (130). */
  readonly labelRoom?: number;
}

/** Places nodes: layers as columns left to right, each column centred vertically. */
export function layoutNetwork(nodes: readonly LayoutNode[], lanes: readonly LayoutLane[], options: LayoutOptions = {}): NetworkLayout {
  const { rowGap = ROW_GAP, labelledRowGap = LABELLED_ROW_GAP, columnGap = 170, marginX = 20, marginY = 24, labelRoom = LABEL_ROOM } = options;
  const split = splitLongLanes(nodes, lanes, assignLayers(nodes, lanes));
  const slots = orderLayers(split.nodes, split.lanes, split.layer);
  // The tallest column sets the height: the last at rowGap a row, any other at labelledRowGap.
  const room = Math.max(rowGap, ...slots.map((l, k) => l.length * (k === slots.length - 1 ? rowGap : labelledRowGap)));
  const span = Math.max(0, slots.length - 1) * columnGap;
  const width = marginX + span + labelRoom;
  const height = marginY * 2 + room;
  const x = scalePoint<number>([...slots.keys()], [marginX, marginX + span]);
  const point: [number, number][] = new Array(split.nodes.length);
  // Every column spreads over the full height (slot r of n at the middle of the r-th of n equal
  // bands), so a parent lands level with the middle of its children in a balanced tree.
  slots.forEach((l, k) => {
    const band = room / l.length;
    l.forEach((n, r) => (point[n] = [slots.length === 1 ? marginX : x(k)!, marginY + (r + 0.5) * band]));
  });
  const layers = slots.map((l) => l.filter((n) => split.nodes[n].kind !== WAYPOINT));
  const placed: PlacedNode[] = new Array(nodes.length);
  slots.forEach((l, k) => l.forEach((n, slot) => {
    if (split.nodes[n].kind === WAYPOINT) return;
    const next = l[slot + 1];
    const below = next === undefined ? undefined : { gap: point[next][1] - point[n][1], kind: split.nodes[next].kind === WAYPOINT ? "lane" as const : "node" as const };
    placed[n] = { id: nodes[n].id, index: n, layer: k, row: layers[k].indexOf(n), x: point[n][0], y: point[n][1], below };
  }));
  const byId = new Map(placed.map((p) => [p.id, p] as const));
  const placedLanes: PlacedLane[] = [];
  lanes.forEach((l, index) => {
    const from = byId.get(l.from), to = byId.get(l.to);
    if (from && to && from !== to) placedLanes.push({ index, from, to, via: split.waypoints[index].map((w) => point[w]) });
  });
  return { width, height, layers, nodes: placed, lanes: placedLanes, columnWidth: columnGap };
}

/** Point at parameter t in [0, 1] on the horizontal link d3-shape's `linkHorizontal` draws. */
export function pointOnLink(x0: number, y0: number, x1: number, y1: number, t: number): [number, number] {
  const mx = (x0 + x1) / 2, u = 1 - t;
  const x = u * u * u * x0 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x1;
  const y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1;
  return [x, y];
}

/**
 * Point at parameter t in [0, 1] along a lane drawn as horizontal links through `points` (its
 * start, its waypoints, its end): each link takes an equal share of t.
 */
export function pointOnLane(points: readonly (readonly [number, number])[], t: number): [number, number] {
  const links = points.length - 1;
  if (links < 1) return [points[0][0], points[0][1]];
  const i = Math.max(0, Math.min(links - 1, Math.floor(t * links)));
  const [x0, y0] = points[i], [x1, y1] = points[i + 1];
  return pointOnLink(x0, y0, x1, y1, t * links - i);
}

/** The node to focus when an arrow key is pressed on `current` (undefined: stay). */
export function neighbourNode(layout: NetworkLayout, current: number, key: string): number | undefined {
  const p = layout.nodes[current];
  if (!p) return undefined;
  if (key === "ArrowUp" || key === "ArrowDown") return layout.layers[p.layer][p.row + (key === "ArrowUp" ? -1 : 1)];
  if (key !== "ArrowLeft" && key !== "ArrowRight") return undefined;
  const target = layout.layers[p.layer + (key === "ArrowLeft" ? -1 : 1)];
  if (!target?.length) return undefined;
  return target.reduce((best, n) => (Math.abs(layout.nodes[n].y - p.y) < Math.abs(layout.nodes[best].y - p.y) ? n : best));
}
