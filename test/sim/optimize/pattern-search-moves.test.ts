// patternSearch (pattern-search.ts) on a stand-in probe whose fill rate and cost are closed-form
// functions of the levels: the moves, their notes, when the steps halve and when the search stops.
// Every expected step below is derived by hand from the rules in the file's doc comment:
// steps start at scale/2; total cost takes the best improving move of all downs and ups and halves
// the step of every group none of whose moves improves; target fill takes the cheapest feasible
// down step, else tries an exchange, else halves every step; the search stops when every step is
// below minStep × scale (default 1/32) or when the next batch of moves would exceed the budget.
import { describe, expect, it } from "vitest";
import { patternSearch } from "../../../src/sim/optimize/pattern-search.ts";
import type { Goal } from "../../../src/sim/optimize/probe.ts";
import type { StageGroup } from "../../../src/sim/optimize/stage-groups.ts";
import { pointOf, probeOf, recorder, type Model } from "./pattern-search-harness.ts";

const totalCost: Goal = { objective: "total-cost", targetFill: 0, minimize: "holding-cost", targetAt: "mean" };
const targetFill = (F: number): Goal => ({ objective: "target-fill", targetFill: F, minimize: "holding-cost", targetAt: "mean" });

// Total cost: five stages; group z (scale 0) serves no demand and is left alone; a is one stage
// (scale 4, first step 2); s1 … s3 move together (scale 1, first step 0.5).
// cost = (x0 − 5)² + Σ_{i=1..3} (x_i − 1)², so with s = x1 = x2 = x3: (x0 − 5)² + 3(s − 1)².
const quadratic: Model = (x) => ({ fill: 1, cost: (x[0] - 5) ** 2 + (x[1] - 1) ** 2 + (x[2] - 1) ** 2 + (x[3] - 1) ** 2 });
const tcGroups: StageGroup[] = [
  { members: [4], ids: ["z"], scale: 0 },
  { members: [0], ids: ["a"], scale: 4 },
  { members: [1, 2, 3], ids: ["s1", "s2", "s3"], scale: 1 },
];
const tcStart = [2, 0, 0, 0, 7];

describe("patternSearch, total cost", () => {
  it("takes the best move of all downs and ups, halves only the groups that did not improve, and stops below minStep × scale", async () => {
    // Start cost 9 + 3 = 12; a's threshold 4/32 = 0.125, s's 1/32.
    // 1: a 2→0: 28; s down from 0 stays at 0 (no move, not simulated); a 2→4: 1+3 = 4; s 0→0.5: 9+0.75 = 9.75.
    //    Best a +2 (4); both groups improved → steps stay 2 and 0.5.
    // 2: x0 = 4, cost 4. a 4→2: 12; s down null; a 4→6: 4 (not below 4); s →0.5: 1+0.75 = 1.75.
    //    Best s +0.5; a did not improve → a's step 1.
    // 3: cost 1.75. a 3: 4.75; s 0: 4; a 5: 0.75; s 1: 1 → best a +1 (0.75); both improved.
    // 4: cost 0.75. a 4: 1.75; s 0: 3; a 6: 1.75; s 1: 0 → best s +0.5; a did not improve → 0.5.
    // 5–7: at the minimum (cost 0): nothing improves, both halve: (0.5, 0.5) → (0.25, 0.25) → (0.125, 0.125) → (0.0625, 0.0625).
    //    At 7 a's step is exactly its threshold 0.125, which still counts.
    // 8: only s (0.0625 ≥ 1/32) → 0.03125; 9: s at exactly 1/32 still counts → 0.015625; 10: nothing left.
    // Evaluations: 3 + 3 + 4·5 + 2 + 2 = 30, exactly the budget (the last up move uses its last evaluation).
    const { probe, calls } = probeOf(quadratic), { steps, onStep } = recorder();
    const r = await patternSearch(probe, totalCost, tcGroups, pointOf(quadratic, tcStart), { maxEvaluations: 30, onStep });
    const refine = ["refine", [5, 1, 1, 1, 7], "steps halved"];
    expect(steps).toEqual([
      ["move", [4, 0, 0, 0, 7], "a +2.00 units each"],
      ["move", [4, 0.5, 0.5, 0.5, 7], "s1 and 2 alike +0.500 units each"],
      ["move", [5, 0.5, 0.5, 0.5, 7], "a +1.00 units each"],
      ["move", [5, 1, 1, 1, 7], "s1 and 2 alike +0.500 units each"],
      refine, refine, refine, refine, refine,
    ]);
    expect(Array.from(r.levels)).toEqual([5, 1, 1, 1, 7]);
    expect(calls.length).toBe(30);
    // The first iteration simulates a down, a up and s up; s down from 0 is not simulated.
    expect(calls.slice(0, 3)).toEqual([[0, 0, 0, 0, 7], [4, 0, 0, 0, 7], [2, 0.5, 0.5, 0.5, 7]]);
    // Iterations 8 and 9 move s only (a is below its threshold), 7 still moves both.
    expect(calls.slice(22, 26)).toEqual([[4.875, 1, 1, 1, 7], [5, 0.875, 0.875, 0.875, 7], [5.125, 1, 1, 1, 7], [5, 1.125, 1.125, 1.125, 7]]);
    expect(calls.slice(26)).toEqual([[5, 0.9375, 0.9375, 0.9375, 7], [5, 1.0625, 1.0625, 1.0625, 7], [5, 0.96875, 0.96875, 0.96875, 7], [5, 1.03125, 1.03125, 1.03125, 7]]);
  });

  it("runs without onStep", async () => {
    // Without the scale-0 group z (a search that failed to leave it alone would never end here).
    const { probe, calls } = probeOf(quadratic);
    const r = await patternSearch(probe, totalCost, tcGroups.slice(1), pointOf(quadratic, tcStart), { maxEvaluations: 30 });
    expect(Array.from(r.levels)).toEqual([5, 1, 1, 1, 7]);
    expect(calls.length).toBe(30);
  });

  it("tries no up moves when the downs used the budget, and stops when a whole batch no longer fits", async () => {
    // Budget 5. 1: 0 + 2 ≤ 5; a down, a up, s up (3 evaluations) → a +2.
    // 2: 3 + 2 ≤ 5; a down [2,…] (4); 4 + 2 > 5 → no ups; the down does not improve → both halve.
    // 3: 4 + 2 > 5 → stop.
    const { probe, calls } = probeOf(quadratic), { steps, onStep } = recorder();
    const r = await patternSearch(probe, totalCost, tcGroups, pointOf(quadratic, tcStart), { maxEvaluations: 5, onStep });
    expect(steps).toEqual([["move", [4, 0, 0, 0, 7], "a +2.00 units each"], ["refine", [4, 0, 0, 0, 7], "steps halved"]]);
    expect(calls).toEqual([[0, 0, 0, 0, 7], [4, 0, 0, 0, 7], [2, 0.5, 0.5, 0.5, 7], [2, 0, 0, 0, 7]]);
    expect(Array.from(r.levels)).toEqual([4, 0, 0, 0, 7]);
  });

  it("stops once every step is below the given minStep × scale (a step equal to it still counts)", async () => {
    // One stage, scale 4, minStep 1/4 → threshold 1. cost (x − 3)², start at the minimum 3.
    // 1: step 2: 1 → 4, 5 → 4, nothing improves → 1. 2: step 1 = threshold: 2 → 1, 4 → 1 → 0.5. 3: 0.5 < 1 → stop.
    const model: Model = (x) => ({ fill: 1, cost: (x[0] - 3) ** 2 });
    const { probe, calls } = probeOf(model), { steps, onStep } = recorder();
    const r = await patternSearch(probe, totalCost, [{ members: [0], ids: ["a"], scale: 4 }], pointOf(model, [3]), { minStep: 1 / 4, maxEvaluations: 100, onStep });
    expect(steps).toEqual([["refine", [3], "steps halved"], ["refine", [3], "steps halved"]]);
    expect(calls).toEqual([[1], [5], [2], [4]]);
    expect(Array.from(r.levels)).toEqual([3]);
  });
});

// Target fill: fill = 0.5 + (x0 + x1)/64, cost = x0 + x1, F = 0.75 (every value dyadic, so exact).
// a: scale 2 (step 1), b: scale 4 (step 2).
const linear: Model = (x) => ({ fill: 0.5 + (x[0] + x[1]) / 64, cost: x[0] + x[1] });
const tfGroups: StageGroup[] = [{ members: [0], ids: ["a"], scale: 2 }, { members: [1], ids: ["b"], scale: 4 }];

describe("patternSearch, target fill", () => {
  it("takes the feasible step down that saves most, then halves every step when no exchange pays", async () => {
    // 1: x = [10, 10], fill 0.8125, cost 20. a down [9,10]: fill 0.796875, cost 19; b down [10,8]: 0.78125, 18.
    //    Both feasible and cheaper; b saves most → "b −2.00".
    // 2: [10,8], cost 18. [9,8]: 0.765625, 17; [10,6]: exactly 0.75, 16 → b again → [10,6].
    // 3: [10,6], fill 0.75, cost 16. Downs [9,6] (0.734375) and [10,4] (0.71875) infeasible; ups [11,6] (0.765625, 17)
    //    and [10,8] (0.78125, 18) cost more, so no free step up. Exchanges (f = F):
    //    a↓ b↑: loss 1/64, save 1, gain 2/64, cost 2 → t = 0.5, predicted 0.5·2 − 1 = 0;
    //    b↓ a↑: loss 2/64, save 2, gain 1/64, cost 1 → t = 2, predicted 2·1 − 2 = 0.
    //    Neither is predicted to save (0 is not < 0) → no exchange simulated → both steps halve.
    // 4: 8 + 2 > 9 → stop.
    const { probe, calls } = probeOf(linear), { steps, onStep } = recorder();
    const r = await patternSearch(probe, targetFill(0.75), tfGroups, pointOf(linear, [10, 10]), { maxEvaluations: 9, onStep });
    expect(steps).toEqual([
      ["move", [10, 8], "b −2.00 units each"],
      ["move", [10, 6], "b −2.00 units each"],
      ["refine", [10, 6], "steps halved"],
    ]);
    expect(calls).toEqual([[9, 10], [10, 8], [9, 8], [10, 6], [9, 6], [10, 4], [11, 6], [10, 8]]);
    expect(Array.from(r.levels)).toEqual([10, 6]);
  });

  it("runs without onStep", async () => {
    const { probe, calls } = probeOf(linear);
    const r = await patternSearch(probe, targetFill(0.75), tfGroups, pointOf(linear, [10, 10]), { maxEvaluations: 9 });
    expect(Array.from(r.levels)).toEqual([10, 6]);
    expect(calls.length).toBe(8);
  });
});
