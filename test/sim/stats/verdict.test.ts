import { describe, expect, it } from "vitest";
import { formatRelative, verdict } from "../../../src/sim/stats/verdict.ts";
import { pairedDifference } from "../../../src/sim/stats/paired.ts";
import { KPI_BY_KEY } from "../../../src/sim/model/kpis.ts";

const dir = (k: string) => KPI_BY_KEY.get(k)!.higherIsBetter;

describe("verdict", () => {
  it("verdict is better or worse by the KPI's direction, for cost and service", () => {
    expect(verdict(pairedDifference([10, 11, 12], [12, 13, 15]), dir("totalCost"))).toBe("worse");
    expect(verdict(pairedDifference([0.9, 0.8, 0.85], [0.95, 0.86, 0.9]), dir("fillRate"))).toBe("better");
  });

  it("verdict says only up or down for stock levels, never better", () => {
    for (const k of ["onHand", "onHandValue", "inTransit", "daysOfSupply", "inventoryTurns"]) {
      expect(verdict(pairedDifference([100, 110, 120], [80, 85, 99]), dir(k))).toBe("lower");
    }
  });

  it("verdict is undefined, not 'no difference', when a side never defines the KPI", () => {
    expect(verdict(pairedDifference([NaN, NaN, NaN], [12, 14, 13]), dir("recoveryDays"))).toBe("undefined");
    expect(verdict(pairedDifference([3, 4, 5], [3, 5, 4]), dir("recoveryDays"))).toBe("none");
  });

  it("formatRelative shows a small change to two significant digits, never 0.0%", () => {
    expect(formatRelative(0.031)).toBe("+3.1%");
    expect(formatRelative(-0.0643)).toBe("−6.4%");
    expect(formatRelative(0.0003)).toBe("+0.030%");
    expect(formatRelative(-0.0000123)).toBe("−0.0012%");
    expect(formatRelative(0)).toBe("0.0%");
    expect(formatRelative(null)).toBe("—");
    for (const r of [4e-4, 4.9e-4, 1e-7, -2.5e-9]) expect(formatRelative(r)).not.toMatch(/^[+−]0\.0+%$/);
  });

  it("verdict is undefined when either side has no replications or the interval is not finite", () => {
    const d = (an: number, bn: number, mean: number, ci95: [number, number], significant = true) => ({ a: { n: an }, b: { n: bn }, diff: { mean, ci95 }, significant });
    expect(verdict(d(0, 5, 1, [0.5, 1.5]), true)).toBe("undefined");
    expect(verdict(d(5, 0, 1, [0.5, 1.5]), true)).toBe("undefined");
    expect(verdict(d(5, 5, 1, [NaN, 1.5]), true)).toBe("undefined");
    expect(verdict(d(5, 5, 1, [0.5, Infinity]), true)).toBe("undefined");
    expect(verdict(d(5, 5, 1, [0.5, 1.5]), true)).toBe("better");
  });

  it("verdict is none for a zero mean difference even if flagged significant, and up/down without a direction", () => {
    const d = (mean: number) => ({ a: { n: 5 }, b: { n: 5 }, diff: { mean, ci95: [mean - 0.1, mean + 0.1] as [number, number] }, significant: true });
    expect(verdict(d(0), true)).toBe("none");
    expect(verdict(d(1), undefined)).toBe("higher");
    expect(verdict(d(-1), undefined)).toBe("lower");
    expect(verdict(d(1), null)).toBe("higher");
  });

  it("formatRelative keeps one decimal from 0.095% up (it rounds to 0.1%), and for large changes", () => {
    expect(formatRelative(0.00095)).toBe("+0.1%");
    expect(formatRelative(0.5)).toBe("+50.0%");
    expect(formatRelative(-12.34)).toBe("−1234.0%");
    expect(formatRelative(Infinity)).toBe("—");
  });
});
