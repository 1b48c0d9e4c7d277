// The service–inventory trade-off curve in real Chromium, on the retail scenario: open it from the
// Optimise dialog, start and cancel a full curve, then draw a small one (few service levels and
// targets, 40 replications, so it finishes in seconds on a loaded 2-core machine), read the three
// curves, the current scenario and the headline, switch to turns, export CSV and SVG, and take a
// point's plan away as a variant. Screenshots at 1440×900 and 1280×720.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";
import type { Page } from "playwright-core";

/** Small enough to finish in seconds: 4 service levels, 4 targets (so both 95% and 98% are bracketed), 40 replications, 10 evaluations per target. */
const SMALL = { points: "4", targets: "0.9, 0.95, 0.98, 0.99", replications: "40", evaluations: "10" } as const;

/** A 50 ms timer on the page that records its longest gap: a long task on the main thread shows as a long gap. */
const startHeartbeat = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { gap: number; beat: number };
  w.gap = 0;
  let last = performance.now();
  w.beat = window.setInterval(() => { const t = performance.now(); w.gap = Math.max(w.gap, t - last); last = t; }, 50);
});
const stopHeartbeat = (page: Page) => page.evaluate(() => { const w = window as unknown as { gap: number; beat: number }; clearInterval(w.beat); return w.gap; });

describe("The trade-off curve", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ viewport: { width: 1440, height: 900 } }); });
  afterAll(async () => { await app?.close(); });

  const dialog = () => app.page.getByRole("dialog", { name: "Service–inventory trade-off" });
  const chart = () => dialog().locator("ech-frontier-chart");

  it("opens from the Optimise dialog with the CLI's defaults, and cancels a running curve", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
    await page.getByRole("button", { name: "Optimise…" }).click();
    await page.getByRole("button", { name: "Trade-off curve…" }).click();
    await dialog().waitFor();
    expect(await page.getByRole("dialog", { name: "Optimise safety stock" }).count()).toBe(0);
    expect(await dialog().getByLabel("Service levels").inputValue()).toBe("8");
    expect(await dialog().getByLabel("Optimiser targets").inputValue()).toBe("0.9, 0.95, 0.98, 0.99");
    expect(await dialog().getByLabel("Replications").inputValue()).toBe("200");
    await dialog().getByRole("button", { name: "Draw the curve" }).click();
    await dialog().locator("progress").waitFor();
    await dialog().getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => dialog().locator(".cancelled").innerText()).toBe("Cancelled. Nothing was changed.");
  }, 60_000);

  it("keeps Tab inside the dialog", async () => {
    const { page } = app;
    for (const key of [...Array(12).fill("Tab"), ...Array(12).fill("Shift+Tab")]) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.querySelector("ech-app")!.shadowRoot!.querySelector("ech-frontier-dialog")!.shadowRoot!.activeElement !== null), `after ${key}`).toBe(true);
    }
  });

  it("names the field when a setting is wrong", async () => {
    await dialog().getByLabel("Optimiser targets").fill("0.9, 1.5");
    expect(await dialog().locator("#fr-targets-note").innerText()).toMatch(/^Optimiser targets must be fill rates from 0\.5 to 1/);
    expect(await dialog().getByRole("button", { name: "Draw the curve" }).isDisabled()).toBe(true);
  });

  it("draws three curves and the current scenario with intervals and the headline, in the workers", async () => {
    const { page } = app;
    for (const [label, value] of [["Service levels", SMALL.points], ["Optimiser targets", SMALL.targets], ["Replications", SMALL.replications], ["Evaluations per target", SMALL.evaluations]]) {
      await dialog().getByLabel(label).fill(value);
    }
    await startHeartbeat(page);
    const t0 = Date.now();
    await dialog().getByRole("button", { name: "Draw the curve" }).click();
    await chart().waitFor({ timeout: 120_000 });
    // Never freezes: the page's 50 ms heartbeat never stalled for 2 s while the workers drew the curve.
    const gap = await stopHeartbeat(page);
    console.log(`longest gap in the page's heartbeat while the curve was drawn: ${gap.toFixed(0)} ms`);
    expect(gap).toBeLessThan(2000);
    console.log(`small trade-off curve in Chromium: ${((Date.now() - t0) / 1000).toFixed(1)} s (${await dialog().locator(".result p.small").last().innerText()})`);
    expect(await chart().locator("g.curve").count()).toBe(3);
    expect(await chart().locator("g.curve").nth(0).locator("g.point").count()).toBe(4);
    expect(await chart().locator("g.curve").nth(2).locator("g.point").count()).toBe(4);
    expect(await chart().locator('g.point[data-key="current"]').count()).toBe(1);
    expect(await chart().locator('g.point[data-key="current"]').getAttribute("aria-label")).toMatch(/^Current scenario: fill rate \d+\.\d% \[\d+\.\d%, \d+\.\d%\], inventory value [\d,]+ \[[\d,]+, [\d,]+\]$/);
    // Every point has its error bars: six lines (a bar and two caps, each way).
    expect(await chart().locator('g.point[data-key="simulation:1"] line').count()).toBe(6);
    const headline = await dialog().locator(".headline").innerText();
    expect(headline).toMatch(/At 95% fill rate the (network optimiser|GSM)'s plan needs \d+\.\d% (less|more) inventory value than node by node \(saving −?[\d,]+ \[−?[\d,-]+, −?[\d,-]+\]\)/);
    expect(headline).toMatch(/At 98% fill rate/);
    await app.screenshot("frontier-1440");
    expect(await seriousViolations(page)).toEqual([]);
  }, 180_000);

  it("switches to inventory turns, and exports the data as CSV and the chart as SVG", async () => {
    const { page } = app;
    await dialog().getByRole("radio", { name: "Inventory turns" }).check();
    expect(await chart().locator(".axis-left .axis-label").textContent()).toBe("Inventory turns (per year)");
    const [csv] = await Promise.all([page.waitForEvent("download"), dialog().getByRole("button", { name: "Data (CSV)" }).click()]);
    expect(csv.suggestedFilename()).toBe("three-echelon-retail-trade-off.csv");
    const lines = readFileSync((await csv.path())!, "utf8").trim().split("\n");
    expect(lines[0]).toMatch(/^curve,service_level,target_fill,fill_rate,fill_rate_lo,fill_rate_hi,on_hand_value,/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["current", ...Array(4).fill("single-echelon"), ...Array(4).fill("gsm"), ...Array(4).fill("simulation")]);
    const [svgFile] = await Promise.all([page.waitForEvent("download"), dialog().getByRole("button", { name: "Chart (SVG)" }).click()]);
    expect(svgFile.suggestedFilename()).toBe("three-echelon-retail-trade-off-turns.svg");
    const svgText = readFileSync((await svgFile.path())!, "utf8");
    expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText.match(/class="curve"/g)?.length).toBe(3);
    const [png] = await Promise.all([page.waitForEvent("download"), dialog().getByRole("button", { name: "Chart (PNG)" }).click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe("PNG");
    await page.setViewportSize({ width: 1280, height: 720 });
    await dialog().getByRole("radio", { name: "Inventory value" }).check();
    await app.screenshot("frontier-1280");
  }, 60_000);

  it("makes a variant from a point's plan", async () => {
    const { page } = app;
    await chart().locator('g.point[data-key="simulation:1"]').click();
    expect(await dialog().getByLabel("Plan").inputValue()).toBe("simulation:1");
    expect(await chart().locator('g.point[data-key="simulation:1"] circle.chosen').count()).toBe(1);
    await dialog().getByRole("button", { name: "Make a variant from this plan" }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toBe("Three-echelon retail (network optimiser, target fill 95%)");
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 30_000);
});

// The README's figure (docs/img/): the full retail curve as the app draws it, with the bench's 8
// optimiser targets, 200 replications. Runs only when asked:
//   ECHELON_FIGURES_DIR=docs/img ECHELON_E2E_OUT_DIR=/tmp/e2e-x npx vitest run --project e2e test/e2e/frontier.e2e.ts
const figures = process.env.ECHELON_FIGURES_DIR;
describe.runIf(figures)("The README's trade-off figure", () => {
  it("draws the retail curve with the defaults and 8 targets, and saves the chart as SVG and PNG", async () => {
    const app = await openApp({ viewport: { width: 1440, height: 900 } });
    try {
      const { page } = app, dialog = page.getByRole("dialog", { name: "Service–inventory trade-off" });
      await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
      await page.getByRole("button", { name: "Optimise…" }).click();
      await page.getByRole("button", { name: "Trade-off curve…" }).click();
      await dialog.getByLabel("Optimiser targets").fill("0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995");
      const t0 = Date.now();
      await dialog.getByRole("button", { name: "Draw the curve" }).click();
      await dialog.locator("ech-frontier-chart").waitFor({ timeout: 1_400_000 });
      console.log(`retail trade-off curve in Chromium: ${((Date.now() - t0) / 1000).toFixed(1)} s; ${await dialog.locator(".result p.small").last().innerText()}`);
      console.log(await dialog.locator(".headline").innerText());
      mkdirSync(figures!, { recursive: true });
      for (const [kind, label] of [["svg", "Chart (SVG)"], ["png", "Chart (PNG)"]] as const) {
        const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: label }).click()]);
        copyFileSync((await file.path())!, join(figures!, `frontier-retail.${kind}`));
      }
      const [csv] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Data (CSV)" }).click()]);
      copyFileSync((await csv.path())!, join(figures!, "frontier-retail.csv"));
      await app.screenshot("frontier-retail-full");
    } finally {
      await app.close();
    }
  }, 1_500_000);
});
