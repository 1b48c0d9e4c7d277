// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/results/bullwhip-chart.ts";
import type { BullwhipChart } from "../../../src/ui/results/bullwhip-chart.ts";
import type { BullwhipRow } from "../../../src/ui/results/bullwhip-chain.ts";
import { stat } from "../fixtures.ts";
import { PALETTE } from "../../../src/ui/charts/palette.ts";

const row = (id: string, echelon: number, ratio: number, compounded: number | null): BullwhipRow =>
  ({ id, name: id[0].toUpperCase() + id.slice(1), echelon, ratio: stat(ratio, ratio / 20), compounded });
const SERIAL = [row("retailer", 0, 10, 10), row("wholesaler", 1, 3, 30), row("distributor", 2, 0.5, 15)];

async function mount(rows: readonly BullwhipRow[] = SERIAL): Promise<BullwhipChart> {
  const el = document.createElement("ech-bullwhip-chart");
  el.rows = rows;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const root = (el: BullwhipChart) => el.shadowRoot!;
const num = (el: Element, a: string) => Number(el.getAttribute(a));

afterEach(() => { document.body.innerHTML = ""; });

describe("<ech-bullwhip-chart>", () => {
  it("draws one focusable bar per node, left to right in the chain's order, each labelled with its ratio and interval", async () => {
    const nodes = [...root(await mount()).querySelectorAll("g.node")];
    expect(nodes.map((g) => g.getAttribute("data-node"))).toEqual(["retailer", "wholesaler", "distributor"]);
    const xs = nodes.map((g) => num(g.querySelector("rect.bar")!, "x"));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(nodes[1].getAttribute("aria-label")).toBe("Wholesaler (echelon 1): order variance ratio 3 (95% CI 2.85 – 3.15); product of the mean ratios (an approximation of the compounded amplification): 30");
    expect(nodes.every((g) => g.getAttribute("tabindex") === "0")).toBe(true);
  });

  it("grows each bar from the reference line at 1: up for a ratio above 1, down below it", async () => {
    const el = root(await mount());
    const one = num(el.querySelector("line.reference")!, "y1");
    const bar = (id: string) => el.querySelector(`g.node[data-node=${id}] rect.bar`)!;
    expect(num(bar("retailer"), "y") + num(bar("retailer"), "height")).toBeCloseTo(one, 6);
    expect(num(bar("distributor"), "y")).toBeCloseTo(one, 6);
    expect(num(bar("retailer"), "height")).toBeGreaterThan(num(bar("wholesaler"), "height"));
  });

  it("colours a bar by its interval: amplifies above 1, dampens below, neither when the interval holds 1", async () => {
    const el = root(await mount([...SERIAL, row("factory", 3, 1.02, 15.3)]));
    const fill = (id: string) => el.querySelector(`g.node[data-node=${id}] rect.bar`)!.getAttribute("fill");
    expect([fill("retailer"), fill("distributor"), fill("factory")]).toEqual([PALETTE[1], PALETTE[0], PALETTE[9]]);
  });

  it("marks the compounded ratio higher for each stage that amplifies, lower for one that dampens", async () => {
    const marks = [...root(await mount()).querySelectorAll("path.compounded")];
    const top = (m: Element) => Number(/^M[\d.]+,(-?[\d.]+)/.exec(m.getAttribute("d")!)![1]);
    expect(marks.map((m) => m.getAttribute("data-node"))).toEqual(["retailer", "wholesaler", "distributor"]);
    expect(top(marks[1])).toBeLessThan(top(marks[0]));
    expect(top(marks[2])).toBeGreaterThan(top(marks[1]));
  });

  it("calls the diamonds the product of the mean ratios, an approximation, in its legend, marks, caption and table", async () => {
    // The mean of each replication's product along the path is what compounds; the product of the means only approximates it.
    const el = root(await mount());
    const words = "product of the mean ratios (an approximation of the compounded amplification)";
    expect([...el.querySelectorAll("g.legend text")].map((t) => t.textContent)).toContain("Product of the mean ratios (approximate)");
    expect(el.querySelector("path.compounded[data-node=wholesaler] title")!.textContent).toBe(`Wholesaler: ${words} from the customers up: ×30`);
    expect(el.querySelector("p.readout")!.textContent).toContain("the mean of a product is not the product of the means");
    expect(el.querySelector("p.readout")!.textContent).not.toMatch(/multiply the ratios/);
    const head = [...el.querySelectorAll("th")].at(-1)!;
    expect([head.textContent, head.getAttribute("title")]).toEqual(["Product of the mean ratios (approximate)", "P" + words.slice(1)]);
  });

  it("slants the names when they are wider than their bands, and makes room for them below the plot", async () => {
    const level = await mount();
    expect(level.shadowRoot!.querySelectorAll(".axis-bottom text[transform]")).toHaveLength(0);
    const levelHeight = num(level.shadowRoot!.querySelector("svg")!, "height");
    document.body.innerHTML = "";
    const many = Array.from({ length: 26 }, (_, i) => row(`store-number-${i}`, 0, 1.5, 1.5));
    const slanted = root(await mount(many));
    expect(slanted.querySelectorAll(".axis-bottom text[transform]")).toHaveLength(26);
    expect(num(slanted.querySelector("svg")!, "height")).toBeGreaterThan(levelHeight);
  });

  it("slants names steeper as bands narrow, so neighbours stay a line of 11 px text apart, and names every other bar when even upright they would not", async () => {
    const many = Array.from({ length: 26 }, (_, i) => row(`store-number-${i}`, 0, 1.5, 1.5));
    const el = await mount(many);
    const drawn = () => [...el.shadowRoot!.querySelectorAll(".axis-bottom > g")].flatMap((g, i) => {
      const text = g.querySelector("text");
      if (!text) return [];
      return [{ i, x: Number(/translate\(([\d.]+),/.exec(g.getAttribute("transform")!)![1]), angle: -Number(/rotate\((-?[\d.]+)\)/.exec(text.getAttribute("transform")!)![1]) }];
    });
    const angles: number[] = [];
    for (const width of [640, 500, 300]) {
      (el as unknown as { size: { width: number } }).size.width = width;
      el.requestUpdate();
      await el.updateComplete;
      const names = drawn();
      expect(names.map((n) => n.i), `names drawn at ${width} px`).toEqual(width === 300 ? Array.from({ length: 13 }, (_, k) => 2 * k) : [...Array(26).keys()]);
      for (let k = 1; k < names.length; k++) {
        expect((names[k].x - names[k - 1].x) * Math.sin((names[k].angle * Math.PI) / 180), `at ${width} px`).toBeGreaterThanOrEqual(13);
      }
      angles.push(names[0].angle);
    }
    expect(angles[0]).toBeGreaterThanOrEqual(35);
    expect(angles[1]).toBeGreaterThan(angles[0]);
  });

  it("wraps its legend to the chart's width, and reaches the ratios it is told to cover", async () => {
    const wide = await mount();
    (wide as unknown as { size: { width: number } }).size.width = 1200;
    wide.requestUpdate();
    await wide.updateComplete;
    const lines = (el: BullwhipChart) => el.shadowRoot!.querySelectorAll("g.legend").length;
    expect(lines(wide)).toBe(1);
    const tickTexts = (el: BullwhipChart) => [...el.shadowRoot!.querySelectorAll(".axis-left text:not(.axis-label)")].map((t) => t.textContent);
    expect(tickTexts(wide)).not.toContain("1000");
    document.body.innerHTML = "";
    const el = document.createElement("ech-bullwhip-chart");
    el.rows = SERIAL;
    el.cover = [900];
    el.style.width = "300px";
    document.body.append(el);
    (el as unknown as { size: { width: number } }).size.width = 300;
    el.requestUpdate();
    await el.updateComplete;
    expect(lines(el)).toBeGreaterThan(1);
    expect(tickTexts(el)).toContain("1000");
  });

  it("draws no compounded marks where no path is single, and says so when there is no node", async () => {
    expect(root(await mount([row("s1", 0, 2, 2), row("dc", 1, 1.5, null)])).querySelectorAll("path.compounded")).toHaveLength(1);
    document.body.innerHTML = "";
    expect(root(await mount([])).textContent).toContain("No stocking node has an order variance ratio");
  });
});
