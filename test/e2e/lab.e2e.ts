// The risk-pooling lab for trainers: reachable from the workbench's header and at #lab, one
// screen at 1280×720 with no scrolling, theory at once and the simulation shortly after a slider
// moves, and no serious or critical accessibility violations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

/** Generous: the machine is shared; the lab aims at well under a second (docs/workbench.md). */
const SIMULATION_TIMEOUT_MS = 15_000;

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const simulated = async (page: Page) => !(await text(page, "#lab-ss-sim")).includes("simulating");

/** True when nothing scrolls: the page itself, and nothing of the lab reaches past the window. */
function fitsWindow(page: Page) {
  return page.evaluate(() => {
    const lab = document.querySelector("ech-risk-pooling-lab")!;
    const bottoms = [...lab.shadowRoot!.querySelectorAll("*")].map((el) => el.getBoundingClientRect().bottom);
    return { page: document.scrollingElement!.scrollHeight, lab: Math.max(...bottoms), height: innerHeight };
  });
}

describe("the risk-pooling lab", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ viewport: { width: 1280, height: 720 } }); });
  afterAll(async () => { await app?.close(); });

  it("opens from the workbench's header and shows theory at once, then the simulation", async () => {
    const { page } = app;
    await page.getByRole("link", { name: "Risk-pooling lab" }).click();
    await expect.poll(() => page.locator("ech-risk-pooling-lab h1").count(), { timeout: 10_000 }).toBe(1);
    expect(page.url().endsWith("#lab")).toBe(true);
    expect(await page.title()).toBe("Risk-pooling lab — Echelon");
    await expect.poll(() => page.evaluate(() => document.querySelector("ech-risk-pooling-lab")?.shadowRoot?.activeElement?.id)).toBe("lab-stores");
    expect(await text(page, "#lab-ss-theory")).toMatch(/\d/);
    await expect.poll(() => simulated(page), { timeout: SIMULATION_TIMEOUT_MS }).toBe(true);
    expect(await text(page, "#lab-ss-sim")).toMatch(/\d+ \(\d+–\d+\)/);
  });

  it("updates the numbers when the sliders move: 16 stores, then ρ = 0.8", async () => {
    const { page } = app;
    for (const [slider, value] of [["#lab-stores", "16"], ["#lab-rho", "0.8"]] as const) {
      const theory = await text(page, "#lab-ss-theory"), sim = await text(page, "#lab-ss-sim"), saving = await text(page, "#lab-saving");
      const started = Date.now();
      await page.locator(slider).fill(value);
      await expect.poll(() => text(page, "#lab-ss-theory")).not.toBe(theory);
      await expect.poll(async () => (await simulated(page)) && (await text(page, "#lab-ss-sim")) !== sim, { timeout: SIMULATION_TIMEOUT_MS }).toBe(true);
      console.log(`lab: ${slider} = ${value}: simulated figures changed after ${Date.now() - started} ms (a loaded machine; not asserted)`);
      expect(await text(page, "#lab-saving")).not.toBe(saving);
    }
    expect(await text(page, "#lab-stores-value")).toBe("16");
    // Theory at 16 stores and ρ = 0.8: saving 1 − √((1 + 15·0.8)/16) = 10%.
    expect(await text(page, "#lab-saving")).toMatch(/^Pooling saves 10% of the safety stock in theory/);
    await expect.poll(() => page.locator("ech-risk-pooling-lab g.simulated").count(), { timeout: SIMULATION_TIMEOUT_MS * 2 }).toBe(7);
  });

  it("fits 1280×720 without scrolling, has no serious accessibility violations, and looks right", async () => {
    const { page } = app;
    const fit = await fitsWindow(page);
    expect(fit.page).toBeLessThanOrEqual(fit.height);
    expect(fit.lab).toBeLessThanOrEqual(fit.height);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot("lab-1280x720");
  });

  it("goes back to the workbench, which kept its place", async () => {
    const { page } = app;
    await page.locator("ech-risk-pooling-lab a.back").click();
    await expect.poll(() => page.locator("ech-risk-pooling-lab").count()).toBe(0);
    expect(await page.locator("ech-app").evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    expect(await page.title()).not.toContain("Risk-pooling lab");
    expect(await page.locator("ech-network-diagram g.node").count()).toBeGreaterThan(0);
    expect(app.foreignRequests()).toEqual([]);
  });
});

describe("the risk-pooling lab at its own address", () => {
  let app: App;
  beforeAll(async () => { app = await openApp({ path: "/#lab", viewport: { width: 1440, height: 900 } }); });
  afterAll(async () => { await app?.close(); });

  it("opens directly at #lab, fits 1440×900 and simulates", async () => {
    const { page } = app;
    await expect.poll(() => simulated(page), { timeout: SIMULATION_TIMEOUT_MS }).toBe(true);
    await expect.poll(() => page.locator("ech-risk-pooling-lab g.simulated").count(), { timeout: SIMULATION_TIMEOUT_MS * 2 }).toBe(7);
    const fit = await fitsWindow(page);
    expect(fit.page).toBeLessThanOrEqual(fit.height);
    expect(fit.lab).toBeLessThanOrEqual(fit.height);
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.screenshot("lab-1440x900");
  });
});
