// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/results/node-table.ts";
import type { NodeTable } from "../../../src/ui/results/node-table.ts";
import { productRows } from "../../../src/ui/results/node-rows.ts";
import { twoProductResult, twoProductScenario } from "./products-fixture.ts";

async function mountProducts(): Promise<NodeTable> {
  const el = document.createElement("ech-node-table");
  el.scope = "product";
  el.rows = productRows(twoProductResult(), twoProductScenario());
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const text = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();
const order = (el: NodeTable) => [...el.shadowRoot!.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-product"));

afterEach(() => { document.body.innerHTML = ""; });

describe("<ech-node-table scope=\"product\">", () => {
  it("draws one row per product with the product-scope KPIs as mean ± CI half-width", async () => {
    const root = (await mountProducts()).shadowRoot!;
    expect([...root.querySelectorAll("thead th")].map((th) => text(th))).toEqual(["Product", "Fill rate %", "On hand units", "Demand units/day", "Total cost money/day"]);
    expect(text(root.querySelector("caption"))).toBe("Per-product KPIs: mean ± half-width of the 95% confidence interval. Sortable by any column.");
    const widget = root.querySelector('tr[data-product="widget"]')!;
    expect([...widget.children].map((c) => text(c))).toEqual(["Widget", "97.0% ± 1.0%", "120.0 ± 2.0", "15.0 ± 0.2", "30.00 ± 0.50"]);
    expect(widget.hasAttribute("data-node")).toBe(false);
  });

  it("puts the full Stat of a cell in its tooltip", async () => {
    const cell = (await mountProducts()).shadowRoot!.querySelector('tr[data-product="gadget"] td')!;
    expect(cell.getAttribute("title")!.split("\n").slice(1)).toEqual([
      "mean 90.0%, 95% CI 89.0% – 91.0%",
      "sd 5.0%; p05 87.0%, median 90.0%, p95 93.0%; n = 100 replications",
    ]);
  });

  it("sorts by a KPI column (largest first, then smallest) and by name", async () => {
    const el = await mountProducts();
    expect(order(el)).toEqual(["widget", "gadget"]);
    const button = (label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>("th button")].find((b) => b.textContent!.startsWith(label))!;
    button("Total cost").click();
    await el.updateComplete;
    expect([order(el), button("Total cost").closest("th")!.getAttribute("aria-sort")]).toEqual([["gadget", "widget"], "descending"]);
    button("Total cost").click();
    await el.updateComplete;
    expect(order(el)).toEqual(["widget", "gadget"]);
    button("Product").click();
    await el.updateComplete;
    expect(order(el)).toEqual(["gadget", "widget"]); // "gadget" < "Widget" by localeCompare
  });
});
