// Switching tabs during a run in real Chromium: the run goes on while the Network tab is shown
// and its results are there on return; meanwhile the Compare and Watch start buttons are
// disabled with the reason (one simulation job at a time on the shared worker pool).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

describe("switching tabs during a run", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("a run of 600 replications goes on while other tabs are shown, blocks Compare and Watch, and finishes with results", async () => {
    const page = app.page;
    const run = page.locator("ech-run-view");
    const status = () => page.evaluate(() => {
      const view = document.querySelector("ech-app")?.shadowRoot?.querySelector("ech-run-view") as unknown as
        { task: { status: number; value?: { result: { replications: number } } } } | null;
      return { status: view?.task.status, replications: view?.task.value?.result.replications };
    });
    // Visit Compare and Watch first, so their views are mounted when the run starts.
    await page.getByRole("tab", { name: "Compare" }).click();
    await page.getByRole("button", { name: "Compare A and B" }).waitFor();
    await page.getByRole("tab", { name: "Watch" }).click();
    await page.getByRole("button", { name: "Load replication" }).waitFor();
    await page.getByRole("tab", { name: "Run & results" }).click();
    // A ten-year horizon keeps the run going for several seconds on this machine.
    await run.getByLabel("Replications", { exact: true }).fill("600");
    await run.getByLabel("Horizon (days)").fill("3650");
    await run.getByLabel("Per-day series").uncheck();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("progressbar", { name: "Replications done" }).waitFor();

    await page.getByRole("tab", { name: "Network" }).click();
    await page.locator("#panel-network ech-network-diagram").waitFor();
    await page.getByRole("tab", { name: "Compare" }).click();
    const compare = page.getByRole("button", { name: "Compare A and B" });
    expect(await compare.isDisabled()).toBe(true);
    expect(await page.locator("#cmp-blocked").innerText()).toBe("A run is in progress in Run & results.");
    expect(await compare.getAttribute("aria-describedby")).toBe("cmp-blocked");
    await app.screenshot("tabs-compare-blocked");
    await page.getByRole("tab", { name: "Watch" }).click();
    expect(await page.getByRole("button", { name: "Load replication" }).isDisabled()).toBe(true);
    expect(await page.locator("#rep-blocked").innerText()).toBe("A run is in progress in Run & results.");
    expect((await status()).status, "the run is still going after three tab switches").toBe(1);

    await page.getByRole("tab", { name: "Run & results" }).click();
    await expect.poll(status, { timeout: 120_000 }).toEqual({ status: 2, replications: 600 });
    const card = page.locator('[data-kpi="fillRate"]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toMatch(/^Fill rate\s+\d{1,3}\.\d+%\s+95% CI \d{1,3}\.\d+% – \d{1,3}\.\d+%$/);
    await app.screenshot("tabs-run-finished");

    // The run is over: the other views may start jobs again.
    await page.getByRole("tab", { name: "Watch" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Load replication" }).isEnabled()).toBe(true);
    expect(await page.locator("#rep-blocked").count()).toBe(0);
    await page.getByRole("tab", { name: "Compare" }).click();
    expect(await page.locator("#cmp-blocked").count()).toBe(0);
  });

  it("a run that finishes while another tab is shown draws its charts at full width on return", async () => {
    const page = app.page;
    const run = page.locator("ech-run-view");
    await page.getByRole("tab", { name: "Run & results" }).click();
    await run.getByLabel("Replications", { exact: true }).fill("40");
    await run.getByLabel("Horizon (days)").fill("365");
    await run.getByLabel("Per-day series").check();
    const before = await page.evaluate(() => (document.querySelector("ech-app")?.shadowRoot?.querySelector("ech-run-view") as unknown as { task: { value: unknown } }).task.value);
    expect(before).toBeTruthy();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("tab", { name: "Network" }).click();
    await page.waitForFunction(() => {
      const view = document.querySelector("ech-app")?.shadowRoot?.querySelector("ech-run-view") as unknown as { task: { status: number; value?: { result: { replications: number } } } };
      return view.task.status === 2 && view.task.value?.result.replications === 40;
    }, undefined, { timeout: 60_000 });
    await page.getByRole("tab", { name: "Run & results" }).click();
    const median = page.locator("ech-run-view ech-fan-chart path.median").first();
    await median.waitFor({ timeout: 30_000 });
    await median.scrollIntoViewIfNeeded();
    const panel = await page.locator("#panel-run").boundingBox();
    await expect.poll(async () => (await median.boundingBox())?.width ?? 0).toBeGreaterThan(panel!.width / 3);
    await app.screenshot("tabs-finished-while-hidden");
  });

  it("has no serious or critical axe-core violations with every view mounted", async () => {
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it("logs no errors", () => {
    expect(app.errors).toEqual([]);
  });
});
