// patternSearch (pattern-search.ts), target fill, when no step down keeps the target: the free
// step up and the marginal-analysis exchange. The stand-in probe's fill rate and cost are
// closed-form functions of the levels; every expected number is derived by hand from the rule in
// the file's doc comment: with f, h the fill and cost of x, a pair (step down of i, step up of j,
// i ≠ j) has loss = f − fill(down), save = h − cost(down), gain = fill(up) − f, cost = cost(up) − h,
// is kept only when save, gain and cost are all > 0, and then t = max(0, (F − f + max(loss, 0))/gain)
// must be ≤ 8 and predicted = t·cost − save; the two pairs of least predicted cost are tried while
// predicted < 0, each simulated with j moved t·Δ_j from the step down, t corrected up to twice
// (t·(F − from)/achieved·1.02, or 2t when nothing was achieved) while t ≤ 8 and the budget lasts.
import { describe, expect, it } from "vitest";
import { patternSearch } from "../../../src/sim/optimize/pattern-search.ts";
import type { Goal } from "../../../src/sim/optimize/probe.ts";
import type { StageGroup } from "../../../src/sim/optimize/stage-groups.ts";
import { pointOf, probeOf, recorder, type Model } from "./pattern-search-harness.ts";

const goal: Goal = { objective: "target-fill", targetFill: 0.5, minimize: "holding-cost", targetAt: "mean" };
const close = (actual: number[][], expected: number[][]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 9)));
};
const run = async (model: Model, groups: StageGroup[], start: number[], maxEvaluations: number) => {
  const { probe, calls } = probeOf(model), { steps, onStep } = recorder();
  const r = await patternSearch(probe, goal, groups, pointOf(model, start), { maxEvaluations, onStep });
  return { steps, calls, levels: Array.from(r.levels) };
};
const U = 1 / 1024;
// Two stages: a (scale 2, step 1), b (scale 1, step 0.5); every search starts at [8, 8] with fill
// exactly F = 0.5, so every step down misses the target and every step up costs more (cost 8·x0 + 2·x1).
const ab: StageGroup[] = [{ members: [0], ids: ["a"], scale: 2 }, { members: [1], ids: ["b"], scale: 1 }];

describe("patternSearch, exchanges", () => {
  it("corrects t by the secant rule until the exchange reaches the target, and keeps it", async () => {
    // fill = 0.5 + (x0 − 8)/64 + g(x1), g = (min(x1, 8.5) − 8)/128 + max(0, x1 − 8.5)/256.
    // a↓ [7,8]: loss 1/64, save 8; b↑ [8,8.5]: gain 1/256, cost 1 → t = 4, predicted 4 − 8 = −4.
    // b↓ [8,7.5]: loss 1/256, save 1; a↑ [9,8]: gain 1/64, cost 8 → t = 0.25, predicted 1.
    // Try 1: t = 4, b at 8 + 2 = 10: g = (1 + 1.5)/256, short (needs 4/256 over [7,8]'s fill):
    //   t1 = 4·(4/256)/(2.5/256)·1.02 = 6.528. Try 2: b at 8 + 3.264: g = (1 + 2.764)/256, short:
    //   t2 = 6.528·4/3.764·1.02 ≈ 7.0760. Try 3: b at 8 + t2/2 ≈ 11.538: g ≈ 4.038/256 ≥ 4/256 → feasible,
    //   cost 56 + 2·11.538 ≈ 79.08 < 80 → kept: "a −1.00, b +3.54 units each" (t2·0.5 ≈ 3.538).
    // 7 evaluations, the budget: the next iteration does not start.
    const model: Model = (x) => ({ fill: 0.5 + (x[0] - 8) / 64 + (Math.min(x[1], 8.5) - 8) / 128 + Math.max(0, x[1] - 8.5) / 256, cost: 8 * x[0] + 2 * x[1] });
    const t1 = 4 * 1.6 * 1.02, t2 = ((t1 * 4) / (1 + (t1 / 2 - 0.5))) * 1.02;
    const { steps, calls, levels } = await run(model, ab, [8, 8], 7);
    close(calls, [[7, 8], [8, 7.5], [9, 8], [8, 8.5], [7, 10], [7, 8 + t1 / 2], [7, 8 + t2 / 2]]);
    expect(steps.length).toBe(1);
    expect(steps[0][0]).toBe("move");
    expect(steps[0][2]).toBe("a −1.00, b +3.54 units each");
    close([levels], [[7, 8 + t2 / 2]]);
  });

  it("gives up a pair after three simulations that fall short, and does not try a pair predicted to cost more", async () => {
    // In units U = 1/1024: a loses 16 per unit; b gains 16 per unit up to 8.5, then 2.5 per unit.
    // a↓ b↑: loss 16U, save 8, gain 8U, cost 1 → t = 2, predicted −6. b↓ a↑: loss 8U, save 1, gain 16U,
    // cost 8 → t = 0.5, predicted 3 (not tried).
    // Try 1: t = 2, b at 9: achieved 8 + 1.25 = 9.25 (U) of the 16 needed → t1 = 2·16/9.25·1.02 ≈ 3.5286.
    // Try 2: b at 8 + t1/2: achieved 8 + 2.5·(t1/2 − 0.5) ≈ 11.16 → t2 = t1·16/11.16·1.02 ≈ 5.1598.
    // Try 3: b at 8 + t2/2: achieved ≈ 13.2 < 16 → no more tries (three). Both steps halve.
    // 7 evaluations; the budget of 8 would allow one more, but 7 + 2 > 8 stops the next iteration.
    const model: Model = (x) => ({ fill: 0.5 + (x[0] - 8) * 16 * U + (Math.min(x[1], 8.5) - 8) * 16 * U + Math.max(0, x[1] - 8.5) * 2.5 * U, cost: 8 * x[0] + 2 * x[1] });
    const ach = (t: number) => 8 + 2.5 * (t / 2 - 0.5);
    const t1 = ((2 * 16) / ach(2)) * 1.02, t2 = ((t1 * 16) / ach(t1)) * 1.02;
    const { steps, calls, levels } = await run(model, ab, [8, 8], 8);
    close(calls, [[7, 8], [8, 7.5], [9, 8], [8, 8.5], [7, 9], [7, 8 + t1 / 2], [7, 8 + t2 / 2]]);
    expect(steps).toEqual([["refine", [8, 8], "steps halved"]]);
    expect(levels).toEqual([8, 8]);
  });

  it("doubles t when the simulated exchange gained nothing", async () => {
    // g(x1) = (x1 − 8)/64 below 8, 0 on [8, 8.5), 1/32 from 8.5: b↑ gains 1/32 for cost 1; a↓ loses 1/64
    // for a saving of 8 → t = 0.5, predicted −7.5. (b↓ loses 1/128, saves 1; a↑ gains 1/64 for 8 → t = 0.5, predicted 3.)
    // Try 1: b at 8.25: achieved 0 → t = 2·0.5 = 1. Try 2: b at 8.5: fill 0.5 − 1/64 + 1/32 ≥ F, cost 56 + 17 = 73 < 80 → kept.
    const model: Model = (x) => ({ fill: 0.5 + (x[0] - 8) / 64 + (x[1] < 8 ? (x[1] - 8) / 64 : x[1] < 8.5 ? 0 : 1 / 32), cost: 8 * x[0] + 2 * x[1] });
    const { steps, calls } = await run(model, ab, [8, 8], 6);
    expect(calls).toEqual([[7, 8], [8, 7.5], [9, 8], [8, 8.5], [7, 8.25], [7, 8.5]]);
    expect(steps).toEqual([["move", [7, 8.5], "a −1.00, b +0.500 units each"]]);
  });

  it("stops correcting once t exceeds 8", async () => {
    // a loses 5/64 per unit (save 8); b: −1/16 per unit below 8, 0 on [8, 8.5), +1/64 from 8.5 (cost 2 per unit).
    // a↓ b↑: loss 5/64, gain 1/64, cost 1 → t = 5, predicted −3. b↓ a↑: loss 1/32, save 1, gain 5/64, cost 8 → t = 0.4, predicted 2.2.
    // Try 1: b at 8 + 2.5: achieved 1/64 of 5/64 → t = 5·5·1.02 = 25.5 > 8 → no second try. Steps halve.
    const model: Model = (x) => ({ fill: 0.5 + ((x[0] - 8) * 5) / 64 + (x[1] < 8 ? (x[1] - 8) / 16 : x[1] < 8.5 ? 0 : 1 / 64), cost: 8 * x[0] + 2 * x[1] });
    const { steps, calls } = await run(model, ab, [8, 8], 6);
    expect(calls).toEqual([[7, 8], [8, 7.5], [9, 8], [8, 8.5], [7, 10.5]]);
    expect(steps).toEqual([["refine", [8, 8], "steps halved"]]);
  });

  it("tries an exchange of exactly 8 steps", async () => {
    // a loses 8U per unit (save 8); b gains 2U per unit (1U per step of 0.5, cost 0.5): cost 8·x0 + x1.
    // a↓ b↑: t = 8U/1U = 8 (allowed), predicted 8·0.5 − 8 = −4. b↓ a↑: loss 1U, save 0.5, gain 8U, cost 8 → t = 1/8, predicted 0.5.
    // Try 1: b at 8 + 4 = 12: fill exactly F, cost 56 + 12 = 68 < 72 → "a −1.00, b +4.00 units each".
    const model: Model = (x) => ({ fill: 0.5 + (x[0] - 8) * 8 * U + (x[1] - 8) * 2 * U, cost: 8 * x[0] + x[1] });
    const { steps, calls } = await run(model, ab, [8, 8], 5);
    expect(calls).toEqual([[7, 8], [8, 7.5], [9, 8], [8, 8.5], [7, 12]]);
    expect(steps).toEqual([["move", [7, 12], "a −1.00, b +4.00 units each"]]);
  });

  it("takes a step up that already costs less and keeps the target (labelled with its group)", async () => {
    // a (step 1): fill +1U and cost +8 per unit. c1, c2 move together (scale 1, step 0.5): fill +1U and
    // cost −1 per unit each. From [8,8,8] (fill F): downs miss F; a↑ costs 8 more; c↑ [8,8.5,8.5] reaches
    // F + 1U for 1 less → kept as a move of its own; no exchange, no halving. 4 evaluations, the budget.
    const model: Model = (x) => ({ fill: 0.5 + (x[0] - 8 + x[1] - 8 + x[2] - 8) * U, cost: 8 * x[0] - x[1] - x[2] });
    const groups: StageGroup[] = [{ members: [0], ids: ["a"], scale: 2 }, { members: [1, 2], ids: ["c1", "c2"], scale: 1 }];
    const { steps, calls } = await run(model, groups, [8, 8, 8], 4);
    expect(calls).toEqual([[7, 8, 8], [8, 7.5, 7.5], [9, 8, 8], [8, 8.5, 8.5]]);
    expect(steps).toEqual([["move", [8, 8.5, 8.5], "c1 and 1 alike +0.500 units each"]]);
  });

  it("tries only the two pairs of least predicted cost, skips a pair whose t exceeds 8, and drops an exchange that costs more than it saves", async () => {
    // Three stages, step 1 each, from [8,8,8] at fill F; per step, in U: a: loss 1, save 10, up gain 1/16, cost 1/32;
    // b: loss 1, save 9, gain 1, cost 1; c: loss 1, save 7.5, gain 1, cost 2; plus a cost of 20 whenever a is
    // below 8 while b or c is above (the exchanges out of a cost more than the model predicts).
    // Pairs (t = 1/gain): a→b t 1, −9; a→c t 1, −8; b→a t 16 > 8 (dropped); b→c t 1, −7; c→a t 16 (dropped); c→b t 1, −6.5.
    // a→b at [7,9,8]: fill F, cost −10 + 1 + 20 → not cheaper; a→c at [7,8,9]: −10 + 2 + 20 → not cheaper.
    // b→c (would save 7) is third: not tried. Every step halves. 8 evaluations; 8 + 3 > 9 stops.
    const model: Model = (x) => {
      const [a, b, c] = x.map((v) => v - 8);
      const fill = 0.5 + (a < 0 ? a : a / 16) * U + b * U + c * U;
      const cost = (a < 0 ? 10 * a : a / 32) + (b < 0 ? 9 * b : b) + (c < 0 ? 7.5 * c : 2 * c) + (a < 0 && (b > 0 || c > 0) ? 20 : 0);
      return { fill, cost };
    };
    const groups: StageGroup[] = ["a", "b", "c"].map((id, i) => ({ members: [i], ids: [id], scale: 2 }));
    const { steps, calls } = await run(model, groups, [8, 8, 8], 9);
    expect(calls).toEqual([[7, 8, 8], [8, 7, 8], [8, 8, 7], [9, 8, 8], [8, 9, 8], [8, 8, 9], [7, 9, 8], [7, 8, 9]]);
    expect(steps).toEqual([["refine", [8, 8, 8], "steps halved"]]);
  });

  it("pairs a group with another group only", async () => {
    // One stage (step 1): down loses 1U and saves 4, up gains 2U and costs 4. No pair → steps halve (1 → 0.5).
    // 2: [7.5] (3 evaluations); 3 + 1 > 3 → no ups → halve again; 3: stop.
    const model: Model = (x) => ({ fill: 0.5 + (x[0] < 8 ? x[0] - 8 : 2 * (x[0] - 8)) * U, cost: 4 * x[0] });
    const { steps, calls } = await run(model, [{ members: [0], ids: ["a"], scale: 2 }], [8], 3);
    expect(calls).toEqual([[7], [9], [7.5]]);
    expect(steps).toEqual([["refine", [8], "steps halved"], ["refine", [8], "steps halved"]]);
  });

  it("does not pair with a step up that costs nothing", async () => {
    // a (step 1): ±1U per unit, cost 8 per unit; b (step 1): ±1U per unit, cost 0. b↑ reaches F + 1U at the
    // same cost (not cheaper: no free step up); a↓ b↑ has cost 0 and b↓ a↑ has save 0 → no pair → steps halve.
    const model: Model = (x) => ({ fill: 0.5 + (x[0] - 8 + x[1] - 8) * U, cost: 8 * x[0] });
    const { steps, calls } = await run(model, ab.map((g) => ({ ...g, scale: 2 })), [8, 8], 5);
    expect(calls).toEqual([[7, 8], [8, 7], [9, 8], [8, 9]]);
    expect(steps).toEqual([["refine", [8, 8], "steps halved"]]);
  });

  it("does not pair with a step up that lowers the fill rate", async () => {
    // a (step 1): ±1U per unit, cost 8 per unit; b (step 1): fill peaks at 8 (−1U per unit either way), cost 1 per unit.
    // a↓ b↑: gain −1U → no pair. b↓ a↑: loss 1U, save 1, gain 1U, cost 8 → t = 1, predicted 7 → not tried. Steps halve.
    const model: Model = (x) => ({ fill: 0.5 + (x[0] - 8 - Math.abs(x[1] - 8)) * U, cost: 8 * x[0] + x[1] });
    const { steps, calls } = await run(model, ab.map((g) => ({ ...g, scale: 2 })), [8, 8], 5);
    expect(calls).toEqual([[7, 8], [8, 7], [9, 8], [8, 9]]);
    expect(steps).toEqual([["refine", [8, 8], "steps halved"]]);
  });

  it("does not pair with a step up that gains no fill, even when x has fill to spare", async () => {
    // Fill 0.51 everywhere (F = 0.5); cost 1 + (x0 + x1)·2⁻⁴⁰: each step down saves 2⁻⁴⁰ > 0, below the
    // rounding margin of isBetter (1e-9), so no step down is taken; every gain is 0 → no pair → steps halve.
    const model: Model = (x) => ({ fill: 0.51, cost: 1 + (x[0] + x[1]) * 2 ** -40 });
    const { steps, calls } = await run(model, ab.map((g) => ({ ...g, scale: 2 })), [8, 8], 5);
    expect(calls).toEqual([[7, 8], [8, 7], [9, 8], [8, 9]]);
    expect(steps).toEqual([["refine", [8, 8], "steps halved"]]);
  });

  it("skips a step up that changes no level (a level so large that the step rounds away) when looking for a free one", async () => {
    // "big" sits at 2^60, where doubles are 256 apart: its steps of ±1 round back to 2^60, so both
    // its trials are null (not simulated). a (step 1): fill ±1/64 and cost ±1 per unit. From
    // [2^60, 8] at fill F: a↓ misses F, a↑ costs more, no pair has two trials: the steps halve.
    // The free-step search must pass over big's null trial rather than read its point.
    // The steps up are tried while 1 + 2 (active groups) <= 3 evaluations; after them, 2 + 2 > 3 stops the search.
    const big = 2 ** 60;
    const model: Model = (x) => ({ fill: 0.5 + (x[1] - 8) / 64, cost: x[1] });
    const groups: StageGroup[] = [{ members: [0], ids: ["big"], scale: 2 }, { members: [1], ids: ["a"], scale: 2 }];
    const { steps, calls } = await run(model, groups, [big, 8], 3);
    expect(calls).toEqual([[big, 7], [big, 9]]);
    expect(steps).toEqual([["refine", [big, 8], "steps halved"]]);
  });
});
