// Issue 14, "A planner's dashboard", in real Chromium: the KPI cards compared with another library
// scenario's last run (with its interval, paired under common random numbers), Compare drawing A
// vs B (trade-off point, overlaid fans with the DC outage shaded, costs side by side), and the
// result panels reordered and kept across a reload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

const REPLICATIONS = "40";
const VIEWPORTS = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const;

describe("a planner's dashboard", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  const runView = () => app.page.locator("ech-run-view");
  const compareView = () => app.page.locator("ech-compare-view");
  const panels = () => runView().locator("ech-results-view section[data-panel]").evaluateAll((s) => s.map((e) => e.getAttribute("data-panel")));
  async function screenshots(name: string, scrollTo: string) {
    for (const viewport of VIEWPORTS) {
      await app.page.setViewportSize(viewport);
      await app.page.locator(scrollTo).evaluate((e) => e.scrollIntoView({ block: "start" }));
      await app.screenshot(`${name}-${viewport.width}x${viewport.height}`);
    }
    await app.page.setViewportSize(VIEWPORTS[0]);
  }

  it("makes a variant of retail with a DC outage", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("header .scenario-name").innerText(), { timeout: 15_000 }).toBe("Three-echelon retail");
    await page.getByRole("tab", { name: "Compare" }).click();
    await page.getByRole("button", { name: "Make a variant of A" }).click();
    const editor = page.locator("ech-scenario-editor");
    await editor.getByRole("button", { name: "What-ifs" }).click();
    await editor.locator("ech-disruption-timeline").getByRole("button", { name: "DC outage 1 week" }).click();
    await expect.poll(() => editor.locator(".disruption .summary").count()).toBe(1);
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toBe("Three-echelon retail (variant)");
  });

  it("compares the variant's KPI cards with the original's last run, offering to run it first", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Run & results" }).click();
    await runView().getByLabel("Replications", { exact: true }).fill(REPLICATIONS);
    await runView().getByRole("button", { name: "Run", exact: true }).click();
    await expect.poll(() => runView().locator(".provenance").innerText().catch(() => ""), { timeout: 60_000 }).toMatch(/^Results of “Three-echelon retail \(variant\)”/);
    await runView().getByLabel("Compare with").selectOption({ label: "Scenario: Three-echelon retail" });
    const offer = runView().locator("ech-baseline-picker .note");
    await expect.poll(() => offer.innerText().catch(() => "")).toMatch(/^“Three-echelon retail” has no run yet\./);
    await offer.getByRole("button", { name: "Run “Three-echelon retail” now" }).click();
    const delta = runView().locator('.card[data-kpi="fillRate"] .delta');
    await delta.waitFor({ timeout: 60_000 });
    expect(await offer.count(), "the offer goes once the baseline has run").toBe(0);
    // Same seed and replications: common random numbers, so the interval is the paired one.
    expect(await delta.getAttribute("data-method")).toBe("paired");
    expect(await delta.getAttribute("title")).toMatch(/^Change against the last run of “Three-echelon retail” .*paired interval/);
    expect(await delta.innerText()).toMatch(/^[+−±]\d+(\.\d+)?% \[[+−±]\d+(\.\d+)?%, [+−±]\d+(\.\d+)?%\]$/);
    // A week without the central DC costs service: the whole interval is below zero.
    expect(await delta.evaluate((e) => e.classList.contains("worse"))).toBe(true);
    expect(await runView().locator(".card .delta").count()).toBeGreaterThanOrEqual(5);
    expect(await runView().locator("p.baseline").innerText()).toContain("the last run of “Three-echelon retail”");
    await screenshots("dashboard-baseline", "ech-baseline-picker");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("draws A vs B in Compare: trade-off point, overlaid fans with the outage shaded, costs side by side", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Compare" }).click();
    const picked = (which: string) => compareView().locator(`#cmp-${which}`).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    expect([await picked("A"), await picked("B")]).toEqual(["Three-echelon retail", "Three-echelon retail (variant)"]);
    await compareView().getByLabel("Replications", { exact: true }).fill(REPLICATIONS);
    await page.getByRole("button", { name: "Compare A and B" }).click();
    const fill = compareView().locator("#cmp-fan-fill");
    await fill.locator("svg").waitFor({ timeout: 90_000 });
    for (const fan of [fill, compareView().locator("#cmp-fan-backorders")]) {
      expect(await fan.locator("path.median").count()).toBe(2);
      expect(await fan.locator("path.band").count()).toBe(2);
      expect(await fan.locator("rect.window title").allTextContents()).toEqual(["Disruption: B: node-outage central-dc, days 120–126"]);
    }
    expect(await fill.locator(".legend text").allTextContents()).toEqual(
      ["A: Three-echelon retail: median, 5–95%", "B: Three-echelon retail (variant): median, 5–95%", "Disruption"]);
    const costs = compareView().locator("#cmp-costs");
    expect(await costs.locator("svg text").allTextContents()).toEqual(expect.arrayContaining(["A: Three-echelon retail", "B: Three-echelon retail (variant)"]));
    expect(await compareView().locator("ech-tradeoff-point-chart g.point").count()).toBe(2);
    expect(await compareView().locator("ech-tradeoff-point-chart g.point").first().getAttribute("aria-label")).toMatch(/^A: Three-echelon retail: .*95% CI/);
    // Beside the chart, the paired test its overlapping bars are not: the outage costs fill rate.
    const paired = compareView().locator('table[data-role="paired-differences"]');
    expect(await paired.locator("caption").innerText()).toBe(`B − A, paired over ${REPLICATIONS} replications (95% CI)`);
    expect(await paired.locator('tr[data-kpi="fillRate"] td.verdict').innerText()).toBe("B is worse");
    await screenshots("dashboard-compare-tradeoff", "#cmp-trade-h");

    await screenshots("dashboard-compare-fans", "#cmp-fan-h");
    await screenshots("dashboard-compare-costs", "#cmp-cost-h");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("moves a result panel and keeps the order across a reload", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Run & results" }).click();
    const before = await panels();
    const at = before.indexOf("cost-h");
    expect(at).toBeGreaterThan(0);
    const up = runView().getByRole("button", { name: "Move Cost per day up" });
    await up.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    const moved = await panels();
    expect(moved.indexOf("cost-h")).toBe(at - 2);
    await screenshots("dashboard-reordered", "#cost-h");
    await page.reload();
    await page.getByRole("tab", { name: "Run & results" }).click();
    await expect.poll(() => runView().locator(".provenance").innerText().catch(() => ""), { timeout: 15_000 }).toMatch(/^Results of “Three-echelon retail \(variant\)”/);
    await expect.poll(panels).toEqual(moved);
  });

  it("folds and moves Compare's panels too, and keeps the order across a reload", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Compare" }).click();
    const comparePanels = () => compareView().locator("section[data-panel]").evaluateAll((s) => s.map((e) => e.getAttribute("data-panel")));
    await expect.poll(() => compareView().locator("p.provenance").innerText().catch(() => ""), { timeout: 15_000 }).toMatch(/^Compared /);
    const before = await comparePanels();
    await compareView().getByRole("button", { name: "Move Cost per day up" }).click();
    const moved = await comparePanels();
    expect(moved.indexOf("cmp-cost-h")).toBe(before.indexOf("cmp-cost-h") - 1);
    await compareView().getByRole("button", { name: "Hide Trade-off" }).click();
    expect(await compareView().locator("ech-tradeoff-point-chart").isVisible()).toBe(false);
    await page.reload();
    await page.getByRole("tab", { name: "Compare" }).click();
    await expect.poll(comparePanels, { timeout: 15_000 }).toEqual(moved);
    expect(await compareView().getByRole("button", { name: "Show Trade-off" }).getAttribute("aria-expanded")).toBe("false");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
