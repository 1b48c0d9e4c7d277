import { describe, expect, it } from "vitest";
import { addLane, addNode, blankScenario, demandIndices, freshId, removeLane, removeNode, renameNodeId } from "../../../src/ui/editor/edits.ts";
import type { Draft } from "../../../src/ui/editor/paths.ts";

const base: Draft = {
  nodes: [{ id: "s", kind: "supplier" }, { id: "dc", kind: "dc" }, { id: "st", kind: "store" }],
  lanes: [{ from: "s", to: "dc" }, { from: "dc", to: "st" }],
  demand: [{ node: "st", dist: { type: "poisson", mean: 3 } }],
  disruptions: [{ type: "node-outage", node: "dc", start: 1, end: 2 }, { type: "lane-outage", from: "s", to: "x", start: 1, end: 2 }],
};

describe("edits", () => {
  it("freshId returns the base id, or the first numbered one not in use", () => {
    expect(freshId(base, "plant")).toBe("plant");
    expect(freshId(base, "dc")).toBe("dc-2");
  });

  it("addNode adds a store fed by the given node, with a lane and a demand entry", () => {
    const { draft, index } = addNode(base, "store", "dc");
    expect(index).toBe(3);
    expect((draft.nodes as Draft[])[3]).toEqual({ id: "store", name: "store", kind: "store", holdingCost: 0, policy: { type: "base-stock", level: 0 } });
    expect((draft.lanes as Draft[])[2]).toEqual({ from: "dc", to: "store", leadTime: { type: "constant", value: 1 } });
    expect((draft.demand as Draft[])[1]).toEqual({ node: "store", dist: { type: "poisson", mean: 10 } });
  });

  it("addNode adds a supplier with no policy and no lane", () => {
    const { draft } = addNode(base, "supplier", "dc");
    expect((draft.nodes as Draft[])[3]).toEqual({ id: "supplier", name: "supplier", kind: "supplier" });
    expect(draft.lanes).toBe(base.lanes);
  });

  it("removeNode removes the node with its lanes, demand and disruptions", () => {
    const d = removeNode(base, 1);
    expect((d.nodes as Draft[]).map((n) => n.id)).toEqual(["s", "st"]);
    expect(d.lanes).toEqual([]);
    expect(d.demand).toEqual(base.demand);
    expect(d.disruptions).toEqual([(base.disruptions as Draft[])[1]]);
  });

  it("renameNodeId renames the node and every reference to it", () => {
    const d = renameNodeId(base, 1, "dc-east");
    expect((d.nodes as Draft[])[1].id).toBe("dc-east");
    expect(d.lanes).toEqual([{ from: "s", to: "dc-east" }, { from: "dc-east", to: "st" }]);
    expect((d.disruptions as Draft[])[0].node).toBe("dc-east");
  });

  it("addLane and removeLane add at the end and remove by index", () => {
    const { draft, index } = addLane(base, "s", "st");
    expect(index).toBe(2);
    expect(removeLane(draft, 0).lanes).toEqual([{ from: "dc", to: "st" }, { from: "s", to: "st", leadTime: { type: "constant", value: 1 } }]);
  });

  it("blankScenario is a scenario document with one supplier", () => {
    const b = blankScenario();
    expect(b.format).toBe("echelon-scenario@1");
    expect(b.nodes).toEqual([{ id: "supplier", name: "Supplier", kind: "supplier" }]);
  });
});

describe("edits on a broken draft", () => {
  it("removeNode, renameNodeId and demandIndices step over entries that are not objects", () => {
    const broken = { nodes: [{ id: "a", kind: "dc" }, null], lanes: [null, { from: "a", to: "b" }], demand: [null, { node: "a" }] } as unknown as Draft;
    expect(removeNode(broken, 0)).toMatchObject({ nodes: [null], lanes: [null], demand: [null] });
    expect(renameNodeId(broken, 0, "z").lanes).toEqual([null, { from: "z", to: "b" }]);
    expect(demandIndices(broken, "a")).toEqual([1]);
  });
});
