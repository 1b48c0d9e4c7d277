// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/charts/fan-chart.ts";
import type { FanChart } from "../../../src/ui/charts/fan-chart.ts";
import { serializeSvg } from "../../../src/ui/charts/export.ts";
import { band } from "../fixtures.ts";

async function mount(): Promise<FanChart> {
  const el = document.createElement("ech-fan-chart");
  el.band = band([10, 12, 15, 11, 9], 3);
  el.label = "On hand";
  el.unit = "units";
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => { document.body.innerHTML = ""; });

describe("<ech-fan-chart>", () => {
  it("draws the band, the median, axes with units and a legend (SVG snapshot)", async () => {
    const svg = (await mount()).shadowRoot!.querySelector("svg")!;
    expect(svg.querySelector(".axis-label")!.textContent).toBe("On hand (units)");
    expect([...svg.querySelectorAll(".legend text")].map((t) => t.textContent)).toEqual(["5–95% of replications", "Median"]);
    await expect(serializeSvg(svg)).toMatchFileSnapshot("./__snapshots__/fan-chart.svg");
  });

  it("shades each disruption window over its days, clipped to the days drawn, with a legend entry", async () => {
    const el = await mount();
    expect(el.shadowRoot!.querySelectorAll("rect.window").length).toBe(0);
    el.windows = [{ start: 1, end: 3, label: "lane-delay sup → dc, days 1–2" }, { start: 3, end: 99, label: "node-outage dc" }, { start: 50, end: 60, label: "off the chart" }];
    await el.updateComplete;
    const rects = [...el.shadowRoot!.querySelectorAll("rect.window")];
    expect(rects.length).toBe(2);
    const x = (d: number) => (el as unknown as { x: (v: number) => number }).x(d);
    expect(Number(rects[0].getAttribute("x"))).toBeCloseTo(x(1));
    expect(Number(rects[0].getAttribute("width"))).toBeCloseTo(x(3) - x(1));
    expect(Number(rects[1].getAttribute("x")) + Number(rects[1].getAttribute("width"))).toBeCloseTo(x(4));
    expect(rects[0].querySelector("title")!.textContent).toBe("Disruption: lane-delay sup → dc, days 1–2");
    expect([...el.shadowRoot!.querySelectorAll(".legend text")].map((t) => t.textContent)).toContain("Disruption");
  });

  it("reads a day's values with the arrow keys", async () => {
    const el = await mount();
    const svg = el.shadowRoot!.querySelector("svg")!;
    svg.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    svg.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(".readout")!.textContent).toBe("Day 1: median 12.0, 5–95% 9.0 – 15.0, mean 12.0");
    svg.dispatchEvent(new KeyboardEvent("keydown", { key: "End" }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(".readout")!.textContent).toBe("Day 4: median 9.0, 5–95% 6.0 – 12.0, mean 9.0");
  });

  it("serializeSvg gives standalone SVG without lit's markers or focus attributes", async () => {
    const text = serializeSvg((await mount()).shadowRoot!.querySelector("svg")!);
    expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).not.toMatch(/<!--|tabindex|currentColor/);
  });
});
