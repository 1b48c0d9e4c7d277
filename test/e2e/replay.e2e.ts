// "Watch one replication" in real Chromium: load a replication, play a few days, and see stock change.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Serious or critical axe-core violations on the page (axe is evaluated through DevTools: the CSP
 * forbids inline scripts), leaving out elements inside any host named in `skipHosts`.
 */
async function seriousViolations(page: Page, skipHosts: string[] = []): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (skip) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target).filter((t) => !skip.some((h) => JSON.stringify(t).includes(`"${h}"`))) }))
      .filter((v) => v.targets.length > 0)
      .map((v) => `${v.id}: ${JSON.stringify(v.targets.slice(0, 3))}`);
  }, skipHosts);
}

describe("Watch one replication", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("plays a few days and the stock numbers change", async () => {
    const page = app.page;
    await page.getByRole("tab", { name: "Watch" }).click();
    await page.getByRole("button", { name: "Load replication" }).click();
    await page.locator("td.on-hand").first().waitFor({ timeout: 60_000 });
    const stock = () => page.locator("td.on-hand").allInnerTexts();
    const day0 = await stock();
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(async () => (await stock()).join(), { timeout: 10_000 }).not.toBe(day0.join());
    await page.locator(".player").press(" ");
    const text = await page.locator(".day").innerText();
    expect(Number(/Day (\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
    await page.locator(".player").press("ArrowRight");
    await expect.poll(() => page.locator(".day").innerText()).toBe(text.replace(/\d+/, (d) => String(Number(d) + 1)));
    await app.screenshot("replay");
    await page.locator("ech-replay-view ech-fan-chart").scrollIntoViewIfNeeded();
    await app.screenshot("replay-fill-rate");
  });

  it("has no serious or critical axe-core violations", async () => {
    expect(await seriousViolations(app.page)).toEqual([]);
  });
});
