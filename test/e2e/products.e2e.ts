// Per-product results and disruptions on the diagram, in real Chromium: a two-product scenario
// (the retail example with a second product and demand for it at every store) shows a Products
// table after a short run; the supplier-delay example draws its delayed lane dashed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

const retail = JSON.parse(readFileSync(join(import.meta.dirname, "../../scenarios/retail-3-echelon.json"), "utf8"));
const twoProducts = {
  ...retail,
  name: "Two-product retail",
  products: [{ id: "default", name: "Widget", unitCost: 25 }, { id: "gadget", name: "Gadget", unitCost: 40 }],
  demand: retail.demand.flatMap((d: object) => [{ ...d, product: "default" }, { ...d, product: "gadget", dist: { type: "poisson", mean: 8 } }]),
};

describe("products and disruptions in the workbench", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ viewport: { width: 1280, height: 800 } }); });
  afterAll(async () => { await app?.close(); });

  it("a two-product scenario shows a sortable Products table after a run", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
    await page.locator("#file-input").setInputFiles({ name: "two.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(twoProducts)) });
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toBe("Two-product retail");
    await page.getByRole("tab", { name: "Run & results" }).click();
    const run = page.locator("ech-run-view");
    await run.getByLabel("Replications", { exact: true }).fill("8");
    await run.getByRole("button", { name: "Run", exact: true }).click();
    const table = page.locator('ech-node-table[scope="product"]');
    await table.locator("tbody tr").first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole("heading", { name: "Products", exact: true }).count()).toBe(1);
    expect(await table.locator("tbody th").allInnerTexts()).toEqual(["Widget", "Gadget"]);
    expect(await table.locator('tr[data-product="gadget"] td').first().innerText()).toMatch(/^\d{1,3}\.\d+% ± \d+\.\d+%$/);
    await table.getByRole("button", { name: /^Demand/ }).click();
    await table.getByRole("button", { name: /^Demand/ }).click(); // smallest first: gadget's 8/day per store before the widget's
    await expect.poll(() => table.locator("tbody th").allInnerTexts()).toEqual(["Gadget", "Widget"]);
    await table.scrollIntoViewIfNeeded();
    await app.screenshot("results-products");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the supplier-delay example draws its delayed lane dashed, with the delay in its tooltip", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Network" }).click();
    await page.locator("ech-library .examples button", { hasText: "supplier-delay.json" }).click();
    const lane = page.locator("ech-network-diagram g.lane.disrupted");
    await expect.poll(() => lane.count(), { timeout: 15_000 }).toBe(1);
    expect(await lane.locator("title").textContent()).toBe("Lane Raw-material supplier → Plant — disrupted: lane delay +14 days, days 120–133");
    expect(await page.locator("ech-network-diagram .legend .disrupted-key").innerText()).toBe("disrupted");
    await app.screenshot("diagram-disruption");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a node outage and a demand shock on every store put a glyph on those nodes and say so in their names", async () => {
    const { page } = app;
    const disrupted = { ...retail, name: "Disrupted retail", disruptions: [
      { type: "node-outage", node: "central-dc", start: 100, end: 110 },
      { type: "demand-shock", node: "*", multiplier: 1.5, start: 200, end: 230 },
    ] };
    await page.locator("#file-input").setInputFiles({ name: "disrupted.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(disrupted)) });
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toBe("Disrupted retail");
    const glyphs = page.locator("ech-network-diagram g.node:has(.glyph)");
    await expect.poll(() => glyphs.count()).toBe(21);
    expect(await page.locator("ech-network-diagram g.node[data-id='central-dc']").getAttribute("aria-label")).toBe("Central DC (dc), disrupted: outage, days 100–109");
    await app.screenshot("diagram-disruption-nodes");
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
