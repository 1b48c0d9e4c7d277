import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { buildResult, optimizeScenario, planScenario, resolveTarget, type NodeOptimum } from "../../../src/sim/optimize/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { base, bs, c, poissonStore } from "./fixtures.ts";

// One store behind a supplier (4 days), Poisson(16): μ = 16, σ = 4, τ = 4, so μ·τ = 64.
const store = poissonStore;
const twoPoint = (mean: number, sd: number) => ({ type: "discrete", values: [mean - sd, mean + sd], probs: [0.5, 0.5] }) as const;

describe("resolveTarget: the service level's bounds", () => {
  it("accepts a service level of exactly 0.5: z = Φ⁻¹(0.5) = 0, no safety stock", () => {
    expect(resolveTarget({ serviceLevel: 0.5 })).toEqual({ serviceLevel: 0.5, z: expect.closeTo(0, 12) });
    const r = optimizeScenario(store, { method: "single-echelon", serviceLevel: 0.5 });
    const s = r.nodes.s as NodeOptimum;
    expect(s.safetyStock).toBeCloseTo(0, 9);
    expect(s.baseStock).toBeCloseTo(64, 9); // μ·τ alone
  });

  it("refuses a service level below 0.5, and 1, with the message naming the field and the value", () => {
    expect(() => resolveTarget({ serviceLevel: 0.4 })).toThrow(new RangeError("serviceLevel: must be at least 0.5 and below 1, got 0.4"));
    expect(() => optimizeScenario(store, { method: "gsm", serviceLevel: 0.4999 })).toThrow(new RangeError("serviceLevel: must be at least 0.5 and below 1, got 0.4999"));
    expect(() => resolveTarget({ serviceLevel: 1 })).toThrow(new RangeError("serviceLevel: must be at least 0.5 and below 1, got 1"));
  });
});

describe("planScenario", () => {
  it("without bills of materials plans each product's tree in turn, parents first", () => {
    // Products p and q both go sup → dc → s: p's dc and s, then q's (item order would be node by node).
    const two: Scenario = {
      ...base,
      products: [{ id: "p" }, { id: "q" }],
      nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", policy: { p: bs, q: bs }, holdingCost: 1 }, { id: "s", kind: "store", policy: { p: bs, q: bs }, holdingCost: 2 }],
      lanes: [{ from: "sup", to: "dc", leadTime: c(2) }, { from: "dc", to: "s", leadTime: c(1) }],
      demand: [{ node: "s", product: "p", dist: c(5) }, { node: "s", product: "q", dist: c(3) }],
    };
    expect(validateScenario(two).ok).toBe(true);
    expect(planScenario(two, "gsm", 1).map((x) => [x.product, x.stage.id])).toEqual([["p", "dc"], ["p", "s"], ["q", "dc"], ["q", "s"]]);
  });

  it("with bills of materials counts the lead-time variance of a component's lane when asked", () => {
    // The plant makes w from one c (1 day) and buys c over a lane of 1 or 3 days (mean 2,
    // Var L = 1). Demand for w: 8 or 12 (μ 10, σ 2), so c serves μ 10, σ 2 too.
    // Single-echelon, z = 1: c covers τ = T = 2 days, safety stock √(σ²τ + μ²·Var L) = √(4·2 + 100)
    // = √108 with the variance, √8 without.
    const bom: Scenario = {
      ...base,
      products: [{ id: "w" }, { id: "c" }],
      nodes: [
        { id: "sup", kind: "supplier" },
        { id: "plant", kind: "plant", policy: { w: bs, c: bs }, holdingCost: 1, bom: [{ product: "w", components: { c: 1 }, assemblyTime: 1 }] },
      ],
      lanes: [{ from: "sup", to: "plant", leadTime: { type: "discrete", values: [1, 3], probs: [0.5, 0.5] }, products: ["c"] }],
      demand: [{ node: "plant", product: "w", dist: twoPoint(10, 2) }],
    };
    expect(validateScenario(bom).ok).toBe(true);
    const component = (plans: ReturnType<typeof planScenario>) => plans.find((p) => p.product === "c")!.stage;
    expect(component(planScenario(bom, "single-echelon", 1, true)).leadTimeVariance).toBeCloseTo(1, 12);
    expect(component(planScenario(bom, "single-echelon", 1)).leadTimeVariance).toBe(0);
    const c1 = (v: boolean) => (optimizeScenario(bom, { method: "single-echelon", z: 1, leadTimeVariance: v }).nodes.plant as { c: NodeOptimum }).c;
    expect(c1(true).netReplenishmentTime).toBe(2);
    expect(c1(true).safetyStock).toBeCloseTo(Math.sqrt(108), 9);
    expect(c1(false).safetyStock).toBeCloseTo(Math.sqrt(8), 9);
  });
});

describe("buildResult", () => {
  it("at chosen levels, holds as safety stock what each level keeps above μ·τ", () => {
    // Level 80 at the store: 80 − 16·4 = 16 units of safety stock, at holding cost 1.
    const target = resolveTarget({ z: 2 });
    const r = buildResult(store, "simulation", target, planScenario(store, "gsm", target.z), 1, [80]);
    expect(r.nodes.s).toMatchObject({ meanDemand: 16, netReplenishmentTime: 4, safetyStock: 16, baseStock: 80 });
    expect([r.safetyStockUnits, r.safetyStockCost]).toEqual([16, 16]);
    // Below μ·τ the safety stock is negative: 60 − 64 = −4.
    const low = buildResult(store, "simulation", target, planScenario(store, "gsm", target.z), 1, [60]);
    expect((low.nodes.s as NodeOptimum).safetyStock).toBe(-4);
    expect(low.scenario.nodes[1].policy).toEqual({ type: "base-stock", level: 60 });
  });

  it("carries the sourcing notes, after the totals, only when there are any", () => {
    // dc buys from sup1 (primary) and sup2 (backup): the analytic model keeps sup1 and says so.
    const dual: Scenario = {
      ...base,
      nodes: [{ id: "sup1", kind: "supplier" }, { id: "sup2", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 1, policy: bs }],
      lanes: [{ from: "sup1", to: "dc", leadTime: c(2), sourcing: { role: "primary" } }, { from: "sup2", to: "dc", leadTime: c(5), sourcing: { role: "backup" } }],
      demand: [{ node: "dc", dist: c(4) }],
    };
    expect(validateScenario(dual).ok).toBe(true);
    const r = optimizeScenario(dual, { method: "gsm", z: 1 });
    expect(r.notes).toEqual([
      "dc has several sources: the analytic model keeps its primary source, the lane from sup1, and leaves out sup2; " +
      "simulate the plan (--verify, or the network method) to see what the sourcing rule delivers.",
    ]);
    expect(Object.keys(r)).toEqual(["format", "method", "serviceLevel", "z", "nodes", "safetyStockUnits", "safetyStockCost", "notes", "scenario"]);
    expect(Object.keys(optimizeScenario(store, { method: "gsm", z: 1 }))).not.toContain("notes");
  });
});
