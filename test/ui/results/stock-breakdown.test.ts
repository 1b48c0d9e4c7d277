// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/results/stock-breakdown.ts";
import "../../../src/ui/results/results-view.ts";
import "../../../src/ui/compare/compare-view.ts";
import type { StockBreakdownChart, StockPlan } from "../../../src/ui/results/stock-breakdown.ts";
import type { ResultsView } from "../../../src/ui/results/results-view.ts";
import type { SimClientLike } from "../../../src/ui/run/sim-client.ts";
import { forget } from "../../../src/ui/run/view-memory.ts";
import { comparison, runResult, scenario, trace } from "../fixtures.ts";
import { parts, stockPlan } from "./stock-fixture.ts";

const names = new Map([["dc", "Central DC"], ["s1", "Store North"], ["s2", "Store South"]]);
const text = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();

async function chart(plans: StockPlan[]): Promise<ShadowRoot> {
  const el = document.createElement("ech-stock-breakdown") as StockBreakdownChart;
  el.plans = plans;
  el.names = names;
  document.body.append(el);
  await el.updateComplete;
  return el.shadowRoot!;
}
const segments = (root: ShadowRoot) => [...root.querySelectorAll("rect.segment")].map((r) => r.getAttribute("aria-label"));

afterEach(() => { document.body.innerHTML = ""; forget("compare-view"); });

describe("<ech-stock-breakdown>", () => {
  it("draws one stacked bar per echelon with a segment per part, a legend, the network's totals and a table per echelon and node", async () => {
    const root = await chart([{ label: "This run", breakdown: stockPlan() }]);
    expect(segments(root)).toEqual([
      "Central DC: Pipeline (in transit) 100.0 units", "Central DC: Held for downstream 200.0 units",
      "Stores: Pipeline (in transit) 50.0 units", "Stores: Cycle stock 20.0 units", "Stores: Safety stock 70.0 units",
    ]);
    expect([...root.querySelectorAll(".legend text")].map(text)).toEqual(["Pipeline (in transit)", "Cycle stock", "Safety stock", "Held for downstream"]);
    expect([...root.querySelectorAll("text.group")].map(text)).toEqual(["Central DC", "Stores"]);
    expect(root.querySelectorAll(".whisker").length).toBe(2);
    expect(root.querySelector(".exports")).toBeNull(); // Run & results offers SVG and PNG in its heading
    expect(text(root.querySelector(".totals"))).toBe(
      "Network: 440.0 [435.0, 445.0] units on average = pipeline (in transit) 150.0 + cycle stock 20.0 + safety stock 70.0 + held for downstream 200.0.");
    const rows = [...root.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map(text));
    expect(rows).toEqual([
      ["Central DC", "100.0", "0.0", "0.0", "200.0", "300.0 [299.0, 301.0]"],
      ["Central DC", "100.0", "0.0", "0.0", "200.0", "300.0 [299.0, 301.0]"],
      ["Stores", "50.0", "20.0", "70.0", "0.0", "140.0 [138.0, 142.0]"],
      ["Store North", "30.0", "20.0", "40.0", "0.0", "90.0 [89.0, 91.0]"],
      ["Store South", "20.0", "0.0", "30.0", "0.0", "50.0 [49.0, 51.0]"],
    ]);
  });

  it("puts two plans side by side in each echelon, labelled, with a Plan column in the table", async () => {
    const root = await chart([{ label: "A", breakdown: stockPlan() }, { label: "B", breakdown: stockPlan(2) }]);
    expect([...root.querySelectorAll("g.bar")].map((g) => `${g.getAttribute("data-group")}/${g.getAttribute("data-plan")}`))
      .toEqual(["Central DC/A", "Central DC/B", "Stores/A", "Stores/B"]);
    const x = (group: string, plan: string) => Number(root.querySelector(`g.bar[data-group="${group}"][data-plan="${plan}"] rect`)!.getAttribute("x"));
    expect(x("Central DC", "A")).toBeLessThan(x("Central DC", "B"));
    expect(x("Central DC", "B")).toBeLessThan(x("Stores", "A"));
    expect(segments(root)).toContain("Stores, B: Safety stock 140.0 units");
    expect([...root.querySelectorAll(".totals")].map((p) => p.getAttribute("data-plan"))).toEqual(["A", "B"]);
    expect([...root.querySelectorAll("thead th")].map(text).slice(0, 2)).toEqual(["Where", "Plan"]);
    expect([...root.querySelectorAll("tbody")][1].querySelectorAll("tr").length).toBe(6);
  });

  it("draws negative safety stock below the zero line", async () => {
    const b = stockPlan();
    const short = { ...b, echelons: [{ ...b.echelons[1], stock: parts(50, 20, -10, 0) }] };
    const root = await chart([{ label: "This run", breakdown: short }]);
    const zero = Number(root.querySelector("line.zero")!.getAttribute("y1"));
    const safety = root.querySelector('rect[data-key="safety"]')!;
    expect(Number(safety.getAttribute("y"))).toBeCloseTo(zero, 9);
    expect(Number(safety.getAttribute("height"))).toBeGreaterThan(0);
    expect(safety.getAttribute("aria-label")).toBe("Stores: Safety stock −10.0 units");
  });
});

describe("where the stock sits, in Run & results and in Compare", () => {
  it("Run & results shows the section when the result has a breakdown, and not otherwise", async () => {
    const mount = async (withStock: boolean) => {
      const el = document.createElement("ech-results-view") as ResultsView;
      el.result = runResult(withStock ? { stockBreakdown: stockPlan() } : {});
      el.scenario = scenario();
      document.body.append(el);
      await el.allRendered();
      return el.shadowRoot!;
    };
    const root = await mount(true);
    expect(text(root.querySelector("#stock-h"))).toContain("Where the stock sits");
    expect((root.querySelector("ech-stock-breakdown") as StockBreakdownChart).plans.map((p) => p.label)).toEqual(["This run"]);
    expect((await mount(false)).querySelector("ech-stock-breakdown")).toBeNull();
  });

  it("Compare draws A's and B's breakdowns side by side", async () => {
    const base = scenario({ name: "Base" }), more = scenario({ name: "More" });
    const c: SimClientLike = {
      run: async () => runResult(),
      compare: async () => ({ comparison: comparison(), a: runResult({ stockBreakdown: stockPlan() }), b: runResult({ stockBreakdown: stockPlan(2) }) }),
      trace: async () => trace(),
    };
    const el = document.createElement("ech-compare-view");
    el.scenarios = [{ id: "a", name: "Base", scenario: base }, { id: "b", name: "More", scenario: more }];
    el.current = "a";
    el.client = c;
    document.body.append(el);
    await el.updateComplete;
    await el.start();
    await el.updateComplete;
    const stock = el.shadowRoot!.querySelector("ech-stock-breakdown") as StockBreakdownChart;
    expect(stock.plans.map((p) => [p.label, p.breakdown.network.total.mean])).toEqual([["A", 440], ["B", 880]]);
    expect(text(el.shadowRoot!.querySelector("#cmp-stock-h"))).toBe("Where the stock sits: A and B by echelon");
    expect(stock.exportName).toBe("base-vs-more-stock");
    expect([...stock.shadowRoot!.querySelectorAll(".exports button")].map(text)).toEqual(["SVG", "PNG"]);
  });
});
