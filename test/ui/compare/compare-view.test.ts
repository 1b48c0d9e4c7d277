// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/compare/compare-view.ts";
import type { CompareView } from "../../../src/ui/compare/compare-view.ts";
import { defaultPair } from "../../../src/ui/compare/compare-view.ts";
import type { SimClientLike } from "../../../src/ui/run/sim-client.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { forget } from "../../../src/ui/run/view-memory.ts";
import { comparison, kpiDiff, runResult, scenario, trace } from "../fixtures.ts";

const base = scenario({ name: "Base" });
const more: Scenario = { ...base, name: "More stock", nodes: base.nodes.map((n) => (n.id === "s1" ? { ...n, policy: { type: "base-stock", level: 70 } } : n)) };
const library = [{ id: "x", name: "Other", scenario: base }, { id: "a", name: "Base", scenario: base }, { id: "b", name: "More stock", scenario: more }];

function client() {
  const calls: { a: Scenario; b: Scenario; replications?: number }[] = [];
  const c: SimClientLike = {
    run: async () => runResult(),
    compare: async (a, b, o) => { calls.push({ a, b, replications: o.replications }); return { comparison: comparison(), a: runResult(), b: runResult() }; },
    trace: async () => trace(),
  };
  return { c, calls };
}
async function mount(c: SimClientLike): Promise<CompareView> {
  const el = document.createElement("ech-compare-view");
  el.scenarios = library;
  el.current = "a";
  el.client = c;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const text = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();

afterEach(() => { document.body.innerHTML = ""; forget("compare-view"); });

describe("<ech-compare-view>", () => {
  it("defaultPair picks A = current and B = the first other scenario", () => {
    expect(defaultPair(library, "a")).toEqual(["a", "x"]);
    expect(defaultPair(library, "missing")).toEqual(["x", "a"]);
    expect(defaultPair([], "a")).toEqual(["", ""]);
  });

  it("lists what B changes from A", async () => {
    const el = await mount(client().c);
    el.bId = "b";
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll("ul.diff li")].map(text)).toEqual(["Name: Base → More stock", "Store North: policy level: 60 → 70"]);
  });

  it("runs A vs B and marks each KPI better, worse or not significantly different", async () => {
    const { c, calls } = client();
    const el = await mount(c);
    el.bId = "b";
    await el.updateComplete;
    await el.start();
    await el.updateComplete;
    expect(calls).toEqual([{ a: base, b: more, replications: 50 }]);
    const net = el.shadowRoot!.querySelector('table[data-scope="network"]')!;
    const verdictOf = (k: string) => text(net.querySelector(`tr[data-kpi="${k}"] td.verdict`));
    expect(verdictOf("fillRate")).toBe("▲B is better");
    expect(verdictOf("totalCost")).toBe("▼B is worse");
    expect(verdictOf("backorders")).toBe("·No significant difference");
    expect(verdictOf("demand")).toBe("↑B is higher");
    expect([...net.querySelectorAll('tr[data-kpi="totalCost"] td')].map(text)).toEqual(["100.00", "110.00", "+10.00 [8.00, 12.00]", "+10.0%", "▼B is worse"]);
    const node = el.shadowRoot!.querySelector('table[data-scope="s1"]')!;
    expect(text(node.querySelector('tr[data-kpi="fillRate"] td.verdict'))).toBe("▼B is worse");
  });

  it("draws the bullwhip along the chain of A and of B side by side, when the nodes have order variance ratios", async () => {
    const withRatios = () => {
      const c = comparison();
      return { ...c, nodes: { ...c.nodes, s1: { ...c.nodes.s1, orderVarianceRatio: kpiDiff(1, 3, 0.1) }, dc: { orderVarianceRatio: kpiDiff(1.2, 1.5, 0.1) } } };
    };
    const c: SimClientLike = { ...client().c, compare: async () => ({ comparison: withRatios(), a: runResult(), b: runResult() }) };
    const el = await mount(c);
    el.bId = "b";
    await el.updateComplete;
    await el.start();
    await el.updateComplete;
    const figures = [...el.shadowRoot!.querySelectorAll("figure.bullwhip")];
    expect(figures.map((f) => text(f.querySelector("figcaption")))).toEqual(["A: Base", "B: More stock"]);
    const bars = async (f: Element) => {
      const chart = f.querySelector("ech-bullwhip-chart")!;
      await chart.updateComplete;
      return [...chart.shadowRoot!.querySelectorAll("g.node")].map((g) => g.getAttribute("aria-label")!.replace(/ \(95%.*$/, ""));
    };
    expect(await bars(figures[0])).toEqual(["Store North (echelon 0): order variance ratio 1", "Central DC (echelon 1): order variance ratio 1.2"]);
    expect(await bars(figures[1])).toEqual(["Store North (echelon 0): order variance ratio 3", "Central DC (echelon 1): order variance ratio 1.5"]);
  });

  it("says the trade-off chart's overlapping bars are no test and shows the paired differences beside it", async () => {
    // A's and B's fill-rate intervals overlap ([0.88, 0.92] and [0.89, 0.93]), yet the paired difference +1.0% [0.8%, 1.2%] excludes 0.
    const paired = (a: number, b: number, half: number, pairedHalf: number) => ({ ...kpiDiff(a, b, half), diff: { mean: b - a, ci95: [b - a - pairedHalf, b - a + pairedHalf] as [number, number] }, significant: true });
    const network = { ...comparison().network, fillRate: paired(0.9, 0.91, 0.02, 0.002), onHand: paired(400, 380, 30, 5), onHandValue: paired(8000, 7600, 600, 100) };
    const c: SimClientLike = { ...client().c, compare: async () => ({ comparison: { ...comparison(), network }, a: runResult(), b: runResult() }) };
    const el = await mount(c);
    el.bId = "b";
    await el.updateComplete;
    await el.start();
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('section[data-panel="cmp-trade-h"]')!;
    expect(panel.querySelector("ech-tradeoff-point-chart")).not.toBeNull();
    expect(text(panel.querySelector("p.caption"))).toMatch(/common random numbers, so whether their intervals overlap settles nothing: a change is real when the 95% interval of the paired difference B − A .* excludes 0/);
    const table = panel.querySelector('table[data-role="paired-differences"]')!;
    expect(text(table.querySelector("caption"))).toBe("B − A, paired over 100 replications (95% CI)");
    const row = (k: string) => [...table.querySelectorAll(`tr[data-kpi="${k}"] > *`)].map(text);
    expect(row("fillRate")).toEqual(["Fill rate", "+1.0% [0.8%, 1.2%]", "B is better"]);
    expect(row("onHand")).toEqual(["On hand", "−20.0 [−25.0, −15.0]", "B is lower"]);
    expect(row("onHandValue")).toEqual(["On-hand value", "−400.00 [−500.00, −300.00]", "B is lower"]);
  });

  it("leaves the bullwhip out when no node has an order variance ratio", async () => {
    const el = await mount(client().c);
    el.bId = "b";
    await el.updateComplete;
    await el.start();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("figure.bullwhip")).toBeNull();
  });

  it("fires ech-make-variant with A's id", async () => {
    const el = await mount(client().c);
    const seen: unknown[] = [];
    document.body.addEventListener("ech-make-variant", (e) => seen.push((e as CustomEvent).detail));
    [...el.shadowRoot!.querySelectorAll("button")].find((b) => b.textContent === "Make a variant of A")!.click();
    expect(seen).toEqual([{ from: "a" }]);
  });

  it("refuses fewer than 2 replications with a message", async () => {
    const { c, calls } = client();
    const el = await mount(c);
    el.replications = "1";
    await el.start();
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector("[role=alert]"))).toBe("Replications must be at least 2 to give an interval");
    expect(calls).toEqual([]);
  });

  it("shows the last comparison again when re-created", async () => {
    const { c } = client();
    const el = await mount(c);
    el.bId = "b";
    await el.updateComplete;
    await el.start();
    el.remove();
    const again = await mount(c);
    expect([again.aId, again.bId]).toEqual(["a", "b"]);
    expect(again.shadowRoot!.querySelector('table[data-scope="network"]')).not.toBeNull();
  });
  it("while another view's job runs (blockedBy), Compare A and B is disabled with the reason and start() does nothing", async () => {
    const { c, calls } = client();
    const el = await mount(c);
    el.bId = "b";
    el.blockedBy = "run";
    await el.updateComplete;
    const compare = [...el.shadowRoot!.querySelectorAll("button")].find((b) => b.textContent === "Compare A and B")!;
    expect(compare.disabled).toBe(true);
    expect(text(el.shadowRoot!.querySelector("#cmp-blocked"))).toBe("A run is in progress in Run & results.");
    await el.start();
    expect(calls).toEqual([]);
    el.blockedBy = undefined;
    await el.updateComplete;
    expect([compare.disabled, el.shadowRoot!.querySelector("#cmp-blocked")]).toEqual([false, null]);
  });

  it("announces its comparison with ech-job events", async () => {
    const el = await mount(client().c);
    el.bId = "b";
    const events: unknown[] = [];
    el.addEventListener("ech-job", (e) => events.push(e.detail));
    await el.start();
    await el.updateComplete;
    expect(events).toEqual([{ view: "compare", active: true }, { view: "compare", active: false }]);
  });
});
