import { describe, expect, it } from "vitest";
import type { NodeSpec, Scenario } from "../../../src/sim/model/index.ts";
import { itemStagesOf } from "../../../src/sim/optimize/item-graph.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { twoPoint, cyclicItems } from "./bom-fixtures.ts";
import { base, bs, c } from "./fixtures.ts";

/**
 * Upstream plant U (x, from supplier S promising 3 days, lead time 1 or 3 days: mean 2,
 * variance 1) ships x to plant P (2 days), which makes y from 2 units of x (assembly 1 day,
 * processingTime 1) and ships y to dc D (1 day), where customers buy y (mean 10, sd 2).
 * U and P promise 2 days (a serviceTime on a node that faces no customers). U is listed before S.
 */
function chain(): Scenario {
  const nodes: NodeSpec[] = [
    { id: "U", kind: "plant", policy: { x: bs }, serviceTime: 2 },
    { id: "S", kind: "supplier", serviceTime: 3 },
    { id: "P", kind: "plant", processingTime: 1, serviceTime: 2, policy: { x: bs, y: bs }, bom: [{ product: "y", components: { x: 2 }, assemblyTime: 1 }] },
    { id: "D", kind: "dc", policy: { y: bs } },
  ];
  return {
    ...base,
    products: [{ id: "x" }, { id: "y" }],
    nodes,
    lanes: [
      { from: "S", to: "U", leadTime: { type: "discrete", values: [1, 3], probs: [0.5, 0.5] }, products: ["x"] },
      { from: "U", to: "P", leadTime: c(2), products: ["x"] },
      { from: "P", to: "D", leadTime: c(1), products: ["y"] },
    ],
    demand: [{ node: "D", product: "y", dist: twoPoint(10, 2) }],
  } as Scenario;
}

const view = (s: Scenario, opts?: { leadTimeVariance?: boolean }) =>
  itemStagesOf(s, opts).map((st) => ({
    item: `${st.id}/${st.product}`, parent: st.parent, inputs: st.inputs, processingTime: st.processingTime,
    externalInbound: st.externalInbound, leadTimeVariance: st.leadTimeVariance, meanDemand: st.meanDemand, sdDemand: st.sdDemand,
  }));

describe("itemStagesOf on a chain with a recipe in the middle", () => {
  it("gives a lane-fed item its lane's source as parent, a made item none, and only a root fed by a supplier that supplier's promise", () => {
    const s = chain();
    expect(validateScenario(s).ok).toBe(true);
    // Items in scenario order: 0 (U,x), 1 (P,x), 2 (P,y), 3 (D,y).
    // (U,x): fed by S (not an item): parent −1, T = mean lead 2, SI = S's promise 3.
    // (P,x): fed by (U,x) along its lane: parent 0, T = 2 + 1; U promises 2 but is not an outside supplier: SI 0.
    // (P,y): made from 2 × (P,x): parent −1 (a recipe), T = assembly 1 + 1.
    // (D,y): fed by (P,y): parent 2, T = 1. Demand 10 ± 2 at D reaches (P,y) ×1 and x ×2.
    // Without leadTimeVariance every lead-time variance is 0.
    expect(view(s)).toEqual([
      { item: "U/x", parent: -1, inputs: [], processingTime: 2, externalInbound: 3, leadTimeVariance: 0, meanDemand: 20, sdDemand: 4 },
      { item: "P/x", parent: 0, inputs: [{ index: 0, quantity: 1 }], processingTime: 3, externalInbound: 0, leadTimeVariance: 0, meanDemand: 20, sdDemand: 4 },
      { item: "P/y", parent: -1, inputs: [{ index: 1, quantity: 2 }], processingTime: 2, externalInbound: 0, leadTimeVariance: 0, meanDemand: 10, sdDemand: 2 },
      { item: "D/y", parent: 2, inputs: [{ index: 2, quantity: 1 }], processingTime: 1, externalInbound: 0, leadTimeVariance: 0, meanDemand: 10, sdDemand: 2 },
    ]);
  });

  it("counts the lead-time variance only when asked: 1 day² on S → U (1 or 3 days), 0 on constant lanes and recipes", () => {
    const s = chain();
    expect(view(s, { leadTimeVariance: true }).map((v) => v.leadTimeVariance)).toEqual([1, 0, 0, 0]);
    expect(view(s, { leadTimeVariance: false }).map((v) => v.leadTimeVariance)).toEqual([0, 0, 0, 0]);
  });
});

describe("itemStagesOf, demand reaching upstream along every path", () => {
  it("serves a ladder of 30 diamonds in linear time: the item at depth k serves 2^k units per unit sold", () => {
    // At plant A, p_k is made from a_k and b_k (one each), and a_k and b_k are each made from one
    // p_{k+1}; p_30 comes from supplier S. One p_0 uses 2 units of p_1, …, 2^k units of p_k
    // (the paths through a and b both count). 2^30 paths: only memoised sums finish.
    const N = 30;
    const products: string[] = [];
    const bom: { product: string; components: Record<string, number> }[] = [];
    for (let k = 0; k < N; k++) {
      products.push(`p${k}`, `a${k}`, `b${k}`);
      bom.push({ product: `p${k}`, components: { [`a${k}`]: 1, [`b${k}`]: 1 } },
        { product: `a${k}`, components: { [`p${k + 1}`]: 1 } }, { product: `b${k}`, components: { [`p${k + 1}`]: 1 } });
    }
    products.push(`p${N}`);
    const s = {
      ...base,
      products: products.map((id) => ({ id })),
      nodes: [{ id: "S", kind: "supplier" }, { id: "A", kind: "plant", policy: Object.fromEntries(products.map((p) => [p, bs])), bom }],
      lanes: [{ from: "S", to: "A", leadTime: c(1), products: [`p${N}`] }],
      demand: [{ node: "A", product: "p0", dist: twoPoint(1, 1) }],
    } as Scenario;
    expect(validateScenario(s).ok).toBe(true);
    const stages = itemStagesOf(s);
    const at = (p: string) => stages.find((st) => st.product === p)!;
    expect(at("p0").meanDemand).toBe(1);
    expect(at("a0").meanDemand).toBe(1);
    expect(at("p1").meanDemand).toBe(2);
    expect(at("p10").meanDemand).toBe(2 ** 10);
    expect(at(`p${N}`).meanDemand).toBe(2 ** N);
    expect(at(`p${N}`).sdDemand).toBe(2 ** N);
  });
});

describe("itemStagesOf on an item graph with a cycle (a scenario validation refuses)", () => {
  it("names the item that is made from itself", () => {
    // A makes y from x and ships y to B; B makes x from y and ships x back to A. Items 0 (A,x),
    // 1 (A,y), 2 (B,x), 3 (B,y): (A,x) → (A,y) → (B,y) → (B,x) → (A,x), found from item 0.
    const s = cyclicItems;
    expect(() => itemStagesOf(s)).toThrow("item (A, x) is made, through its lanes and recipes, from itself: the optimiser needs an acyclic item graph");
  });
});
