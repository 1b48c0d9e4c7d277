// The app makes no request beyond its own origin, ships a Content-Security-Policy, and renders
// imported text as text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

describe("privacy and safety", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("the built page carries the Content-Security-Policy", async () => {
    const csp = await app.page.locator("meta[http-equiv='Content-Security-Policy']").getAttribute("content");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  it("renders a hostile node name as text, running nothing", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
    await page.locator("ech-network-diagram g.node[data-id='plant']").click();
    const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await page.locator("ech-scenario-editor .field[data-path='nodes[1].name'] input").fill(hostile);
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText()).toBe(`Node ${hostile}`);
    expect(await page.locator("ech-network-diagram g.node[data-id='plant'] title").textContent()).toContain(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("ech-app img").count()).toBe(0);
  });

  it("visits every view without a request beyond its own origin", async () => {
    const { page } = app;
    for (const tab of ["run", "compare", "watch", "network"]) {
      await page.locator(`#tab-${tab}`).click();
      await page.waitForTimeout(300);
    }
    expect(app.foreignRequests()).toEqual([]);
    const origin = new URL(app.baseURL).origin;
    expect(app.requests.every((r) => r.url().startsWith(origin) || r.url().startsWith("data:") || r.url().startsWith("blob:"))).toBe(true);
  });
});
