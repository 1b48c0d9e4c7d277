// The chart's data shaping: each point where the frontier says it is, with its intervals, in both views.
import { describe, expect, it } from "vitest";
import { FRONTIER_CURVES, type FrontierResult } from "../../../src/sim/optimize/index.ts";
import { CURRENT_LABEL, frontierChartData, pointOf } from "../../../src/ui/frontier/frontier-series.ts";
import { smallFrontier } from "./fixture.ts";

describe("frontierChartData", async () => {
  const { result } = await smallFrontier();

  it("gives one chart curve per method, in order, with every point at its fill rate and inventory value and their intervals", () => {
    const d = frontierChartData(result, "value");
    expect(d.curves.map((c) => c.curve)).toEqual([...FRONTIER_CURVES]);
    for (const c of d.curves) {
      const points = result.curves[c.curve];
      expect(c.points.map((p) => [p.x, p.xInterval, p.y, p.yInterval])).toEqual(points.map((p) => [p.fillRate.mean, p.fillRate.ci95, p.onHandValue.mean, p.onHandValue.ci95]));
    }
    expect(d.curves[2].points.map((p) => p.label)).toEqual(["Network optimiser, target fill 90%", "Network optimiser, target fill 95%"]);
    expect(d.curves[0].points[1].label).toBe("Node by node, service level 95%");
    expect(d.current).toMatchObject({ key: "current", label: CURRENT_LABEL, x: result.current.fillRate.mean, y: result.current.onHandValue.mean });
  });

  it("puts inventory turns on y in the second view", () => {
    const d = frontierChartData(result, "turns");
    expect(d.curves[2].points.map((p) => p.yInterval)).toEqual(result.curves.simulation.map((p) => p.inventoryTurns.ci95));
    expect(d.current.y).toBe(result.current.inventoryTurns.mean);
  });

  it("covers every interval in its extents, so no error bar is clipped", () => {
    for (const view of ["value", "turns"] as const) {
      const d = frontierChartData(result, view), all = [...d.curves.flatMap((c) => c.points), d.current];
      expect(d.xExtent[0]).toBe(Math.min(...all.map((p) => p.xInterval[0])));
      expect(d.xExtent[1]).toBe(Math.max(...all.map((p) => p.xInterval[1])));
      expect(d.yExtent[1]).toBe(Math.max(...all.map((p) => p.yInterval[1])));
    }
  });

  it("marks GSM as drawn over node by node when every placement has node by node's levels (the retail network)", () => {
    const d = frontierChartData(result, "value");
    expect(result.curves.gsm.every((p) => p.sameAs === "single-echelon")).toBe(true);
    expect(d.curves.map((c) => c.sameAsNodeByNode)).toEqual([false, true, false]);
  });

  it("leaves out a point that is not finite (a fill rate with no demand) instead of drawing it at NaN", () => {
    const nan = { mean: NaN, ci95: [NaN, NaN] as const };
    const broken: FrontierResult = { ...result, curves: { ...result.curves, simulation: [{ ...result.curves.simulation[0], fillRate: nan }, result.curves.simulation[1]] } };
    const d = frontierChartData(broken, "value");
    expect(d.curves[2].points.map((p) => p.key)).toEqual(["simulation:1"]);
    expect(Number.isFinite(d.xExtent[0])).toBe(true);
  });

  it("finds a point by its chart key, and nothing for the current scenario or a key that is not there", () => {
    expect(pointOf(result, "simulation:1")).toEqual({ curve: "simulation", point: result.curves.simulation[1] });
    expect(pointOf(result, "gsm:0")?.point).toBe(result.curves.gsm[0]);
    for (const key of ["current", "simulation:9", "plan:0", ""]) expect(pointOf(result, key)).toBeUndefined();
  });
});
