// Issue 14, item 4: results belong to the scenario they were run for. Switching scenario never
// shows another scenario's results (they once appeared under "These results are from before your
// last changes"); they carry the scenario's name and time, and survive a reload (IndexedDB).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

describe("results per scenario", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  const runView = () => app.page.locator("ech-run-view");
  const provenance = () => runView().locator(".provenance");

  it("shows a scenario's own results, named, and none of another's", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Run & results" }).click();
    await runView().getByLabel("Replications", { exact: true }).fill("30");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect.poll(() => provenance().innerText().catch(() => ""), { timeout: 60_000 }).toMatch(/^Results of “Three-echelon retail” · run /);
    await page.locator("ech-library .examples button").filter({ hasText: "Risk pooling" }).click();
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toMatch(/^Risk pooling/);
    await page.getByRole("tab", { name: "Run & results" }).click();
    await runView().getByRole("button", { name: "Run", exact: true }).waitFor();
    expect(await runView().locator("ech-results-view").count(), "results shown for the risk-pooling scenario").toBe(0);
    expect(await runView().locator(".note").count()).toBe(0);
    await app.screenshot("run-other-scenario-empty");
    await page.locator("ech-library ul[aria-labelledby='lib-title'] .name").getByText("Three-echelon retail", { exact: true }).click();
    await page.getByRole("tab", { name: "Run & results" }).click();
    await expect.poll(() => provenance().innerText().catch(() => "")).toMatch(/^Results of “Three-echelon retail”/);
    expect(await runView().getByLabel("Replications", { exact: true }).inputValue()).toBe("30");
  });

  it("keeps them across a reload", async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole("tab", { name: "Run & results" }).click();
    await expect.poll(() => provenance().innerText().catch(() => ""), { timeout: 15_000 }).toMatch(/^Results of “Three-echelon retail” · run /);
    expect(await page.locator('[data-kpi="fillRate"] .value').innerText()).toMatch(/^\d{1,3}\.\d+%$/);
    await app.screenshot("run-after-reload");
    expect(app.errors).toEqual([]);
  });
});
