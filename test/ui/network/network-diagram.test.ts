// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import "../../../src/ui/network/network-diagram.ts";
import type { NetworkDiagram, DiagramSelection } from "../../../src/ui/network/network-diagram.ts";
import { ROW_GAP } from "../../../src/ui/network/layout.ts";

const network = {
  nodes: [{ id: "p", name: "Plant", kind: "plant" }, { id: "a", name: "<script>x</script>", kind: "store" }, { id: "b", kind: "store" }],
  lanes: [{ from: "p", to: "a" }, { from: "p", to: "b" }],
};

async function mount() {
  const el = document.createElement("ech-network-diagram") as NetworkDiagram;
  el.scenario = network;
  document.body.replaceChildren(el);
  await el.updateComplete;
  return el;
}

describe("<ech-network-diagram>", () => {
  it("draws one focusable node per scenario node and one path pair per lane, names as text", async () => {
    const el = await mount();
    const nodes = [...el.shadowRoot!.querySelectorAll("g.node")];
    expect(nodes.map((g) => g.getAttribute("data-id"))).toEqual(["p", "a", "b"]);
    expect(nodes.map((g) => g.getAttribute("tabindex"))).toEqual(["0", "-1", "-1"]);
    expect(el.shadowRoot!.querySelectorAll("g.lane")).toHaveLength(2);
    expect(el.shadowRoot!.querySelector("script")).toBeNull();
    expect(nodes[1].querySelector("text.label")!.textContent).toBe("<script>x</script>");
  });

  it("fires ech-select for a node on Enter and for a lane on click", async () => {
    const el = await mount();
    const got: DiagramSelection[] = [];
    el.addEventListener("ech-select", (e) => got.push((e as CustomEvent<DiagramSelection>).detail));
    el.shadowRoot!.querySelectorAll("g.node")[2].dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    el.shadowRoot!.querySelectorAll("g.lane")[0].dispatchEvent(new MouseEvent("click"));
    expect(got).toEqual([{ kind: "node", index: 2 }, { kind: "lane", index: 0 }]);
  });

  it("while picking, fires ech-pick instead of ech-select, marks what can be picked, and Cancel picks nothing", async () => {
    const el = await mount();
    el.pick = { nodes: new Set([1, 2]), lanes: new Set(), prompt: "Pick a store. Esc cancels." };
    await el.updateComplete;
    const picked: DiagramSelection[] = [], selected: DiagramSelection[] = [];
    el.addEventListener("ech-pick", (e) => picked.push((e as CustomEvent<DiagramSelection>).detail));
    el.addEventListener("ech-select", (e) => selected.push((e as CustomEvent<DiagramSelection>).detail));
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll("g.node")].map((g) => g.classList.contains("pickable"))).toEqual([false, true, true]);
    expect(root.querySelector(".pick-prompt")!.textContent).toContain("Pick a store. Esc cancels.");
    root.querySelectorAll("g.node")[1].dispatchEvent(new MouseEvent("click"));
    root.querySelectorAll("g.lane")[0].dispatchEvent(new MouseEvent("click"));
    root.querySelectorAll("g.node")[2].dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    root.querySelector<HTMLButtonElement>(".pick-prompt button")!.click();
    expect(picked).toEqual([{ kind: "node", index: 1 }, { kind: "lane", index: 0 }, { kind: "node", index: 2 }, null]);
    expect(selected).toEqual([]);
    el.pick = undefined;
    await el.updateComplete;
    expect(root.querySelector(".pick-prompt")).toBeNull();
    root.querySelectorAll("g.lane")[1].dispatchEvent(new MouseEvent("click"));
    expect(selected).toEqual([{ kind: "lane", index: 1 }]);
  });

  it("moves the roving focus with the arrow keys", async () => {
    const el = await mount();
    el.shadowRoot!.querySelectorAll("g.node")[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll("g.node")].map((g) => g.getAttribute("tabindex"))).toEqual(["-1", "0", "-1"]);
  });

  it("draws overlays: on-hand values under nodes and a dot per flow", async () => {
    const el = await mount();
    el.nodeValues = new Map([["a", { onHand: 12, backorders: 3 }]]);
    el.flows = [{ from: "p", to: "b", progress: 0.5, quantity: 40 }];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("text.values[data-for='a']")!.textContent).toBe("on hand 12 · owed 3");
    expect(el.shadowRoot!.querySelector("g.node[data-id='a']")!.getAttribute("aria-label")).toMatch(/, on hand 12 · owed 3$/);
    expect(el.shadowRoot!.querySelectorAll("circle.flow")).toHaveLength(1);
  });
});

describe("<ech-network-diagram> with a broken draft", () => {
  it("draws what it can of a draft with missing lists and entries that are not objects", async () => {
    const el = document.createElement("ech-network-diagram") as NetworkDiagram;
    el.scenario = { nodes: [{ id: "a", kind: "dc" }, null, 3], lanes: "none" } as never;
    document.body.replaceChildren(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll("g.node")).toHaveLength(3);
    el.scenario = {} as never;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(".empty")!.textContent).toBe("No nodes yet. Add a node to start the network.");
  });
});

describe("<ech-network-diagram> disruptions", () => {
  const disrupted = {
    ...network,
    demand: [{ node: "a" }],
    disruptions: [
      { type: "lane-delay", from: "p", to: "b", extraDays: 14, start: 120, end: 134 },
      { type: "node-outage", node: "p", start: 10, end: 20 },
      { type: "node-outage", node: "ghost", start: 1, end: 2 },
      { type: "lane-outage", from: "p", to: "ghost", start: 1, end: 2 },
    ],
  };
  async function mountDisrupted(scenario: unknown) {
    const el = document.createElement("ech-network-diagram") as NetworkDiagram;
    el.scenario = scenario as never;
    document.body.replaceChildren(el);
    await el.updateComplete;
    return el.shadowRoot!;
  }

  it("dashes a disrupted lane, puts a glyph on a disrupted node, and says what in tooltips, names and the legend", async () => {
    const root = await mountDisrupted(disrupted);
    const lanes = [...root.querySelectorAll("g.lane")];
    expect(lanes.map((g) => g.classList.contains("disrupted"))).toEqual([false, true]);
    expect(lanes[1].querySelector("title")!.textContent).toBe("Lane Plant → b — disrupted: lane delay +14 days, days 120–133");
    expect([...root.querySelectorAll("g.node")].map((g) => !!g.querySelector(".glyph"))).toEqual([true, false, false]);
    const plant = root.querySelector("g.node[data-id='p']")!;
    expect(plant.getAttribute("aria-label")).toBe("Plant (plant), disrupted: outage, days 10–19");
    expect(plant.querySelector("title")!.textContent).toBe("Plant — plant, id p\ndisrupted: outage, days 10–19");
    expect(plant.querySelector(".glyph text")).toBeNull(); // no visible text beyond the accessible name
    expect(root.querySelector(".legend .disrupted-key")!.textContent!.trim()).toBe("disrupted");
  });

  it("draws no marks and no legend entry for disruptions naming unknown nodes, and does not throw", async () => {
    const root = await mountDisrupted({ ...network, disruptions: [{ type: "node-outage", node: "ghost", start: 1, end: 2 }, { type: "lane-delay", from: "x", to: "p" }, null] });
    expect([root.querySelectorAll("g.node").length, root.querySelectorAll(".glyph").length, root.querySelectorAll(".lane.disrupted").length, root.querySelector(".disrupted-key")])
      .toEqual([3, 0, 0, null]);
  });
  it("draws its labels larger in the drawing's units as the drawing is scaled down, so they stay 11 px on screen, and stops zooming out where rows would be closer than a line", async () => {
    const el = await mount();
    const svgEl = () => el.shadowRoot!.querySelector("svg[role=group]") as SVGSVGElement;
    /** The labels' size on screen: their size in the drawing's units times the drawing's scale. */
    const onScreen = () => {
      const s = svgEl(), scale = parseFloat(s.style.width) / Number(s.getAttribute("viewBox")!.split(" ")[2]);
      return parseFloat(s.style.fontSize || "12") * scale; // 12 px: the stylesheet's size when the element sets none
    };
    for (const box of [{ width: 900, height: 700 }, { width: 420, height: 300 }, { width: 200, height: 150 }]) {
      el.box = box;
      await el.updateComplete;
      expect(onScreen(), `fitted into ${box.width}×${box.height}`).toBeGreaterThanOrEqual(11);
    }
    const zoomOut = el.shadowRoot!.querySelector<HTMLButtonElement>("button[aria-label='Zoom out']")!;
    for (let i = 0; i < 20 && !zoomOut.disabled; i++) { zoomOut.click(); await el.updateComplete; }
    expect(zoomOut.disabled).toBe(true);
    expect(el.zoom! * ROW_GAP, "the closest rows, on screen").toBeGreaterThanOrEqual(11 * 1.25 - 1e-9);
    expect(onScreen()).toBeGreaterThanOrEqual(11);
  });

  it("badges a node that makes products, says its recipe under it and in its name, and routes a long lane through its waypoint", async () => {
    const el = document.createElement("ech-network-diagram") as NetworkDiagram;
    el.scenario = {
      nodes: [{ id: "s-wheel", kind: "supplier" }, { id: "s-engine", kind: "supplier" }, { id: "sub", kind: "plant" }, { id: "plant", name: "Truck plant", kind: "plant", bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 2 }] }, { id: "x", kind: "store" }],
      lanes: [{ from: "s-engine", to: "sub" }, { from: "sub", to: "plant" }, { from: "s-wheel", to: "plant" }, { from: "plant", to: "x" }],
    } as never;
    document.body.replaceChildren(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const plant = root.querySelector("g.node[data-id=plant]")!;
    expect(plant.getAttribute("aria-label")).toBe("Truck plant (plant), makes truck from engine×1, wheel×4 in 2 days");
    expect(plant.querySelector(".bom-badge")).not.toBeNull();
    expect(root.querySelectorAll(".bom-badge")).toHaveLength(1 + 1); // the node's and the legend's
    const recipe = root.querySelector("text.recipe[data-for=plant]")!;
    expect(recipe.getAttribute("aria-hidden")).toBe("true");
    expect([...recipe.querySelectorAll("tspan")].map((t) => t.textContent).join(" ")).toBe("makes truck from engine×1, wheel×4 in 2 days");
    // s-wheel → plant passes the sub-assembly's column: two links, so two "M" commands.
    const wheels = [...root.querySelectorAll("g.lane")].find((g) => g.querySelector("title")!.textContent!.startsWith("Lane s-wheel"))!;
    expect(wheels.querySelector("path.line")!.getAttribute("d")!.match(/M/g)).toHaveLength(2);
  });

  it("closes a parenthesis a long label is cut in, so that what shows stays part of the node's name as axe reads it", async () => {
    const el = document.createElement("ech-network-diagram") as NetworkDiagram;
    el.scenario = { nodes: [{ id: "a", name: "ECU maker (local backup)", kind: "supplier" }, { id: "p", kind: "plant" }], lanes: [{ from: "a", to: "p" }] };
    document.body.replaceChildren(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("g.node[data-id=a] text.label")!.textContent).toBe("ECU maker (local b…)");
  });
});
