// The bullwhip as a chart in real Chromium, as a new planner meets it: open the four-stage serial
// chain with (s,S) ordering from the library, run it, and read the chart in Run & results — the
// stages from the retailer (customers) to the factory, every ratio above the line at 1, and the
// compounded variance rising stage by stage upstream. At 1440×900 and 1280×720.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  describe(`bullwhip chart at ${viewport.width}×${viewport.height}`, () => {
    let app: App;
    beforeAll(async () => { app = await openApp({ viewport }); });
    afterAll(async () => { await app?.close(); });

    it("runs the serial chain and shows the ratios rising from the customers upstream", async () => {
      const { page } = app;
      const run = page.locator("ech-run-view");
      await page.getByRole("tab", { name: "Network" }).click();
      await page.locator("ech-library .examples button", { hasText: "serial-4-stage-bullwhip.json" }).click();
      await expect.poll(() => page.locator("header .scenario-name").innerText(), { timeout: 15_000 }).toBe("Four-stage serial chain with (s,S) ordering: the bullwhip");
      await page.getByRole("tab", { name: "Run & results" }).click();
      await run.getByLabel("Replications", { exact: true }).fill("40");
      await run.getByRole("button", { name: "Run", exact: true }).click();
      const chart = run.locator("ech-results-view ech-bullwhip-chart");
      const nodes = chart.locator("g.node");
      // Wait for this scenario's result (a result of the scenario open before has more nodes).
      await expect.poll(() => nodes.count(), { timeout: 90_000 }).toBe(4);
      expect(await nodes.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-node")))).toEqual(["retailer", "wholesaler", "distributor", "factory"]);
      // Every stage amplifies: each bar stands on the line at 1 and rises from it.
      const one = await chart.locator("line.reference").evaluate((l) => l.getBoundingClientRect().top);
      const bars = await chart.locator("rect.bar").evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect()).map((b) => ({ top: b.top, bottom: b.bottom })));
      for (const b of bars) {
        expect(b.bottom).toBeCloseTo(one, 0);
        expect(b.top).toBeLessThan(one - 5);
      }
      // Compounded from the customers, the marks climb at every stage upstream.
      const marks = await chart.locator("path.compounded").evaluateAll((ps) => ps.map((p) => ({ id: p.getAttribute("data-node"), top: p.getBoundingClientRect().top, value: Number(p.getAttribute("data-value")) })));
      expect(marks.map((m) => m.id)).toEqual(["retailer", "wholesaler", "distributor", "factory"]);
      for (let i = 1; i < marks.length; i++) {
        expect(marks[i].value).toBeGreaterThan(marks[i - 1].value);
        expect(marks[i].top).toBeLessThan(marks[i - 1].top);
      }
      expect(await nodes.first().getAttribute("aria-label")).toMatch(/^Retailer \(echelon 0\): order variance ratio [\d.]+ \(95% CI [\d.]+ – [\d.]+\); product of the mean ratios \(an approximation of the compounded amplification\): [\d.]+$/);
      await run.locator("ech-results-view #bw-h").scrollIntoViewIfNeeded();
      await app.screenshot(`bullwhip-${viewport.width}x${viewport.height}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.errors).toEqual([]);
    });

    it("compares the chain with a variant whose retailer orders in larger batches: B's retailer bar is the taller", async () => {
      const { page } = app;
      await page.getByRole("tab", { name: "Compare" }).click();
      await page.getByRole("button", { name: "Make a variant of A" }).click();
      await page.locator('ech-network-diagram [data-id="retailer"]').click();
      await page.getByLabel("Order-up-to S").fill("240");
      await page.getByRole("tab", { name: "Compare" }).click();
      const compare = page.locator("ech-compare-view");
      await compare.getByLabel("Replications", { exact: true }).fill("40");
      await page.getByRole("button", { name: "Compare A and B" }).click();
      const figures = compare.locator("figure.bullwhip");
      await expect.poll(() => figures.count(), { timeout: 90_000 }).toBe(2);
      const retailer = (i: number) => figures.nth(i).locator('g.node[data-node="retailer"] rect.bar').evaluate((r) => r.getBoundingClientRect().height);
      expect(await retailer(1)).toBeGreaterThan(await retailer(0));
      await compare.locator("#cmp-bw-h").scrollIntoViewIfNeeded();
      await app.screenshot(`bullwhip-compare-${viewport.width}x${viewport.height}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.errors).toEqual([]);
    });

    it("orders the retail network's 26 stocking nodes stores first, slanting their names", async () => {
      const { page } = app;
      const run = page.locator("ech-run-view");
      await page.getByRole("tab", { name: "Network" }).click();
      await page.locator("ech-library .examples button", { hasText: "retail-3-echelon.json" }).click();
      await expect.poll(() => page.locator("header .scenario-name").innerText(), { timeout: 15_000 }).toMatch(/^Three-echelon retail/);
      await page.getByRole("tab", { name: "Run & results" }).click();
      await run.getByLabel("Replications", { exact: true }).fill("20");
      await run.getByRole("button", { name: "Run", exact: true }).click();
      const chart = run.locator("ech-results-view ech-bullwhip-chart");
      const nodes = chart.locator("g.node");
      await expect.poll(() => nodes.count(), { timeout: 90_000 }).toBe(26);
      const ids = await nodes.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-node")!));
      expect(ids.slice(0, 20).every((id) => id.startsWith("store-"))).toBe(true);
      expect(ids.slice(-2)).toEqual(["central-dc", "plant"]);
      expect(await chart.locator(".axis-bottom text[transform]").count()).toBe(26);
      // No name runs into the next one: slanted names start at least a line apart.
      const lefts = await chart.locator(".axis-bottom text[transform]").evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().right));
      for (let i = 1; i < lefts.length; i++) expect(lefts[i] - lefts[i - 1]).toBeGreaterThan(10);
      await run.locator("ech-results-view #bw-h").scrollIntoViewIfNeeded();
      await app.screenshot(`bullwhip-retail-${viewport.width}x${viewport.height}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.errors).toEqual([]);
    });
  });
}
