// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/charts/histogram-chart.ts";
import type { HistogramChart } from "../../../src/ui/charts/histogram-chart.ts";
import { serializeSvg } from "../../../src/ui/charts/export.ts";
import { formatterFor, formatterForPrecision } from "../../../src/ui/results/kpi-format.ts";
import { stat } from "../fixtures.ts";

// Ten replications' fill rates, one without demand (NaN): bins of 5 points over 80%…100%.
const FILL = [0.82, 0.88, 0.91, 0.93, 0.94, 0.96, 0.97, 1, 1, NaN];

async function mount(values: readonly (number | null)[] = FILL, withStat = true): Promise<HistogramChart> {
  const el = document.createElement("ech-histogram-chart");
  el.values = values;
  el.stat = withStat ? stat(0.93, 0.04, 9) : undefined;
  el.label = "Network fill rate (%)";
  el.format = formatterFor("0…1");
  el.bins = 4;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const root = (el: HistogramChart) => el.shadowRoot!;

afterEach(() => { document.body.innerHTML = ""; });

describe("<ech-histogram-chart>", () => {
  it("draws one focusable bar per non-empty bin, labelled with its range and count", async () => {
    const bars = [...root(await mount()).querySelectorAll("rect.bar")];
    expect(bars.map((b) => b.getAttribute("aria-label"))).toEqual([
      "80.0% – 85.0%: 1 of 9 replications (11.1%)",
      "85.0% – 90.0%: 1 of 9 replications (11.1%)",
      "90.0% – 95.0%: 3 of 9 replications (33.3%)",
      "95.0% – 100.0%: 4 of 9 replications (44.4%)",
    ]);
    expect(bars.every((b) => b.getAttribute("tabindex") === "0" && b.querySelector("title")!.textContent === b.getAttribute("aria-label"))).toBe(true);
  });

  it("draws taller bars for larger counts, on one baseline", async () => {
    const bars = [...root(await mount()).querySelectorAll("rect.bar")];
    const bottoms = bars.map((b) => Number(b.getAttribute("y")) + Number(b.getAttribute("height")));
    const heights = bars.map((b) => Number(b.getAttribute("height")));
    expect(new Set(bottoms).size).toBe(1);
    expect(heights[2] / heights[0]).toBeCloseTo(3, 9);
    expect(heights[3] / heights[0]).toBeCloseTo(4, 9);
  });

  it("marks the mean and its 95% CI, with axes titled in units and a legend (SVG snapshot)", async () => {
    const svg = root(await mount()).querySelector("svg")!;
    expect([...svg.querySelectorAll(".axis-label")].map((t) => t.textContent)).toEqual(["Replications", "Network fill rate (%)"]);
    expect([...svg.querySelectorAll(".legend text")].map((t) => t.textContent)).toEqual(["Replications", "Mean", "95% CI of the mean"]);
    const mean = svg.querySelector("line.mean")!, ci = svg.querySelector("rect.ci")!;
    // x = 0.93 on a 80%…100% axis 556 px wide (640 − 64 − 20).
    expect(Number(mean.getAttribute("x1"))).toBeCloseTo(556 * (0.93 - 0.8) / 0.2, 9);
    expect(Number(ci.getAttribute("x"))).toBeCloseTo(556 * (0.89 - 0.8) / 0.2, 9);
    expect(mean.querySelector("title")!.textContent).toBe("Mean 93.0% (95% CI 89.0% – 97.0%)");
    await expect(serializeSvg(svg)).toMatchFileSnapshot("./__snapshots__/histogram-chart.svg");
  });

  it("says how many replications it shows and how many had no value, and lists every bin in a table", async () => {
    const el = await mount();
    expect(root(el).querySelector(".readout")!.textContent).toBe("9 replications; mean 93.0%, 95% CI 89.0% – 97.0%; 1 without a value left out.");
    expect([...root(el).querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ["80.0%", "85.0%", "1", "11.1%"], ["85.0%", "90.0%", "1", "11.1%"], ["90.0%", "95.0%", "3", "33.3%"], ["95.0%", "100.0%", "4", "44.4%"],
    ]);
  });

  it("draws one bar when every replication has the same value, and no marks without a Stat", async () => {
    const el = await mount([1, 1, 1], false);
    expect([...root(el).querySelectorAll("rect.bar")].map((b) => b.getAttribute("aria-label"))).toEqual(["100.0%: 3 of 3 replications (100.0%)"]);
    expect(root(el).querySelector("line.mean")).toBeNull();
    expect([...root(el).querySelectorAll(".legend text")].map((t) => t.textContent)).toEqual(["Replications"]);
  });

  it("formatForStep prints bin edges precisely enough that neighbours differ (bins of 0.02 points)", async () => {
    const el = await mount([0.999, 0.9995, 1, 1]);
    el.formatForStep = (step) => formatterForPrecision("0…1", step);
    await el.updateComplete;
    expect([...root(el).querySelectorAll("rect.bar")].map((b) => b.getAttribute("aria-label"))).toEqual([
      "99.90% – 99.92%: 1 of 4 replications (25.0%)", "99.94% – 99.96%: 1 of 4 replications (25.0%)", "99.98% – 100.00%: 2 of 4 replications (50.0%)",
    ]);
  });

  it("says so when no replication has a value", async () => {
    expect(root(await mount([NaN, null])).querySelector(".empty")!.textContent).toBe("No replication has a value to show.");
  });
});
