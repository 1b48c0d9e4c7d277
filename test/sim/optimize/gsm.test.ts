import { describe, expect, it } from "vitest";
import { exposureSd, protectedDays, singleEchelon, solveGsm } from "../../../src/sim/optimize/gsm.ts";
import type { Stage } from "../../../src/sim/optimize/network.ts";

const stage = (p: Partial<Stage> & { id: string }): Stage => ({
  parent: -1, processingTime: 1, externalInbound: 0, holdingCost: 1, meanDemand: 10, sdDemand: 1,
  isDemandNode: false, maxServiceTime: Infinity, leadTimeVariance: 0, ...p,
});
const cost = (stages: Stage[], plans: ReturnType<typeof solveGsm>, z: number) =>
  plans.reduce((a, p, i) => a + stages[i].holdingCost * z * stages[i].sdDemand * Math.sqrt(p.netReplenishmentTime), 0);

describe("solveGsm", () => {
  it("solveGsm(Snyder & Shen Example 6.5) finds S = (0, 0, 0, 1) at cost 2√2 + √6 + 3", () => {
    // Node 1 (T 2, external inbound service 1, h 1) feeds node 3 (T 1, h 2), which feeds the
    // demand nodes 2 (T 1, h 3, promises 0) and 4 (T 1, h 3, promises 1); σ = 1 each; z = 1.
    const stages = [
      stage({ id: "1", processingTime: 2, externalInbound: 1, holdingCost: 1, sdDemand: Math.SQRT2 }),
      stage({ id: "3", parent: 0, processingTime: 1, holdingCost: 2, sdDemand: Math.SQRT2 }),
      stage({ id: "2", parent: 1, processingTime: 1, holdingCost: 3, isDemandNode: true, maxServiceTime: 0 }),
      stage({ id: "4", parent: 1, processingTime: 1, holdingCost: 3, isDemandNode: true, maxServiceTime: 1 }),
    ];
    const plans = solveGsm(stages, 1);
    expect(plans.map((p) => p.serviceTime)).toEqual([0, 0, 0, 1]);
    expect(plans.map((p) => p.inboundServiceTime)).toEqual([1, 0, 0, 0]);
    expect(plans.map((p) => p.netReplenishmentTime)).toEqual([3, 1, 1, 0]);
    expect(cost(stages, plans, 1)).toBeCloseTo(2 * Math.SQRT2 + Math.sqrt(6) + 3, 12);
  });

  it("solveGsm on a serial line holds all safety stock at the cheap upstream stage when downstream holding is dear", () => {
    // Upstream T 2, h 1; downstream demand node T 1, h 10, promises 0. Options for the upstream S:
    // S=0: 1·√2 + 10·√1 = 11.414; S=1: 1·√1 + 10·√2 = 15.14; S=2: 0 + 10·√3 = 17.32. Best S=0.
    const stages = [stage({ id: "u", processingTime: 2 }), stage({ id: "d", parent: 0, holdingCost: 10, isDemandNode: true, maxServiceTime: 0 })];
    const plans = solveGsm(stages, 1);
    expect(plans.map((p) => p.serviceTime)).toEqual([0, 0]);
    expect(cost(stages, plans, 1)).toBeCloseTo(Math.SQRT2 + 10, 12);
  });

  it("solveGsm on a serial line skips the upstream stage when it is the dearer one", () => {
    // Upstream T 2, h 10; downstream T 1, h 1. S=0: 10√2 + 1 = 15.14; S=1: 10 + √2 = 11.41; S=2: 0 + √3 = 1.732. Best S=2.
    const stages = [stage({ id: "u", processingTime: 2, holdingCost: 10 }), stage({ id: "d", parent: 0, holdingCost: 1, isDemandNode: true, maxServiceTime: 0 })];
    const plans = solveGsm(stages, 1);
    expect(plans.map((p) => [p.inboundServiceTime, p.serviceTime, p.netReplenishmentTime])).toEqual([[0, 2, 0], [2, 0, 3]]);
    expect(cost(stages, plans, 1)).toBeCloseTo(Math.sqrt(3), 12);
  });

  it("solveGsm pools at a DC: two stores of σ 1 under a DC of σ √2", () => {
    // DC T 3, h 1, σ √2; stores T 1, h 1.5, σ 1, promise 0. Total for DC service time S:
    // √2·√(3−S) + 2·1.5·√(1+S): S=0 → 5.449, S=1 → 6.243, S=2 → 6.610, S=3 → 6.0. Best S=0.
    const stages = [
      stage({ id: "dc", processingTime: 3, sdDemand: Math.SQRT2 }),
      stage({ id: "a", parent: 0, holdingCost: 1.5, isDemandNode: true, maxServiceTime: 0 }),
      stage({ id: "b", parent: 0, holdingCost: 1.5, isDemandNode: true, maxServiceTime: 0 }),
    ];
    const plans = solveGsm(stages, 2);
    expect(plans.map((p) => p.serviceTime)).toEqual([0, 0, 0]);
    expect(cost(stages, plans, 2)).toBeCloseTo(2 * (Math.SQRT2 * Math.sqrt(3) + 3), 12);
  });

  it("solveGsm lets a demand node with a customer service time hold nothing", () => {
    const stages = [stage({ id: "s", processingTime: 2, isDemandNode: true, maxServiceTime: 2 })];
    expect(solveGsm(stages, 1.645)).toEqual([{ inboundServiceTime: 0, serviceTime: 2, netReplenishmentTime: 0 }]);
  });

  it("solveGsm equals singleEchelon on a single node", () => {
    const stages = [stage({ id: "s", processingTime: 4, isDemandNode: true, maxServiceTime: 0 })];
    expect(solveGsm(stages, 1.645)).toEqual(singleEchelon(stages));
  });
});

describe("protectedDays", () => {
  it("protectedDays is SI + T − S, and at least one day for a demand node promising 0", () => {
    expect(protectedDays(stage({ id: "x", processingTime: 3 }), 1, 2)).toBe(2);
    expect(protectedDays(stage({ id: "x", processingTime: 0 }), 0, 0)).toBe(0);
    expect(protectedDays(stage({ id: "x", processingTime: 0, isDemandNode: true, maxServiceTime: 0 }), 0, 0)).toBe(1);
    expect(protectedDays(stage({ id: "x", processingTime: 2, isDemandNode: true, maxServiceTime: 2 }), 0, 2)).toBe(0);
  });
});

describe("exposureSd", () => {
  it("exposureSd is σ·√τ, or √(σ²τ + μ²·Var L) with a lead-time variance, even at τ = 0", () => {
    expect(exposureSd(stage({ id: "x", sdDemand: 3 }), 4)).toBe(6);
    expect(exposureSd(stage({ id: "x", sdDemand: 3, meanDemand: 10, leadTimeVariance: 0.64 }), 4)).toBe(10);
    expect(exposureSd(stage({ id: "x", sdDemand: 3, meanDemand: 10, leadTimeVariance: 0.64 }), 0)).toBe(8);
  });

  it("solveGsm with a variable inbound lead time keeps stock where the variability enters", () => {
    // Upstream T 2 with Var L = 1 (μ 10, σ 1), h 1; downstream T 1, h 1.2, promises 0. S_u = 0: √(2 + 100) + 1.2 = 11.30;
    // S_u = 2: √(0 + 100) + 1.2·√3 = 12.08. Without the variance S_u = 2 wins (√3·1.2 = 2.08 < √2 + 1.2 = 2.61).
    const stages = (v: number) => [stage({ id: "u", processingTime: 2, leadTimeVariance: v }), stage({ id: "d", parent: 0, holdingCost: 1.2, isDemandNode: true, maxServiceTime: 0 })];
    expect(solveGsm(stages(0), 1).map((p) => p.serviceTime)).toEqual([2, 0]);
    expect(solveGsm(stages(1), 1).map((p) => p.serviceTime)).toEqual([0, 0]);
  });
});
