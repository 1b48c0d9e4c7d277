import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LABELLED_ROW_GAP, assignLayers, countCrossings, layoutNetwork, neighbourNode, orderLayers, pointOnLane, pointOnLink } from "../../../src/ui/network/layout.ts";

const retail = JSON.parse(readFileSync(join(import.meta.dirname, "../../../scenarios/retail-3-echelon.json"), "utf8"));
const n = (id: string, kind = "dc") => ({ id, kind });
const l = (from: string, to: string) => ({ from, to });

describe("assignLayers", () => {
  it("assignLayers gives each node its depth in the lane graph", () => {
    const nodes = [n("s", "supplier"), n("p", "plant"), n("d"), n("x", "store"), n("y", "store")];
    expect(assignLayers(nodes, [l("s", "p"), l("p", "d"), l("d", "x"), l("d", "y")])).toEqual([0, 1, 2, 3, 3]);
  });

  it("assignLayers uses the longest path when a node is reached along paths of different lengths", () => {
    expect(assignLayers([n("a"), n("b"), n("c")], [l("a", "b"), l("b", "c"), l("a", "c")])).toEqual([0, 1, 2]);
  });

  it("assignLayers puts every store that supplies no one in the last layer (issue 14, item 11)", () => {
    const nodes = [n("s", "supplier"), n("dc", "dc"), n("p1", "store"), n("d1", "store")];
    expect(assignLayers(nodes, [l("s", "dc"), l("dc", "p1"), l("s", "d1")])).toEqual([0, 1, 2, 2]);
  });

  it("assignLayers starts a source at its kind's echelon and drops empty layers (issue 14, item 11)", () => {
    const nodes = [n("s", "supplier"), n("dc", "dc"), n("x", "store")];
    expect(assignLayers(nodes, [l("dc", "x")])).toEqual([0, 1, 2]);
    expect(assignLayers([n("p", "plant"), n("x", "store")], [l("p", "x")])).toEqual([0, 1]);
  });

  it("assignLayers places a node without lanes by its kind", () => {
    expect(assignLayers([n("s", "supplier"), n("p", "plant"), n("d", "dc"), n("x", "store")], [])).toEqual([0, 1, 2, 3]);
  });

  it("assignLayers survives a cycle and lanes to unknown nodes", () => {
    const layers = assignLayers([n("a"), n("b")], [l("a", "b"), l("b", "a"), l("a", "ghost")]);
    expect(layers).toHaveLength(2);
    expect(layers.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });

  it("assignLayers puts the retail scenario in five layers: supplier, plant, central DC, 4 DCs, 20 stores", () => {
    const layers = assignLayers(retail.nodes, retail.lanes);
    const counts = [0, 1, 2, 3, 4].map((k) => layers.filter((x) => x === k).length);
    expect(counts).toEqual([1, 1, 1, 4, 20]);
  });
});

describe("orderLayers", () => {
  it("countCrossings counts pairs of lanes that cross between two layers", () => {
    // a→y and b→x cross once when a is above b and x above y.
    expect(countCrossings([0, 1], [[3], [2], [], []], [0, 1, 0, 1])).toBe(1);
    expect(countCrossings([0, 1], [[2], [3], [], []], [0, 1, 0, 1])).toBe(0);
  });

  it("orderLayers removes the crossings of a tree given in a crossing order", () => {
    // Children listed in the opposite order of their parents.
    const nodes = [n("r"), n("a"), n("b"), n("b1", "store"), n("a1", "store")];
    const lanes = [l("r", "a"), l("r", "b"), l("a", "a1"), l("b", "b1")];
    const layers = orderLayers(nodes, lanes, assignLayers(nodes, lanes));
    expect(layers).toEqual([[0], [1, 2], [4, 3]]);
  });

  it("layoutNetwork draws the retail scenario without a single lane crossing", () => {
    const layout = layoutNetwork(retail.nodes, retail.lanes);
    const row = layout.nodes.map((p) => p.row);
    const index = new Map(retail.nodes.map((node: { id: string }, i: number) => [node.id, i]));
    const succs = retail.nodes.map((node: { id: string }) => retail.lanes.filter((x: { from: string }) => x.from === node.id).map((x: { to: string }) => index.get(x.to)));
    let crossings = 0;
    for (let k = 0; k + 1 < layout.layers.length; k++) crossings += countCrossings(layout.layers[k], succs, row);
    expect(crossings).toBe(0);
  });
});

describe("layoutNetwork", () => {
  it("layoutNetwork puts layers in columns left to right and spreads each column over the tallest one's height", () => {
    const nodes = [n("p", "plant"), n("x", "store"), n("y", "store")];
    const layout = layoutNetwork(nodes, [l("p", "x"), l("p", "y")], { rowGap: 30, columnGap: 100, marginX: 20, marginY: 10, labelRoom: 50 });
    expect(layout.width).toBe(20 + 100 + 50);
    expect(layout.height).toBe(10 * 2 + 2 * 30);
    expect(layout.nodes.map((p) => [p.x, p.y])).toEqual([[20, 40], [120, 25], [120, 55]]);
  });

  it("layoutNetwork gives every node of a 30-node network its own position, at least a row apart in a column", () => {
    const nodes = [n("s", "supplier"), ...Array.from({ length: 5 }, (_, i) => n(`d${i}`)), ...Array.from({ length: 24 }, (_, i) => n(`x${i}`, "store"))];
    const lanes = [...Array.from({ length: 5 }, (_, i) => l("s", `d${i}`)), ...Array.from({ length: 24 }, (_, i) => l(`d${i % 5}`, `x${i}`))];
    const layout = layoutNetwork(nodes, lanes, { rowGap: 30 });
    for (const a of layout.nodes) for (const b of layout.nodes) {
      if (a !== b && a.x === b.x) expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(30);
    }
    expect(layout.lanes).toHaveLength(29);
  });

  it("pointOnLink starts at the source, ends at the target and passes the midpoint halfway", () => {
    expect(pointOnLink(0, 0, 100, 40, 0)).toEqual([0, 0]);
    expect(pointOnLink(0, 0, 100, 40, 1)).toEqual([100, 40]);
    expect(pointOnLink(0, 0, 100, 40, 0.5)).toEqual([50, 20]);
  });

  it("neighbourNode moves within a column with up/down and to the nearest node of the next column with left/right", () => {
    const nodes = [n("p", "plant"), n("x", "store"), n("y", "store")];
    const layout = layoutNetwork(nodes, [l("p", "x"), l("p", "y")]);
    expect(neighbourNode(layout, 1, "ArrowDown")).toBe(2);
    expect(neighbourNode(layout, 2, "ArrowDown")).toBeUndefined();
    expect(neighbourNode(layout, 1, "ArrowLeft")).toBe(0);
    expect([1, 2]).toContain(neighbourNode(layout, 0, "ArrowRight"));
    expect(neighbourNode(layout, 0, "x")).toBeUndefined();
  });
});

/**
 * A three-level assembly network (issue 12): raw-material suppliers → engine and cab plants →
 * the truck plant, which also buys wheels straight from a supplier (a lane across a column) →
 * two DCs → four stores. Listed in an order that crosses.
 */
const assembly = {
  nodes: [n("s-wheel", "supplier"), n("s-glass", "supplier"), n("s-steel", "supplier"), n("s-chip", "supplier"),
    n("engines", "plant"), n("cabs", "plant"), n("trucks", "plant"), n("west"), n("east"),
    n("e1", "store"), n("w1", "store"), n("e2", "store"), n("w2", "store")],
  lanes: [l("s-chip", "engines"), l("s-steel", "engines"), l("s-glass", "cabs"), l("s-steel", "cabs"), l("s-wheel", "trucks"),
    l("engines", "trucks"), l("cabs", "trucks"), l("trucks", "west"), l("trucks", "east"),
    l("east", "e1"), l("west", "w1"), l("east", "e2"), l("west", "w2")],
};

/** Pairs of drawn lane pieces between the same two columns whose ends are in opposite order (they cross). */
function drawnCrossings(layout: ReturnType<typeof layoutNetwork>): number {
  const pieces = layout.lanes.flatMap((lane) => {
    const pts = [[lane.from.x, lane.from.y], ...lane.via, [lane.to.x, lane.to.y]];
    return pts.slice(1).map((p, i) => ({ x: pts[i][0], a: pts[i][1], b: p[1] }));
  });
  let crossings = 0;
  for (let i = 0; i < pieces.length; i++) for (let j = i + 1; j < pieces.length; j++) {
    const p = pieces[i], q = pieces[j];
    if (p.x === q.x && (p.a - q.a) * (p.b - q.b) < 0) crossings++;
  }
  return crossings;
}

describe("layoutNetwork on an assembly network", () => {
  it("layoutNetwork puts suppliers left, the plants making components next, the final assembly after them, and stores right", () => {
    const layout = layoutNetwork(assembly.nodes, assembly.lanes);
    const column = (id: string) => layout.nodes.find((p) => p.id === id)!.layer;
    expect(["s-wheel", "s-glass", "s-steel", "s-chip"].map(column)).toEqual([0, 0, 0, 0]);
    expect(["engines", "cabs", "trucks", "west", "east", "e1", "w2"].map(column)).toEqual([1, 1, 2, 3, 3, 4, 4]);
  });

  it("layoutNetwork draws the assembly network without a lane crossing, the wheel lane through its own slot in the plants' column", () => {
    const layout = layoutNetwork(assembly.nodes, assembly.lanes, { rowGap: 30 });
    expect(drawnCrossings(layout)).toBe(0);
    const wheels = layout.lanes.find((x) => x.from.id === "s-wheel")!;
    expect(wheels.via).toHaveLength(1);
    const [vx, vy] = wheels.via[0];
    for (const p of layout.nodes.filter((q) => q.layer === 1)) {
      expect(p.x).toBe(vx);
      expect(Math.abs(p.y - vy)).toBeGreaterThanOrEqual(30);
    }
  });

  it("layoutNetwork keeps rows counting nodes only, so arrow keys never land on a waypoint", () => {
    const layout = layoutNetwork(assembly.nodes, assembly.lanes);
    expect(layout.layers[1].map((i) => assembly.nodes[i].id).sort()).toEqual(["cabs", "engines"]);
    expect(layout.layers.flat().sort((a, b) => a - b)).toEqual(assembly.nodes.map((_, i) => i));
    for (const p of layout.nodes) expect(layout.layers[p.layer][p.row]).toBe(p.index);
  });

  it("layoutNetwork keeps nodes of a column other than the last LABELLED_ROW_GAP apart, room for the label above each mark", () => {
    const layout = layoutNetwork(assembly.nodes, assembly.lanes, { rowGap: 30 });
    const suppliers = layout.nodes.filter((p) => p.layer === 0).map((p) => p.y).sort((a, b) => a - b);
    expect(suppliers).toHaveLength(4);
    for (let i = 1; i < suppliers.length; i++) expect(suppliers[i] - suppliers[i - 1]).toBeGreaterThanOrEqual(LABELLED_ROW_GAP);
    const stores = layout.nodes.filter((p) => p.layer === 4).map((p) => p.y).sort((a, b) => a - b);
    expect(stores[1] - stores[0]).toBeGreaterThanOrEqual(30);
  });

  it("pointOnLane follows the links through the waypoints, an equal share of t each", () => {
    const pts = [[0, 0], [100, 40], [200, 40]] as const;
    expect(pointOnLane(pts, 0)).toEqual([0, 0]);
    expect(pointOnLane(pts, 0.5)).toEqual([100, 40]);
    expect(pointOnLane(pts, 0.25)).toEqual(pointOnLink(0, 0, 100, 40, 0.5));
    expect(pointOnLane(pts, 1)).toEqual([200, 40]);
  });
});
