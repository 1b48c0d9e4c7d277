import { describe, expect, it } from "vitest";
import { WAYPOINT, splitLongLanes } from "../../../src/ui/network/long-lanes.ts";

const n = (id: string, kind = "dc") => ({ id, kind });
const l = (from: string, to: string) => ({ from, to });

describe("splitLongLanes", () => {
  it("splitLongLanes cuts a lane spanning three columns into a chain through two waypoints", () => {
    const split = splitLongLanes([n("s", "supplier"), n("p", "plant"), n("d"), n("x", "store")], [l("s", "p"), l("p", "d"), l("s", "x")], [0, 1, 2, 3]);
    expect(split.nodes.slice(4).map((w) => w.kind)).toEqual([WAYPOINT, WAYPOINT]);
    expect(split.layer).toEqual([0, 1, 2, 3, 1, 2]);
    expect(split.waypoints).toEqual([[], [], [4, 5]]);
    const ids = split.nodes.map((w) => w.id);
    expect(split.lanes.map((x) => [ids.indexOf(x.from), ids.indexOf(x.to)])).toEqual([[0, 1], [1, 2], [0, 4], [4, 5], [5, 3]]);
  });

  it("splitLongLanes keeps short lanes, lanes going left and lanes to unknown nodes as they are", () => {
    const lanes = [l("a", "b"), l("b", "a"), l("a", "ghost")];
    const split = splitLongLanes([n("a"), n("b")], lanes, [0, 1]);
    expect(split.lanes).toEqual(lanes);
    expect(split.nodes).toHaveLength(2);
    expect(split.waypoints).toEqual([[], [], []]);
  });
});
