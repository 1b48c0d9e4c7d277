// Several sources in the app: the dual-sourcing example draws both inbound lanes of its DC, and
// the lane form shows each lane's sourcing rule (docs/scenario-format.md, "Several sources").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

describe("dual sourcing in the editor", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("draws both lanes into the DC and shows the backup's rule on its lane form", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator("ech-library .examples button", { hasText: "Dual sourcing" }).click();
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(7);
    expect(await page.locator("ech-network-diagram g.lane").count()).toBe(6);
    const lanes = await page.locator("ech-network-diagram g.lane title").allTextContents();
    // the sea lane's title adds its random outage
    expect(lanes.filter((t) => /→ DC\b/.test(t)).map((t) => t.split(" — ")[0])).toEqual(["Lane Overseas supplier → DC", "Lane Local supplier → DC"]);
    await page.locator("ech-network-diagram g.lane", { has: page.locator("title", { hasText: "Lane Local supplier → DC" }) }).locator("path.hit").dispatchEvent("click");
    const rule = page.locator("ech-scenario-editor .field[data-path='lanes[1].sourcing'] select");
    await expect.poll(() => rule.inputValue()).toBe("backup");
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot("dual-sourcing-lane-form-1440");
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.screenshot("dual-sourcing-lane-form-1280");
    // Turning the backup into a split share shows the share field, and the problem (shares must sum to 1) beside it
    await rule.selectOption("split");
    await expect.poll(() => page.locator("ech-scenario-editor .field[data-path='lanes[1].sourcing.split'] input").inputValue()).toBe("0.5");
    await expect.poll(() => page.locator("ech-scenario-editor .all-issues li").count()).toBeGreaterThan(0);
    await app.screenshot("dual-sourcing-lane-form-split-1280");
  });
});
