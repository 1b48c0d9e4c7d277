// The Network tab's map: the built-in retail network on an offline world map (Natural Earth
// shapes bundled with the app: no request leaves the page), lanes as arcs, disruptions marked,
// nodes without a location named, selection shared with the editor; at 1440×900 and 1280×720.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { openApp, type App } from "./harness.ts";

const RETAIL_NODES = 27, RETAIL_LANES = 26;

describe("network map", () => {
  let app: App;
  beforeAll(async () => { app = await openApp(); });
  afterAll(async () => { await app?.close(); });

  it("switches to the map, which shows every node of the retail network and its lanes as arcs", async () => {
    const { page } = app;
    await expect.poll(() => page.locator("ech-network-diagram g.node").count(), { timeout: 15_000 }).toBe(RETAIL_NODES);
    await page.getByRole("button", { name: "Map", exact: true }).click();
    await expect.poll(() => page.locator("ech-network-map g.node").count(), { timeout: 15_000 }).toBe(RETAIL_NODES);
    await expect.poll(() => page.locator("ech-network-map path.land").count(), { timeout: 15_000 }).toBe(1);
    expect((await page.locator("ech-network-map path.land").getAttribute("d"))!.length).toBeGreaterThan(10_000);
    expect(await page.locator("ech-network-map g.lane").count()).toBe(RETAIL_LANES);
    // Arcs are great circles, resampled: more than a straight segment's two points.
    // central-dc → dc-west, Columbus to Salt Lake City: long enough for the curve to show.
    const arc = await page.locator("ech-network-map g.lane[data-lane='20'] path.line").getAttribute("d");
    expect(arc!.split(/[LM]/).length).toBeGreaterThan(3);
    expect(await page.locator("ech-network-diagram").isVisible()).toBe(false);
    expect(await page.locator("ech-network-map .missing").count()).toBe(0);
    await app.screenshot("map-retail-1440x900");
  });

  it("fits the nodes: every marker lies inside the map, and New York sits east of Denver", async () => {
    const { page } = app;
    const box = (await page.locator("ech-network-map .canvas svg").boundingBox())!;
    const marks = await page.locator("ech-network-map g.node circle.mark").evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }));
    for (const [x, y] of marks) {
      expect(x).toBeGreaterThan(box.x);
      expect(x).toBeLessThan(box.x + box.width);
      expect(y).toBeGreaterThan(box.y);
      expect(y).toBeLessThan(box.y + box.height);
    }
    const at = async (id: string) => (await page.locator(`ech-network-map g.node[data-id='${id}']`).boundingBox())!;
    expect((await at("store-east-2")).x).toBeGreaterThan((await at("store-west-4")).x);
    expect(await page.locator("ech-network-map g.node[data-id='store-east-2']").getAttribute("aria-label")).toBe("Store East 2 (store), New York, NY");
  });

  it("selects a node on the map for the editor, and makes no request beyond its own origin", async () => {
    const { page } = app;
    await page.locator("ech-network-map g.node[data-id='dc-south']").click();
    await expect.poll(() => page.locator("ech-scenario-editor h2").innerText()).toBe("Node DC South");
    expect(await page.locator("ech-network-map g.node[data-id='dc-south']").getAttribute("aria-pressed")).toBe("true");
    expect(app.foreignRequests()).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("marks disruptions and names the nodes without a location", async () => {
    const { page } = app;
    await page.locator("ech-library ul.examples").getByRole("button", { name: /DC outage, no lateral/ }).click();
    await expect.poll(() => page.locator("ech-network-map g.node .glyph").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Take the location away from one node in the editor: the map names it.
    await page.locator("ech-network-map g.node[data-id='dc-west']").click();
    await page.locator("ech-scenario-editor .field[data-path='nodes[21].location.lat'] input").fill("");
    await expect.poll(() => page.locator("ech-network-map .missing").innerText(), { timeout: 10_000 }).toContain("1 of 27 nodes have no location and are not on the map: DC West.");
    expect(await page.locator("ech-network-map g.node").count()).toBe(RETAIL_NODES - 1);
  });

  it("fits a network of a few kilometres (Tokyo's convenience stores) as well as a continent", async () => {
    const { page } = app;
    await page.locator("ech-library ul.examples").getByRole("button", { name: /Convenience stores/ }).click();
    await expect.poll(() => page.locator("ech-network-map g.node").count(), { timeout: 15_000 }).toBe(10);
    const box = (await page.locator("ech-network-map .canvas svg").boundingBox())!;
    const at = await page.locator("ech-network-map g.node circle.mark").evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }));
    const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
    // Spread over the map, not piled on one point: the fit zooms in to the stores' few kilometres
    // until they fill the map (less its 48 px padding) one way.
    const fill = Math.max(spread(at.map((p) => p[0])) / (box.width - 2 * 48), spread(at.map((p) => p[1])) / (box.height - 2 * 48));
    expect(fill).toBeGreaterThan(0.95);
    expect(fill).toBeLessThan(1.01);
    await app.screenshot("map-tokyo-1440x900");
  });

  it("fits a small viewport too (1280×720), and remembers the choice of view", async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.reload();
    await expect.poll(() => page.locator("ech-network-map g.node").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator("ech-network-map path.land").count(), { timeout: 15_000 }).toBe(1);
    await app.screenshot("map-1280x720");
    await page.getByRole("button", { name: "Diagram", exact: true }).click();
    await expect.poll(() => page.locator("ech-network-diagram").isVisible()).toBe(true);
    expect(await page.locator("ech-network-map").count()).toBe(0);
  });
});
