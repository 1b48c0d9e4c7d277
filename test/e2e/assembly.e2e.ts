// Bills of materials in the app (issue 12), in real Chromium: a truck plant that buys its trucks
// from an importer gets a variant that assembles them — the planner adds a recipe on the plant's
// form (trucks from an engine and 4 wheels, 2 days), reads the validator's message beside the
// field it names, removes the importer's lane, checks the dual-sourced wheel lane's sourcing and
// products, runs, reads the component KPIs per node and per product in the results, and compares
// it with the retail network, which has no assembly KPIs to pair.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seriousViolations } from "./axe.ts";
import { overlaps } from "./diagram-overlaps.ts";
import { openApp, type App } from "./harness.ts";

const lt = (value: number) => ({ type: "constant", value });
const bs = (level: number) => ({ type: "base-stock", level });
/** Engines are made from blocks and pistons one stage up; the truck plant still buys trucks. */
const truckPlant = {
  format: "echelon-scenario@1", name: "Truck plant", horizon: 200, warmup: 40, replications: 20, seed: 12, unmetDemand: "backorder", allocation: "fifo",
  products: [{ id: "truck", name: "Truck", unitCost: 100 }, { id: "engine", name: "Engine", unitCost: 40 }, { id: "wheel", name: "Wheel", unitCost: 5 },
    { id: "block", name: "Engine block", unitCost: 15 }, { id: "piston", name: "Piston", unitCost: 2 }],
  nodes: [
    { id: "foundry", name: "Block foundry", kind: "supplier" },
    { id: "pistons", name: "Piston maker", kind: "supplier" },
    { id: "wheels-a", name: "Wheel supplier A", kind: "supplier" },
    { id: "wheels-b", name: "Wheel supplier B", kind: "supplier" },
    { id: "importer", name: "Truck importer", kind: "supplier" },
    { id: "engine-plant", name: "Engine plant", kind: "plant", holdingCost: 0.05, policy: { engine: bs(40), block: bs(40), piston: bs(160) },
      bom: [{ product: "engine", components: { block: 1, piston: 4 }, assemblyTime: 1 }] },
    { id: "truck-plant", name: "Truck plant", kind: "plant", holdingCost: 0.05, policy: { truck: bs(30), engine: bs(30), wheel: bs(120) } },
    { id: "dc", name: "Dealer DC", kind: "dc", holdingCost: 0.1, policy: { truck: bs(40) } },
    { id: "north", name: "North dealer", kind: "store", holdingCost: 0.2, policy: { truck: bs(12) } },
    { id: "south", name: "South dealer", kind: "store", holdingCost: 0.2, policy: { truck: bs(12) } },
  ],
  lanes: [
    { from: "foundry", to: "engine-plant", leadTime: lt(3), products: ["block"] },
    { from: "pistons", to: "engine-plant", leadTime: lt(2), products: ["piston"] },
    { from: "engine-plant", to: "truck-plant", leadTime: lt(1), products: ["engine"] },
    { from: "wheels-a", to: "truck-plant", leadTime: lt(4), products: ["wheel"], sourcing: { role: "primary" } },
    { from: "wheels-b", to: "truck-plant", leadTime: lt(2), products: ["wheel"], sourcing: { role: "backup" } },
    { from: "importer", to: "truck-plant", leadTime: lt(5), products: ["truck"] },
    { from: "truck-plant", to: "dc", leadTime: lt(2), products: ["truck"] },
    { from: "dc", to: "north", leadTime: lt(1), products: ["truck"] },
    { from: "dc", to: "south", leadTime: lt(1), products: ["truck"] },
  ],
  demand: [{ node: "north", product: "truck", dist: { type: "poisson", mean: 3 } }, { node: "south", product: "truck", dist: { type: "poisson", mean: 3 } }],
};
const PLANT = 6; // nodes[6], the truck plant

/** The mean of a table cell "1,234.5 ± 6.7" (or "1,234.5" for one replication). */
const meanOf = (cell: string) => Number(cell.split("±")[0].replace(/,/g, "").trim());

async function screenshots(app: App, name: string) {
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.screenshot(`${name}-1440`);
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await app.screenshot(`${name}-1280`);
  await app.page.setViewportSize({ width: 1440, height: 900 });
}


const field = (page: Page, path: string) => page.locator(`ech-scenario-editor .field[data-path="${path}"]`);

describe("bills of materials in the workbench", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("adds a recipe on the plant's form, with the validator's messages beside the fields, and draws the assembly", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator("#file-input").setInputFiles({ name: "truck-plant.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(truckPlant)) });
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toBe("Truck plant");
    await page.getByRole("tab", { name: "Compare" }).click();
    await page.locator("ech-compare-view #cmp-A").selectOption({ label: "Truck plant" });
    await page.getByRole("button", { name: "Make a variant of A" }).click();
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toBe("Truck plant (variant)");
    await page.locator("#panel-network ech-network-diagram g.node[data-id='truck-plant']").click();
    const bom = page.locator("ech-scenario-editor fieldset.bom");
    await expect.poll(() => bom.innerText()).toContain("This node makes nothing");

    await bom.getByRole("button", { name: "Add recipe" }).click();
    // The importer still brings trucks: the validator names the recipe's product field.
    const product = field(page, `nodes[${PLANT}].bom[0].product`);
    await expect.poll(() => product.locator("select").inputValue()).toBe("truck");
    await expect.poll(() => product.locator(".issue").innerText()).toContain('"truck" is made here and also brought by the lane from "importer"');
    expect(await product.locator("select").getAttribute("aria-invalid")).toBe("true");

    await bom.getByRole("button", { name: "Add component" }).click();
    const wheels = field(page, `nodes[${PLANT}].bom[0].components.wheel`);
    await wheels.locator("input").fill("0");
    await expect.poll(() => wheels.locator(".issue").innerText()).toContain("must be a number > 0, got 0");
    await wheels.locator("input").fill("4");
    await expect.poll(() => wheels.locator(".issue").count()).toBe(0);
    await field(page, `nodes[${PLANT}].bom[0].assemblyTime`).locator("input").fill("2");
    await bom.scrollIntoViewIfNeeded();
    await screenshots(app, "assembly-bom-editor");
    expect(await seriousViolations(page)).toEqual([]);

    // The importer's lane goes: the plant makes its trucks now.
    await page.locator("ech-scenario-editor .lanes-list button", { hasText: "Truck importer" }).click();
    await page.locator("ech-scenario-editor").getByRole("button", { name: "Remove lane" }).click();
    await expect.poll(() => page.locator("ech-scenario-editor .ok").innerText()).toBe("No problems found.");

    const plant = page.locator("#panel-network ech-network-diagram g.node[data-id='truck-plant']");
    expect(await plant.getAttribute("aria-label")).toBe("Truck plant (plant), makes truck from engine×1, wheel×4 in 2 days");
    expect(await plant.locator(".bom-badge").count()).toBe(1);
    const recipe = page.locator("#panel-network ech-network-diagram text.recipe[data-for='truck-plant']");
    expect((await recipe.locator("tspan").allTextContents()).join(" ")).toBe("makes truck from engine×1, wheel×4 in 2 days");
    await expect.poll(() => overlaps(page)).toEqual([]);
    await screenshots(app, "assembly-diagram");
  });

  it("draws the three-level assembly example layered, each plant's recipe under it, no text over another", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Network" }).click();
    await page.locator("ech-library .examples button", { hasText: "Three-level assembly" }).click();
    await expect.poll(() => page.locator("#panel-network ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(13);
    expect(await page.locator("#panel-network ech-network-diagram .bom-badge").count()).toBe(3 + 1); // three plants and the legend
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(viewport);
      await expect.poll(() => overlaps(page)).toEqual([]);
      await app.screenshot(`assembly-3-level-diagram-${viewport.width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator("ech-library ul[aria-labelledby=lib-title] button.item", { hasText: "Truck plant (variant)" }).click();
    await expect.poll(() => page.locator("header .scenario-name").innerText()).toBe("Truck plant (variant)");
  });

  it("shows the dual-sourced component lane's sourcing rule and the products it carries", async () => {
    const { page } = app;
    await page.locator("#panel-network ech-network-diagram g.lane", { has: page.locator("title", { hasText: "Lane Wheel supplier B → Truck plant" }) }).locator("path.hit").dispatchEvent("click");
    await expect.poll(() => field(page, "lanes[4].sourcing").locator("select").inputValue()).toBe("backup");
    const carried = page.locator('ech-scenario-editor fieldset.lane-products[data-path="lanes[4].products"] input[type=checkbox]');
    expect(await carried.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked))).toEqual([false, false, true, false, false]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("runs the assembly and reads the component KPIs per node and per product", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Run & results" }).click();
    const run = page.locator("ech-run-view");
    await run.getByLabel("Replications", { exact: true }).fill("8");
    await run.getByRole("button", { name: "Run", exact: true }).click();
    const panel = page.locator("ech-results-view section[data-panel='asm-h']");
    await panel.waitFor({ timeout: 90_000 });
    const nodes = panel.locator("ech-node-table#assembly-nodes"), products = panel.locator("ech-node-table#assembly-products");
    await nodes.locator("tbody tr").first().waitFor();
    expect(await nodes.locator("tbody th").allInnerTexts()).toEqual(["Engine plant", "Truck plant"]);
    expect(await products.locator("tbody th").allInnerTexts()).toEqual(["Truck", "Engine", "Wheel", "Engine block", "Piston"]);
    const headers = await products.locator("thead button").allInnerTexts();
    const column = (label: string) => headers.indexOf(label); // the first header is the row's name
    const cell = async (id: string, label: string) => meanOf(await products.locator(`tr[data-product="${id}"] td`).nth(column(label) - 1).innerText());
    const trucks = await cell("truck", "Units assembled");
    expect(trucks).toBeGreaterThan(0);
    // Every truck started takes one engine and four wheels: the totals' means are exact multiples, up to the table's rounding.
    expect(Math.abs(await cell("engine", "Units consumed") - trucks)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(await cell("wheel", "Units consumed") - 4 * trucks)).toBeLessThanOrEqual(0.25);
    expect(await cell("wheel", "Component stock")).toBeGreaterThan(0);
    expect(await panel.locator(".card[data-kpi='starvedDays']").count()).toBe(1);
    await panel.scrollIntoViewIfNeeded();
    await screenshots(app, "assembly-results");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("compares the assembly with a network without a bill of materials: the assembly KPIs, on one side only, are left out and said to be", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Compare" }).click();
    await page.locator("ech-compare-view #cmp-A").selectOption({ label: "Three-echelon retail" });
    await page.locator("ech-compare-view #cmp-B").selectOption({ label: "Truck plant (variant)" });
    await page.locator("ech-compare-view").getByLabel("Replications", { exact: true }).fill("8");
    await page.getByRole("button", { name: "Compare A and B" }).click();
    const network = page.locator('ech-compare-view table[data-scope="network"]');
    await network.locator('tr[data-kpi="fillRate"]').waitFor({ timeout: 90_000 });
    expect(await network.locator('tr[data-kpi="unitsAssembled"], tr[data-kpi="starvedDays"]').count()).toBe(0);
    expect(await page.locator("ech-compare-view .assembly-note").innerText()).toMatch(/^The assembly KPIs .* are only in B \(Truck plant \(variant\)\): A \(Three-echelon retail\) makes nothing from components/);
    await page.locator("ech-compare-view .assembly-note").scrollIntoViewIfNeeded();
    await screenshots(app, "assembly-compare");
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
