// Optimise safety stock on assembly networks in real Chromium: the three-level assembly example
// previews GSM with one row per item — made products and components — each promise and base
// stock as optimizeScenario computes them; a network whose items are not a spanning tree gets
// GSM's refusal, naming the item, and single-echelon still plans it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scenario } from "../../src/sim/model/index.ts";
import { optimizeScenario, type NodeOptimum } from "../../src/sim/optimize/index.ts";
import { formatUnits } from "../../src/ui/optimize/optimize-rows.ts";
import { truckWithSpareHub } from "../sim/optimize/bom-fixtures.ts";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

const assembly = JSON.parse(readFileSync(join(import.meta.dirname, "../../scenarios/assembly-3-level.json"), "utf8")) as Scenario;

describe("Optimise safety stock on assembly networks", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  const dialog = () => app.page.getByRole("dialog", { name: "Optimise safety stock" });
  const rowOf = (node: string, product: string) =>
    dialog().locator(`tbody tr[data-id="${node}"]`).filter({ has: app.page.locator("td.text", { hasText: new RegExp(`^${product}$`) }) });

  async function screenshots(name: string) {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await app.page.setViewportSize(viewport);
      await app.screenshot(`${name}-${viewport.width}`);
    }
    await app.page.setViewportSize({ width: 1440, height: 900 });
  }

  it("previews GSM on the three-level assembly: a row per item, each promise and base stock as optimizeScenario plans them", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator("ech-library .examples button", { hasText: "Three-level assembly" }).click();
    await expect.poll(() => page.locator("#panel-network ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(13);
    await page.getByRole("button", { name: "Optimise…" }).click();
    await dialog().waitFor();
    await dialog().getByLabel("Service level").fill("0.95");
    await dialog().getByRole("radio", { name: /^GSM/ }).check();
    // The dialog counts lead-time variance by default.
    const plan = optimizeScenario(assembly, { method: "gsm", serviceLevel: 0.95, leadTimeVariance: true });
    const items = Object.entries(plan.nodes).flatMap(([node, byProduct]) => Object.entries(byProduct as Record<string, NodeOptimum>).map(([product, o]) => ({ node, product, o })));
    expect(items.length).toBe(15);
    await expect.poll(() => dialog().locator("tbody tr").count()).toBe(items.length);
    for (const { node, product, o } of items) {
      const cells = rowOf(node, product).locator("td");
      expect(await cells.nth(1).innerText(), `${node} ${product} promise`).toBe(String(o.serviceTime));
      expect(await cells.nth(5).innerText(), `${node} ${product} base stock`).toBe(formatUnits(o.baseStock));
    }
    // Final assembly quotes the slowest of its subassemblies' promises plus its assembly time.
    expect(await rowOf("final-assembly", "truck").locator("td").nth(1).innerText()).toBe(String((plan.nodes["final-assembly"] as Record<string, NodeOptimum>).truck.serviceTime));
    expect(await dialog().locator(".model-notes").innerText()).toContain("engine-plant (ecu) has several sources");
    await screenshots("optimize-assembly-gsm");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it("shows GSM's refusal, naming the item, where the items are not a spanning tree, and plans it single-echelon", async () => {
    const { page } = app;
    await page.locator("#file-input").setInputFiles({ name: "spare-hub.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(truckWithSpareHub)) });
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toBe("truck with a spare hub");
    await page.getByRole("button", { name: "Optimise…" }).click();
    await dialog().waitFor();
    await dialog().getByLabel("Service level").fill("0.95");
    await dialog().getByRole("radio", { name: /^GSM/ }).check();
    const alert = dialog().getByRole("alert");
    await expect.poll(() => alert.innerText()).toContain("This scenario cannot be optimised: gsm: item (plant, wheel) is joined to (plant, hub) by its recipe");
    expect(await dialog().getByRole("button", { name: "Create variant" }).isDisabled()).toBe(true);
    await screenshots("optimize-assembly-not-a-tree");
    await dialog().getByRole("radio", { name: /^Single-echelon/i }).check();
    await expect.poll(() => dialog().locator("tbody tr").count()).toBe(6);
    expect(await rowOf("plant", "hub").count()).toBe(1);
  });
});
