// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import "../../../src/ui/editor/scenario-editor.ts";
import type { ScenarioEditor, DraftChange } from "../../../src/ui/editor/scenario-editor.ts";
import type { Draft } from "../../../src/ui/editor/paths.ts";
import { validate } from "../../../src/ui/shared/validate.ts";

const net: Draft = {
  format: "echelon-scenario@1", name: "Net", horizon: 200, warmup: 0, replications: 10, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  nodes: [
    { id: "sup", name: "Raw supplier", kind: "supplier" }, { id: "plant", kind: "plant", policy: { type: "base-stock", level: 50 } },
    { id: "dc-a", name: "DC A", kind: "dc", policy: { type: "base-stock", level: 50 } }, { id: "st", kind: "store", policy: { type: "base-stock", level: 20 } },
  ],
  lanes: [
    { from: "sup", to: "plant", leadTime: { type: "constant", value: 2 }, capacity: 1000 }, { from: "plant", to: "dc-a", leadTime: { type: "constant", value: 1 } },
    { from: "dc-a", to: "st", leadTime: { type: "constant", value: 1 } },
  ],
  demand: [{ node: "st", dist: { type: "poisson", mean: 5 } }],
};

/** An editor on the what-ifs panel that applies its own changes and revalidates, like the shell. */
async function mount(draft: Draft) {
  const el = document.createElement("ech-scenario-editor") as ScenarioEditor;
  el.draft = draft;
  el.selection = { kind: "whatifs" };
  el.issues = validate(draft);
  const changes: DraftChange[] = [];
  el.addEventListener("ech-change", (e) => {
    const detail = (e as CustomEvent<DraftChange>).detail;
    changes.push(detail);
    el.draft = detail.draft;
    el.issues = validate(detail.draft);
  });
  document.body.replaceChildren(el);
  await el.updateComplete;
  return { el, changes };
}
const root = (el: ScenarioEditor) => el.shadowRoot!;
const control = (el: ScenarioEditor, path: string) => root(el).querySelector<HTMLInputElement & HTMLSelectElement>(`.field[data-path="${path}"] input, .field[data-path="${path}"] select`)!;
const button = (el: ScenarioEditor, text: string) => [...root(el).querySelectorAll("button")].find((b) => b.textContent!.trim() === text)!;
/** The timeline's shadow root: its Add event menu holds the presets. */
const timeline = (el: ScenarioEditor) => root(el).querySelector("ech-disruption-timeline")!.shadowRoot!;
const timelineButton = (el: ScenarioEditor, text: string) => [...timeline(el).querySelectorAll("button")].find((b) => b.textContent!.trim() === text)!;

describe("the what-ifs panel of <ech-scenario-editor>", () => {
  it("the 'Supplier two weeks late' preset adds a lane-delay on the supplier's lane into the first stocking node", async () => {
    const { el, changes } = await mount(net);
    expect(root(el).querySelector("h2")!.textContent).toBe("What-if scenarios");
    await root(el).querySelector("ech-disruption-timeline")!.updateComplete;
    timelineButton(el, "Supplier two weeks late").click();
    await el.updateComplete;
    expect(changes.at(-1)!.draft.disruptions).toEqual([{ type: "lane-delay", from: "sup", to: "plant", extraDays: 14, start: 120, end: 134 }]);
    expect(el.issues).toEqual([]);
    expect(root(el).querySelector(".disruption .summary")!.textContent).toBe("lane-delay · sup → plant, +14 days · days 120–133 (weeks 18–20)");
    expect(control(el, "disruptions[0].from").value).toBe("sup\u0000plant");
    expect(control(el, "disruptions[0].extraDays").value).toBe("14");
  });

  it("an end day beyond the horizon shows the validator's message at the field, and a good one clears it", async () => {
    const { el } = await mount({ ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 10, end: 17 }] });
    const end = control(el, "disruptions[0].end");
    end.value = "250";
    end.dispatchEvent(new Event("input"));
    await el.updateComplete;
    const field = control(el, "disruptions[0].end");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    const expected = validate(el.draft).find((i) => i.path === "disruptions[0].end")!.message;
    expect(expected).toBe("must be at most the horizon (200), got 250");
    expect(root(el).getElementById(field.getAttribute("aria-describedby")!)!.textContent!.trim()).toBe(expected);
    field.value = "5";
    field.dispatchEvent(new Event("input"));
    await el.updateComplete;
    expect(root(el).getElementById(control(el, "disruptions[0].end").getAttribute("aria-describedby")!)!.textContent!.trim())
      .toBe("must be after start (10), got 5; the window is days start..end-1");
    control(el, "disruptions[0].end").value = "24";
    control(el, "disruptions[0].end").dispatchEvent(new Event("input"));
    await el.updateComplete;
    expect(control(el, "disruptions[0].end").getAttribute("aria-invalid")).toBe("false");
    expect(root(el).querySelector(`.field[data-path="disruptions[0].end"] .hint`)!.textContent).toBe("exclusive: days 10–23 (weeks 2–4)");
  });

  it("changing a disruption's type keeps its window and shows that type's fields", async () => {
    const { el } = await mount({ ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 10, end: 17 }] });
    const type = control(el, "disruptions[0].type");
    type.value = "capacity-cut";
    type.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(el.draft.disruptions).toEqual([{ type: "capacity-cut", node: "dc-a", factor: 0.5, start: 10, end: 17 }]);
    expect(control(el, "disruptions[0].factor").value).toBe("0.5");
    const target = control(el, "disruptions[0].target");
    target.value = "lane";
    target.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(el.draft.disruptions).toEqual([{ type: "capacity-cut", from: "sup", to: "plant", factor: 0.5, start: 10, end: 17 }]);
    expect(el.issues).toEqual([]);
  });

  it("the node picker lists node ids with their names", async () => {
    const { el } = await mount({ ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 10, end: 17 }] });
    const options = [...control(el, "disruptions[0].node").options].map((o) => o.textContent);
    expect(options).toEqual(["sup — Raw supplier", "plant", "dc-a — DC A", "st"]);
    expect(control(el, "disruptions[0].node").value).toBe("dc-a");
  });

  it("removing a disruption empties the list; lateral transfers and expedite routes are added, with the validator's messages at their fields", async () => {
    const { el } = await mount({ ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 10, end: 17 }] });
    button(el, "Remove").click();
    await el.updateComplete;
    expect("disruptions" in el.draft).toBe(false);
    root(el).querySelector<HTMLInputElement>(".mitigations .check input")!.click();
    await el.updateComplete;
    button(el, "Add expedite route").click();
    await el.updateComplete;
    expect(el.draft.mitigations).toEqual({
      lateralTransfers: { among: ["dc-a"], leadTime: { type: "constant", value: 1 }, costPerUnit: 1, trigger: "below-zero" },
      expedite: [{ from: "sup", to: "plant", leadTime: { type: "constant", value: 1 }, costPerUnit: 1, when: "position-below", threshold: 0 }],
    });
    expect(el.issues).toEqual([{ path: "mitigations.lateralTransfers.among", message: "has 1 item; at least 2 needed" }]);
    const among = root(el).querySelector<HTMLElement>(`.field[data-path="mitigations.lateralTransfers.among"]`)!;
    expect(root(el).getElementById(among.getAttribute("aria-describedby")!)!.textContent!.trim()).toBe("has 1 item; at least 2 needed");
    expect([...among.querySelectorAll("label")].map((l) => l.textContent!.trim())).toEqual(["dc-a — DC A", "plant", "st"]);
    among.querySelectorAll<HTMLInputElement>("input[type=checkbox]")[2].click();
    await el.updateComplete;
    expect((el.draft.mitigations as Draft).lateralTransfers).toMatchObject({ among: ["dc-a", "st"] });
    expect(el.issues).toEqual([]);
  });

  it("a product in use cannot be removed and says where it is used", async () => {
    const { el } = await mount({ ...net, products: [{ id: "w" }], demand: [{ node: "st", product: "w", dist: { type: "poisson", mean: 5 } }] });
    root(el).querySelector<HTMLButtonElement>("button[aria-label='Remove product 1']")!.click();
    await el.updateComplete;
    expect(root(el).querySelector(".notice")!.textContent).toBe('"w" is still used by demand[0].product; remove those first.');
    const id = control(el, "products[0].id");
    id.value = "widget";
    id.dispatchEvent(new Event("input"));
    await el.updateComplete;
    expect(el.draft.demand).toEqual([{ node: "st", product: "widget", dist: { type: "poisson", mean: 5 } }]);
  });

  it("demand correlation switches between none, one rho and groups", async () => {
    const { el } = await mount(net);
    const mode = control(el, "demandCorrelation.mode");
    mode.value = "one rho for all";
    mode.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(el.draft.demandCorrelation).toEqual({ rho: 0.5 });
    control(el, "demandCorrelation.mode").value = "groups";
    control(el, "demandCorrelation.mode").dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(el.draft.demandCorrelation).toEqual({ groups: [{ nodes: ["st"], rho: 0.5 }] });
    control(el, "demandCorrelation.mode").value = "none";
    control(el, "demandCorrelation.mode").dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect("demandCorrelation" in el.draft).toBe(false);
  });

  it("a lane that does not exist stays shown as it is, with the validator's message on the disruption", async () => {
    const { el } = await mount({ ...net, disruptions: [{ type: "lane-outage", from: "sup", to: "st", start: 1, end: 3 }] });
    const lane = control(el, "disruptions[0].from");
    expect(lane.selectedOptions[0].textContent).toBe("sup → st (no such lane)");
    expect(root(el).querySelector(`.disruption[data-path="disruptions[0]"] > .issue`)!.textContent!.trim()).toBe('no lane from "sup" to "st"');
    lane.value = "plant\u0000dc-a";
    lane.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(el.draft.disruptions).toEqual([{ type: "lane-outage", from: "plant", to: "dc-a", start: 1, end: 3 }]);
    expect(el.issues).toEqual([]);
  });

  it("a disruption issue in the issue list opens the what-ifs panel", async () => {
    const draft = { ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 10, end: 300 }] };
    const { el } = await mount(draft);
    el.selection = { kind: "settings" };
    await el.updateComplete;
    const selected: unknown[] = [];
    el.addEventListener("ech-select", (e) => selected.push((e as CustomEvent).detail));
    root(el).querySelector<HTMLButtonElement>(".all-issues li button")!.click();
    expect(selected).toEqual([{ kind: "whatifs" }]);
  });

  it("a key press on a window's bar on the timeline writes the window through the field's edit (one undo step per field)", async () => {
    const { el, changes } = await mount({ ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 10, end: 17 }] });
    await root(el).querySelector("ech-disruption-timeline")!.updateComplete;
    const bar = () => timeline(el).querySelector<HTMLElement>(".bar")!;
    bar().dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    await el.updateComplete;
    expect(el.draft.disruptions).toEqual([{ type: "node-outage", node: "dc-a", start: 11, end: 18 }]);
    expect(changes.at(-1)!.key).toBe("disruptions[0]");
    expect(control(el, "disruptions[0].start").value).toBe("11");
    bar().dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", shiftKey: true, bubbles: true }));
    await el.updateComplete;
    expect(el.draft.disruptions).toEqual([{ type: "node-outage", node: "dc-a", start: 11, end: 19 }]);
    expect(el.issues).toEqual([]);
  });

  it("Add event on the timeline opens the presets; with none it is open already", async () => {
    const { el } = await mount({ ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 10, end: 17 }] });
    const tl = root(el).querySelector("ech-disruption-timeline")!;
    await tl.updateComplete;
    expect(timelineButton(el, "Supplier two weeks late")).toBeUndefined();
    timelineButton(el, "Add event").click();
    await tl.updateComplete;
    expect(timelineButton(el, "Add event").getAttribute("aria-expanded")).toBe("true");
    timelineButton(el, "DC outage 1 week").click();
    await el.updateComplete;
    expect(el.draft.disruptions).toEqual([{ type: "node-outage", node: "dc-a", start: 10, end: 17 }, { type: "node-outage", node: "dc-a", start: 120, end: 127 }]);
    await tl.updateComplete;
    expect(timeline(el).querySelectorAll(".lane")).toHaveLength(2);
    expect(timelineButton(el, "Add event").getAttribute("aria-expanded")).toBe("false");
  });

  it("Pick on diagram beside a disruption's target asks the shell to pick it, and shows when it is armed", async () => {
    const { el } = await mount({ ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 10, end: 17 }, { type: "lane-delay", from: "sup", to: "plant", extraDays: 3, start: 1, end: 4 }] });
    const armed: unknown[] = [];
    el.addEventListener("ech-pick-arm", (e) => armed.push((e as CustomEvent).detail));
    const pickButtons = () => [...root(el).querySelectorAll<HTMLButtonElement>(".pick-target button")];
    expect(pickButtons().map((b) => b.getAttribute("aria-label"))).toEqual(["Pick on diagram (target of disruption 1)", "Pick on diagram (target of disruption 2)"]);
    pickButtons()[1].click();
    expect(armed).toEqual([1]);
    el.picking = 1;
    await el.updateComplete;
    expect(pickButtons()[1].getAttribute("aria-pressed")).toBe("true");
    expect(root(el).querySelector(".pick-target .muted")!.textContent).toBe("Picking: click the target in the diagram, or press Esc to cancel.");
    pickButtons()[1].click();
    expect(armed).toEqual([1, null]);
  });
});
