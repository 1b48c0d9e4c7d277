// @vitest-environment jsdom
// The chart element: every point drawn where its scales put it, with both error bars, the current
// scenario, the guides, the chosen ring and the table; a click selects a point.
import { describe, expect, it } from "vitest";
import "../../../src/ui/frontier/frontier-chart.ts";
import type { ChartData, ChartPoint } from "../../../src/ui/frontier/frontier-series.ts";

const point = (key: string, x: number, y: number): ChartPoint => ({ key, label: key, x, xInterval: [x - 0.002, x + 0.002], y, yInterval: [y - 100, y + 100] });
const data: ChartData = {
  curves: [
    { curve: "single-echelon", label: "Node by node", color: "#e15759", sameAsNodeByNode: false, points: [point("single-echelon:0", 0.9, 35000), point("single-echelon:1", 0.96, 47000)] },
    { curve: "gsm", label: "GSM", color: "#f28e2b", sameAsNodeByNode: true, points: [point("gsm:0", 0.9, 35000), point("gsm:1", 0.96, 47000)] },
    { curve: "simulation", label: "Network optimiser", color: "#4e79a7", sameAsNodeByNode: false, points: [point("simulation:0", 0.91, 21000), point("simulation:1", 0.95, 26000)] },
  ],
  current: point("current", 0.996, 50000),
  xExtent: [0.898, 0.998], yExtent: [20900, 50100],
};

async function chart() {
  const el = document.createElement("ech-frontier-chart");
  el.data = data;
  el.guides = [0.95, 0.98, 0.5];
  el.selected = "simulation:1";
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe("<ech-frontier-chart>", () => {
  it("draws three curves, node by node's twin underneath, and each point with both error bars and a readable label", async () => {
    const el = await chart(), root = el.shadowRoot!;
    const curves = [...root.querySelectorAll("g.curve")];
    expect(curves.map((c) => [...c.querySelectorAll("g.point")].map((p) => p.getAttribute("data-key")))).toEqual([["gsm:0", "gsm:1"], ["single-echelon:0", "single-echelon:1"], ["simulation:0", "simulation:1"]]);
    const p = root.querySelector('g.point[data-key="simulation:1"]')!;
    expect(p.querySelectorAll("line")).toHaveLength(6);
    expect(p.getAttribute("aria-label")).toBe("simulation:1: fill rate 95.0% [94.8%, 95.2%], inventory value 26,000 [25,900, 26,100]");
    // The vertical bar spans the y interval on the y scale: taller for a wider interval.
    const [bar] = p.querySelectorAll("line");
    expect(Number(bar.getAttribute("y2")) - Number(bar.getAttribute("y1"))).toBeLessThan(0);
  });

  it("draws the current scenario, guides inside the axis only, and a ring around the chosen point", async () => {
    const el = await chart(), root = el.shadowRoot!;
    expect(root.querySelector('g.point[data-key="current"] path')).not.toBeNull();
    expect([...root.querySelectorAll("g.guide text")].map((t) => t.textContent)).toEqual(["95.0%", "98.0%"]);
    expect([...root.querySelectorAll("circle.chosen")].map((c) => c.closest("g.point")!.getAttribute("data-key"))).toEqual(["simulation:1"]);
    expect(root.querySelectorAll("tbody tr")).toHaveLength(7);
  });

  it("says which point was clicked", async () => {
    const el = await chart();
    const picked: string[] = [];
    el.addEventListener("ech-frontier-select", (e) => picked.push((e as CustomEvent<string>).detail));
    el.shadowRoot!.querySelector<SVGGElement>('g.point[data-key="gsm:0"]')!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    el.shadowRoot!.querySelector<SVGGElement>('g.point[data-key="current"]')!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(picked).toEqual(["gsm:0", "current"]);
  });
});
