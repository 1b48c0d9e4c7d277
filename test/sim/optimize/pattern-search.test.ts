// The network search against stand-in simulators whose fill rate and costs are known functions of
// the levels, so the optimum is known exactly (Lagrange) and no engine runs.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { groupStages, optimizeNetwork, type PlanEstimate, type PlanEvaluator } from "../../../src/sim/optimize/index.ts";
import { retail } from "../validate/fixtures.ts";
import { base, bs, c } from "./fixtures.ts";

const net: Scenario = {
  ...base,
  nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 0.5, policy: bs }, { id: "a", kind: "store", holdingCost: 1, policy: bs }, { id: "b", kind: "store", holdingCost: 1, policy: bs }],
  lanes: [{ from: "sup", to: "dc", leadTime: c(6) }, { from: "dc", to: "a", leadTime: c(1) }, { from: "dc", to: "b", leadTime: c(2) }],
  demand: [{ node: "a", dist: { type: "normal", mean: 20, sd: 6 } }, { node: "b", dist: { type: "poisson", mean: 8 } }],
};
const ids = ["a", "b", "dc"] as const;
const levelsOf = (s: Scenario) => ids.map((id) => (s.nodes.find((n) => n.id === id)!.policy as { level: number }).level);
const point = (x: number): PlanEstimate["fillRate"] => ({ mean: x, ci95: [x, x] });

// Fill rate 1 − Σ cᵢ·exp(−(xᵢ − mᵢ)/sᵢ), holding cost Σ hᵢ·xᵢ.
const c_ = [0.02, 0.02, 0.01], m = [20, 16, 168], s = [6, 3, 15], h = [1, 1, 0.5];
const fillAt = (x: readonly number[]) => 1 - x.reduce((a, xi, i) => a + c_[i] * Math.exp(-(xi - m[i]) / s[i]), 0);
const holdingAt = (x: readonly number[]) => x.reduce((a, xi, i) => a + h[i] * xi, 0);
function fake(total?: (x: readonly number[]) => number): { evaluate: PlanEvaluator; seen: string[] } {
  const seen: string[] = [];
  const evaluate: PlanEvaluator = async (scenario) => {
    const x = levelsOf(scenario);
    seen.push(x.join(","));
    return { fillRate: point(fillAt(x)), holdingCost: point(holdingAt(x)), totalCost: point(total ? total(x) : 0), onHandValue: point(25 * x.reduce((a, b) => a + b, 0)) };
  };
  return { evaluate, seen };
}
const run = { search: { seed: 1, replications: 10 }, check: { seed: 2, replications: 20 } };

describe("optimizeNetwork (stand-in simulator)", () => {
  it("optimizeNetwork(target-fill) finds the least holding cost at the target fill rate (the Lagrange optimum)", async () => {
    // Optimum: cᵢ·exp(−(xᵢ − mᵢ)/sᵢ) = hᵢ·sᵢ/λ with Σ = 1 − F.
    const F = 0.97, lambda = h.reduce((a, hi, i) => a + hi * s[i], 0) / (1 - F);
    const best = h.map((hi, i) => m[i] - s[i] * Math.log((hi * s[i]) / lambda / c_[i]));
    const { evaluate, seen } = fake();
    const r = await optimizeNetwork(net, { objective: "target-fill", targetFill: F, evaluate, ...run });
    const x = levelsOf(r.scenario);
    expect(fillAt(x)).toBeGreaterThanOrEqual(F);
    expect(holdingAt(x) - holdingAt(best)).toBeLessThan(0.002 * holdingAt(best));
    expect(holdingAt(x)).toBeLessThan(r.simulation!.starts!.reduce((a, st) => Math.min(a, st.holdingCost.mean), Infinity) - 1);
    // Every candidate simulated once; the check runs the plan and the best start on the fresh seed.
    expect(new Set(seen.slice(0, -2)).size).toBe(seen.length - 2);
    expect(r.simulation!.evaluations).toBe(seen.length - 2);
  });

  it("optimizeNetwork(target-fill, inventory-value) finds the least stock on hand at the target (every unit worth 25)", async () => {
    const F = 0.97, lambda = s.reduce((a, si) => a + si, 0) / (1 - F);
    const best = s.map((si, i) => m[i] - si * Math.log(si / lambda / c_[i]));
    const units = (x: readonly number[]) => x.reduce((a, b) => a + b, 0);
    const r = await optimizeNetwork(net, { objective: "target-fill", targetFill: F, minimize: "inventory-value", evaluate: fake().evaluate, ...run });
    const x = levelsOf(r.scenario);
    expect(fillAt(x)).toBeGreaterThanOrEqual(F);
    expect(units(x) - units(best)).toBeLessThan(0.002 * units(best));
    expect(r.simulation).toMatchObject({ minimize: "inventory-value", onHandValue: { mean: 25 * units(x) } });
  });

  it("optimizeNetwork(total-cost) finds the minimum of the total cost", async () => {
    const target = [23, 19, 150];
    const total = (x: readonly number[]) => 100 + x.reduce((a, xi, i) => a + h[i] * (xi - target[i]) ** 2, 0);
    const r = await optimizeNetwork(net, { objective: "total-cost", evaluate: fake(total).evaluate, ...run });
    levelsOf(r.scenario).forEach((xi, i) => expect(Math.abs(xi - target[i])).toBeLessThan(0.5));
    expect(r.simulation!.totalCost!.mean).toBeLessThan(100.1);
  });

  it("optimizeNetwork stops at its evaluation budget", async () => {
    const { evaluate } = fake();
    const r = await optimizeNetwork(net, { objective: "target-fill", targetFill: 0.97, evaluate, ...run, maxEvaluations: 30 });
    expect(r.simulation!.evaluations).toBeLessThanOrEqual(30);
  });

  it("optimizeNetwork says plainly when no start reaches the target", async () => {
    const never: PlanEvaluator = async () => ({ fillRate: point(0.5), holdingCost: point(1), totalCost: point(1), onHandValue: point(1) });
    const r = await optimizeNetwork(net, { objective: "target-fill", targetFill: 0.9, evaluate: never, ...run });
    expect(r.simulation).toMatchObject({ reached: false, check: { targetMet: false } });
    expect(r.simulation!.check!.verdict).toContain("the target 0.9 is NOT met at the lower bound of the 95% interval (the whole interval is below the target)");
  });

  it("optimizeNetwork rejects a target fill outside (0, 1], naming the field", async () => {
    await expect(optimizeNetwork(net, { objective: "target-fill", targetFill: 1.5, evaluate: fake().evaluate, ...run })).rejects.toThrow(/^targetFill: /);
  });
});

describe("groupStages", () => {
  it("groupStages puts alike stages under alike parents in one group", () => {
    const twins: Scenario = { ...net, demand: [{ node: "a", dist: { type: "poisson", mean: 8 } }, { node: "b", dist: { type: "poisson", mean: 8 } }], lanes: net.lanes.map((l) => ({ ...l, leadTime: c(l.to === "dc" ? 6 : 2) })) };
    expect(groupStages(twins).map((g) => g.ids)).toEqual([["dc"], ["a", "b"]]);
    expect(groupStages(net).map((g) => g.ids)).toEqual([["dc"], ["a"], ["b"]]);
    // Scale: √(σ²·max(T, 1) + μ²·Var L) for one member: a store with Poisson(8) demand (σ² = 8) and a 2-day lane.
    expect(groupStages(twins)[1].scale).toBeCloseTo(Math.sqrt(8 * 2), 9);
  });

  it("groupStages makes the retail scenario's 26 stocking nodes 4 coordinates: plant, central DC, regional DCs, stores", () => {
    const groups = groupStages(retail() as Scenario);
    expect(groups.map((g) => [g.ids[0], g.members.length])).toEqual([["plant", 1], ["central-dc", 1], ["dc-north", 4], ["store-north-1", 20]]);
  });
});
