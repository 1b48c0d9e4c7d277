// The README's what-if from start to finish, in real Chromium: Supplier West two weeks late
// (scenarios/supplier-delay-lateral.json at its own 200 replications and seed 42, the figures the
// README quotes from `echelon impact`): the delay alone (transfers unticked) and its trough and
// recovery in the resilience panel; Undo brings the DCs' lateral transfers back as the response;
// Run impact reads what they saved; the impact is exported as CSV and a chart as PNG. At 1440×900 and 1280×720; the 1440 screenshots illustrate the README.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  describe(`a what-if from start to finish at ${viewport.width}×${viewport.height}`, () => {
    let app: App;
    beforeAll(async () => { app = await openApp({ viewport }); });
    afterAll(async () => { await app?.close(); });
    const size = `${viewport.width}x${viewport.height}`;
    const run = () => app.page.locator("ech-run-view");

    it("runs the late supplier and shows its trough and recovery, with the window shaded", async () => {
      const { page } = app;
      await page.getByRole("tab", { name: "Network" }).click();
      await page.locator("ech-library .examples button", { hasText: "supplier-delay-lateral.json" }).click();
      await expect.poll(() => page.locator("header .scenario-name").innerText(), { timeout: 15_000 })
        .toBe("Two regions, two suppliers: Supplier West two weeks late, DCs share stock");
      // Step 1 prices the delay alone: take the response out.
      const editor = page.locator("ech-scenario-editor");
      await editor.getByRole("button", { name: "What-ifs" }).click();
      await editor.getByRole("checkbox", { name: "Lateral transfers between stocking nodes" }).uncheck();
      await expect.poll(() => editor.locator(".ok").innerText()).toBe("No problems found.");
      await page.getByRole("tab", { name: "Run & results" }).click();
      expect(await run().getByLabel("Replications", { exact: true }).inputValue()).toBe("200");
      await run().getByRole("checkbox", { name: "Per-day series" }).check();
      await run().getByRole("button", { name: "Run", exact: true }).click();
      const panel = run().locator("ech-results-view section:has(#res-h)");
      await panel.waitFor({ timeout: 120_000 });
      expect(await panel.innerText()).toContain("lane-delay supplier-west → dc-west, days 120–133");
      expect(await panel.locator('[data-kpi="recoveryDays"] .value').innerText()).toMatch(/^\d+(\.\d+)?$/);
      await expect.poll(() => run().locator("ech-results-view ech-fan-chart#fan-fillrate rect.window").count()).toBe(1);
      await panel.scrollIntoViewIfNeeded();
      await app.screenshot(`walkthrough-resilience-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    }, 150_000);

    it("runs the impact: the delay's cost without the response, with it, and what the transfers saved", async () => {
      const { page } = app;
      // Step 2: Undo puts the file's transfers back (two days, 0.50 a unit), then Run impact.
      await page.getByRole("button", { name: "Undo" }).click();
      await page.getByRole("tab", { name: "Network" }).click();
      expect(await page.locator("ech-scenario-editor").getByRole("checkbox", { name: "Lateral transfers between stocking nodes" }).isChecked()).toBe(true);
      expect(await page.locator("ech-scenario-editor").getByLabel("Cost per unit moved").inputValue()).toBe("0.5");
      await page.getByRole("tab", { name: "Run & results" }).click();
      const impact = run().locator("ech-impact-view");
      await impact.getByRole("button", { name: "Run impact" }).click();
      const saved = impact.locator('[data-cost="saved"]');
      await saved.waitFor({ timeout: 150_000 });
      const value = (id: string) => impact.locator(`[data-cost="${id}"] .value`).innerText();
      const perDay = (s: string) => Number(s.replace(/ \/ day$/, "").replace("−", "-").replace(/,/g, ""));
      const [unmitigated, disrupted, kept] = [perDay(await value("unmitigated")), perDay(await value("disruption")), perDay(await value("saved"))];
      // The transfers keep most of the delay's cost away: saved = without − with, beyond its interval.
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeCloseTo(unmitigated - disrupted, 1);
      expect(await saved.innerText()).toContain("Beyond its interval: a real difference.");
      expect(await saved.locator("h4").innerText()).toBe("What the response saved");
      const recovery = impact.locator('tr[data-kpi="recoveryDays"] td');
      expect(await recovery.nth(2).innerText()).toBe("not defined"); // the baseline has no disruption to recover from
      await impact.locator(".costs").scrollIntoViewIfNeeded();
      await app.screenshot(`walkthrough-impact-${size}`);
      await impact.locator("ech-lines-chart").first().scrollIntoViewIfNeeded();
      await app.screenshot(`walkthrough-impact-charts-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    }, 180_000);

    it("exports the impact as CSV and the fill-rate chart as PNG", async () => {
      const { page } = app;
      const impact = run().locator("ech-impact-view");
      const [csv] = await Promise.all([page.waitForEvent("download"), impact.getByRole("button", { name: "Export CSV" }).click()]);
      expect(csv.suggestedFilename()).toBe("two-regions-two-suppliers-supplier-west-two-weeks-late-dcs-share-stock-impact.csv");
      const lines = readFileSync((await csv.path())!, "utf8").trim().split("\n");
      expect(lines[0]).toMatch(/^scope,id,kpi,baseline_mean,baseline_ci_lo,baseline_ci_hi,disrupted_mean,/);
      expect(lines.filter((l) => l.startsWith("cost,")).map((l) => l.split(",").slice(1, 3).join(" "))).toEqual([
        "perDay disruption", "total disruption", "perDay unmitigated", "total unmitigated", "perDay saved", "total saved"]);
      const [png] = await Promise.all([page.waitForEvent("download"), impact.getByRole("button", { name: "Fill rate PNG" }).click()]);
      expect(png.suggestedFilename()).toBe("two-regions-two-suppliers-supplier-west-two-weeks-late-dcs-share-stock-impact-fill.png");
      expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe("PNG");
      expect(app.errors).toEqual([]);
    });
  });
}
