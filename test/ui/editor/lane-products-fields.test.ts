// @vitest-environment jsdom
import { render } from "lit";
import { describe, expect, it } from "vitest";
import { renderLaneProductsField, toggledProducts } from "../../../src/ui/editor/lane-products-fields.ts";
import type { FieldContext } from "../../../src/ui/editor/fields.ts";
import type { Draft } from "../../../src/ui/editor/paths.ts";

const all = ["truck", "engine", "wheel"];
const draft = (lane: Record<string, unknown>, products = all): Draft => ({
  products: products.map((id) => ({ id })), nodes: [], demand: [], lanes: [{ from: "s", to: "plant", leadTime: { type: "constant", value: 1 }, ...lane }],
} as unknown as Draft);

function mount(d: Draft) {
  const edits: [string, unknown][] = [];
  const ctx: FieldContext = { draft: d, issues: new Map(), edit: (p, v) => edits.push([p, v]) };
  const host = document.createElement("div");
  render(renderLaneProductsField(ctx, 0), host);
  return { host, edits };
}

describe("lane products", () => {
  it("toggledProducts keeps the products' order and says 'all' (undefined) only for a lane that had no list", () => {
    expect(toggledProducts(undefined, all, "truck", false)).toEqual(["engine", "wheel"]);
    expect(toggledProducts(["wheel"], all, "engine", true)).toEqual(["engine", "wheel"]);
    expect(toggledProducts(["engine", "wheel"], all, "truck", true)).toEqual(all);
    expect(toggledProducts(undefined, all, "truck", true)).toBeUndefined();
  });

  it("renderLaneProductsField ticks what the lane carries and writes the new list", () => {
    const { host, edits } = mount(draft({ products: ["engine"] }));
    const boxes = [...host.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
    expect(boxes.map((b) => b.checked)).toEqual([false, true, false]);
    boxes[2].checked = true; boxes[2].dispatchEvent(new Event("change"));
    expect(edits).toEqual([["lanes[0].products", ["engine", "wheel"]]]);
  });

  it("renderLaneProductsField is absent with one product and no list", () => {
    expect(mount(draft({}, ["default"])).host.querySelector("input")).toBeNull();
  });
});
