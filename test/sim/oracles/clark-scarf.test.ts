// The Chen–Zheng recursion in clark-scarf.ts, checked against published numbers before it is used
// as an oracle for the engine (serial-example-6-1.test.ts).
import { describe, expect, it } from "vitest";
import { normalLoss, normalPdf, normalQuantile } from "../../../src/sim/math/normal.ts";
import { clarkScarf, EXAMPLE_6_1, localHolding } from "./clark-scarf.ts";

describe("clarkScarf", () => {
  it("solves one stage as a newsvendor: S* = μL + σ√L·Φ⁻¹(p/(p+h)), cost (p+h)σ√L·φ(z)", () => {
    const { levels, cost } = clarkScarf({ echelonHolding: [1], leadTimes: [2], stockoutCost: 9, demandMean: 10, demandSd: 2 });
    const s = 2 * Math.SQRT2, z = normalQuantile(0.9);
    expect(levels[0]).toBeCloseTo(20 + s * z, 4);
    expect(cost).toBeCloseTo(10 * s * normalPdf(z), 4);
  });

  it("evaluates given one-stage levels as h·E[(S − D)⁺] + p·E[(D − S)⁺]", () => {
    const { cost } = clarkScarf({ echelonHolding: [1], leadTimes: [2], stockoutCost: 9, demandMean: 10, demandSd: 2 }, { levels: [21] });
    const s = 2 * Math.SQRT2, back = s * normalLoss((21 - 20) / s);
    expect(cost).toBeCloseTo(1 * (21 - 20 + back) + 9 * back, 4);
  });

  it("reproduces the published optimum of Snyder & Shen Example 6.1 within stockpyl's grid step", () => {
    // stockpyl's ssm_serial.optimize_base_stock_levels docstring (default grid: x step ≈ 0.044,
    // demand step 0.08): S* = 6.514, 12.012, 22.700 and C* = 47.669. Our grid is 0.01 and converged
    // (see the next test), so differences up to one of stockpyl's steps are its discretisation.
    const { levels, cost } = clarkScarf(EXAMPLE_6_1);
    [6.5144388073261155, 12.012332294949644, 22.700237234889784].forEach((s, j) => expect(Math.abs(levels[j] - s)).toBeLessThan(0.044));
    expect(Math.abs(cost - 47.668653127136345)).toBeLessThan(0.01);
  });

  it("has converged on its grid: halving the step moves Example 6.1 costs (optimal and tight levels) by less than 1e-3", () => {
    const coarse = clarkScarf(EXAMPLE_6_1, { step: 0.02 }), fine = clarkScarf(EXAMPLE_6_1, { step: 0.01 });
    expect(Math.abs(coarse.cost - fine.cost)).toBeLessThan(1e-3);
    fine.levels.forEach((s, j) => expect(Math.abs(s - coarse.levels[j])).toBeLessThan(1e-3));
    const tight = { levels: [6.49, 9, 16] };
    expect(Math.abs(clarkScarf(EXAMPLE_6_1, { ...tight, step: 0.02 }).cost - clarkScarf(EXAMPLE_6_1, tight).cost)).toBeLessThan(1e-3);
  });

  it("turns echelon holding costs into local ones: h′ = 7, 4, 2 for Example 6.1", () => {
    expect(localHolding(EXAMPLE_6_1.echelonHolding)).toEqual([7, 4, 2]);
  });
});
