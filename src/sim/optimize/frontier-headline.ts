/**
 * The frontier's headline: at a given network fill rate F, how much less inventory the best
 * multi-echelon curve needs than node by node, with a 95% interval from paired replications.
 *
 * No curve has a point at exactly F, so each is interpolated linearly between its two simulated
 * points whose mean fill rates bracket F (never extrapolated): with w = (F − f_a)/(f_b − f_a), the
 * curve's value in replication r is (1 − w)·a_r + w·b_r. Every point ran on the same replications
 * (common random numbers), so replication r of the node-by-node curve and of the multi-echelon
 * curve saw the same draws, and the saving's interval is the Student-t interval of the
 * per-replication differences. The interval treats w as fixed: it counts the simulation noise
 * in the bracketing points, not the uncertainty of where F falls between them. On a convex
 * curve the chord lies above the curve, so interpolation overstates both curves' inventory a
 * little; the denser the points, the less.
 */
import { accumulate, confidenceInterval95, createAccumulator, summarize } from "../stats/index.ts";
import type { Estimate } from "./types.ts";

/** Per-replication network values of one simulated point (replication 0 first). */
export interface PointReplications {
  readonly fillRate: Float64Array;
  readonly onHandValue: Float64Array;
  readonly holdingCost: Float64Array;
}

/** A curve interpolated at F: the bracketing points and the interpolated per-replication values. */
export interface Interpolated {
  /** Indices of the bracketing points in the curve as given. */
  readonly between: readonly [number, number];
  /** Weight of the upper point. */
  readonly weight: number;
  readonly onHandValue: Float64Array;
  readonly holdingCost: Float64Array;
}

const meanOf = (v: Float64Array) => summarize(v).mean;

/**
 * The curve at fill rate F, or null when no two of its points (by mean fill rate) bracket F.
 * Points are taken in order of mean fill rate; the first bracket found is used.
 */
export function interpolateAt(points: readonly PointReplications[], fill: number): Interpolated | null {
  const order = points.map((p, i) => ({ i, f: meanOf(p.fillRate) })).filter((x) => Number.isFinite(x.f)).sort((a, b) => a.f - b.f);
  for (let k = 0; k < order.length; k++) {
    const a = order[k], b = order[Math.min(k + 1, order.length - 1)];
    if (a.f === fill) return mix(points, a.i, a.i, 0);
    if (k + 1 < order.length && a.f < fill && fill <= b.f) return mix(points, a.i, b.i, (fill - a.f) / (b.f - a.f));
  }
  return null;
}

function mix(points: readonly PointReplications[], a: number, b: number, w: number): Interpolated {
  const at = (key: "onHandValue" | "holdingCost") => points[a][key].map((x, r) => (1 - w) * x + w * points[b][key][r]);
  return { between: [a, b], weight: w, onHandValue: at("onHandValue"), holdingCost: at("holdingCost") };
}

/** A paired difference: the mean of `from − to` per replication and its 95% interval; `relative` to the mean of `from`. */
export interface Saving {
  readonly mean: number;
  readonly ci95: readonly [number, number];
  readonly relative: number;
}

/** How much less `to` needs than `from`, replication by replication (positive: `to` needs less). */
export function pairedSaving(from: Float64Array, to: Float64Array): Saving {
  const d = createAccumulator();
  for (let r = 0; r < from.length; r++) accumulate(d, from[r] - to[r]);
  const base = meanOf(from);
  return { mean: d.mean, ci95: confidenceInterval95(d), relative: d.mean / base };
}

export const estimateOf = (v: Float64Array): Estimate => {
  const { mean, ci95 } = summarize(v);
  return { mean, ci95 };
};
