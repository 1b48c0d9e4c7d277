// A vs B in real Chromium: make a variant with a much lower store base-stock level, compare it
// with the original under common random numbers, and see a significant difference.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

describe("Compare", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("compares a variant with its original and marks the significant differences", async () => {
    const page = app.page;
    await page.getByRole("tab", { name: "Compare" }).click();
    await page.getByRole("button", { name: "Make a variant of A" }).click();
    await page.locator('ech-network-diagram [data-id="store-north-1"]').click();
    await page.getByLabel("Base-stock level").fill("20");
    await page.getByRole("tab", { name: "Compare" }).click();
    // A stays the original and B is the variant, so every difference reads as "what the variant changes".
    const picked = (which: string) => page.locator(`ech-compare-view #cmp-${which}`).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    expect(await picked("A")).toBe("Three-echelon retail");
    expect(await picked("B")).toBe("Three-echelon retail (variant)");
    // Issue 14, item 8: the change list read as raw JSON paths and values.
    await expect.poll(() => page.locator("ul.diff li").allInnerTexts()).toEqual(["Name: Three-echelon retail → Three-echelon retail (variant)", "Store North 1: policy level: 77 → 20"]);
    await page.locator("ech-compare-view").getByLabel("Replications", { exact: true }).fill("40");
    await page.getByRole("button", { name: "Compare A and B" }).click();
    const verdict = page.locator('table[data-scope="network"] tr[data-kpi="fillRate"] td.verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.innerText()).toContain("B is worse");
    await page.locator("ech-compare-view").getByLabel("Node", { exact: true }).selectOption("store-north-1");
    expect(await page.locator('table[data-scope="store-north-1"] tr[data-kpi="fillRate"] td.verdict').innerText()).toContain("B is worse");
    await app.screenshot("compare");
    // A vs B drawn, not only tabled; the node section is headed by the node, not "Per node Node".
    for (const kpi of ["fillRate", "totalCost"]) {
      const chart = page.locator(`ech-compare-view ech-interval-chart[data-kpi="${kpi}"]`);
      expect(await chart.locator("svg").count(), `${kpi} chart`).toBe(1);
      expect(await chart.locator("svg text").allTextContents()).toEqual(expect.arrayContaining(["A: Three-echelon retail", "B: Three-echelon retail (variant)"]));
    }
    await page.locator("ech-compare-view #cmp-chart-h").scrollIntoViewIfNeeded();
    await app.screenshot("compare-charts");
    const nodeHeading = await page.locator("ech-compare-view #cmp-node-h").innerText();
    expect(nodeHeading).toBe("Store North 1: Three-echelon retail (variant) (B) vs Three-echelon retail (A)");
  });

  it("keeps the comparison across a reload, and marks it stale once a scenario changes", async () => {
    const page = app.page;
    await page.reload();
    await page.getByRole("tab", { name: "Compare" }).click();
    const provenance = page.locator("ech-compare-view p.provenance");
    await expect.poll(() => provenance.innerText().catch(() => ""), { timeout: 15_000 }).toMatch(/^Compared .+\.$/);
    expect(await page.locator('table[data-scope="network"] tr[data-kpi="fillRate"] td.verdict').innerText()).toContain("B is worse");
    await page.getByRole("tab", { name: "Network" }).click();
    await page.locator('ech-network-diagram [data-id="store-north-1"]').click();
    await page.getByLabel("Base-stock level").fill("21");
    await page.getByRole("tab", { name: "Compare" }).click();
    await expect.poll(() => provenance.innerText()).toMatch(/ · stale: “Three-echelon retail \(variant\)” changed since; compare again to update\.$/);
  });

  it("says why a library of two offers only one scenario to compare", async () => {
    const page = app.page;
    await page.getByRole("tab", { name: "Network" }).click();
    await page.locator("ech-network-diagram g.node[data-id='dc-east']").click();
    await page.locator("ech-scenario-editor .field[data-path='nodes[9].policy.level'] input").fill("-5");
    expect(await page.locator("ech-library ul[aria-labelledby='lib-title'] .name").count()).toBe(2);
    await page.getByRole("tab", { name: "Compare" }).click();
    await expect.poll(() => page.locator("ech-compare-view p.muted").first().innerText())
      .toBe("Only one of your 2 scenarios can be compared: the other has problems to fix first (Network tab). Or make a variant of A.");
  });

  it("has no serious or critical axe-core violations", async () => {
    expect(await seriousViolations(app.page)).toEqual([]);
  });
});
