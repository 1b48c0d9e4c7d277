// Layout defects a new planner met on a laptop, each measured in real Chromium at 1440×900 and
// 1280×720 on the retail scenario (26 stocking nodes):
// - the network diagram's labels shrank to about 9 px when fitted, and to 3 px zoomed out; Watch too;
// - the Optimise and trade-off dialogs had to be scrolled to reach Cancel/Close;
// - Compare's interval charts drew their legends past their edge, the right one clipped by the page;
// - the bullwhip chart's slanted node names ran into each other in Compare's half-width charts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

/** No text in a chart or diagram may be drawn smaller than this on screen (px). */
const MIN_TEXT_PX = 11;

/**
 * The smallest on-screen size (px) of the texts: font size times the scale the SVG draws them at,
 * to 0.01 px (a name slanted by θ is drawn at √(cos²θ + sin²θ) = 0.9999… of its size in floating point).
 */
const smallestText = (texts: Locator) => texts.evaluateAll((ts) => Math.min(...ts.map((t) => {
  const m = (t as SVGGraphicsElement).getScreenCTM()!;
  return Math.round(parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) * 100) / 100;
})));

/**
 * Pairs of texts whose boxes overlap on screen, as "A × B". Each text's box is its own (rotated)
 * box mapped to the screen, and two boxes overlap unless an edge of one separates them (the
 * separating axis test), so slanted names that only share a bounding rectangle do not count.
 */
const overlappingTexts = (texts: Locator) => texts.evaluateAll((ts) => {
  const boxes = ts.map((t) => {
    const b = (t as SVGGraphicsElement).getBBox(), m = (t as SVGGraphicsElement).getScreenCTM()!;
    const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
    return { name: t.textContent ?? "", corners };
  });
  const separated = (p: DOMPoint[], q: DOMPoint[]) => [p, q].some((poly) => poly.some((a, i) => {
    const b = poly[(i + 1) % 4], nx = a.y - b.y, ny = b.x - a.x;
    const project = (pts: DOMPoint[]) => pts.map((c) => c.x * nx + c.y * ny);
    const len = Math.hypot(nx, ny), [pp, qq] = [project(p), project(q)];
    // Half a pixel of slack: touching boxes are not overlapping text.
    return Math.min(...pp) >= Math.max(...qq) - 0.5 * len || Math.min(...qq) >= Math.max(...pp) - 0.5 * len;
  }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    if (!separated(boxes[i].corners, boxes[j].corners)) out.push(`${boxes[i].name} × ${boxes[j].name}`);
  }
  return out;
});

/** Whether the element is on screen and is what a click at its centre reaches (not covered, not scrolled away). */
const reachable = (el: Locator) => el.evaluate((target) => {
  const r = target.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
  if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
  let hit = document.elementFromPoint(x, y);
  while (hit && hit !== target && hit.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit === target || target.contains(hit);
});

/** Chart hosts whose drawing runs past their own box or the box of `container`, as "tag: 812 > 790". */
const chartsPastTheirEdge = async (charts: Locator, container: Locator) => container.evaluate((c, hosts) => {
  const limit = c.getBoundingClientRect().right;
  return (hosts as Element[]).flatMap((host) => {
    const box = host.getBoundingClientRect();
    const right = Math.max(...[...host.shadowRoot!.querySelectorAll("svg *")].map((e) => e.getBoundingClientRect().right));
    return right > Math.min(box.right, limit) + 0.5 ? [`${host.tagName.toLowerCase()}: ${Math.round(right)} > ${Math.round(Math.min(box.right, limit))}`] : [];
  });
}, await charts.elementHandles());

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  describe(`layout at ${size}`, () => {
    let app: App;
    beforeAll(async () => { app = await openApp({ viewport }); });
    afterAll(async () => { await app?.close(); });

    it("keeps the retail diagram's labels at 11 px or more, fitted and zoomed out as far as it goes, none over another", async () => {
      const { page } = app;
      const diagram = page.locator("#panel-network ech-network-diagram");
      await expect.poll(() => diagram.locator("g.node").count(), { timeout: 15_000 }).toBe(27);
      const labels = diagram.locator("text.label");
      await expect.poll(() => smallestText(labels)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      expect(await overlappingTexts(labels)).toEqual([]);
      await app.screenshot(`ui-polish-diagram-${size}`);
      const zoomOut = diagram.getByRole("button", { name: "Zoom out" });
      for (let i = 0; i < 12 && await zoomOut.isEnabled(); i++) await zoomOut.click();
      expect(await zoomOut.isDisabled(), "zoom out stops").toBe(true);
      expect(await smallestText(labels)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      expect(await overlappingTexts(labels)).toEqual([]);
      // The stores' labels, right of the drawing, keep their whole names at any size.
      const stores = await diagram.locator("g.node[data-id^='store'] text.label").allTextContents();
      expect(stores.length).toBe(20);
      for (const name of stores) expect(name).toMatch(/^Store (North|East|South|West) \d$/);
      await app.screenshot(`ui-polish-diagram-zoomed-out-${size}`);
      await diagram.getByRole("button", { name: "Fit" }).click();
    });

    it("keeps Cancel and Create variant in reach in the Optimise dialog, and Close in the trade-off dialog with a curve drawn", async () => {
      const { page } = app;
      await page.getByRole("button", { name: "Optimise…" }).click();
      const optimise = page.getByRole("dialog", { name: "Optimise safety stock" });
      await expect.poll(() => optimise.locator("tbody tr").count()).toBe(26);
      expect(await reachable(optimise.getByRole("button", { name: "Cancel" }))).toBe(true);
      expect(await reachable(optimise.getByRole("button", { name: "Create variant" }))).toBe(true);
      await app.screenshot(`ui-polish-optimise-${size}`);
      await optimise.getByRole("button", { name: "Trade-off curve…" }).click();
      const tradeOff = page.getByRole("dialog", { name: "Service–inventory trade-off" });
      await tradeOff.waitFor();
      for (const [label, value] of [["Service levels", "2"], ["Optimiser targets", "0.95"], ["Replications", "10"], ["Evaluations per target", "10"]]) {
        await tradeOff.getByLabel(label).fill(value);
      }
      await tradeOff.getByRole("button", { name: "Draw the curve" }).click();
      await tradeOff.locator("ech-frontier-chart g.curve").first().waitFor({ timeout: 120_000 });
      const close = tradeOff.getByRole("button", { name: "Close" });
      expect(await reachable(close)).toBe(true);
      await app.screenshot(`ui-polish-trade-off-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      await close.click();
      await expect.poll(() => tradeOff.count()).toBe(0);
    }, 150_000);

    it("draws the bullwhip chart's 26 names clear of each other, in Run & results and in Compare's half-width charts", async () => {
      const { page } = app;
      const run = page.locator("ech-run-view");
      await page.getByRole("tab", { name: "Run & results" }).click();
      await run.getByLabel("Replications", { exact: true }).fill("20");
      await run.getByRole("button", { name: "Run", exact: true }).click();
      const names = (chart: Locator) => chart.locator(".axis-bottom text[transform]");
      const chart = run.locator("ech-results-view ech-bullwhip-chart");
      await expect.poll(() => chart.locator("g.node").count(), { timeout: 90_000 }).toBe(26);
      expect(await names(chart).count()).toBe(26);
      expect(await overlappingTexts(names(chart))).toEqual([]);
      expect(await smallestText(names(chart))).toBeGreaterThanOrEqual(MIN_TEXT_PX);

      await page.getByRole("tab", { name: "Compare" }).click();
      await page.getByRole("button", { name: "Make a variant of A" }).click();
      await page.getByRole("tab", { name: "Compare" }).click();
      const compare = page.locator("ech-compare-view");
      await compare.getByLabel("Replications", { exact: true }).fill("20");
      await page.getByRole("button", { name: "Compare A and B" }).click();
      const charts = compare.locator("figure.bullwhip ech-bullwhip-chart");
      await expect.poll(() => charts.count(), { timeout: 90_000 }).toBe(2);
      for (const side of [charts.nth(0), charts.nth(1)]) {
        await expect.poll(() => side.locator("g.node").count()).toBe(26);
        expect(await names(side).count(), "every node named").toBe(26);
        expect(await overlappingTexts(names(side))).toEqual([]);
        expect(await smallestText(names(side))).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      }
      await compare.locator("#cmp-bw-h").evaluate((h) => h.scrollIntoView({ block: "start" }));
      await app.screenshot(`ui-polish-compare-bullwhip-${size}`);
    }, 180_000);

    it("draws Compare's interval charts inside their own boxes and the page", async () => {
      const { page } = app;
      const compare = page.locator("ech-compare-view");
      const intervals = compare.locator("ech-interval-chart");
      expect(await intervals.count()).toBeGreaterThanOrEqual(2);
      expect(await chartsPastTheirEdge(intervals, compare)).toEqual([]);
      const boxes = await intervals.evaluateAll((hs) => hs.map((h) => h.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top })));
      expect(boxes[1].left, "the second chart sits beside the first").toBeGreaterThanOrEqual(boxes[0].right);
      await compare.locator("#cmp-chart-h").evaluate((h) => h.scrollIntoView({ block: "start" }));
      await app.screenshot(`ui-polish-compare-intervals-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("keeps Watch's labels and stock at 11 px or more when zoomed out as far as it goes, none over another", async () => {
      const { page } = app;
      await page.getByRole("tab", { name: "Watch" }).click();
      await page.getByRole("button", { name: "Load replication" }).click();
      await page.locator("ech-watch-view td.on-hand").first().waitFor({ timeout: 60_000 });
      const diagram = page.locator("ech-watch-view ech-network-diagram");
      const zoomOut = diagram.getByRole("button", { name: "Zoom out" });
      for (let i = 0; i < 12 && await zoomOut.isEnabled(); i++) await zoomOut.click();
      expect(await zoomOut.isDisabled(), "zoom out stops").toBe(true);
      const texts = diagram.locator("svg[role=group] text");
      expect(await texts.count()).toBe(54);
      expect(await smallestText(texts)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      const storeTexts = diagram.locator("g.node[data-id^='store'] text.label, text.values[data-for^='store']");
      expect(await storeTexts.count(), "20 stores' labels and stock").toBe(40);
      expect(await overlappingTexts(storeTexts)).toEqual([]);
      await app.screenshot(`ui-polish-watch-zoomed-out-${size}`);
      expect(app.errors).toEqual([]);
    }, 90_000);
  });
}
