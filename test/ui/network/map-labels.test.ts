import { describe, expect, it } from "vitest";
import { CHAR_WIDTH, placeLabels } from "../../../src/ui/network/map-labels.ts";

describe("placeLabels", () => {
  it("labels nodes far apart, and of two crowded ones the upstream kind", () => {
    const shown = placeLabels([
      { index: 0, kind: "store", name: "Newark", at: [100, 100] },
      { index: 1, kind: "dc", name: "DC East", at: [104, 104] },
      { index: 2, kind: "store", name: "Boise", at: [400, 300] },
    ], 800, 500);
    expect([...shown].sort()).toEqual([1, 2]);
  });
  it("leaves out a label that would run off the map, and a node placed nowhere", () => {
    const name = "Philadelphia";
    const shown = placeLabels([
      { index: 0, kind: "store", name, at: [800 - name.length * CHAR_WIDTH, 50] },
      { index: 1, kind: "store", name: "x", at: [NaN, NaN] },
    ], 800, 500);
    expect(shown.size).toBe(0);
  });
});
