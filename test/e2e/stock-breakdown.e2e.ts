// Where the stock sits, in real Chromium (issue 9 §4): run the retail scenario and read the
// stacked bars by echelon in Run & results; then make a variant with less stock at the central DC,
// compare it with the original and see A's and B's bars side by side in every echelon. At
// 1440×900 and 1280×720.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

const ECHELONS = ["Plant", "Central DC", "Regional DCs", "Stores"];

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  describe(`stock breakdown at ${viewport.width}×${viewport.height}`, () => {
    let app: App;
    beforeAll(async () => { app = await openApp({ viewport }); });
    afterAll(async () => { await app?.close(); });

    it("runs retail and shows its stock by echelon: pipeline, cycle, safety and held for downstream", async () => {
      const { page } = app;
      const run = page.locator("ech-run-view");
      await page.getByRole("tab", { name: "Run & results" }).click();
      await run.getByLabel("Replications", { exact: true }).fill("20");
      await run.getByRole("button", { name: "Run", exact: true }).click();
      const chart = run.locator("ech-results-view ech-stock-breakdown");
      await expect.poll(() => chart.locator("rect.segment").count(), { timeout: 90_000 }).toBeGreaterThan(0);
      expect(await chart.locator("text.group").allTextContents()).toEqual(ECHELONS);
      const labels = await chart.locator("rect.segment").evaluateAll((rs) => rs.map((r) => r.getAttribute("aria-label") ?? ""));
      // Stores hold safety stock for their customers; the DCs and the plant hold stock for the nodes below them.
      expect(labels.some((l) => /^Stores: Safety stock [\d,.]+ units$/.test(l))).toBe(true);
      expect(labels.filter((l) => l.startsWith("Regional DCs:")).map((l) => l.split(":")[1].trim().replace(/ [\d,.]+ units$/, "")))
        .toEqual(["Pipeline (in transit)", "Held for downstream"]);
      expect(labels.some((l) => l.startsWith("Stores: Held for downstream"))).toBe(false);
      expect(await chart.locator("p.totals").innerText()).toMatch(/^Network: [\d,.]+ \[[\d,.]+, [\d,.]+\] units on average = pipeline \(in transit\) [\d,.]+ \+ cycle stock/);
      // Bars stand on the zero line and the Stores' bar is split in three.
      const zero = await chart.locator("line.zero").evaluate((l) => l.getBoundingClientRect().top);
      const stores = await chart.locator('g.bar[data-group="Stores"] rect.segment').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().bottom));
      expect(stores.length).toBe(3);
      expect(Math.max(...stores)).toBeCloseTo(zero, 0);
      await chart.getByText("Table: per echelon and per node").click();
      await expect.poll(() => chart.locator("tbody tr").count()).toBe(4 + 26);
      await run.locator("ech-results-view #stock-h").evaluate((h) => h.scrollIntoView({ block: "start" }));
      await app.screenshot(`stock-breakdown-run-${viewport.width}x${viewport.height}`);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("compares less stock at the central DC with the original: A and B side by side in every echelon", async () => {
      const { page } = app;
      await page.getByRole("tab", { name: "Compare" }).click();
      await page.getByRole("button", { name: "Make a variant of A" }).click();
      await page.locator('ech-network-diagram [data-id="central-dc"]').click();
      await page.getByLabel("Base-stock level").fill("1500");
      await page.getByRole("tab", { name: "Compare" }).click();
      await expect.poll(() => page.locator("ul.diff li").allInnerTexts()).toContain("Central DC: policy level: 2304 → 1500");
      const view = page.locator("ech-compare-view");
      await view.getByLabel("Replications", { exact: true }).fill("20");
      await page.getByRole("button", { name: "Compare A and B" }).click();
      const chart = view.locator("ech-stock-breakdown");
      await expect.poll(() => chart.locator("g.bar").count(), { timeout: 120_000 }).toBe(8);
      const bars = await chart.locator("g.bar").evaluateAll((gs) => gs.map((g) => `${g.getAttribute("data-group")}/${g.getAttribute("data-plan")}`));
      expect(bars).toEqual(ECHELONS.flatMap((e) => [`${e}/A`, `${e}/B`]));
      // Side by side: in each echelon A's bar is left of B's, and both left of the next echelon's.
      const lefts = await chart.locator("g.bar").evaluateAll((gs) => gs.map((g) => g.getBoundingClientRect().left));
      for (let i = 1; i < lefts.length; i++) expect(lefts[i]).toBeGreaterThan(lefts[i - 1]);
      // The variant holds less at the central DC: B's bar there is shorter than A's.
      const height = (plan: string) => chart.locator(`g.bar[data-group="Central DC"][data-plan="${plan}"] rect.segment`)
        .evaluateAll((rs) => rs.reduce((h, r) => h + r.getBoundingClientRect().height, 0));
      expect(await height("B")).toBeLessThan(await height("A"));
      expect(await chart.locator("p.totals").allInnerTexts()).toEqual([expect.stringMatching(/^A, network: /), expect.stringMatching(/^B, network: /)]);
      // The chart goes away with the planner: SVG with A's and B's bars, and PNG.
      const [svgFile] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "Save the stock chart as SVG" }).click()]);
      expect(svgFile.suggestedFilename()).toBe("three-echelon-retail-vs-three-echelon-retail-variant-stock.svg");
      const svgText = readFileSync((await svgFile.path())!, "utf8");
      expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svgText.match(/class="bar"/g)?.length).toBe(8);
      const [png] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: "Save the stock chart as PNG" }).click()]);
      expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe("PNG");
      await view.locator("#cmp-stock-h").evaluate((h) => h.scrollIntoView({ block: "start" }));
      await app.screenshot(`stock-breakdown-compare-${viewport.width}x${viewport.height}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.errors).toEqual([]);
    });
  });
}
