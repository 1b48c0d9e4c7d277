// Issue 14, item 11: a DC added to a new scenario was drawn over the supplier's label, and the
// risk-pooling example's labels overlapped. No node label may overlap another label or another
// node's mark, at the two window sizes a planner and a trainer use.
import { afterAll, describe, expect, it } from "vitest";
import { overlaps } from "./diagram-overlaps.ts";
import { openApp, type App } from "./harness.ts";


for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  describe(`the network diagram at ${viewport.width}×${viewport.height}`, () => {
    let app: App;
    afterAll(async () => { await app?.close(); });

    it("draws the risk-pooling example with no label over another label or node", async () => {
      app = await openApp({ viewport });
      const { page } = app;
      await page.locator("ech-library .examples button").filter({ hasText: "Risk pooling" }).click();
      await expect.poll(() => page.locator("#panel-network ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(10);
      await app.screenshot(`diagram-risk-pooling-${viewport.width}`);
      expect(await overlaps(page)).toEqual([]);
    });

    it("draws a DC added to a new scenario clear of the supplier's label", async () => {
      const { page } = app;
      await page.getByRole("button", { name: "New" }).click();
      await expect.poll(() => page.locator("#panel-network ech-network-diagram g.node").count()).toBe(1);
      await page.locator("ech-scenario-editor select[aria-label='Kind of node to add']").selectOption("dc");
      await expect.poll(() => page.locator("#panel-network ech-network-diagram g.node").count()).toBe(2);
      await page.locator("ech-scenario-editor select[aria-label='Kind of node to add']").selectOption("store");
      await expect.poll(() => page.locator("#panel-network ech-network-diagram g.node").count()).toBe(3);
      await app.screenshot(`diagram-new-dc-${viewport.width}`);
      expect(await overlaps(page)).toEqual([]);
    });
  });
}
