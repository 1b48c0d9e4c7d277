import { describe, expect, it } from "vitest";
import { VERDICT_TEXT, verdict } from "../../../src/ui/compare/verdict.ts";
import { KPI_BY_KEY } from "../../../src/sim/model/kpis.ts";
import { kpiDiff } from "../fixtures.ts";

const def = (k: string) => KPI_BY_KEY.get(k);

describe("verdict", () => {
  it("calls a significant rise better when higher is better", () => {
    expect(verdict(kpiDiff(0.9, 0.95, 0.01), def("fillRate"))).toBe("better");
  });
  it("calls a significant rise worse when lower is better", () => {
    expect(verdict(kpiDiff(100, 110, 2), def("totalCost"))).toBe("worse");
    expect(verdict(kpiDiff(100, 90, 2), def("totalCost"))).toBe("better");
  });
  it("finds no significant difference when the interval holds 0", () => {
    expect(verdict(kpiDiff(3, 3.1, 0.5), def("backorders"))).toBe("none");
  });
  it("says only higher or lower for KPIs that are neither better nor worse", () => {
    expect(verdict(kpiDiff(30, 32, 1), def("demand"))).toBe("higher");
    expect(verdict(kpiDiff(30, 28, 1), undefined)).toBe("lower");
  });
});

describe("verdict (issue 10)", () => {
  it("says not defined when either side never defines the KPI", () => {
    const d = kpiDiff(3, 4, 0.5);
    expect(verdict({ ...d, a: { ...d.a, mean: NaN, n: 0 }, diff: { mean: NaN, ci95: [NaN, NaN] }, significant: false }, def("recoveryDays"))).toBe("undefined");
    expect(VERDICT_TEXT.undefined).toBe("Not defined");
  });
  it("calls less stock lower, never better", () => {
    expect(verdict(kpiDiff(500, 420, 10), def("onHand"))).toBe("lower");
    expect(verdict(kpiDiff(12, 9, 1), def("daysOfSupply"))).toBe("lower");
  });
});
