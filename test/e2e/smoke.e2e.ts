import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

describe("the app in Chromium", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("opens with the built-in scenario's name in the page", async () => {
    await app.page.waitForLoadState("networkidle");
    await expect.poll(() => app.page.locator("body").innerText(), { timeout: 15_000 }).toContain("Three-echelon retail");
    await app.screenshot("smoke-open");
  });

  it("requests nothing beyond its own origin", () => {
    expect(app.foreignRequests()).toEqual([]);
  });
});
