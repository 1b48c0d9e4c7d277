/**
 * The first phase of the network search: each analytic placement (single-echelon, GSM) with all
 * its safety stocks multiplied by one factor k, k chosen by simulation — the least k whose fill
 * rate reaches the target (doubling from 1 until it does, then bisection), or the k of least total
 * cost (a one-dimensional compass search from 1). The better of the scaled placements is where
 * the per-stage search starts, so the network optimiser can only end at or below the best
 * analytic placement on the search replications.
 */
import { isBetter, isFeasible, type Goal, type Point, type Probe } from "./probe.ts";

/** The largest factor tried on the safety stocks. */
export const MAX_FACTOR = 8;

export interface ScaledStart {
  readonly safetyFactor: number;
  readonly point: Point;
}

/** Levels base + k·safety, never below 0. */
export const scaled = (base: Float64Array, safety: Float64Array, k: number) =>
  base.map((b, i) => Math.max(0, b + k * safety[i]));

export async function scaleStart(probe: Probe, goal: Goal, base: Float64Array, safety: Float64Array, bisections = 6): Promise<ScaledStart> {
  const at = async (k: number) => ({ safetyFactor: k, point: await probe(scaled(base, safety, k)) });
  return goal.objective === "total-cost" ? leastCost(at, goal) : leastFactor(at, goal, bisections);
}

type At = (k: number) => Promise<ScaledStart>;

async function leastFactor(at: At, goal: Goal, bisections: number): Promise<ScaledStart> {
  let lo = 0, hi = await at(1);
  if (isFeasible(goal, hi.point)) {
    const none = await at(0);
    if (isFeasible(goal, none.point)) return none;
  } else {
    while (!isFeasible(goal, hi.point) && hi.safetyFactor < MAX_FACTOR) {
      lo = hi.safetyFactor;
      hi = await at(Math.min(2 * hi.safetyFactor, MAX_FACTOR));
    }
    if (!isFeasible(goal, hi.point)) return hi;
  }
  for (let i = 0; i < bisections; i++) {
    const mid = await at((lo + hi.safetyFactor) / 2);
    if (isFeasible(goal, mid.point)) hi = mid; else lo = mid.safetyFactor;
  }
  return hi;
}

/** Compass search on k ≥ 0 from k = 1 with step 1/2, halved down to 1/32. */
async function leastCost(at: At, goal: Goal): Promise<ScaledStart> {
  let best = await at(1);
  for (let step = 0.5; step >= 1 / 32;) {
    const trials = [best.safetyFactor - step, best.safetyFactor + step].filter((k) => k >= 0);
    let moved = false;
    for (const k of trials) {
      const t = await at(k);
      if (isBetter(goal, t.point, best.point)) { best = t; moved = true; }
    }
    if (!moved) step /= 2;
  }
  return best;
}
