// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { arrangePanels, movePanel, readPanelIds, writePanelIds } from "../../../src/ui/results/panel-order.ts";

describe("panel order", () => {
  beforeEach(() => localStorage.clear());

  it("arranges the default panels as saved, keeping an unknown panel after its default predecessor", () => {
    expect(arrangePanels(["a", "b", "c", "d"], ["c", "a", "b"])).toEqual(["c", "d", "a", "b"]);
    expect(arrangePanels(["a", "b", "c"], ["c", "a"])).toEqual(["c", "a", "b"]);
    expect(arrangePanels(["a", "b", "c"], ["gone", "b", "b"])).toEqual(["a", "b", "c"]);
    expect(arrangePanels(["a", "b"], [])).toEqual(["a", "b"]);
  });

  it("moves a panel past hidden ones to its neighbour on screen, and stays put at either end", () => {
    const shown = new Set(["a", "c", "d"]);
    expect(movePanel(["a", "b", "c", "d"], "c", -1, shown)).toEqual(["c", "b", "a", "d"]);
    expect(movePanel(["a", "b", "c", "d"], "c", 1, shown)).toEqual(["a", "b", "d", "c"]);
    expect(movePanel(["a", "b", "c", "d"], "a", -1, shown)).toEqual(["a", "b", "c", "d"]);
    expect(movePanel(["a", "b", "c", "d"], "d", 1, shown)).toEqual(["a", "b", "c", "d"]);
  });

  it("persists the order, and reads garbled storage as no order", () => {
    writePanelIds("k", ["b", "a"]);
    expect(readPanelIds("k")).toEqual(["b", "a"]);
    localStorage.setItem("k", "{not json");
    expect(readPanelIds("k")).toEqual([]);
    localStorage.setItem("k", JSON.stringify(["a", 3, null]));
    expect(readPanelIds("k")).toEqual(["a"]);
  });
});
