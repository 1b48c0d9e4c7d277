// Ties between plans of equal cost: both GSM solvers keep the smaller service time (stock held
// further upstream), and treat costs that differ only by rounding (1e-12 of their size) as equal.
import { describe, expect, it } from "vitest";
import { solveGsm } from "../../../src/sim/optimize/gsm.ts";
import { optimizeServiceTimes } from "../../../src/sim/optimize/gsm-tree-dp.ts";
import { solveGsmTree } from "../../../src/sim/optimize/gsm-tree.ts";
import type { Stage } from "../../../src/sim/optimize/network.ts";

const stage = (p: Partial<Stage> & { id: string }): Stage => ({
  parent: -1, processingTime: 1, externalInbound: 0, holdingCost: 1, meanDemand: 10, sdDemand: 1,
  isDemandNode: false, maxServiceTime: Infinity, leadTimeVariance: 0, ...p,
});

describe("solveGsm ties", () => {
  it("solveGsm keeps S = 0 when every service time costs nothing (σ = 0)", () => {
    // One stage, T 2, no demand uncertainty: S = 0, 1, 2 all cost 0; the smallest wins.
    expect(solveGsm([stage({ id: "s", processingTime: 2, sdDemand: 0 })], 1)).toEqual([{ inboundServiceTime: 0, serviceTime: 0, netReplenishmentTime: 2 }]);
  });

  it("solveGsm keeps the smaller S on a tie that rounding splits, at a cost of a million", () => {
    // u (T 1, h_u) supplies the demand node d (T 1, h_d, promises 0); σ 1, z 1. S_u = 0 costs
    // h_u·1 + h_d·1, S_u = 1 costs h_d·√2; with h_u = h_d(√2 − 1) both are h_d·√2, a tie, so S_u = 0.
    // (h_d = 1000007: in floating point the S_u = 1 sum comes out 2.3e-10 lower — rounding, not cost.)
    const hd = 1000007;
    const plans = solveGsm([stage({ id: "u", holdingCost: hd * (Math.SQRT2 - 1) }), stage({ id: "d", parent: 0, holdingCost: hd, isDemandNode: true, maxServiceTime: 0 })], 1);
    expect(plans.map((p) => p.serviceTime)).toEqual([0, 0]);
  });
});

describe("optimizeServiceTimes ties", () => {
  it("optimizeServiceTimes counts a cost lower by 1e-13 of its size as a tie and keeps S = 0", () => {
    // One stage, T 1, unbounded promise: S = 0 costs 1e6, S = 1 costs 1e6 − 1e-7 (1e-13 relative).
    const sol = optimizeServiceTimes([{ processingTime: 1, externalInbound: 0, maxServiceTime: Infinity }], [], (_k, _si, s) => (s === 0 ? 1e6 : 1e6 - 1e-7));
    expect(sol).toEqual({ cost: 1e6, inbound: [0], service: [0] });
  });

  it("optimizeServiceTimes keeps S = 0 on an exact tie", () => {
    const sol = optimizeServiceTimes([{ processingTime: 2, externalInbound: 0, maxServiceTime: Infinity }], [], () => 3);
    expect(sol).toEqual({ cost: 3, inbound: [0], service: [0] });
  });

  it("solveGsmTree keeps the supplier's smaller S on a tie that reaches a customer with a slower outside supplier", () => {
    // B (T 1, h 1, σ 1, promises 0) is fed by A (T 1, h 0) and by an outside supplier quoting 1.
    // SI_B = max(1, S_A) = 1 for S_A = 0 or 1: B covers 2 periods (√2) either way and A costs 0,
    // so the tie keeps S_A = 0. B is listed first, so the DP sees A from B's inbound side.
    const sol = solveGsmTree({
      z: 1,
      stages: [{ id: "B", processingTime: 1, holdingCost: 1, demandSd: 1, externalInboundServiceTime: 1 }, { id: "A", processingTime: 1, holdingCost: 0 }],
      arcs: [{ from: "A", to: "B" }],
    });
    expect(sol.stages.map((s) => [s.id, s.inboundServiceTime, s.serviceTime])).toEqual([["B", 1, 0], ["A", 0, 0]]);
    expect(sol.cost).toBeCloseTo(Math.SQRT2, 12);
  });
});
