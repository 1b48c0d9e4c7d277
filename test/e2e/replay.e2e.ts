// "Watch one replication" in real Chromium: load a replication, play a few days, and see stock change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

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
