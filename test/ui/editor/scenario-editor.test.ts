// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import "../../../src/ui/editor/scenario-editor.ts";
import type { ScenarioEditor, DraftChange } from "../../../src/ui/editor/scenario-editor.ts";
import type { Draft } from "../../../src/ui/editor/paths.ts";

const draft: Draft = {
  format: "echelon-scenario@1", name: "Tiny", horizon: 30, warmup: 0, replications: 10, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  nodes: [{ id: "s", kind: "supplier" }, { id: "st", name: "Store <b>1</b>", kind: "store", policy: { type: "base-stock", level: "abc" } }],
  lanes: [{ from: "s", to: "st", leadTime: { type: "constant", value: 2 } }],
  demand: [{ node: "st", dist: { type: "poisson", mean: 4 } }],
};

async function mount(issues: { path: string; message: string }[]) {
  const el = document.createElement("ech-scenario-editor") as ScenarioEditor;
  el.draft = draft;
  el.selection = { kind: "node", index: 1 };
  el.issues = issues;
  document.body.replaceChildren(el);
  await el.updateComplete;
  return el;
}
const input = (el: ScenarioEditor, path: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`.field[data-path="${path}"] input, .field[data-path="${path}"] select`)!;

describe("<ech-scenario-editor>", () => {
  it("shows an issue next to its field, linked by aria-describedby and aria-invalid", async () => {
    const el = await mount([{ path: "nodes[1].policy.level", message: "must be a number >= 0, got \"abc\"" }]);
    const field = input(el, "nodes[1].policy.level");
    expect(field.value).toBe("abc");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    const note = el.shadowRoot!.getElementById(field.getAttribute("aria-describedby")!)!;
    expect(note.textContent!.trim()).toBe("must be a number >= 0, got \"abc\"");
    expect(input(el, "nodes[1].name").getAttribute("aria-invalid")).toBe("false");
  });

  it("lists every issue with a link, and an issue without a field of its own at the top of its panel", async () => {
    const el = await mount([{ path: "nodes[1].policy", message: "policy needs a level" }, { path: "horizon", message: "must be >= 1" }]);
    expect([...el.shadowRoot!.querySelectorAll(".all-issues li")].map((li) => li.textContent!.replace(/\s+/g, " ").trim()))
      .toEqual(["Store <b>1</b>: policy: policy needs a level", "Horizon: must be >= 1"]);
    expect(el.shadowRoot!.querySelector(".panel-issues")!.textContent).toContain("policy needs a level");
  });

  it("emits the complete new draft when a number is typed, keeping text that is not a number", async () => {
    const el = await mount([]);
    const changes: DraftChange[] = [];
    el.addEventListener("ech-change", (e) => changes.push((e as CustomEvent<DraftChange>).detail));
    const field = input(el, "nodes[1].policy.level");
    field.value = "120";
    field.dispatchEvent(new Event("input"));
    field.value = "12x";
    field.dispatchEvent(new Event("input"));
    expect(changes.map((c) => (c.draft.nodes as Draft[])[1].policy)).toEqual([{ type: "base-stock", level: 120 }, { type: "base-stock", level: "12x" }]);
    expect(changes[0].key).toBe("nodes[1].policy.level");
    expect((draft.nodes as Draft[])[1].policy).toEqual({ type: "base-stock", level: "abc" });
  });

  it("shows the demand of the selected node and renders names as text", async () => {
    const el = await mount([{ path: "demand[0].dist.mean", message: "must be > 0" }]);
    expect(input(el, "demand[0].dist.mean").getAttribute("aria-invalid")).toBe("true");
    expect(el.shadowRoot!.querySelector("h2")!.textContent).toBe("Node Store <b>1</b>");
    expect(el.shadowRoot!.querySelector("b")).toBeNull();
  });

  it("changing the policy type replaces the policy with one of the new type", async () => {
    const el = await mount([]);
    let next: Draft | undefined;
    el.addEventListener("ech-change", (e) => (next = (e as CustomEvent<DraftChange>).detail.draft));
    const select = input(el, "nodes[1].policy.type") as unknown as HTMLSelectElement;
    select.value = "sQ";
    select.dispatchEvent(new Event("change"));
    expect((next!.nodes as Draft[])[1].policy).toEqual({ type: "sQ", s: 0, Q: 1 });
  });
  it("Optimise… is disabled with the reason while the scenario has problems, and asks for the dialog (ech-optimize) when it has none", async () => {
    const optimise = (el: ScenarioEditor) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(".bar button")].find((b) => b.textContent === "Optimise…")!;
    const broken = await mount([{ path: "nodes[1].policy.level", message: "must be a number >= 0" }]);
    expect(optimise(broken).disabled).toBe(true);
    expect(broken.shadowRoot!.querySelector(".bar .reason")!.textContent).toBe("Fix the 1 problem above to optimise");
    const el = await mount([]);
    let asked = 0;
    el.addEventListener("ech-optimize", () => asked++);
    optimise(el).click();
    expect(asked).toBe(1);
    expect(el.shadowRoot!.querySelector(".bar .reason")).toBeNull();
  });
});
