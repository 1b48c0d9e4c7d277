import { describe, expect, it } from "vitest";
import { bandPaths, extentOf } from "../../../src/ui/charts/band.ts";

const id = (v: number) => v;

describe("bandPaths", () => {
  it("draws the 5–95% area and the median line, day i at firstDay + i", () => {
    const p = bandPaths({ mean: [2, 3], p05: [1, 2], p50: [2, 3], p95: [4, 5] }, 10, id, id);
    expect(p.median).toBe("M10,2L11,3");
    expect(p.band).toBe("M10,4L11,5L11,2L10,1Z");
  });
  it("breaks the paths on days whose values are NaN", () => {
    const p = bandPaths({ mean: [1, NaN, 1], p05: [0, NaN, 0], p50: [1, NaN, 1], p95: [2, NaN, 2] }, 0, id, id);
    expect(p.median).toBe("M0,1ZM2,1Z");
  });
});

describe("extentOf", () => {
  it("spans the finite values of every array", () => {
    expect(extentOf([3, NaN, 1], [7, Infinity])).toEqual([1, 7]);
  });
  it("falls back to [0, 1] without finite values", () => {
    expect(extentOf([NaN])).toEqual([0, 1]);
  });
});
