// An edit made just before a reload survives it: the shell writes the pending workspace
// synchronously when the page is hidden or unloaded (src/ui/storage/pending.ts), because the
// IndexedDB write it starts then cannot finish before the page goes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

describe("saving right before a reload", () => {
  let app: App;
  const profile = mkdtempSync(join(tmpdir(), "echelon-reload-"));
  beforeAll(async () => { app = await openApp({ userDataDir: profile, viewport: { width: 1280, height: 800 } }); });
  afterAll(async () => { await app?.close(); rmSync(profile, { recursive: true, force: true }); });

  const name = () => app.page.locator("header .scenario-name").innerText();
  const nameField = () => app.page.locator("ech-scenario-editor .field[data-path='name'] input");

  for (const delay of [0, 50]) {
    it(`keeps an edit made ${delay} ms before the reload`, async () => {
      const { page } = app;
      await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
      await nameField().fill(`Edited ${delay} ms before`);
      if (delay) await page.waitForTimeout(delay);
      await page.reload();
      await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
      await expect.poll(name).toBe(`Edited ${delay} ms before`);
      expect(await nameField().inputValue()).toBe(`Edited ${delay} ms before`);
    });
  }

  it("keeps a node edit and its selection, and the next edit after that reload too", async () => {
    const { page } = app;
    await page.locator("ech-network-diagram g.node[data-id='dc-west']").click();
    const level = page.locator("ech-scenario-editor .field[data-path='nodes[21].policy.level'] input");
    await level.fill("321");
    await page.reload();
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText(), { timeout: 15_000 }).toBe("Node DC West");
    expect(await level.inputValue()).toBe("321");
    // The restored edit is in IndexedDB now: a later, normal save and reload keep it.
    await level.fill("322");
    await expect.poll(() => page.locator("header .save-state").innerText()).toBe("Saved");
    // Once IndexedDB has everything, the synchronous copy is gone.
    expect(await page.evaluate(() => localStorage.getItem("echelon:pending-workspace"))).toBeNull();
    await page.reload();
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText(), { timeout: 15_000 }).toBe("Node DC West");
    expect(await level.inputValue()).toBe("322");
    await app.screenshot("reload-save");
    expect(app.errors).toEqual([]);
  });
});
