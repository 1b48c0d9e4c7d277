import { describe, expect, it } from "vitest";
import { addComponent, addRecipe, removeComponent, removeRecipe, renameComponent, setRecipeProduct } from "../../../src/ui/editor/bom-edits.ts";
import { productReferences, renameProduct } from "../../../src/ui/editor/what-if-edits.ts";
import { getIn, type Draft } from "../../../src/ui/editor/paths.ts";

const base = (plant: Record<string, unknown>): Draft => ({
  format: "echelon-scenario@1", name: "T", horizon: 30, warmup: 0, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  products: [{ id: "truck" }, { id: "engine" }, { id: "wheel" }],
  nodes: [{ id: "s", kind: "supplier" }, { id: "plant", kind: "plant", ...plant }],
  lanes: [], demand: [],
} as Draft);
const perProduct = base({ policy: { truck: { type: "base-stock", level: 5 } } });

describe("bom-edits", () => {
  it("addRecipe makes the first product not made yet from one unit of another, and adds policy entries to a per-product map", () => {
    const r = addRecipe(perProduct, 1)!;
    expect(r.recipe).toBe(0);
    expect(getIn(r.draft, "nodes[1].bom")).toEqual([{ product: "truck", components: { engine: 1 }, assemblyTime: 0 }]);
    expect(getIn(r.draft, "nodes[1].policy")).toEqual({ truck: { type: "base-stock", level: 5 }, engine: { type: "base-stock", level: 0 } });
    const second = addRecipe(r.draft, 1)!;
    expect(getIn(second.draft, "nodes[1].bom[1].product")).toBe("engine");
  });

  it("addRecipe leaves a single policy alone (it covers every product) and refuses with fewer than two products", () => {
    const single = base({ policy: { type: "base-stock", level: 5 } });
    expect(getIn(addRecipe(single, 1)!.draft, "nodes[1].policy")).toEqual({ type: "base-stock", level: 5 });
    expect(addRecipe({ ...single, products: [{ id: "truck" }] }, 1)).toBeUndefined();
    expect(addRecipe(single, 7)).toBeUndefined();
  });

  it("addComponent adds the next unused product with one unit; renameComponent keeps its quantity and place; removeComponent drops it", () => {
    let d = addRecipe(perProduct, 1)!.draft;
    d = addComponent(d, 1, 0);
    expect(getIn(d, "nodes[1].bom[0].components")).toEqual({ engine: 1, wheel: 1 });
    expect(getIn(d, "nodes[1].policy.wheel")).toEqual({ type: "base-stock", level: 0 });
    expect(addComponent(d, 1, 0)).toBe(d); // nothing left: truck is the product made
    d = renameComponent(setIn4(d), 1, 0, "engine", "cab");
    expect(Object.entries(getIn(d, "nodes[1].bom[0].components") as object)).toEqual([["cab", 1], ["wheel", 4]]);
    expect(renameComponent(d, 1, 0, "cab", "wheel")).toBe(d);
    d = removeComponent(d, 1, 0, "cab");
    expect(getIn(d, "nodes[1].bom[0].components")).toEqual({ wheel: 4 });
  });

  it("setRecipeProduct changes what a recipe makes; removeRecipe drops it and the bom key with the last one", () => {
    let d = addRecipe(perProduct, 1)!.draft;
    d = setRecipeProduct(d, 1, 0, "wheel");
    expect(getIn(d, "nodes[1].bom[0].product")).toBe("wheel");
    expect(getIn(d, "nodes[1].policy.wheel")).toEqual({ type: "base-stock", level: 0 });
    d = removeRecipe(d, 1, 0);
    expect("bom" in (getIn(d, "nodes[1]") as object)).toBe(false);
  });

  it("renameProduct moves a recipe's product and components; productReferences counts recipes", () => {
    const d = { ...perProduct, nodes: [{ id: "s", kind: "supplier" }, { id: "plant", kind: "plant", policy: { type: "base-stock", level: 1 }, bom: [{ product: "truck", components: { engine: 1, wheel: 4 } }] }] } as Draft;
    expect(productReferences(d, "wheel")).toEqual(["nodes[1].bom[0]"]);
    const next = renameProduct(d, 2, "tyre");
    expect(getIn(next, "nodes[1].bom[0]")).toEqual({ product: "truck", components: { engine: 1, tyre: 4 } });
    expect(getIn(renameProduct(d, 0, "lorry"), "nodes[1].bom[0].product")).toBe("lorry");
  });
});

/** The draft with 4 wheels per truck (as a user types it). */
function setIn4(d: Draft): Draft {
  const nodes = structuredClone(d.nodes) as { bom: { components: Record<string, number> }[] }[];
  nodes[1].bom[0].components.wheel = 4;
  return { ...d, nodes } as Draft;
}
