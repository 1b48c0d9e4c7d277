import { describe, expect, it } from "vitest";
import { scaleBand, scaleLinear } from "d3-scale";
import { axisTicks, leftLabelOffset, rowLabelMargin } from "../../../src/ui/charts/axis.ts";

describe("axisTicks", () => {
  it("axisTicks gives each tick its own label when a fixed-precision format would repeat one (issue 14, item 6)", () => {
    const pct1 = ((v: number) => `${(v * 100).toFixed(1)}%`) as (v: never) => string;
    const ticks = axisTicks(scaleLinear([0.9955, 0.9965], [100, 0]), 5, pct1);
    expect(ticks.map((t) => t.text)).toEqual(["99.56%", "99.58%", "99.60%", "99.62%", "99.64%"]);
    const units = ((v: number) => v.toFixed(0)) as (v: never) => string;
    expect(axisTicks(scaleLinear([10, 11], [0, 100]), 3, units).map((t) => t.text)).toEqual(["10", "10.5", "11"]);
    expect(axisTicks(scaleLinear([0, 1], [100, 0]), 2, pct1).map((t) => t.text)).toEqual(["0.0%", "50.0%", "100.0%"]);
  });

  it("places d3's nice ticks of a linear scale at their pixel positions", () => {
    const ticks = axisTicks(scaleLinear([0, 100], [0, 200]), 5);
    expect(ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks.map((t) => t.position)).toEqual([0, 40, 80, 120, 160, 200]);
    expect(ticks.map((t) => t.text)).toEqual(["0", "20", "40", "60", "80", "100"]);
  });
  it("uses a given format for the labels", () => {
    const ticks = axisTicks(scaleLinear([0, 1], [100, 0]), 2, ((v: number) => `${v * 100}%`) as (v: never) => string);
    expect(ticks.map((t) => t.text)).toEqual(["0%", "50%", "100%"]);
    expect(ticks.map((t) => t.position)).toEqual([100, 50, 0]);
  });
  it("labels a band scale at the centre of each band", () => {
    const ticks = axisTicks(scaleBand(["a", "b"], [0, 100]) as never);
    expect(ticks).toEqual([{ value: "a", position: 25, text: "a" }, { value: "b", position: 75, text: "b" }]);
  });
  it("leftLabelOffset keeps the axis title clear of the widest tick label", () => {
    expect(leftLabelOffset(axisTicks(scaleLinear([0, 10], [0, 100]), 2))).toBe(44);
    expect(leftLabelOffset([{ value: 1, position: 0, text: "100.0%" }])).toBe(57);
  });
  it("rowLabelMargin leaves 6.5 px per character of the longest row name, at most 180 px", () => {
    expect(rowLabelMargin([])).toBe(16);
    expect(rowLabelMargin(["DC", "Store 10"])).toBe(68);
    expect(rowLabelMargin(["x".repeat(40)])).toBe(180);
  });
});
