import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

describe("the app in Chromium", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("opens with the built-in scenario's name in the page", async () => {
    await app.page.waitForLoadState("networkidle");
    const name = app.page.getByText("Three-echelon retail").first();
    await name.waitFor({ state: "visible", timeout: 15_000 });
    expect(await name.isVisible()).toBe(true);
    await app.screenshot("smoke-open");
  });

  it("requests nothing beyond its own origin", () => {
    expect(app.foreignRequests()).toEqual([]);
  });
});
