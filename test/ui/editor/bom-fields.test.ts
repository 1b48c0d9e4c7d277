// @vitest-environment jsdom
// The bill-of-materials editor on a node's form (docs/scenario-format.md "Bills of materials").
import { render } from "lit";
import { describe, expect, it } from "vitest";
import { renderBomFields } from "../../../src/ui/editor/bom-fields.ts";
import type { FieldContext } from "../../../src/ui/editor/fields.ts";
import { getIn, type Draft } from "../../../src/ui/editor/paths.ts";

const draft = (plant: Record<string, unknown>, products = [{ id: "truck" }, { id: "engine" }, { id: "wheel" }]): Draft => ({
  format: "echelon-scenario@1", name: "T", horizon: 30, warmup: 0, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  products, nodes: [{ id: "s", kind: "supplier" }, { id: "plant", kind: "plant", policy: { type: "base-stock", level: 1 }, ...plant }], lanes: [], demand: [],
} as Draft);

function mount(d: Draft, issues: [string, string][] = []) {
  const edits: [string, unknown][] = [], drafts: Draft[] = [];
  const ctx: FieldContext = { draft: d, issues: new Map(issues.map(([p, m]) => [p, [{ path: p, message: m }]])), edit: (p, v) => edits.push([p, v]) };
  const host = document.createElement("div");
  render(renderBomFields(ctx, 1, { replace: (next) => drafts.push(next) }), host);
  return { host, edits, drafts };
}
const click = (host: HTMLElement, text: string) => [...host.querySelectorAll("button")].find((b) => b.textContent === text)!.click();

describe("renderBomFields", () => {
  it("says a node without recipes makes nothing, and Add recipe adds one", () => {
    const { host, drafts } = mount(draft({}));
    expect(host.textContent).toContain("This node makes nothing");
    click(host, "Add recipe");
    expect(getIn(drafts[0], "nodes[1].bom")).toEqual([{ product: "truck", components: { engine: 1 }, assemblyTime: 0 }]);
  });

  it("asks for products first when the scenario has fewer than two", () => {
    const { host } = mount(draft({}, [{ id: "truck" }]));
    expect([...host.querySelectorAll("button")].map((b) => b.textContent)).toEqual([]);
    expect(host.textContent).toContain("add products first");
  });

  it("shows each recipe's product, assembly time and components with their quantities, and edits them at their paths", () => {
    const { host, edits, drafts } = mount(draft({ bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 2 }] }));
    expect(host.querySelector("legend + p")).toBeNull();
    expect(host.querySelector<HTMLSelectElement>('.field[data-path="nodes[1].bom[0].product"] select')!.value).toBe("truck");
    expect(host.querySelector<HTMLInputElement>('.field[data-path="nodes[1].bom[0].assemblyTime"] input')!.value).toBe("2");
    const wheels = host.querySelector<HTMLInputElement>('.field[data-path="nodes[1].bom[0].components.wheel"] input')!;
    expect(wheels.value).toBe("4");
    expect(host.querySelector('.field[data-path="nodes[1].bom[0].components.wheel"] label')!.textContent).toBe("Units of wheel per unit of truck");
    wheels.value = "0.5"; wheels.dispatchEvent(new InputEvent("input"));
    expect(edits).toEqual([["nodes[1].bom[0].components.wheel", 0.5]]);
    click(host, "Remove");
    expect(getIn(drafts[0], "nodes[1].bom[0].components")).toEqual({ wheel: 4 });
    // every product is in the recipe: nothing left to add as a component
    expect([...host.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["Remove", "Remove", "Remove recipe", "Add recipe"]);
  });

  it("puts the validator's message beside the field it names, marked invalid and described by it", () => {
    const { host } = mount(draft({ bom: [{ product: "truck", components: { engine: 1, wheel: 4 } }] }),
      [["nodes[1].bom[0].components.wheel", "component wheel: no lane brings it and no recipe makes it"]]);
    const field = host.querySelector('.field[data-path="nodes[1].bom[0].components.wheel"]')!;
    expect(field.querySelector("input")!.getAttribute("aria-invalid")).toBe("true");
    expect(field.querySelector(".issue")!.textContent).toContain("no lane brings it");
    expect(field.querySelector("input")!.getAttribute("aria-describedby")).toBe(field.querySelector(".issue")!.id);
  });
});
