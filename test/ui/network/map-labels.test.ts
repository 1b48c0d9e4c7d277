import { describe, expect, it } from "vitest";
import { CHAR_WIDTH, placeLabels } from "../../../src/ui/network/map-labels.ts";

describe("placeLabels", () => {
  it("labels the upstream kind first, and leaves out a label with no room on either side", () => {
    const shown = placeLabels([
      { index: 0, kind: "store", name: "Newark", at: [100, 104] },
      { index: 1, kind: "dc", name: "DC East", at: [100, 100] },
      { index: 2, kind: "store", name: "Boise", at: [60, 104] },
      { index: 3, kind: "store", name: "Fargo", at: [400, 300] },
    ], 800, 500);
    expect([...shown.entries()].sort()).toEqual([[1, "right"], [2, "left"], [3, "right"]]);
  });
  it("puts a label left of its mark when another mark sits right of it, and never over a mark", () => {
    const shown = placeLabels([
      { index: 0, kind: "plant", name: "Plant", at: [300, 100] },
      { index: 1, kind: "dc", name: "Central DC", at: [318, 100] },
    ], 800, 500);
    expect([...shown.entries()].sort()).toEqual([[0, "left"], [1, "right"]]);
  });
  it("leaves out a label that would run off the map, and a node placed nowhere", () => {
    const name = "Philadelphia";
    const shown = placeLabels([
      { index: 0, kind: "store", name, at: [name.length * CHAR_WIDTH / 2 + 10, 50] },
      { index: 1, kind: "store", name: "x", at: [NaN, NaN] },
    ], name.length * CHAR_WIDTH + 20, 500);
    expect(shown.size).toBe(0);
  });
});
