import { describe, expect, it } from "vitest";
import { geoDistance, geoPath } from "d3-geo";
import { arcLine, arcMidpoint, extentOf, fitProjection, locationOf, MIN_SPAN_DEGREES, placeNetwork } from "../../../src/ui/network/map-projection.ts";

const NEW_YORK = { lon: -74.01, lat: 40.71 }, LONDON = { lon: -0.13, lat: 51.51 }, TOKYO = { lon: 139.69, lat: 35.69 };
const node = (id: string, at?: { lon: number; lat: number }, place?: string) => ({ id, kind: "dc", ...(at ? { location: { ...at, place } } : {}) });

describe("locationOf", () => {
  it("reads a complete location and refuses what the validator would", () => {
    expect(locationOf(node("a", NEW_YORK, "New York"))).toEqual({ ...NEW_YORK, place: "New York" });
    expect(locationOf({ location: { lat: 91, lon: 0 } })).toBeUndefined();
    expect(locationOf({ location: { lat: 0, lon: -180.5 } })).toBeUndefined();
    expect(locationOf({ location: { lat: "40", lon: 0 } })).toBeUndefined();
    expect(locationOf({ location: { lat: NaN, lon: 0 } })).toBeUndefined();
    expect(locationOf({})).toBeUndefined();
    expect(locationOf(null)).toBeUndefined();
  });
});

describe("placeNetwork", () => {
  it("places located nodes, lists the rest by index, and keeps lanes whose both ends are placed", () => {
    const p = placeNetwork({
      nodes: [node("ny", NEW_YORK), node("nowhere"), node("ldn", LONDON), "junk"],
      lanes: [{ from: "ny", to: "ldn" }, { from: "ny", to: "nowhere" }, { from: "ldn", to: "ldn" }, null],
    });
    expect(p.located.map((n) => n.id)).toEqual(["ny", "ldn"]);
    expect(p.missing).toEqual([1, 3]);
    expect(p.arcs.map((a) => [a.index, a.from.id, a.to.id])).toEqual([[0, "ny", "ldn"]]);
  });
});

describe("extentOf", () => {
  it("is the bounding box of spread points", () => {
    expect(extentOf([NEW_YORK, LONDON])).toEqual({ west: -74.01, east: -0.13, south: 40.71, north: 51.51 });
  });
  it("widens a single point to MIN_SPAN_DEGREES about it, inside the globe", () => {
    const e = extentOf([{ lon: 179.5, lat: 89.9 }]);
    expect(e.east - e.west).toBeCloseTo(MIN_SPAN_DEGREES, 9);
    expect(e.north - e.south).toBeCloseTo(MIN_SPAN_DEGREES, 9);
    expect(e.east).toBeLessThanOrEqual(180);
    expect(e.north).toBeLessThanOrEqual(90);
  });
});

describe("fitProjection", () => {
  const W = 800, H = 500, PAD = 40;
  const inside = ([x, y]: [number, number]) => x >= PAD - 1e-6 && x <= W - PAD + 1e-6 && y >= PAD - 1e-6 && y <= H - PAD + 1e-6;
  it("puts every point inside the padded box, touching it on one axis", () => {
    const points = [NEW_YORK, LONDON, { lon: -87.63, lat: 41.88 }];
    const proj = fitProjection(points, W, H, PAD);
    const xy = points.map((p) => proj([p.lon, p.lat])!);
    expect(xy.every(inside)).toBe(true);
    const xs = xy.map((p) => p[0]), ys = xy.map((p) => p[1]);
    const fillsWidth = Math.abs(Math.max(...xs) - Math.min(...xs) - (W - 2 * PAD)) < 1;
    const fillsHeight = Math.abs(Math.max(...ys) - Math.min(...ys) - (H - 2 * PAD)) < 1;
    expect(fillsWidth || fillsHeight).toBe(true);
  });
  it("uses Mercator for a region (north up, east right) and a bounded projection for the world", () => {
    const region = fitProjection([NEW_YORK, LONDON], W, H, PAD);
    const [ny, ldn] = [region([NEW_YORK.lon, NEW_YORK.lat])!, region([LONDON.lon, LONDON.lat])!];
    expect(ldn[0]).toBeGreaterThan(ny[0]);
    expect(ldn[1]).toBeLessThan(ny[1]);
    const world = fitProjection([NEW_YORK, TOKYO, { lon: 151.2, lat: -33.87 }], W, H, PAD);
    expect(world([0, 89])!.every(Number.isFinite)).toBe(true);
  });
  it("zooms about the centre: the centre stays put and distances from it scale by the zoom", () => {
    const points = [NEW_YORK, LONDON];
    const fitted = fitProjection(points, W, H, PAD), zoomed = fitProjection(points, W, H, PAD, 2);
    const centre = fitted.invert!([W / 2, H / 2])!;
    const c2 = zoomed(centre)!;
    expect(c2[0]).toBeCloseTo(W / 2, 6);
    expect(c2[1]).toBeCloseTo(H / 2, 6);
    const a = fitted([LONDON.lon, LONDON.lat])!, b = zoomed([LONDON.lon, LONDON.lat])!;
    expect(b[0] - W / 2).toBeCloseTo(2 * (a[0] - W / 2), 6);
    expect(b[1] - H / 2).toBeCloseTo(2 * (a[1] - H / 2), 6);
  });
});

describe("great-circle arcs", () => {
  const p = placeNetwork({ nodes: [node("ny", NEW_YORK), node("ldn", LONDON)], lanes: [{ from: "ny", to: "ldn" }] });
  const arc = p.arcs[0];
  it("has its midpoint halfway along the great circle, north of both ends (the route over the Atlantic bends poleward)", () => {
    const mid = arcMidpoint(arc);
    const a: [number, number] = [NEW_YORK.lon, NEW_YORK.lat], b: [number, number] = [LONDON.lon, LONDON.lat];
    expect(geoDistance(a, mid)).toBeCloseTo(geoDistance(mid, b), 9);
    expect(geoDistance(a, mid) + geoDistance(mid, b)).toBeCloseTo(geoDistance(a, b), 9);
    expect(mid[1]).toBeGreaterThan(LONDON.lat);
  });
  it("is drawn as a bent path on Mercator, not a straight segment", () => {
    const proj = fitProjection(p.located, 800, 500, 40);
    const d = geoPath(proj)(arcLine(arc)) ?? "";
    expect(d.split(/[LM]/).length).toBeGreaterThan(3);
    const mid = proj(arcMidpoint(arc))!, a = proj([NEW_YORK.lon, NEW_YORK.lat])!, b = proj([LONDON.lon, LONDON.lat])!;
    expect(mid[1]).toBeLessThan((a[1] + b[1]) / 2 - 10);
  });
});
