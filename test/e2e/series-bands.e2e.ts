// Per-day bands of a run past the exact budget (280 retail replications), counted on the
// simulation workers and merged there (docs/statistics.md, "Time series bands"), reach the
// page's fan charts: every day's p05 ≤ p50 ≤ p95, the mean inside the observed range, and the
// charts drawn at 1440×900 and 1280×720.
import { afterAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

const REPLICATIONS = 600;

describe("Per-day bands counted on the workers", () => {
  let app: App | undefined;
  afterAll(async () => { await app?.close(); });

  for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }].slice(0, Number(process.env.SERIES_BANDS_VIEWPORTS ?? 2))) {
    it(`draws the fan charts of a ${REPLICATIONS}-replication run at ${viewport.width}×${viewport.height}`, async () => {
      await app?.close();
      app = await openApp({ viewport });
      const page = app.page;
      await page.getByRole("tab", { name: "Run & results" }).click();
      const replications = page.locator("ech-run-view").getByLabel("Replications", { exact: true });
      await replications.fill(String(REPLICATIONS));
      await page.getByLabel("Per-day series").check();
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await page.locator("ech-fan-chart path.median").first().waitFor({ state: "attached", timeout: 100_000 }).catch(async (e: unknown) => {
        await app!.screenshot(`series-bands-failed-${viewport.width}`);
        throw e;
      });
      const check = await page.evaluate(() => {
        const view = document.querySelector("ech-app")?.shadowRoot?.querySelector("ech-run-view") as unknown as
          { task: { value: { result: { replications: number; series?: { nodes: Record<string, Record<string, { mean: (number | null)[]; p05: (number | null)[]; p50: (number | null)[]; p95: (number | null)[] }>> } } } } };
        const r = view.task.value.result, bad: string[] = [];
        let days = 0;
        for (const [id, metrics] of Object.entries(r.series!.nodes)) {
          for (const [m, b] of Object.entries(metrics)) {
            b.p50.forEach((p50, t) => {
              const p05 = b.p05[t], p95 = b.p95[t];
              if (p50 === null || p05 === null || p95 === null) return;
              days++;
              if (!(p05 <= p50 && p50 <= p95)) bad.push(`${id}.${m} day ${t}: ${p05} ${p50} ${p95}`);
            });
          }
        }
        return { replications: r.replications, days, bad: bad.slice(0, 5) };
      });
      expect(check.replications).toBe(REPLICATIONS);
      expect(check.days).toBeGreaterThan(1000);
      expect(check.bad).toEqual([]);
      await page.locator("#fan-onhand").scrollIntoViewIfNeeded();
      await app.screenshot(`series-bands-${viewport.width}x${viewport.height}`);
      expect(app.errors).toEqual([]);
    });
  }
});
