// The library keeps the user's scenarios in IndexedDB: a reload restores the open scenario and
// its selection; duplicate, rename and delete (with undo) work from the sidebar.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type App } from "./harness.ts";

describe("the scenario library", () => {
  let app: App;
  const profile = mkdtempSync(join(tmpdir(), "echelon-library-"));
  beforeAll(async () => { app = await openApp({ userDataDir: profile, viewport: { width: 1280, height: 800 } }); });
  afterAll(async () => { await app?.close(); rmSync(profile, { recursive: true, force: true }); });

  const names = () => app.page.locator("ech-library ul[aria-labelledby='lib-title'] .name").allInnerTexts();
  const saved = () => expect.poll(() => app.page.locator("header .save-state").innerText()).toBe("Saved");

  it("keeps an edited scenario and the selection across a reload", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(27);
    await page.locator("ech-scenario-editor .field[data-path='name'] input").fill("My retail");
    await page.locator("ech-network-diagram g.node[data-id='dc-west']").click();
    await page.locator("ech-scenario-editor .field[data-path='nodes[21].policy.level'] input").fill("-1");
    await saved();
    await page.reload();
    await expect.poll(() => page.locator("header .scenario-name").innerText(), { timeout: 15_000 }).toBe("My retail");
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText()).toBe("Node DC West");
    expect(await page.locator("ech-scenario-editor .field[data-path='nodes[21].policy.level'] input").inputValue()).toBe("-1");
    await expect.poll(() => page.locator("ech-scenario-editor .all-issues li").count()).toBe(1);
    await app.screenshot("library-after-reload");
  });

  it("keeps the scenarios when the browser is closed and opened again", async () => {
    await app.close();
    app = await openApp({ userDataDir: profile, viewport: { width: 1280, height: 800 } });
    await expect.poll(() => app.page.locator("header .scenario-name").innerText(), { timeout: 15_000 }).toBe("My retail");
  });

  it("duplicates, renames, deletes with undo, and adds an example", async () => {
    const { page } = app;
    await page.getByRole("button", { name: "Duplicate My retail" }).click();
    await expect.poll(names).toEqual(["My retail", "My retail (copy)"]);
    await page.getByRole("button", { name: "Rename My retail (copy)" }).click();
    const input = page.locator("ech-library input.rename");
    await input.fill("Second");
    await input.press("Enter");
    await expect.poll(names).toEqual(["My retail", "Second"]);
    expect(await page.locator("header .scenario-name").innerText()).toBe("Second");
    await page.getByRole("button", { name: "Delete Second" }).click();
    await expect.poll(names).toEqual(["My retail"]);
    await page.locator(".toast").getByRole("button", { name: "Undo" }).click();
    await expect.poll(names).toEqual(["My retail", "Second"]);
    await page.locator("ech-library .examples button").first().click();
    await expect.poll(names).toEqual(["My retail", "Second", "Three-echelon retail"]);
    await page.getByRole("button", { name: "New" }).click();
    await expect.poll(names).toEqual(["My retail", "Second", "Three-echelon retail", "New scenario"]);
    await saved();
    await page.reload();
    await expect.poll(names, { timeout: 15_000 }).toEqual(["My retail", "Second", "Three-echelon retail", "New scenario"]);
    expect(await page.locator("header .scenario-name").innerText()).toBe("New scenario");
    expect(app.errors).toEqual([]);
  });

  // Issue 14, item 1: "Three-echelon r…" four times over hid which entry was the original.
  it("shows every scenario's name in full, so an original and its variants can be told apart", async () => {
    const { page } = app;
    const examples = page.locator("ech-library .examples button");
    await examples.filter({ hasText: "two-week supplier delay" }).click();
    await page.getByRole("button", { name: "Duplicate Three-echelon retail", exact: true }).click();
    const entries = page.locator("ech-library ul[aria-labelledby='lib-title'] .name");
    await expect.poll(names).toContain("Three-echelon retail: two-week supplier delay");
    await expect.poll(names).toContain("Three-echelon retail (copy)");
    await app.screenshot("library-full-names");
    const clipped = await entries.evaluateAll((els) => els
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 || getComputedStyle(el).textOverflow === "ellipsis")
      .map((el) => el.textContent));
    expect(clipped, "library names cut short").toEqual([]);
    const exampleNames = await examples.locator(".name").evaluateAll((els) => els
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === "ellipsis").map((el) => el.textContent));
    expect(exampleNames, "example names cut short").toEqual([]);
  });
});
