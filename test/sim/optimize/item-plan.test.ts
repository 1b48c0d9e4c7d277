import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { protectedDays, stageCost, type StagePlan } from "../../../src/sim/optimize/gsm.ts";
import { itemStagesOf, type ItemStage } from "../../../src/sim/optimize/item-graph.ts";
import { NotASpanningTreeError, planItems } from "../../../src/sim/optimize/item-plan.ts";
import type { Stage } from "../../../src/sim/optimize/network.ts";
import { planScenario } from "../../../src/sim/optimize/optimize-scenario.ts";

const root = join(import.meta.dirname, "../../..");
const load = (name: string) => JSON.parse(readFileSync(join(root, "scenarios", name), "utf8")) as Scenario;
const costOf = (stages: readonly Stage[], plans: readonly StagePlan[], z: number) =>
  plans.reduce((a, p, k) => a + stageCost(stages[k], z, p.netReplenishmentTime), 0);

/**
 * Every feasible plan under Echelon's rules, enumerated: SI = the largest of the inputs' S (or
 * the outside supplier's promise); S ≤ ⌊SI + T⌋, except that a demand node may always promise 1
 * day (its order arrives the next morning at the earliest), and S ≤ its customers' service time;
 * cost h·z·√(σ²·τ + μ²·Var L) with the one-day floor at a demand node promising 0.
 */
function enumerate(stages: readonly ItemStage[], z: number): number {
  const order: number[] = [];
  const visit = (k: number) => { if (order.includes(k)) return; stages[k].inputs.forEach((i) => visit(i.index)); order.push(k); };
  stages.forEach((_, k) => visit(k));
  const S = new Array<number>(stages.length);
  let best = Infinity;
  const go = (t: number, acc: number) => {
    if (t === stages.length) { best = Math.min(best, acc); return; }
    const k = order[t], st = stages[k];
    const si = st.inputs.reduce((m, i) => Math.max(m, S[i.index]), st.externalInbound);
    const cap = Math.max(Math.floor(si + st.processingTime + 1e-9), st.isDemandNode ? 1 : 0);
    for (let s = 0; s <= Math.min(cap, st.maxServiceTime); s++) {
      S[k] = s;
      go(t + 1, acc + stageCost(st, z, protectedDays(st, si, s)));
    }
  };
  go(0, 0);
  return best;
}

/** A random spanning tree of 1..6 items: each item k ≥ 1 hangs off an earlier one, as its input or its customer. */
const randomItems = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  links: fc.array(fc.record({ to: fc.nat(), upstream: fc.boolean(), quantity: fc.constantFrom(1, 1, 2, 0.5) }), { minLength: n - 1, maxLength: n - 1 }),
  attrs: fc.array(fc.record({
    T: fc.constantFrom(0, 0, 1, 2, 1.5), h: fc.integer({ min: 1, max: 4 }), sd: fc.integer({ min: 1, max: 3 }), lt: fc.constantFrom(0, 0, 0.5),
    demand: fc.boolean(), smax: fc.integer({ min: 0, max: 2 }), si: fc.integer({ min: 0, max: 2 }),
  }), { minLength: n, maxLength: n }),
  z: fc.constantFrom(1, 1.645, 2),
})).map(({ links, attrs, z }) => {
  const inputs = attrs.map(() => [] as { index: number; quantity: number }[]);
  links.forEach((l, i) => {
    const k = i + 1, other = l.to % k;
    if (l.upstream) inputs[other].push({ index: k, quantity: l.quantity }); else inputs[k].push({ index: other, quantity: l.quantity });
  });
  const stages = attrs.map((a, k): ItemStage => ({
    id: `n${k}`, product: "p", inputs: inputs[k], parent: -1, processingTime: a.T, externalInbound: inputs[k].length === 0 ? a.si : 0,
    holdingCost: a.h, meanDemand: 10, sdDemand: a.sd, leadTimeVariance: a.lt,
    isDemandNode: a.demand, maxServiceTime: a.demand ? a.smax : Infinity,
  }));
  return { stages, z };
});

describe("planItems", () => {
  it("planItems(gsm) finds the least cost of every feasible plan on random assembly, distribution and mixed trees, demand nodes with T = 0 included", () => {
    fc.assert(fc.property(randomItems, ({ stages, z }) => {
      const plans = planItems(stages, "gsm", z);
      expect(costOf(stages, plans, z)).toBeCloseTo(enumerate(stages, z), 9);
      for (const [k, p] of plans.entries()) {
        const s = stages[k];
        expect(p.inboundServiceTime).toBe(Math.max(s.externalInbound, ...s.inputs.map((i) => plans[i.index].serviceTime)));
        expect(p.serviceTime).toBeLessThanOrEqual(Math.min(s.maxServiceTime, Math.max(Math.floor(p.inboundServiceTime + s.processingTime + 1e-9), s.isDemandNode ? 1 : 0)));
      }
    }), { seed: 1212, numRuns: 400 });
  });

  it("planItems(single-echelon) covers each item's own processing time and assumes instant supply", () => {
    const stages = itemStagesOf(load("retail-3-echelon.json"));
    for (const [k, p] of planItems(stages, "single-echelon", 1.645).entries()) {
      expect([p.inboundServiceTime, p.serviceTime, p.netReplenishmentTime]).toEqual([0, 0, protectedDays(stages[k], 0, 0)]);
    }
  });

  it.each(["retail-3-echelon.json", "multi-product-network.json", "serial-example-6-1.json"])(
    "on %s (no bill of materials) the item graph has the product trees' stages and planItems(gsm) their optimum", (file) => {
      const s = load(file), z = 1.645;
      const items = itemStagesOf(s, { leadTimeVariance: true }), trees = planScenario(s, "gsm", z, true);
      expect(items).toHaveLength(trees.length);
      const key = (id: string, product: string) => `${id}/${product}`;
      const byKey = new Map(items.map((st) => [key(st.id, st.product), st]));
      for (const { product, stage } of trees) {
        const item = byKey.get(key(stage.id, product))!;
        for (const field of ["processingTime", "externalInbound", "holdingCost", "isDemandNode", "maxServiceTime", "leadTimeVariance"] as const) expect(item[field]).toBe(stage[field]);
        expect(item.meanDemand).toBeCloseTo(stage.meanDemand, 9);
        expect(item.sdDemand).toBeCloseTo(stage.sdDemand, 9);
      }
      expect(costOf(items, planItems(items, "gsm", z), z)).toBeCloseTo(costOf(trees.map((t) => t.stage), trees.map((t) => t.plan), z), 9);
    });

  it("planItems(gsm) throws NotASpanningTreeError on an undirected cycle, and single-echelon does not", () => {
    const item = (id: string, inputs: { index: number; quantity: number }[]): ItemStage => ({
      id, product: "p", inputs, parent: -1, processingTime: 1, externalInbound: 0, holdingCost: 1, meanDemand: 1, sdDemand: 1,
      leadTimeVariance: 0, isDemandNode: false, maxServiceTime: Infinity,
    });
    const diamond = [item("c", []), item("a", [{ index: 0, quantity: 1 }]), item("f", [{ index: 0, quantity: 1 }, { index: 1, quantity: 1 }])];
    expect(() => planItems(diamond, "gsm", 1)).toThrow(NotASpanningTreeError);
    expect(() => planItems(diamond, "gsm", 1)).toThrow(/item \(f, p\) is joined to \(a, p\)/);
    expect(planItems(diamond, "single-echelon", 1)).toHaveLength(3);
  });
});
