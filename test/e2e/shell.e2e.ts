// The workbench opens on the built-in retail scenario, draws it, switches views, is usable by
// keyboard and has no serious or critical accessibility violations (axe-core).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

describe("the workbench shell", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ viewport: { width: 1280, height: 800 } }); });
  afterAll(async () => { await app?.close(); });

  it("opens with the retail scenario named in the header and drawn as 27 nodes and 26 lanes", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
    expect(await page.locator("ech-network-diagram g.lane").count()).toBe(26);
    expect(await page.locator("header .scenario-name").innerText()).toBe("Three-echelon retail");
    expect(await page.locator("ech-scenario-editor .ok").innerText()).toBe("No problems found.");
    await app.screenshot("shell-1280");
  });

  it("selects a node by keyboard: Tab to the diagram, arrows to move, Enter to open its form", async () => {
    const { page } = app;
    await page.locator("ech-network-diagram g.node[tabindex='0']").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText()).toBe("Node Plant");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText()).toBe("Node DC South");
    await app.screenshot("shell-keyboard-select");
  });

  it("switches tabs with the arrow keys and shows each view", async () => {
    const { page } = app;
    await page.locator("#tab-network").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("#tab-run").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => page.locator("#panel-run ech-run-view").count(), { timeout: 10_000 }).toBe(1);
    await page.locator("#tab-compare").click();
    await expect.poll(() => page.locator("#panel-compare ech-compare-view").count(), { timeout: 10_000 }).toBe(1);
    await page.locator("#tab-watch").click();
    await expect.poll(() => page.locator("#panel-watch ech-watch-view").count(), { timeout: 10_000 }).toBe(1);
    await page.locator("#tab-network").click();
  });

  it("has no serious or critical axe-core violations", async () => {
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it("lays out at 1920×1080 too", async () => {
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await app.page.waitForTimeout(200);
    await app.screenshot("shell-1920");
    expect(app.errors).toEqual([]);
  });
});
