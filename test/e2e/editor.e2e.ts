// Editing a node: a bad value shows the validator's message next to the field, a good one
// clears it, and undo brings back the previous value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

describe("the scenario editor", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ viewport: { width: 1280, height: 800 } }); });
  afterAll(async () => { await app?.close(); });

  const level = () => app.page.locator("ech-scenario-editor .field[data-path='nodes[9].policy.level'] input");

  it("opens a node's policy when the node is clicked", async () => {
    const { page } = app;
    await page.locator("ech-network-diagram g.node[data-id='dc-east']").click();
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText()).toBe("Node DC East");
    expect(await level().inputValue()).toBe("444");
  });

  it("shows the validator's message next to a bad policy level, then clears it for a good one", async () => {
    const { page } = app;
    await level().fill("-5");
    await expect.poll(() => level().getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await level().getAttribute("aria-describedby"))!;
    expect(await page.locator(`ech-scenario-editor #${describedBy}`).innerText()).toBe("must be a number >= 0, got -5");
    expect(await page.locator("ech-scenario-editor .all-issues li").allInnerTexts()).toEqual(["DC East: policy level: must be a number >= 0, got -5"]);
    expect(await page.locator("ech-network-diagram g.node[data-id='dc-east'] circle.flag").count()).toBe(1);
    await app.screenshot("editor-invalid-level");
    // The form with a problem shown is accessible too.
    expect(await seriousViolations(page)).toEqual([]);
    await level().fill("500");
    await expect.poll(() => level().getAttribute("aria-invalid")).toBe("false");
    expect(await page.locator("ech-scenario-editor .ok").innerText()).toBe("No problems found.");
  });

  it("the issue list link selects the field of an issue on another node", async () => {
    const { page } = app;
    await page.locator("ech-network-diagram g.node[data-id='plant']").click();
    await page.locator("ech-scenario-editor .field[data-path='nodes[1].holdingCost'] input").fill("abc");
    await page.locator("ech-network-diagram g.node[data-id='dc-west']").click();
    await page.locator("ech-scenario-editor .all-issues li button").click();
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText()).toBe("Node Plant");
    await expect.poll(() => page.evaluate(() => {
      const editor = document.querySelector("ech-app")!.shadowRoot!.querySelector("ech-scenario-editor")!;
      return (editor.shadowRoot!.activeElement as HTMLElement | null)?.closest(".field")?.getAttribute("data-path");
    })).toBe("nodes[1].holdingCost");
  });

  it("undo restores the previous values, redo re-applies them", async () => {
    const { page } = app;
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => page.locator("ech-scenario-editor .field[data-path='nodes[1].holdingCost'] input").inputValue()).toBe("0.01");
    await page.getByRole("button", { name: "Redo" }).click();
    await expect.poll(() => page.locator("ech-scenario-editor .field[data-path='nodes[1].holdingCost'] input").inputValue()).toBe("abc");
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.locator("ech-scenario-editor .ok").count()).toBe(1);
  });

  it("adds a store under the selected DC and removes it again", async () => {
    const { page } = app;
    await page.locator("ech-network-diagram g.node[data-id='dc-east']").click();
    await page.locator("ech-scenario-editor select[aria-label='Kind of node to add']").selectOption("store");
    await expect.poll(() => page.locator("ech-network-diagram g.node").count()).toBe(28);
    expect(await page.locator("ech-scenario-editor h2").innerText()).toBe("Node store");
    expect(await page.locator("ech-network-diagram g.lane").count()).toBe(27);
    await page.getByRole("button", { name: "Remove node" }).click();
    await expect.poll(() => page.locator("ech-network-diagram g.node").count()).toBe(27);
    expect(app.errors).toEqual([]);
  });

  // Issue 14, item 7: problems were named by JSON path (nodes[9].policy.level) and lanes by id.
  it("names nodes and lanes by the names a person reads, in problems, lane links and headings", async () => {
    const { page } = app;
    const editor = page.locator("ech-scenario-editor");
    await page.locator("ech-network-diagram g.node[data-id='dc-east']").click();
    await editor.locator(".lanes-list").first().getByRole("button", { name: "Central DC", exact: true }).click();
    await expect.poll(() => editor.locator("h2").innerText()).toBe("Lane Central DC → DC East");
    expect(await editor.getByRole("button", { name: "Open DC East" }).count()).toBe(1);
    expect(await page.locator("ech-network-diagram g.lane.selected title").textContent()).toBe("Lane Central DC → DC East");
    await editor.getByRole("button", { name: "Open DC East" }).click();
    await expect.poll(() => editor.locator("h2").innerText()).toBe("Node DC East");
  });
});
