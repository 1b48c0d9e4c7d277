// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/charts/lines-chart.ts";

afterEach(() => { document.body.innerHTML = ""; });

describe("<ech-lines-chart>", () => {
  it("draws one line per run on one day axis, shades the windows, and reads every line on a day with the keys", async () => {
    const el = document.createElement("ech-lines-chart");
    el.lines = [{ label: "Baseline", color: "#4e79a7", values: [1, 2, 3, 4] }, { label: "As written", color: "#e15759", values: [1, 5, 9, 4], dash: "5 3" }];
    el.firstDay = 10;
    el.windows = [{ start: 11, end: 13, label: "node-outage dc, days 11–12" }];
    el.label = "Backorders";
    document.body.append(el);
    await el.updateComplete;
    const svg = el.shadowRoot!.querySelector("svg")!;
    expect([...svg.querySelectorAll("path.line")].map((p) => [p.getAttribute("data-line"), p.getAttribute("stroke-dasharray")])).toEqual([["Baseline", "none"], ["As written", "5 3"]]);
    expect(svg.querySelectorAll("rect.window").length).toBe(1);
    expect([...svg.querySelectorAll(".legend text")].map((t) => t.textContent)).toEqual(["Baseline", "As written", "Disruption"]);
    svg.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    svg.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    svg.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(".readout")!.textContent).toBe("Day 12: Baseline 3.0, As written 9.0");
  });
});
