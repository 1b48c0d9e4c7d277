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
    await expect.poll(() => page.locator("ul.diff li").allInnerTexts()).toContain("nodes[store-north-1].policy.level: 77 → 20");
    await page.locator("ech-compare-view").getByLabel("Replications", { exact: true }).fill("40");
    await page.getByRole("button", { name: "Compare A and B" }).click();
    const verdict = page.locator('table[data-scope="network"] tr[data-kpi="fillRate"] td.verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.innerText()).toContain("B is worse");
    await page.locator("ech-compare-view").getByLabel("Node", { exact: true }).selectOption("store-north-1");
    expect(await page.locator('table[data-scope="store-north-1"] tr[data-kpi="fillRate"] td.verdict').innerText()).toContain("B is worse");
    await app.screenshot("compare");
  });

  it("has no serious or critical axe-core violations", async () => {
    expect(await seriousViolations(app.page)).toEqual([]);
  });
});
