// A simulation worker whose heap fills makes Chromium end the whole tab: nothing reaches the page
// then. On the tab's next load the workbench says a run was in progress and that it most likely
// ran out of memory (src/ui/app/job-marker.ts). Playwright cannot reload a crashed page, so the
// reload and the checks after it go through the DevTools protocol.
import { chromium, type BrowserContext } from "playwright-core";
import { inject } from "vitest";
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS, SCREENSHOTS, chromiumPath, openApp } from "./harness.ts";

describe("a worker that cannot allocate an array", () => {
  it("fails the run saying the worker ran out of memory, with advice, not as a bug", async () => {
    const app = await openApp({ viewport: { width: 1280, height: 800 } });
    try {
      const { page } = app;
      await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
      await page.getByRole("tab", { name: "Run & results" }).click();
      await page.locator("ech-run-view").getByLabel("Replications", { exact: true }).fill("5000");
      const started = page.waitForEvent("worker", { timeout: 30_000 });
      await page.getByRole("button", { name: "Run", exact: true }).click();
      const worker = await started;
      // An uncaught RangeError in the worker between two chunks reaches the page as the worker's error event.
      await worker.evaluate(() => { setTimeout(() => new ArrayBuffer(2 ** 52)); });
      const alert = page.locator("ech-run-view [role=alert]");
      await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(1);
      const text = await alert.innerText();
      expect(text).toMatch(/The run failed\. Worker 1 ran out of memory: Uncaught RangeError: (Array buffer allocation failed|Invalid array buffer length)\. The run stopped after [\d,]+ of 5,000 replications/);
      expect(text).toContain("Run fewer replications, or leave out the per-day series.");
      expect(text).not.toMatch(/bug/);
      await app.screenshot("worker-out-of-memory");
    } finally {
      await app.close();
    }
  });
});

describe("a tab ended by a worker out of memory", () => {
  const profile = mkdtempSync(join(tmpdir(), "echelon-crash-"));
  let context: BrowserContext | undefined;
  afterAll(async () => { await context?.close(); rmSync(profile, { recursive: true, force: true }); });

  it("says on the next load that a run was in progress and most likely ran out of memory", async () => {
    // A small heap per isolate, so that filling the worker's takes a moment and little memory.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, "--js-flags=--max-old-space-size=128"], viewport: { width: 1280, height: 800 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(inject("baseURL"));
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
    await page.getByRole("tab", { name: "Run & results" }).click();
    await page.locator("ech-run-view").getByLabel("Replications", { exact: true }).fill("5000");
    const started = page.waitForEvent("worker", { timeout: 30_000 });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const worker = await started;
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem("echelon:job-running"))).toBe("run");
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent("crash", { timeout: 60_000 });
    // Fill the worker's heap between two chunks, as a run too large for the machine would.
    void worker.evaluate(() => { setTimeout(() => { const hoard: unknown[] = []; for (;;) hoard.push(new Array(100_000).fill({})); }); }).catch(() => undefined);
    await crashed;

    await cdp.send("Page.reload");
    const title = async () => (await cdp.send("Runtime.evaluate", { expression: "document.querySelector('ech-app')?.dialog?.title ?? ''" })).result.value as string;
    await expect.poll(title, { timeout: 20_000 }).toBe("The page stopped during a simulation");
    const intro = (await cdp.send("Runtime.evaluate", { expression: "document.querySelector('ech-app').dialog.intro" })).result.value as string;
    expect(intro).toContain("a run was in progress in Run & results");
    expect(intro).toContain("ran out of memory");
    const shot = await cdp.send("Page.captureScreenshot", { format: "png" });
    writeFileSync(join(SCREENSHOTS, "worker-crash-notice.png"), Buffer.from(shot.data, "base64"));
  });
});
