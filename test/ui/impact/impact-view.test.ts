// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../../src/ui/impact/impact-view.ts";
import type { ImpactClientLike, ImpactView } from "../../../src/ui/impact/impact-view.ts";
import { customerBackorders } from "../../../src/ui/impact/impact-series.ts";
import type { ImpactKpi, Series } from "../../../src/sim/model/result.ts";
import type { RunOptions } from "../../../src/ui/run/sim-client.ts";
import { band, scenario, stat } from "../fixtures.ts";
import { IMPACT_CSV_HEADER } from "../../../src/sim/stats/impact-csv.ts";

// On a 2-core machine that vitest shares between two files at a time, with other jobs beside
// them, 1 s (vi.waitFor's and expect.poll's default) is too short for what these waits cover
// (a fake worker's reply, a chart's SVG export); 10 s stays well inside the unit
// project's 60 s testTimeout.
const WAIT = { timeout: 10_000 };

const delayed = scenario({
  disruptions: [{ type: "lane-delay", from: "sup", to: "dc", extraDays: 14, start: 1, end: 2 }],
  mitigations: { expedite: [{ from: "sup", to: "dc", leadTime: { type: "constant", value: 1 }, costPerUnit: 0.5, when: "position-below", threshold: 100 }] },
} as never);

const diff = (mean: number, half: number, verdict: "better" | "worse" | "none") => ({ diff: { mean, ci95: [mean - half, mean + half] as const }, relative: 0.1, significant: verdict !== "none", verdict });
const kpi = (b: number, d: number, u: number, dv: "better" | "worse" | "none"): ImpactKpi => ({
  baseline: stat(b, 1), disrupted: stat(d, 1), unmitigated: stat(u, 1),
  disruptedVsBaseline: diff(d - b, 0.5, dv), unmitigatedVsBaseline: diff(u - b, 0.5, dv), disruptedVsUnmitigated: diff(d - u, 0.5, "better"),
});
const series = (fill: number, back: number): Series => ({
  firstDay: 0,
  nodes: { s1: { onHand: band([50, 50, 50]), backorders: band([back, back, back], 0), inTransit: band([1, 1, 1]) },
    s2: { onHand: band([40, 40, 40]), backorders: band([1, 2, 3], 0), inTransit: band([1, 1, 1]) },
    dc: { onHand: band([300, 300, 300]), backorders: band([100, 100, 100], 0), inTransit: band([1, 1, 1]) } },
  network: { fillRate: band([fill, fill, fill], 0.01) },
});

function fakeClient() {
  const calls: RunOptions[] = [];
  const client: ImpactClientLike = {
    impact: async (_s, o) => {
      calls.push(o);
      return {
        format: "echelon-impact@1", scenario: "Two stores", seed: 7, replications: 50, horizon: 20, warmup: 5, measuredDays: 15, disruptions: 1,
        mitigations: ["expedite"],
        cost: { perDay: { mean: 12.5, ci95: [10, 15] }, total: { mean: 187.5, ci95: [150, 225] }, significant: true },
        costUnmitigated: { perDay: { mean: 20, ci95: [17, 23] }, total: { mean: 300, ci95: [255, 345] }, significant: true },
        saved: { perDay: { mean: 7.5, ci95: [6, 9] }, total: { mean: 112.5, ci95: [90, 135] }, significant: true },
        network: { totalCost: kpi(100, 112.5, 120, "worse"), fillRate: kpi(0.98, 0.9, 0.85, "worse") },
        nodes: {}, products: {}, workers: 2, elapsedMs: 900,
        series: { baseline: series(0.98, 2), disrupted: series(0.9, 5), unmitigated: series(0.85, 9) },
      };
    },
  };
  return { client, calls };
}

async function mount(sc = delayed) {
  const el = document.createElement("ech-impact-view");
  const { client, calls } = fakeClient();
  el.scenario = sc;
  el.client = client;
  el.options = { replications: 50, seed: 7 };
  document.body.append(el);
  await el.updateComplete;
  return { el, calls };
}
const text = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();

afterEach(() => { document.body.innerHTML = ""; });

describe("<ech-impact-view>", () => {
  it("is absent for a scenario without disruptions", async () => {
    const { el } = await mount(scenario());
    expect(el.shadowRoot!.querySelector("section")).toBeNull();
  });

  it("runs the impact with series on the run panel's replications and shows the cost, what the response saved, and the runs side by side", async () => {
    const { el, calls } = await mount();
    const root = el.shadowRoot!;
    expect(text(root.querySelector("h3"))).toBe("Impact of the disruptions");
    (root.querySelector("button.primary") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.task.value).toBeDefined(), WAIT);
    await el.updateComplete;
    expect(calls.map((c) => [c.replications, c.seed, c.series])).toEqual([[50, 7, true]]);
    expect(text(root.querySelector('[data-cost="disruption"]'))).toBe(
      "Cost of the disruption +12.50 / day 95% CI +10.00 – +15.00 Over the 15 measured days: +187.50 [+150.00, +225.00] Beyond its interval: a real difference.");
    expect(text(root.querySelector('[data-cost="saved"] .value'))).toBe("+7.50 / day");
    expect(text(root.querySelector('[data-cost="saved"]'))).toContain("a real difference");
    expect([...root.querySelector('tr[data-kpi="fillRate"]')!.children].map(text)).toEqual(["Fill rate", "98.0%", "90.0%", "−8.0% ▼ worse", "85.0%", "−13.0% ▼ worse"]);
    const charts = [...root.querySelectorAll("ech-lines-chart")];
    expect(charts.map((c) => c.lines.map((l) => l.label))).toEqual([
      ["Baseline", "As written", "Without response"], ["Baseline", "As written", "Without response"]]);
    expect(charts[1].lines[1].values).toEqual([6, 7, 8]);
    await charts[0].updateComplete;
    expect(charts[0].shadowRoot!.querySelectorAll("rect.window").length).toBe(1);
  });

  it("exports the impact as CSV (the CLI's --format csv) and each chart as SVG", async () => {
    const blobs: Blob[] = [], names: string[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((b) => { blobs.push(b as Blob); return "blob:test"; });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download); });
    const { el } = await mount();
    await el.start();
    await el.updateComplete;
    const button = (name: string) => [...el.shadowRoot!.querySelectorAll("button")].find((b) => b.textContent!.trim() === name)!;
    button("Export CSV").click();
    const csv = (await blobs[0].text()).split("\n");
    expect(csv[0]).toBe(IMPACT_CSV_HEADER.join(","));
    expect(csv.filter((l) => l.startsWith("network,,")).map((l) => l.split(",")[2])).toEqual(["totalCost", "fillRate"]);
    expect(csv.find((l) => l.startsWith("cost,total,saved,"))!.split(",")[12]).toBe("112.5");
    for (const c of el.shadowRoot!.querySelectorAll("ech-lines-chart")) await c.updateComplete;
    button("Backorders SVG").click();
    await vi.waitFor(() => expect(names).toHaveLength(2), WAIT);
    expect(names).toEqual(["two-stores-impact.csv", "two-stores-impact-backorders.svg"]);
    expect(await blobs[1].text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*Customer backorders/);
    vi.restoreAllMocks();
  });

  it("says so when the response cost more than it saved", async () => {
    const { el } = await mount();
    const impact = el.client!.impact;
    el.client = { impact: async (sc, o) => { const r = await impact(sc, o); return { ...r, saved: { perDay: { mean: -3, ci95: [-3.8, -2.2] }, total: { mean: -45, ci95: [-57, -33] }, significant: true } }; } };
    await el.start();
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[data-cost="saved"]'))).toBe(
      "What the response saved −3.00 / day 95% CI −3.80 – −2.20 Over the 15 measured days: −45.00 [−57.00, −33.00] Beyond its interval: the response cost more than it saved.");
  });

  it("waits while the run panel runs (one job at a time)", async () => {
    const { el, calls } = await mount();
    el.busy = true;
    await el.updateComplete;
    expect((el.shadowRoot!.querySelector("button.primary") as HTMLButtonElement).disabled).toBe(true);
    await el.start();
    expect(calls.length).toBe(0);
  });
});

describe("customerBackorders", () => {
  it("sums the demand nodes' mean backorders day by day, leaving out nodes without demand", () => {
    expect(customerBackorders(series(0.9, 5), delayed)).toEqual([6, 7, 8]);
  });
});
