// "Watch one replication" in real Chromium: load a replication, play a few days, and see stock change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) describe(`Watch one replication at ${viewport.width}×${viewport.height}`, () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ viewport }); });
  afterAll(async () => { await app?.close(); });

  it("plays a few days and the stock numbers change", async () => {
    const page = app.page;
    await page.getByRole("tab", { name: "Watch" }).click();
    await page.getByRole("button", { name: "Load replication" }).click();
    await page.locator("td.on-hand").first().waitFor({ timeout: 60_000 });
    const stock = () => page.locator("td.on-hand").allInnerTexts();
    const day0 = await stock();
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(async () => (await stock()).join(), { timeout: 10_000 }).not.toBe(day0.join());
    await page.locator(".player").press(" ");
    const text = await page.locator(".day").innerText();
    expect(Number(/Day (\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
    await page.locator(".player").press("ArrowRight");
    await expect.poll(() => page.locator(".day").innerText()).toBe(text.replace(/\d+/, (d) => String(Number(d) + 1)));
    await app.screenshot(`watch-${viewport.width}`);
    await page.locator("ech-watch-view ech-fan-chart").scrollIntoViewIfNeeded();
    await app.screenshot(`watch-fill-rate-${viewport.width}`);
  });

  // Issue 14, item 5: in a classroom, labels shrank to about 9 px while playing, stock read
  // "2.219", stocked-out nodes had no colour, labels were cut at the right edge, and the daily
  // fill rate lay flat against a 0–100% axis.
  it("reads well in a classroom: 12 px labels while playing, whole units, stocked-out nodes coloured, nothing cut, a zoomed fill-rate axis", async () => {
    const page = app.page;
    const diagram = page.locator("ech-watch-view ech-network-diagram");
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Pause" }).count()).toBe(1);
    const smallest = await diagram.locator("text").evaluateAll((els) => Math.min(...els.map((t) =>
      parseFloat(getComputedStyle(t).fontSize) * (t as SVGTextElement).getScreenCTM()!.a)));
    expect(smallest, "smallest label on screen while playing, px").toBeGreaterThanOrEqual(11);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.locator("#scrub").fill("13");
    await expect.poll(() => page.locator(".day").innerText()).toMatch(/^Day 13 /);
    await app.screenshot(`watch-classroom-${viewport.width}`);
    const values = await diagram.locator("text.values").allTextContents();
    expect(values.length).toBe(27);
    for (const v of values) expect(v).toMatch(/^on hand -?[\d,]+( · owed [\d,]+)?$/);
    // Every stocking node with nothing on hand is coloured, in the diagram and the table, and no other.
    const outInTable = await page.locator("ech-watch-view tr.stocked-out").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-node")));
    const zeroInTable = await page.locator("ech-watch-view tbody tr").evaluateAll((rows) => rows
      .filter((r) => r.querySelector("td.on-hand")!.textContent === "0" && !/supplier/i.test(r.querySelector("th")!.textContent!))
      .map((r) => r.getAttribute("data-node")));
    expect(zeroInTable.length, "stocked-out nodes on day 13").toBeGreaterThan(0);
    expect(outInTable).toEqual(zeroInTable);
    expect(await diagram.locator("g.node.stocked-out").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-id")))).toEqual(zeroInTable);
    const fill = await diagram.locator("g.node.stocked-out circle.mark").first().evaluate((c) => getComputedStyle(c).fill);
    const storeFill = await diagram.locator("g.node.store:not(.stocked-out) circle.mark").first().evaluate((c) => getComputedStyle(c).fill);
    expect(fill).not.toBe(storeFill);
    // No text runs past the drawing's right edge or out of the visible area.
    const overflow = await diagram.locator(".canvas").evaluate((canvas) => {
      const svg = canvas.querySelector("svg[role=group]")!;
      const right = Math.min(svg.getBoundingClientRect().right, canvas.getBoundingClientRect().left + canvas.clientWidth);
      return [...svg.querySelectorAll("text")].filter((t) => t.getBoundingClientRect().right > right + 0.5).map((t) => t.textContent);
    });
    expect(overflow, "text cut at the right edge").toEqual([]);
    // The fill-rate axis starts near the data, not at 0%.
    const ticks = await page.locator("ech-watch-view ech-fan-chart g.axis-left text:not(.axis-label)").allTextContents();
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks).not.toContain("0%");
  });

  it("presents for a classroom: large type, full screen where the browser allows it, and back", async () => {
    const page = app.page;
    const view = page.locator("ech-watch-view");
    await view.getByRole("button", { name: "Present" }).click();
    await expect.poll(() => view.evaluate((v) => v.hasAttribute("presenting"))).toBe(true);
    await page.waitForTimeout(300); // the diagram refits to its new box
    const smallest = await view.locator("ech-network-diagram text").evaluateAll((els) => Math.min(...els.map((t) =>
      parseFloat(getComputedStyle(t).fontSize) * (t as SVGTextElement).getScreenCTM()!.a)));
    expect(smallest, "smallest diagram text while presenting, px").toBeGreaterThanOrEqual(16);
    expect(await view.locator(".day").evaluate((d) => parseFloat(getComputedStyle(d).fontSize))).toBeGreaterThanOrEqual(20);
    await app.screenshot(`watch-present-${viewport.width}`);
    await view.getByRole("button", { name: "Leave presentation" }).click();
    await expect.poll(() => view.evaluate((v) => v.hasAttribute("presenting"))).toBe(false);
  });

  it("has no serious or critical axe-core violations", async () => {
    expect(await seriousViolations(app.page)).toEqual([]);
  });
});
