// Malformed guaranteed-service instances: each problem is reported with its path and the exact
// message of checkGsmTree's contract (gsm-tree.ts), and the DP's own guards throw their messages.
import { describe, expect, it } from "vitest";
import { labelStages, optimizeServiceTimes } from "../../../src/sim/optimize/gsm-tree-dp.ts";
import { checkGsmTree, solveGsmTree, type GsmStage, type GsmTreeInstance } from "../../../src/sim/optimize/gsm-tree.ts";

const messageOf = (f: () => unknown): string => {
  try { f(); } catch (e) { return (e as Error).message; }
  return "(no error)";
};
const two: GsmStage[] = [{ id: "a", processingTime: 1, holdingCost: 1 }, { id: "b", processingTime: 1, holdingCost: 1 }];

describe("checkGsmTree on malformed stages", () => {
  it("checkGsmTree reports a pooling below 1, an empty or non-string id, an infinite processing time and negative demand moments", () => {
    const bad: GsmTreeInstance = {
      z: 1, pooling: 0.5, arcs: [],
      stages: [
        { id: "", processingTime: 1, holdingCost: 1 },
        { id: 5 as unknown as string, processingTime: 1, holdingCost: 1 },
        { id: "c", processingTime: Infinity, holdingCost: 1, demandMean: -1, demandSd: -2 },
      ],
    };
    expect(checkGsmTree(bad)).toEqual([
      "At pooling: expected a number >= 1, got 0.5",
      "At stages.0.id: expected a non-empty string",
      "At stages.1.id: expected a non-empty string",
      "At stages.2.processingTime: expected a number >= 0, got Infinity",
      "At stages.2.demandMean: expected a number >= 0, got -1",
      "At stages.2.demandSd: expected a number >= 0, got -2",
    ]);
  });

  it("checkGsmTree rejects an infinite pooling exponent and accepts pooling 1 (bounds add up)", () => {
    expect(checkGsmTree({ z: 1, pooling: Infinity, stages: two, arcs: [] })).toEqual(["At pooling: expected a number >= 1, got Infinity"]);
    expect(checkGsmTree({ z: 1, pooling: 1, stages: two, arcs: [] })).toEqual([]);
  });

  it("solveGsmTree throws every issue, one per line, under \"Invalid GSM tree:\"", () => {
    const bad: GsmTreeInstance = { z: -1, pooling: 0.5, stages: two, arcs: [] };
    expect(messageOf(() => solveGsmTree(bad))).toBe("Invalid GSM tree:\nAt z: expected a number >= 0, got -1\nAt pooling: expected a number >= 1, got 0.5");
  });
});

describe("checkGsmTree on malformed arcs", () => {
  it("checkGsmTree reports unknown suppliers once each and nothing else", () => {
    expect(checkGsmTree({ z: 1, stages: two, arcs: [{ from: "x", to: "a" }, { from: "y", to: "a" }] })).toEqual([
      "At arcs.0.from: unknown stage \"x\"",
      "At arcs.1.from: unknown stage \"y\"",
    ]);
  });

  it("checkGsmTree reports unknown customers once each and nothing else", () => {
    expect(checkGsmTree({ z: 1, stages: two, arcs: [{ from: "a", to: "x" }, { from: "a", to: "y" }] })).toEqual([
      "At arcs.0.to: unknown stage \"x\"",
      "At arcs.1.to: unknown stage \"y\"",
    ]);
  });

  it("checkGsmTree reports both ends of an arc between two unknown stages, and nothing else", () => {
    expect(checkGsmTree({ z: 1, stages: two, arcs: [{ from: "x", to: "y" }] })).toEqual([
      "At arcs.0.from: unknown stage \"x\"",
      "At arcs.0.to: unknown stage \"y\"",
    ]);
  });

  it("checkGsmTree reports a stage supplying itself as that, not as a cycle", () => {
    expect(checkGsmTree({ z: 1, stages: two, arcs: [{ from: "a", to: "a" }] })).toEqual(["At arcs.0: stage \"a\" cannot supply itself"]);
  });
});

describe("demand stages", () => {
  it("a stage with only a demand mean is a demand stage: it promises 0 unless told otherwise", () => {
    // C (T 2, h 10, external μ 5) supplies D (T 1, h 1, σ 1); z = 1, so σ_C = 1. C has demand, so S_C = 0
    // and D covers 1 period: 10·√2 + 1 = 15.14. (Were C free to promise 2, D would cover 3: √3 = 1.73.)
    const sol = solveGsmTree({
      z: 1,
      stages: [{ id: "C", processingTime: 2, holdingCost: 10, demandMean: 5 }, { id: "D", processingTime: 1, holdingCost: 1, demandSd: 1 }],
      arcs: [{ from: "C", to: "D" }],
    });
    expect(sol.stages.map((s) => s.serviceTime)).toEqual([0, 0]);
    expect(sol.cost).toBeCloseTo(10 * Math.SQRT2 + 1, 12);
  });
});

describe("the DP's guards", () => {
  const stage = { processingTime: 1, externalInbound: 0, maxServiceTime: Infinity };

  it("optimizeServiceTimes refuses a directed cycle as a cycle", () => {
    expect(messageOf(() => optimizeServiceTimes([stage, stage], [{ from: 0, to: 1 }, { from: 1, to: 0 }], () => 0))).toBe("gsm-tree: the stage graph has a cycle");
  });

  it("labelStages refuses an undirected cycle (a diamond) as not a spanning tree", () => {
    const diamond = [{ from: 0, to: 1 }, { from: 0, to: 2 }, { from: 1, to: 3 }, { from: 2, to: 3 }];
    expect(messageOf(() => labelStages(4, diamond))).toBe("gsm-tree: the stage graph is not a spanning tree (it has a cycle)");
  });

  it("optimizeServiceTimes detects a cost that falls as τ grows: the stated plan costs more than the DP's optimum", () => {
    // A (T 1) supplies B (T 1, promises 0). A costs 0 at S_A = 0 and 1 above, so S_A = 0. B costs 10 − τ_B.
    // The DP lets B assume SI = 1 > S_A (τ_B = 2, cost 8): optimum 0 + 8. Stated exactly, SI_B = S_A = 0,
    // τ_B = 1, and the plan costs 9 — more than the optimum, which the self-check reports.
    const cost = (k: number, si: number, s: number) => (k === 0 ? (s === 0 ? 0 : 1) : 10 - (si + 1 - s));
    expect(messageOf(() => optimizeServiceTimes([stage, { ...stage, maxServiceTime: 0 }], [{ from: 0, to: 1 }], cost)))
      .toBe("gsm-tree: plan costs 9, DP optimum 8");
  });

  it("optimizeServiceTimes accepts a plan within rounding (1e-9 relative) of the DP optimum and reports the plan's own cost", () => {
    // As above, but B costs 1e6 at τ 2 and 1e6 + 1e-4 at τ 1: the plan exceeds the optimum 1e6 by
    // 1e-10 of it, far inside 1e-9·1e6 = 1e-3.
    const cost = (k: number, si: number, s: number) => (k === 0 ? (s === 0 ? 0 : 1) : si + 1 - s >= 2 ? 1e6 : 1e6 + 1e-4);
    const sol = optimizeServiceTimes([stage, { ...stage, maxServiceTime: 0 }], [{ from: 0, to: 1 }], cost);
    expect(sol).toEqual({ cost: 1e6 + 1e-4, inbound: [0, 0], service: [0, 0] });
  });
});
