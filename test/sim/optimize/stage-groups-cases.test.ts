// scenarioStages' order and inputs on a distribution scenario, and groupStages' signature and
// scale (stage-groups.ts: lead-time variance always counted).
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { groupStages } from "../../../src/sim/optimize/stage-groups.ts";
import { scenarioStages } from "../../../src/sim/optimize/scenario-stages.ts";
import { twoPoint } from "./bom-fixtures.ts";
import { base, bs, c } from "./fixtures.ts";

describe("scenarioStages without bills of materials", () => {
  it("scenarioStages lists each product's tree in turn, parents first, each stage fed by its parent", () => {
    // Products p and q both stock at dc and at store a (dc supplies a). Product by product:
    // (p, dc) [], (p, a) [0], (q, dc) [], (q, a) [2] — a node-by-node listing would interleave them.
    const s: Scenario = {
      ...base,
      products: [{ id: "p" }, { id: "q" }],
      nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 1, policy: bs }, { id: "a", kind: "store", holdingCost: 1, policy: bs }],
      lanes: [{ from: "sup", to: "dc", leadTime: c(3) }, { from: "dc", to: "a", leadTime: c(1) }],
      demand: [{ node: "a", product: "p", dist: { type: "poisson", mean: 5 } }, { node: "a", product: "q", dist: { type: "poisson", mean: 3 } }],
    } as Scenario;
    expect(scenarioStages(s).map((x) => [x.product, x.stage.id, x.inputs])).toEqual([["p", "dc", []], ["p", "a", [0]], ["q", "dc", []], ["q", "a", [2]]]);
  });
});

describe("groupStages", () => {
  // dc (uniform 2..5 lead time: whole days 2, 3, 4, 5 equally likely (random/sampler.ts), mean 3.5,
  // variance (4² − 1)/12 = 1.25) supplies stores a and b, each with
  // Poisson(20) demand (μ = σ² = 20).
  const net = (a: { h: number; lead: number }, b: { h: number; lead: number }): Scenario => ({
    ...base,
    nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 0.5, policy: bs },
      { id: "a", kind: "store", holdingCost: a.h, policy: bs }, { id: "b", kind: "store", holdingCost: b.h, policy: bs }],
    lanes: [{ from: "sup", to: "dc", leadTime: { type: "uniform", min: 2, max: 5 } }, { from: "dc", to: "a", leadTime: c(a.lead) }, { from: "dc", to: "b", leadTime: c(b.lead) }],
    demand: [{ node: "a", dist: { type: "poisson", mean: 20 } }, { node: "b", dist: { type: "poisson", mean: 20 } }],
  }) as Scenario;

  it("groupStages counts the lead-time variance in a group's scale", () => {
    // The dc serves μ 40, σ² 40 over T 3.5 with Var L 1.25: √(40·3.5 + 40²·1.25) = √2140.
    const groups = groupStages(net({ h: 1, lead: 2 }, { h: 1, lead: 2 }));
    expect(groups.map((g) => g.ids)).toEqual([["dc"], ["a", "b"]]);
    expect(groups[0].scale).toBeCloseTo(Math.sqrt(40 * 3.5 + 1600 * 1.25), 9);
    // The stores' constant lanes add no variance: √(20·2).
    expect(groups[1].scale).toBeCloseTo(Math.sqrt(20 * 2), 9);
  });

  it("groupStages separates stores whose holding cost and lead time differ, even when their digits run together", () => {
    // a: h 1, T 12; b: h 11, T 2 — not interchangeable.
    expect(groupStages(net({ h: 1, lead: 12 }, { h: 11, lead: 2 })).map((g) => g.ids)).toEqual([["dc"], ["a"], ["b"]]);
  });

  it("groupStages keeps apart two assemblies of one product whose input groups differ, [1, 2] against [12]", () => {
    // Every item is unlike every other: f0..f8, c1, c2, c3 are distinct products, and X is made at
    // M1 from c1 and c2 but at M2 from c3, alike otherwise (h 1, assembly 1 day, demand μ 10, σ 2,
    // promise 0). Groups come in visit order, inputs first: f0 0; c1 1, c2 2, X@M1 3 (inputs 1 and
    // 2); f1..f8 4..11; c3 12, X@M2 13 (input 12). So 14 groups of one item each.
    const fillers = Array.from({ length: 9 }, (_, i) => `f${i}`);
    const hold = (ps: readonly string[]) => ({ policy: Object.fromEntries(ps.map((p) => [p, bs])), holdingCost: Object.fromEntries(ps.map((p) => [p, 1])) });
    const lane = (to: string, product: string) => ({ from: "sup", to, leadTime: c(2), products: [product] });
    const s = {
      ...base,
      products: ["X", "c1", "c2", "c3", ...fillers].map((id) => ({ id })),
      nodes: [
        { id: "sup", kind: "supplier" },
        { id: "F0", kind: "plant", ...hold(["f0"]) },
        { id: "M1", kind: "plant", ...hold(["X", "c1", "c2"]), bom: [{ product: "X", components: { c1: 1, c2: 1 }, assemblyTime: 1 }] },
        { id: "F", kind: "plant", ...hold(fillers.slice(1)) },
        { id: "M2", kind: "plant", ...hold(["X", "c3"]), bom: [{ product: "X", components: { c3: 1 }, assemblyTime: 1 }] },
      ],
      lanes: [lane("F0", "f0"), lane("M1", "c1"), lane("M1", "c2"), ...fillers.slice(1).map((f) => lane("F", f)), lane("M2", "c3")],
      demand: [{ node: "M1", product: "X", dist: twoPoint(10, 2) }, { node: "M2", product: "X", dist: twoPoint(10, 2) }],
    } as unknown as Scenario;
    const groups = groupStages(s);
    expect(groups).toHaveLength(14);
    expect(groups.map((g) => g.ids)).toEqual([["F0"], ["M1"], ["M1"], ["M1"], ...fillers.slice(1).map(() => ["F"]), ["M2"], ["M2"]]);
  });
});
