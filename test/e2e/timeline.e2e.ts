// The disruption timeline in real Chromium, as a planner uses it: open the retail scenario, add a
// DC outage from the timeline's Add event, pick its DC on the network diagram (a lane is refused
// with a reason), drag its window along the time axis and lengthen it with the keyboard, undo and
// redo the drag, then price it on the Impact view and see its window shaded at the dragged days.
// At 1440×900 and 1280×720.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

const HORIZON = 365;
const PRESET_START = 120, PRESET_DAYS = 7;

/**
 * A move of 25–45 days whose pixel length is closest to a whole number of pixels on this track,
 * so a drag by whole pixels lands on exactly that many days whatever the track's width.
 */
function wholePixelMove(pxPerDay: number): { days: number; px: number } {
  let best = { days: 30, px: Math.round(30 * pxPerDay), error: Infinity };
  for (let days = 25; days <= 45; days++) {
    const error = Math.abs(days * pxPerDay - Math.round(days * pxPerDay));
    if (error < best.error) best = { days, px: Math.round(days * pxPerDay), error };
  }
  return best;
}

/** The x of `day` on a chart's bottom axis, from two of its tick marks. */
async function axisX(chart: Locator, day: number): Promise<number> {
  const ticks = await chart.locator("g.axis-bottom > g").evaluateAll((gs) => gs.map((g) => ({
    x: Number(/translate\(([-\d.]+)/.exec(g.getAttribute("transform") ?? "")?.[1]), day: Number(g.textContent!.replace(/,/g, "")),
  })));
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  return a.x + ((day - a.day) * (b.x - a.x)) / (b.day - a.day);
}

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  describe(`the disruption timeline at ${viewport.width}×${viewport.height}`, () => {
    let app: App;
    beforeAll(async () => { app = await openApp({ viewport }); });
    afterAll(async () => { await app?.close(); });
    const size = `${viewport.width}x${viewport.height}`;
    const editor = () => app.page.locator("ech-scenario-editor");
    const timeline = () => editor().locator("ech-disruption-timeline");
    const diagram = () => app.page.locator("ech-network-diagram");
    const field = (name: string) => editor().locator(`.field[data-path='disruptions[0].${name}'] input, .field[data-path='disruptions[0].${name}'] select`);
    let moved = 0;

    it("adds a DC outage from the timeline's Add event", async () => {
      const { page } = app;
      await expect.poll(() => page.locator("header .scenario-name").innerText(), { timeout: 15_000 }).toBe("Three-echelon retail");
      await editor().getByRole("button", { name: "What-ifs" }).click();
      // With no disruptions the Add event menu is open; it closes once one is added.
      expect(await timeline().getByRole("button", { name: "Add event" }).getAttribute("aria-expanded")).toBe("true");
      await app.screenshot(`timeline-add-event-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      await timeline().getByRole("button", { name: "DC outage 1 week" }).click();
      await expect.poll(() => timeline().locator(".lane").count()).toBe(1);
      expect(await timeline().getByRole("button", { name: "Add event" }).getAttribute("aria-expanded")).toBe("false");
      expect(await editor().locator(".disruption .summary").innerText()).toBe(`node-outage · central-dc · days ${PRESET_START}–${PRESET_START + PRESET_DAYS - 1} (weeks 18–19)`);
      const bar = timeline().getByRole("slider", { name: "Window of disruption 1, node-outage central-dc" });
      expect(await bar.getAttribute("aria-valuenow")).toBe(String(PRESET_START));
      expect(await timeline().locator(".lane .warmup").count()).toBe(1);
    });

    it("picks the outage's DC on the diagram; a lane is refused with the reason, and Esc cancels", async () => {
      const { page } = app;
      const pick = editor().getByRole("button", { name: "Pick on diagram (target of disruption 1)" });
      await pick.click();
      const prompt = diagram().locator(".pick-prompt");
      await expect.poll(() => prompt.innerText()).toMatch(/^Disruption 1 \(node-outage\): click the node it closes in the diagram\. Esc cancels\./);
      expect(await pick.getAttribute("aria-pressed")).toBe("true");
      expect(await diagram().locator("g.node.pickable").count()).toBe(27);
      expect(await diagram().locator("g.lane.pickable").count()).toBe(0);
      await page.keyboard.press("Escape");
      await expect.poll(() => prompt.count()).toBe(0);
      expect(await field("node").inputValue()).toBe("central-dc");

      await pick.click();
      await diagram().locator("g.lane").first().dispatchEvent("click");
      await expect.poll(() => prompt.innerText()).toMatch(/^A node-outage acts on a node: click a node, not a lane\./);
      await app.screenshot(`timeline-pick-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      await diagram().locator('g.node[data-id="dc-east"]').click();
      await expect.poll(() => field("node").inputValue()).toBe("dc-east");
      expect(await prompt.count()).toBe(0);
      expect(await pick.getAttribute("aria-pressed")).toBe("false");
      // Picking selects nothing: the what-ifs panel stays open.
      expect(await editor().locator("h2").innerText()).toBe("What-if scenarios");
    });

    it("drags the window along the time axis in whole days; undo and redo take the drag back and forth", async () => {
      const { page } = app;
      const bar = timeline().getByRole("slider", { name: "Window of disruption 1, node-outage dc-east" });
      await bar.scrollIntoViewIfNeeded();
      const track = (await bar.locator("xpath=..").evaluate((t) => ({ width: t.clientWidth })));
      const move = wholePixelMove(track.width / HORIZON);
      moved = move.days;
      const box = (await bar.boundingBox())!;
      const x0 = Math.round(box.x + box.width / 2), y = Math.round(box.y + box.height / 2);
      await page.mouse.move(x0, y);
      await page.mouse.down();
      await page.mouse.move(x0 + Math.round(move.px / 2), y, { steps: 4 });
      await page.mouse.move(x0 + move.px, y, { steps: 4 });
      await page.mouse.up();
      const start = PRESET_START + moved;
      await expect.poll(() => field("start").inputValue()).toBe(String(start));
      expect(await field("end").inputValue()).toBe(String(start + PRESET_DAYS));
      expect(await bar.getAttribute("aria-valuenow")).toBe(String(start));

      await page.keyboard.press("Control+z");
      await expect.poll(() => field("start").inputValue()).toBe(String(PRESET_START));
      expect(await field("node").inputValue()).toBe("dc-east");
      await page.keyboard.press("Control+Shift+z");
      await expect.poll(() => field("start").inputValue()).toBe(String(start));
    });

    it("lengthens the window to two weeks with Shift+→ on its bar", async () => {
      const { page } = app;
      const bar = timeline().getByRole("slider", { name: "Window of disruption 1, node-outage dc-east" });
      await bar.focus();
      for (let i = 0; i < 7; i++) await page.keyboard.press("Shift+ArrowRight");
      const start = PRESET_START + moved;
      await expect.poll(() => field("end").inputValue()).toBe(String(start + 14));
      expect(await bar.getAttribute("aria-valuetext")).toMatch(new RegExp(`^days ${start}–${start + 13} \\(weeks \\d+–\\d+\\), 14 days$`));
      expect(await editor().locator(".ok").innerText()).toBe("No problems found.");
      await timeline().scrollIntoViewIfNeeded();
      await app.screenshot(`timeline-dragged-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("prices the outage on the Impact view and shades its window at the dragged days", async () => {
      const { page } = app;
      const run = page.locator("ech-run-view");
      await page.getByRole("tab", { name: "Run & results" }).click();
      await run.getByLabel("Replications", { exact: true }).fill("24");
      const impact = run.locator("ech-impact-view");
      await impact.getByRole("button", { name: "Run impact" }).click();
      const cost = impact.locator('[data-cost="disruption"]');
      await cost.waitFor({ timeout: 120_000 });
      // Two weeks without DC East cost money, beyond the interval: both bounds are above zero.
      expect(await cost.locator(".value").innerText()).toMatch(/^\+[\d,]+\.\d+ \/ day$/);
      expect(await cost.locator(".ci").first().innerText()).toMatch(/^95% CI \+[\d,]+\.\d+ – \+[\d,]+\.\d+$/);
      const start = PRESET_START + moved, end = start + 14;
      const chart = impact.locator("ech-lines-chart").first();
      const window = chart.locator("rect.window");
      await expect.poll(() => window.count()).toBe(1);
      expect(await window.locator("title").textContent()).toBe(`Disruption: node-outage dc-east, days ${start}–${end - 1}`);
      const x = Number(await window.getAttribute("x")), width = Number(await window.getAttribute("width"));
      expect(Math.abs(x - (await axisX(chart, start)))).toBeLessThan(0.5);
      expect(Math.abs(x + width - (await axisX(chart, end)))).toBeLessThan(0.5);
      await impact.locator(".costs").scrollIntoViewIfNeeded();
      await app.screenshot(`timeline-impact-cost-${size}`);
      await chart.scrollIntoViewIfNeeded();
      await app.screenshot(`timeline-impact-window-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.errors).toEqual([]);
    });

    it("adds a random outage as a new event of its type: a hatched lane over the whole horizon, no bar", async () => {
      const { page } = app;
      await page.getByRole("tab", { name: "Network" }).click();
      await timeline().getByRole("button", { name: "Add event" }).click();
      await timeline().getByRole("combobox", { name: "Type of disruption to add" }).selectOption("random-outage");
      await expect.poll(() => timeline().locator(".lane").count()).toBe(2);
      const lane = timeline().locator(".lane").nth(1);
      expect(await lane.locator(".random").count()).toBe(1);
      expect(await lane.locator("[role=slider]").count()).toBe(0);
      expect(await lane.locator(".days").innerText()).toBe("random, all horizon");
      const track = (await lane.locator(".track").boundingBox())!, hatch = (await lane.locator(".random").boundingBox())!;
      expect(hatch.width).toBeGreaterThan(track.width - 3);
      await timeline().scrollIntoViewIfNeeded();
      await app.screenshot(`timeline-random-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      await editor().getByRole("button", { name: "Remove disruption 2" }).click();
      await expect.poll(() => timeline().locator(".lane").count()).toBe(1);
    });
  });
}
