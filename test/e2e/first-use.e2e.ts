// Issue 14, item 12: the scenario description sat in a one-line input, and nothing on the first
// screen said what to do next. Now the description is a readable text area, and a one-line hint
// on first use says where to start; dismissed, it stays dismissed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

describe("the first screen", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ viewport: { width: 1280, height: 720 } }); });
  afterAll(async () => { await app?.close(); });

  const hint = () => app.page.locator("main .first-use");

  it("says what to do next, and shows the whole description of the open scenario", async () => {
    const { page } = app;
    await expect.poll(() => hint().count(), { timeout: 15_000 }).toBe(1);
    expect(await hint().innerText()).toMatch(/^New here\? Run the scenario in Run & results, then try a What-if or Optimise… in the Network tab/);
    const description = page.locator("ech-scenario-editor .field[data-path='description'] textarea");
    await description.waitFor();
    const text = await description.inputValue();
    expect(text.length).toBeGreaterThan(80);
    const { scrollHeight, clientHeight, clientWidth } = await description.evaluate((t) => ({ scrollHeight: t.scrollHeight, clientHeight: t.clientHeight, clientWidth: t.clientWidth }));
    expect(scrollHeight, "the description fits its box, with no hidden lines").toBeLessThanOrEqual(clientHeight + 2);
    expect(clientWidth, "the description's box, px").toBeGreaterThan(250);
    const name = page.locator("ech-scenario-editor .field[data-path='name'] input");
    expect(await name.evaluate((i: HTMLInputElement) => i.scrollWidth <= i.clientWidth), "the scenario's name fits its field").toBe(true);
    await app.screenshot("first-use-1280");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("opens Run & results and Watch with a line on what they will show", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Run & results" }).click();
    await expect.poll(() => page.locator("ech-run-view p.empty").innerText().catch(() => ""))
      .toMatch(/^No results yet for “Three-echelon retail”\. Press Run to simulate 200 replications of 365 days/);
    await app.screenshot("first-use-run-empty");
    await page.getByRole("tab", { name: "Watch" }).click();
    await expect.poll(() => page.locator("ech-watch-view p.empty").innerText().catch(() => "")).toMatch(/^Load a replication to play it day by day/);
    await page.getByRole("tab", { name: "Network" }).click();
  });

  it("hides the hint once dismissed, across a reload", async () => {
    const { page } = app;
    await hint().getByRole("button", { name: "Got it" }).click();
    expect(await hint().count()).toBe(0);
    await page.reload();
    await page.locator("ech-scenario-editor").waitFor();
    await page.waitForTimeout(300);
    expect(await hint().count()).toBe(0);
  });
});
