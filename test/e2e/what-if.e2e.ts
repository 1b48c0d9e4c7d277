// What-if scenarios in real Chromium: add the "Supplier two weeks late" preset to the retail
// scenario, see it listed, set a bad end day and see the validator's message at the field, fix
// it, and run a few replications of the disrupted network.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

describe("what-if scenarios in the editor", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ viewport: { width: 1280, height: 800 } }); });
  afterAll(async () => { await app?.close(); });

  const editor = () => app.page.locator("ech-scenario-editor");
  const end = () => editor().locator(".field[data-path='disruptions[0].end'] input");

  it("adds the 'Supplier two weeks late' preset and lists it", async () => {
    const { page } = app;
    await editor().getByRole("button", { name: "What-ifs" }).click();
    await expect.poll(() => editor().locator("h2").innerText()).toBe("What-if scenarios");
    await editor().getByRole("button", { name: "Supplier two weeks late" }).click();
    await expect.poll(() => editor().locator(".disruption-list > li").count()).toBe(1);
    expect(await editor().locator(".disruption .summary").innerText()).toBe("lane-delay · supplier → plant, +14 days · days 120–133 (weeks 18–20)");
    expect(await end().inputValue()).toBe("134");
    expect(await editor().locator(".ok").innerText()).toBe("No problems found.");
    await app.screenshot("what-if-preset");
    expect(await seriousViolations(page)).toEqual([]);
    await editor().getByRole("checkbox", { name: "Lateral transfers between stocking nodes" }).check();
    const among = editor().locator(".field[data-path='mitigations.lateralTransfers.among'] input:checked");
    await expect.poll(() => among.count()).toBe(4);
    expect(await editor().locator(".ok").innerText()).toBe("No problems found.");
    await editor().locator("fieldset.mitigations").scrollIntoViewIfNeeded();
    await app.screenshot("what-if-mitigations");
    expect(await seriousViolations(page)).toEqual([]);
    await editor().getByRole("checkbox", { name: "Lateral transfers between stocking nodes" }).uncheck();
    await expect.poll(() => among.count()).toBe(0);
    await editor().locator("fieldset.correlation").scrollIntoViewIfNeeded();
    await app.screenshot("what-if-products-correlation");
    await end().scrollIntoViewIfNeeded();
  });

  it("shows the validator's message next to an end day beyond the horizon, and clears it when fixed", async () => {
    const { page } = app;
    await end().fill("400");
    await expect.poll(() => end().getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await end().getAttribute("aria-describedby"))!;
    expect(await editor().locator(`#${describedBy}`).innerText()).toBe("must be at most the horizon (365), got 400");
    expect(await editor().locator(".all-issues li").allInnerTexts()).toEqual(["Disruption 1: end: must be at most the horizon (365), got 400"]);
    await app.screenshot("what-if-bad-end");
    expect(await seriousViolations(page)).toEqual([]);
    await end().fill("134");
    await expect.poll(() => end().getAttribute("aria-invalid")).toBe("false");
    expect(await editor().locator(".ok").innerText()).toBe("No problems found.");
  });

  it("runs a few replications of the disrupted scenario", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Run & results" }).click();
    await page.locator("ech-run-view").getByLabel("Replications", { exact: true }).fill("8");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const card = page.locator('[data-kpi="fillRate"]');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.innerText()).toMatch(/^Fill rate\s+\d{1,3}\.\d+%/);
    await app.screenshot("what-if-run");
    expect(app.errors).toEqual([]);
  });
});
