// The atlas draws only the shapes a view meets: boxes from rings, the antimeridian, the filter.
import { describe, expect, it } from "vitest";
import { boxOf, loadAtlas, visibleShapes } from "../../../src/ui/network/map-atlas.ts";
import { fitProjection, viewBox } from "../../../src/ui/network/map-projection.ts";

describe("boxOf", () => {
  it("is the ring's longitude/latitude box, or every longitude for a ring across the antimeridian", () => {
    expect(boxOf([[10, 40], [12, 41], [11, 45], [10, 40]])).toEqual([10, 40, 12, 45]);
    expect(boxOf([[179, 65], [-179, 66], [-178, 64], [179, 65]])).toEqual([-180, 64, 180, 66]);
  });
});

describe("visibleShapes", () => {
  it("keeps the shapes whose box meets the view, and every shape without a view", async () => {
    const atlas = await loadAtlas("coarse");
    const all = visibleShapes(atlas, undefined);
    expect(all.land.coordinates.length).toBe(atlas.land.length);
    const us = fitProjection([{ lon: -120, lat: 30 }, { lon: -74, lat: 47 }], 760, 620, 48);
    const box = viewBox(us, 760, 620)!;
    expect(box[0]).toBeLessThan(-120);
    expect(box[2]).toBeGreaterThan(-74);
    const some = visibleShapes(atlas, box);
    expect(some.land.coordinates.length).toBeGreaterThan(0);
    expect(some.land.coordinates.length).toBeLessThan(atlas.land.length / 4);
    // Every polygon left out lies wholly outside the view.
    const kept = new Set(some.land.coordinates);
    for (const p of atlas.land) {
      if (kept.has(p.coordinates)) continue;
      const [w, s, e, n] = p.box;
      expect(e < box[0] || w > box[2] || n < box[1] || s > box[3]).toBe(true);
    }
  });
});

describe("viewBox", () => {
  it("is undefined when the view wraps the globe (zoomed far out)", () => {
    expect(viewBox(fitProjection([{ lon: -120, lat: 30 }, { lon: -74, lat: 47 }], 800, 500, 40, 1 / 64), 800, 500)).toBeUndefined();
  });
});
