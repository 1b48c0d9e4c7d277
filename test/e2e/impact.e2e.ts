// Resilience and impact in real Chromium, as a new planner meets them: open the supplier-delay
// example, run it with per-day series, see the resilience panel and the delay's window shaded,
// then run the impact and read the disruption's cost against the baseline. At 1440×900 and 1280×720.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  describe(`resilience and impact at ${viewport.width}×${viewport.height}`, () => {
    let app: App;
    beforeAll(async () => { app = await openApp({ viewport }); });
    afterAll(async () => { await app?.close(); });
    const size = `${viewport.width}x${viewport.height}`;
    const run = () => app.page.locator("ech-run-view");

    it("runs the supplier-delay example and shows the resilience panel and the shaded window", async () => {
      const { page } = app;
      await page.getByRole("tab", { name: "Network" }).click();
      await page.locator("ech-library .examples button", { hasText: "supplier-delay.json" }).click();
      await expect.poll(() => page.locator("header .scenario-name").innerText(), { timeout: 15_000 }).toBe("Three-echelon retail: two-week supplier delay");
      await page.getByRole("tab", { name: "Run & results" }).click();
      await run().getByLabel("Replications", { exact: true }).fill("40");
      await run().getByRole("checkbox", { name: "Per-day series" }).check();
      await run().getByRole("button", { name: "Run", exact: true }).click();
      const panel = run().locator("ech-results-view section:has(#res-h)");
      await panel.waitFor({ timeout: 90_000 });
      expect(await panel.locator(".card").evaluateAll((cs) => cs.map((c) => c.getAttribute("data-kpi")))).toEqual(["serviceTrough", "recoveryDays", "unitsShort", "maxBackorders"]);
      expect(await panel.locator('[data-kpi="serviceTrough"] .ci').innerText()).toMatch(/^95% CI \d+\.\d% – \d+\.\d%$/);
      expect(await panel.innerText()).toContain("lane-delay supplier → plant, days 120–133");
      const window = run().locator("ech-results-view ech-fan-chart#fan-fillrate rect.window");
      await expect.poll(() => window.count()).toBe(1);
      expect(await window.locator("title").textContent()).toBe("Disruption: lane-delay supplier → plant, days 120–133");
      const box = (await window.boundingBox())!;
      expect(box.width).toBeGreaterThan(5);
      await panel.scrollIntoViewIfNeeded();
      await app.screenshot(`impact-resilience-${size}`);
      await run().locator("ech-results-view #fr-h").scrollIntoViewIfNeeded();
      await app.screenshot(`impact-fan-window-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("runs the impact and reads the disruption's cost against the baseline", async () => {
      const { page } = app;
      const impact = run().locator("ech-impact-view");
      await impact.getByRole("button", { name: "Run impact" }).click();
      const cost = impact.locator('[data-cost="disruption"]');
      await cost.waitFor({ timeout: 120_000 });
      // The delay drains the plant and the DCs: it costs money, beyond its interval.
      expect(await cost.locator(".value").innerText()).toMatch(/^\+[\d,]+\.\d+ \/ day$/);
      expect(await cost.locator(".ci").first().innerText()).toMatch(/^95% CI \+[\d,]+\.\d+ – \+[\d,]+\.\d+$/);
      expect(await cost.locator(".total").innerText()).toMatch(/^Over the 335 measured days: \+[\d,]+\.\d+ \[\+[\d,]+\.\d+, \+[\d,]+\.\d+\]$/);
      expect(await impact.locator('tr[data-kpi="fillRate"] td').nth(2).innerText()).toMatch(/^−\d+\.\d+% ▼ worse$/);
      const charts = impact.locator("ech-lines-chart");
      await expect.poll(() => charts.count()).toBe(2);
      expect(await charts.first().locator("path.line").count()).toBe(2);
      expect(await charts.first().locator("rect.window").count()).toBe(1);
      await impact.locator(".costs").scrollIntoViewIfNeeded();
      await app.screenshot(`impact-cost-${size}`);
      await charts.first().scrollIntoViewIfNeeded();
      await app.screenshot(`impact-charts-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.errors).toEqual([]);
    });

    it("adds lateral transfers as the response, runs the impact again and reads what the response saved", async () => {
      const { page } = app;
      const editor = page.locator("ech-scenario-editor");
      await page.getByRole("tab", { name: "Network" }).click();
      await editor.getByRole("button", { name: "What-ifs" }).click();
      await editor.getByRole("checkbox", { name: "Lateral transfers between stocking nodes" }).check();
      await expect.poll(() => editor.locator(".ok").innerText()).toBe("No problems found.");
      await page.getByRole("tab", { name: "Run & results" }).click();
      const impact = run().locator("ech-impact-view");
      await expect.poll(() => impact.locator(".stale").count()).toBe(1);
      await impact.getByRole("button", { name: "Run impact" }).click();
      const saved = impact.locator('[data-cost="saved"]');
      await saved.waitFor({ timeout: 120_000 });
      expect(await saved.locator("h4").innerText()).toBe("What the response saved");
      expect(await saved.locator(".value").innerText()).toMatch(/^[+−±][\d,]+\.\d+ \/ day$/);
      expect(await saved.locator(".total").innerText()).toMatch(/^Over the 335 measured days: /);
      expect(await impact.locator('[data-cost="unmitigated"] h4').innerText()).toBe("Cost without the response");
      expect(await impact.locator("thead th").allInnerTexts()).toEqual(["Network KPI", "Baseline", "As written", "Change", "Without the response", "Change"]);
      const charts = impact.locator("ech-lines-chart");
      await expect.poll(() => charts.first().locator("path.line").count()).toBe(3);
      await impact.locator(".costs").scrollIntoViewIfNeeded();
      await app.screenshot(`impact-response-${size}`);
      await charts.first().scrollIntoViewIfNeeded();
      await app.screenshot(`impact-response-charts-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.errors).toEqual([]);
    });

    it("shades the delay's window on Watch's daily fill-rate chart", async () => {
      const { page } = app;
      await page.getByRole("tab", { name: "Watch" }).click();
      await page.getByRole("button", { name: "Load replication" }).click();
      const window = page.locator("ech-watch-view ech-fan-chart rect.window");
      await window.waitFor({ timeout: 60_000 });
      expect(await window.locator("title").textContent()).toBe("Disruption: lane-delay supplier → plant, days 120–133");
      await window.scrollIntoViewIfNeeded();
      await app.screenshot(`impact-watch-window-${size}`);
      expect(app.errors).toEqual([]);
    });
  });
}
