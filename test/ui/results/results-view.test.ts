// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/results/results-view.ts";
import type { ResultsView } from "../../../src/ui/results/results-view.ts";
import { costRows } from "../../../src/ui/results/results-view.ts";
import { nodeRows } from "../../../src/ui/results/node-rows.ts";
import { runResult, scenario, stat } from "../fixtures.ts";
import type { NodeTable } from "../../../src/ui/results/node-table.ts";
import { twoProductResult, twoProductScenario } from "./products-fixture.ts";
import { assemblyResult, assemblyScenario } from "./assembly-fixture.ts";

async function mount(result = runResult(), sc = scenario()): Promise<ResultsView> {
  const el = document.createElement("ech-results-view");
  el.result = result;
  el.scenario = sc;
  document.body.append(el);
  await el.allRendered();
  for (const child of el.shadowRoot!.querySelectorAll("*")) if ("updateComplete" in child) await (child as ResultsView).updateComplete;
  return el;
}
const text = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();

afterEach(() => { document.body.innerHTML = ""; });

describe("<ech-results-view>", () => {
  it("draws a new result in stages: cards at once, the per-node table last", async () => {
    const el = document.createElement("ech-results-view");
    el.result = runResult();
    document.body.append(el);
    await el.updateComplete;
    expect([el.stage, !!el.shadowRoot!.querySelector(".card"), !!el.shadowRoot!.querySelector("ech-node-table")]).toEqual([0, true, false]);
    await el.allRendered();
    expect([el.stage, !!el.shadowRoot!.querySelector("ech-node-table")]).toEqual([3, true]);
  });

  it("shows network KPI cards with their 95% intervals", async () => {
    const root = (await mount()).shadowRoot!;
    expect(text(root.querySelector('[data-kpi="fillRate"]'))).toBe("Fill rate 95.3% 95% CI 94.9% – 95.7%");
    expect(text(root.querySelector('[data-kpi="totalCost"]'))).toBe("Total cost money/day 123.46 95% CI 121.96 – 124.96");
    expect([...root.querySelectorAll(".card")].map((c) => c.getAttribute("data-kpi"))).toEqual(
      ["fillRate", "cycleServiceLevel", "onHand", "onHandValue", "backorders", "totalCost", "inventoryTurns", "daysOfSupply"]);
    expect(root.querySelector('[data-kpi="fillRate"]')!.getAttribute("title")).toContain("n = 100 replications");
  });

  it("shows a resilience panel and shades the disruption window on every fan chart when the scenario has disruptions", async () => {
    const resilience = { serviceTrough: stat(0.61, 0.03), recoveryDays: stat(21.5, 2), unitsShort: stat(3.2, 0.4), maxBackorders: stat(840, 60) };
    const result = runResult({ network: { ...runResult().network, ...resilience } });
    const plain = (await mount(result)).shadowRoot!;
    expect([plain.querySelector("#res-h"), plain.querySelector("ech-fan-chart")!.windows.length]).toEqual([null, 0]);
    document.body.innerHTML = "";
    const disrupted = scenario({ disruptions: [{ type: "lane-delay", from: "sup", to: "dc", extraDays: 14, start: 8, end: 12 }] });
    const root = (await mount(result, disrupted)).shadowRoot!;
    const panel = root.querySelector("#res-h")!.closest("section")!;
    expect([...panel.querySelectorAll(".card")].map((c) => c.getAttribute("data-kpi"))).toEqual(["serviceTrough", "recoveryDays", "unitsShort", "maxBackorders"]);
    expect(text(panel.querySelector('[data-kpi="serviceTrough"]'))).toBe("Service trough 61.0% 95% CI 58.0% – 64.0%");
    expect(text(panel)).toContain("lane-delay sup → dc, days 8–11");
    const fans = [...root.querySelectorAll("ech-fan-chart")];
    expect(fans.length).toBe(3);
    for (const f of fans) {
      await f.updateComplete;
      expect(f.shadowRoot!.querySelectorAll("rect.window").length).toBe(1);
    }
  });

  it("charts each node's order variance ratio from the customers upstream, and leaves the chart out when no node has one", async () => {
    const base = runResult();
    const nodes = { ...base.nodes, dc: { ...base.nodes.dc, orderVarianceRatio: stat(1.4, 0.1) }, s1: { ...base.nodes.s1, orderVarianceRatio: stat(3, 0.2) } };
    const chart = (await mount({ ...base, nodes })).shadowRoot!.querySelector("ech-bullwhip-chart")!;
    expect([...chart.shadowRoot!.querySelectorAll("g.node")].map((g) => g.getAttribute("data-node"))).toEqual(["s1", "dc"]);
    document.body.innerHTML = "";
    expect((await mount()).shadowRoot!.querySelector("ech-bullwhip-chart")).toBeNull();
  });

  it("sorts the per-node table by a column when its header is clicked, and back on a second click", async () => {
    const table = (await mount()).shadowRoot!.querySelector("ech-node-table")!;
    await table.updateComplete;
    const order = () => [...table.shadowRoot!.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-node"));
    expect(order()).toEqual(["dc", "s1", "s2"]);
    const button = [...table.shadowRoot!.querySelectorAll("th button")].find((b) => b.textContent!.startsWith("On hand"))! as HTMLButtonElement;
    button.click();
    await table.updateComplete;
    expect(order()).toEqual(["dc", "s1", "s2"]);
    expect(button.closest("th")!.getAttribute("aria-sort")).toBe("descending");
    button.click();
    await table.updateComplete;
    expect(order()).toEqual(["s2", "s1", "dc"]);
    const s1 = table.shadowRoot!.querySelector('tr[data-node="s1"]')!;
    expect(text(s1.querySelector("td"))).toBe("96.0% ± 1.0%");
  });

  it("draws a fan chart for the first demand node with series", async () => {
    const root = (await mount()).shadowRoot!;
    const fan = root.querySelector("#fan-onhand")! as HTMLElement & { updateComplete: Promise<boolean> };
    await fan.updateComplete;
    expect(fan.shadowRoot!.querySelector("path.band")!.getAttribute("d")).toMatch(/^M/);
    expect(text(root.querySelector("select option[selected]") ?? root.querySelector("select option"))).toBe("Store North");
  });

  it("shows a histogram of the network fill rate across replications, and of total cost or on hand when picked", async () => {
    const replicationValues = { network: { fillRate: [0.9, 0.95, 0.97, 1, NaN], totalCost: [120, 125, 130, 118, 122], onHand: [400, 410, 420, 405, 415] } };
    const el = await mount(runResult({ replicationValues }));
    const root = el.shadowRoot!;
    const chart = () => root.querySelector("ech-histogram-chart")!;
    await chart().updateComplete;
    expect(text(root.querySelector("#hist-h"))).toBe("Fill rate across replications ↑ ↓ Hide SVG PNG");
    expect([chart().values, chart().stat, chart().label]).toEqual([replicationValues.network.fillRate, runResult().network.fillRate, "Network fill rate (%)"]);
    expect(chart().shadowRoot!.querySelectorAll("rect.bar").length).toBeGreaterThan(0);
    expect(root.querySelector("#fill-dist")).not.toBeNull(); // the per-node spread stays
    const select = root.querySelector<HTMLSelectElement>("#hist-kpi")!;
    expect([...select.options].map((o) => o.textContent)).toEqual(["Fill rate", "Total cost", "On hand"]);
    select.value = "totalCost";
    select.dispatchEvent(new Event("change"));
    await el.updateComplete;
    expect(text(root.querySelector("#hist-h"))).toBe("Total cost across replications ↑ ↓ Hide SVG PNG");
    expect([chart().values, chart().label]).toEqual([replicationValues.network.totalCost, "Network total cost (money/day)"]);
  });

  it("leaves the histogram out when the result carries no per-replication values", async () => {
    const root = (await mount()).shadowRoot!;
    expect([root.querySelector("ech-histogram-chart"), text(root.querySelector("#dist-h"))]).toEqual([null, "Fill rate by node across replications ↑ ↓ Hide SVG PNG"]);
  });

  it("costRows puts the network first and skips nodes without cost", () => {
    const rows = costRows(runResult(), nodeRows(runResult(), scenario()));
    expect(rows.map((r) => r.label)).toEqual(["Network", "Central DC", "Store North", "Store South"]);
    expect(rows[0].values).toMatchObject({ holdingCost: 80, pipelineCost: 20, backorderCost: 23.456, transferCost: 0 });
  });
});

describe("<ech-results-view> products", () => {
  it("shows a Products table after the per-node table when the result has two or more products", async () => {
    const el = document.createElement("ech-results-view");
    el.result = twoProductResult();
    el.scenario = twoProductScenario();
    document.body.append(el);
    await el.allRendered();
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll("h3")].slice(-2).map((h) => text(h))).toEqual(["Per node", "Products"]);
    const table = root.querySelector<NodeTable>('ech-node-table[scope="product"]')!;
    await table.updateComplete;
    expect([...table.shadowRoot!.querySelectorAll("tbody th")].map((th) => text(th))).toEqual(["Widget", "gadget"]);
  });

  it("leaves the Products section out for a one-product result", async () => {
    const one = runResult({ products: { only: twoProductResult().products.widget } });
    const root = (await mount(one)).shadowRoot!;
    expect([root.querySelector("#prod-h"), root.querySelectorAll("ech-node-table").length]).toEqual([null, 1]);
  });

  it("folds a section away with Hide, shows it again with Show, and remembers the choice", async () => {
    localStorage.removeItem("echelon:folded-result-sections");
    const el = document.createElement("ech-results-view") as ResultsView;
    el.result = runResult();
    document.body.replaceChildren(el);
    await el.allRendered();
    const root = el.shadowRoot!;
    const hide = root.querySelector<HTMLButtonElement>("section[aria-labelledby='tbl-h'] button.fold")!;
    expect([hide.textContent, hide.getAttribute("aria-expanded"), hide.getAttribute("aria-label")]).toEqual(["Hide", "true", "Hide Per node"]);
    hide.click();
    await el.updateComplete;
    expect(root.querySelector("section[aria-labelledby='tbl-h']")!.classList.contains("collapsed")).toBe(true);
    expect(JSON.parse(localStorage.getItem("echelon:folded-result-sections")!)).toEqual(["tbl-h"]);
    const again = document.createElement("ech-results-view") as ResultsView;
    again.result = runResult();
    document.body.replaceChildren(again);
    await again.allRendered();
    const show = again.shadowRoot!.querySelector<HTMLButtonElement>("section[aria-labelledby='tbl-h'] button.fold")!;
    expect([show.textContent, show.getAttribute("aria-expanded")]).toEqual(["Show", "false"]);
    show.click();
    await again.updateComplete;
    expect(again.shadowRoot!.querySelector("section[aria-labelledby='tbl-h']")!.classList.contains("collapsed")).toBe(false);
    expect(JSON.parse(localStorage.getItem("echelon:folded-result-sections")!)).toEqual([]);
  });

  it("moves a panel up and down past the panels on screen, and remembers the order", async () => {
    localStorage.removeItem("echelon:result-panel-order");
    const panels = (el: ResultsView) => [...el.shadowRoot!.querySelectorAll("section[data-panel]")].map((s) => s.getAttribute("data-panel"));
    const el = document.createElement("ech-results-view") as ResultsView;
    el.result = runResult();
    document.body.replaceChildren(el);
    await el.allRendered();
    const before = panels(el), table = before.indexOf("tbl-h");
    el.shadowRoot!.querySelector<HTMLButtonElement>("section[data-panel='tbl-h'] button[aria-label='Move Per node up']")!.click();
    await el.updateComplete;
    const moved = [...before];
    [moved[table - 1], moved[table]] = [moved[table], moved[table - 1]];
    expect(panels(el)).toEqual(moved);
    expect(el.shadowRoot!.activeElement?.getAttribute("aria-label")).toBe("Move Per node up");
    const again = document.createElement("ech-results-view") as ResultsView;
    again.result = runResult();
    document.body.replaceChildren(again);
    await again.allRendered();
    expect(panels(again)).toEqual(moved);
    again.shadowRoot!.querySelector<HTMLButtonElement>("section[data-panel='net-h'] button[aria-label='Move Network up']")!.click();
    await again.updateComplete;
    expect(panels(again)).toEqual(moved);
  });

  it("shows an Assembly panel for a result with a bill of materials: network cards, the nodes that assemble and the products made or used, with the assembly KPIs only", async () => {
    const plain = (await mount()).shadowRoot!;
    expect(plain.querySelector("#asm-h")).toBeNull();
    document.body.innerHTML = "";
    const root = (await mount(assemblyResult(), assemblyScenario())).shadowRoot!;
    const panel = root.querySelector("#asm-h")!.closest("section")!;
    expect([...panel.querySelectorAll(".card")].map((c) => c.getAttribute("data-kpi"))).toEqual(["unitsAssembled", "unitsConsumed", "componentStock", "starvedDays", "starvedUnits"]);
    expect(text(panel.querySelector('[data-kpi="starvedDays"]'))).toBe("Starved days days 3.00 95% CI 2.50 – 3.50");
    const nodes = panel.querySelector<NodeTable>("#assembly-nodes")!, products = panel.querySelector<NodeTable>("#assembly-products")!;
    await nodes.updateComplete; await products.updateComplete;
    expect([...nodes.shadowRoot!.querySelectorAll("tbody th")].map(text)).toEqual(["Central DC"]);
    expect([...nodes.shadowRoot!.querySelectorAll("thead button")].map(text)).toEqual(["Node", "Units assembled", "Units consumed", "Component stock", "Starved days", "Starved units"]);
    expect([...products.shadowRoot!.querySelectorAll("tbody th")].map(text)).toEqual(["Truck", "Engine"]);
    expect(text(products.shadowRoot!.querySelector('tr[data-product="engine"] td:nth-of-type(2)'))).toBe("600.0 ± 10.0");
    expect(text(products.shadowRoot!.querySelector("caption"))).toMatch(/^Assembly KPIs per product:/);
  });

  it("says a card's KPI is not in the baseline when the baseline has no bill of materials", async () => {
    const el = document.createElement("ech-results-view");
    el.result = assemblyResult();
    el.scenario = assemblyScenario();
    el.baseline = { label: "previous run", network: runResult().network, seed: 7 };
    document.body.append(el);
    await el.allRendered();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[data-kpi="unitsAssembled"] .delta'))).toBe("not in the previous run");
    expect(root.querySelector('[data-kpi="fillRate"] .delta')!.textContent).toMatch(/^\s*±0\.0/);
  });
});
