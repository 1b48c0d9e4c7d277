/**
 * The second phase of the network search: a pattern search over the levels of the stage groups
 * (stage-groups.ts), every candidate simulated on the same replications (probe.ts), so that two
 * candidates differ only by their levels and a step of a fraction of a unit is still visible.
 *
 * Each group g has a step Δ_g, at first half its demand-uncertainty scale. An iteration tries every
 * group one step down and one step up:
 *
 * - **Total cost** (unconstrained): the best move that lowers the cost is taken; a group none of
 *   whose moves helps halves its step.
 * - **Target fill** (least holding cost with fill rate ≥ F): a step down that keeps the fill rate at
 *   F is taken (the one saving most). When none does, stock is moved: marginal analysis on the
 *   simulated differences pairs the group that gives up fill rate most cheaply (loss ℓ_i for a
 *   saving s_i) with the group that buys it back most cheaply (gain a_j for a cost c_j), takes Δ_i
 *   from i and t·Δ_j to j with t = (F − f + ℓ_i)/a_j, and keeps the exchange when the simulation
 *   confirms it reaches F for less (t is corrected by the secant rule twice if it falls short).
 *   When no exchange pays, every step halves.
 *
 * The search stops when every step is below `minStep` × its group's scale, or at the budget.
 */
import { costOf, fillOf, isBetter, isFeasible, type Goal, type Point, type Probe } from "./probe.ts";
import type { StageGroup } from "./stage-groups.ts";

export interface PatternOptions {
  /** Stop once every step is below this fraction of its group's scale (default 1/32). */
  readonly minStep?: number;
  /** Stop when the probe has made this many evaluations. */
  readonly maxEvaluations: number;
  /** Called when a move is kept ("move") and when the steps are refined ("refine"). */
  readonly onStep?: (kind: "move" | "refine", point: Point, note: string) => void;
}

/** The largest multiple of a step an exchange may move to the receiving group. */
const MAX_EXCHANGE = 8;

/** Levels with every member of `g` moved by `delta` (never below 0). */
function moved(levels: Float64Array, g: StageGroup, delta: number): Float64Array {
  const out = Float64Array.from(levels);
  for (const m of g.members) out[m] = Math.max(0, out[m] + delta);
  return out;
}

const sameLevels = (a: Float64Array, b: Float64Array) => a.every((v, i) => v === b[i]);
const label = (g: StageGroup) => (g.ids.length === 1 ? g.ids[0] : `${g.ids[0]} and ${g.ids.length - 1} alike`);
const units = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toPrecision(3)}`;

export async function patternSearch(probe: Probe, goal: Goal, groups: readonly StageGroup[], start: Point, o: PatternOptions): Promise<Point> {
  const searched = groups.filter((g) => g.scale > 0);
  const steps = searched.map((g) => g.scale / 2), minStep = o.minStep ?? 1 / 32;
  const live = () => searched.map((_, k) => k).filter((k) => steps[k] >= minStep * searched[k].scale);
  const budgetLeft = (n: number) => probe.evaluations + n <= o.maxEvaluations;
  let x = start;
  for (let active = live(); active.length > 0 && budgetLeft(active.length); active = live()) {
    const downs = await tryMoves(-1, active);
    if (goal.objective === "total-cost") {
      const ups = budgetLeft(active.length) ? await tryMoves(+1, active) : [];
      const best = [...downs, ...ups].reduce<Trial | null>((b, t) => (t && isBetter(goal, t.point, b?.point ?? x) ? t : b), null);
      for (const k of active) if (!improves(downs, k) && !improves(ups, k)) steps[k] /= 2;
      if (best) accept(best.point, `${label(searched[best.k])} ${units(best.delta)} units each`);
      else o.onStep?.("refine", x, `steps halved`);
      continue;
    }
    const saving = downs.filter((t): t is Trial => t !== null && isBetter(goal, t.point, x))
      .sort((a, b) => costOf(goal, a.point) - costOf(goal, b.point))[0];
    if (saving) { accept(saving.point, `${label(searched[saving.k])} ${units(saving.delta)} units each`); continue; }
    if (!budgetLeft(active.length) || !(await exchange(downs, await tryMoves(+1, active)))) {
      for (const k of active) steps[k] /= 2;
      o.onStep?.("refine", x, "steps halved");
    }
  }
  return x;

  interface Trial { readonly k: number; readonly delta: number; readonly point: Point }
  function improves(trials: readonly (Trial | null)[], k: number) {
    return trials.some((t) => t !== null && t.k === k && isBetter(goal, t.point, x));
  }
  function accept(p: Point, note: string) {
    x = p;
    o.onStep?.("move", p, note);
  }
  /** One step of each active group in one direction, simulated together (the pool overlaps them). */
  async function tryMoves(sign: number, active: readonly number[]): Promise<(Trial | null)[]> {
    return Promise.all(active.map(async (k): Promise<Trial | null> => {
      const levels = moved(x.levels, searched[k], sign * steps[k]);
      return sameLevels(levels, x.levels) ? null : { k, delta: sign * steps[k], point: await probe(levels) };
    }));
  }
  /** Marginal analysis: moves stock from the group that gives up fill most cheaply to the one that buys it back most cheaply. */
  async function exchange(downs: readonly (Trial | null)[], ups: readonly (Trial | null)[]): Promise<boolean> {
    const f = fillOf(goal, x), h = costOf(goal, x);
    const freeUp = ups.find((t) => t !== null && isBetter(goal, t.point, x));
    if (freeUp) { accept(freeUp.point, `${label(searched[freeUp.k])} ${units(freeUp.delta)} units each`); return true; }
    const pairs: { down: Trial; up: Trial; t: number; predicted: number }[] = [];
    for (const d of downs) for (const u of ups) {
      if (!d || !u || d.k === u.k) continue;
      const loss = f - fillOf(goal, d.point), save = h - costOf(goal, d.point);
      const gain = fillOf(goal, u.point) - f, cost = costOf(goal, u.point) - h;
      if (!(save > 0 && gain > 0 && cost > 0)) continue;
      const t = Math.max(0, (goal.targetFill - f + Math.max(loss, 0)) / gain);
      if (t <= MAX_EXCHANGE) pairs.push({ down: d, up: u, t, predicted: t * cost - save });
    }
    pairs.sort((a, b) => a.predicted - b.predicted);
    for (const pair of pairs.slice(0, 2)) {
      if (!(pair.predicted < 0)) break;
      let t = pair.t;
      for (let attempt = 0; attempt < 3 && t <= MAX_EXCHANGE && budgetLeft(1); attempt++) {
        const up = searched[pair.up.k], p = await probe(moved(pair.down.point.levels, up, t * steps[pair.up.k]));
        if (isFeasible(goal, p)) {
          if (!isBetter(goal, p, x)) break;
          accept(p, `${label(searched[pair.down.k])} ${units(pair.down.delta)}, ${label(up)} ${units(t * steps[pair.up.k])} units each`);
          return true;
        }
        const from = fillOf(goal, pair.down.point), achieved = fillOf(goal, p) - from;
        t = achieved > 0 ? (t * (goal.targetFill - from)) / achieved * 1.02 : 2 * t;
      }
    }
    return false;
  }
}
