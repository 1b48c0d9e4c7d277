// The check's verdict (src/sim/optimize/network-search.ts), one sentence per case, with a stand-in
// for the engine: the search replications get a closed form of the store's level, the check's
// fresh replications get the estimates each test sets (the plan first, then the best start).
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { optimizeNetwork, type Estimate, type NetworkObjective, type PlanEstimate, type RunSpec, type TargetMeasure } from "../../../src/sim/optimize/index.ts";
import { c, poissonStore } from "./fixtures.ts";

const SEARCH = { seed: 42, replications: 40 }, CHECK = { seed: 43, replications: 200 };
const est = (mean: number, lo: number, hi: number): Estimate => ({ mean, ci95: [lo, hi] });

// One store behind a supplier (4 days), Poisson(16), z = 2: its level is 64 + 16k (μ·τ = 64,
// z·σ·√τ = 2·4·2 = 16). On the search replications its fill rate is 0.5 + (level − 64)/64: the
// target 0.75 is reached first at k = 1 (level 80), so the best start is "single-echelon × 1.000".
const store = poissonStore;
const searchAt = (l: number): PlanEstimate => {
  const f = 0.5 + (l - 64) / 64;
  return { fillRate: est(f, f - 1 / 64, f + 1 / 64), holdingCost: est(l, l - 1, l + 1), totalCost: est(l + 1, l, l + 2), onHandValue: est(2 * l, 2 * l - 2, 2 * l + 2) };
};

// The best start on the fresh replications.
const baseline: PlanEstimate = { fillRate: est(0.7412, 0.7301, 0.7523), holdingCost: est(80.25, 79.5, 81), totalCost: est(90, 89.5, 90.5), onHandValue: est(160.5, 159, 162) };
// The plan on the fresh replications, its fill rate set by each test.
const plan = (fillRate: Estimate): PlanEstimate => ({ fillRate, holdingCost: est(76.1, 75.6, 76.6), totalCost: est(88.4, 87.9, 88.9), onHandValue: est(152.4, 151, 153.8) });

async function check(objective: NetworkObjective, fresh: PlanEstimate, minimize?: TargetMeasure) {
  const answers = [fresh, baseline];
  const evaluate = async (s: Scenario, run: RunSpec) =>
    (run.seed === CHECK.seed ? answers.shift()! : searchAt((s.nodes[1].policy as { level: number }).level));
  // Budget 0: no search step, so the plan is the best start's levels; the check is asked twice.
  const r = await optimizeNetwork(store, { objective, targetFill: 0.75, minimize, target: { z: 2 }, evaluate, search: SEARCH, check: CHECK, maxEvaluations: 0 });
  expect(answers).toEqual([]);
  return r.simulation!.check!;
}

const ON = "On 200 fresh replications (seed 43)";
const START = "for the best analytic start (single-echelon × 1.000)";
const HELD = `holding cost 76.10 per day, against 80.25 at fill rate 0.7412 ${START}`;

describe("optimizeNetwork's verdict (target fill 0.75)", () => {
  it("says the target is met when the lower bound of the fresh fill rate equals it", async () => {
    const c = await check("target-fill", plan(est(0.7625, 0.75, 0.775)));
    expect(c.targetMet).toBe(true);
    expect(c.verdict).toBe(`${ON} the plan's fill rate is 0.7625 [0.7500, 0.7750]: the target 0.75 is met at the lower bound of the 95% interval; ${HELD}.`);
  });

  it("says it is not met when only the mean reaches it (a mean equal to the target)", async () => {
    const c = await check("target-fill", plan(est(0.75, 0.7388, 0.7612)));
    expect(c.targetMet).toBe(false);
    expect(c.verdict).toBe(`${ON} the plan's fill rate is 0.7500 [0.7388, 0.7612]: the target 0.75 is NOT met at the lower bound of the 95% interval (its mean reaches the target, its lower bound does not); ${HELD}.`);
  });

  it("says the target is inside the interval above its mean (an upper bound equal to the target)", async () => {
    const c = await check("target-fill", plan(est(0.7433, 0.7366, 0.75)));
    expect(c.verdict).toBe(`${ON} the plan's fill rate is 0.7433 [0.7366, 0.7500]: the target 0.75 is NOT met at the lower bound of the 95% interval (the target is inside the interval, above its mean); ${HELD}.`);
  });

  it("says the whole interval is below the target", async () => {
    const c = await check("target-fill", plan(est(0.7301, 0.7202, 0.74)));
    expect(c.verdict).toBe(`${ON} the plan's fill rate is 0.7301 [0.7202, 0.7400]: the target 0.75 is NOT met at the lower bound of the 95% interval (the whole interval is below the target); ${HELD}.`);
  });

  it("speaks of the inventory value on hand, not per day, when that is minimised", async () => {
    const c = await check("target-fill", plan(est(0.75, 0.7388, 0.7612)), "inventory-value");
    expect(c.verdict).toBe(`${ON} the plan's fill rate is 0.7500 [0.7388, 0.7612]: the target 0.75 is NOT met at the lower bound of the 95% interval (its mean reaches the target, its lower bound does not); inventory value on hand 152.40, against 160.50 at fill rate 0.7412 ${START}.`);
  });

  it("says what holding cost per day explicitly asked for", async () => {
    const c = await check("target-fill", plan(est(0.7625, 0.75, 0.775)), "holding-cost");
    expect(c.verdict).toBe(`${ON} the plan's fill rate is 0.7625 [0.7500, 0.7750]: the target 0.75 is met at the lower bound of the 95% interval; ${HELD}.`);
  });
});

describe("optimizeNetwork's verdict (total cost)", () => {
  it("gives the plan's cost per day against the best start's, with their intervals", async () => {
    // The total cost l + 1 rises with the level, so the compass search on k ends at k = 0:
    // from 1, 0.5 is cheaper, then 0, and nothing below 0 is tried.
    const c = await check("total-cost", plan(est(0.7, 0.69, 0.71)));
    expect(c.verdict).toBe(`${ON} the plan costs 88.40 [87.90, 88.90] per day, against 90.00 [89.50, 90.50] for the best analytic start (single-echelon × 0.000).`);
    expect("targetMet" in c).toBe(false);
  });
});
