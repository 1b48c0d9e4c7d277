// The stand-in probe the pattern-search tests drive: fill rate and cost are closed forms of the
// levels (a Model), every call is logged and counts as one evaluation, and every onStep is recorded.
import type { Point, Probe } from "../../../src/sim/optimize/probe.ts";

export type Model = (x: readonly number[]) => { fill: number; cost: number };
export const est = (v: number) => ({ mean: v, ci95: [v, v] as const });
export const pointOf = (model: Model, levels: readonly number[]): Point => {
  const { fill, cost } = model(levels);
  return { levels: Float64Array.from(levels), estimate: { fillRate: est(fill), holdingCost: est(cost), totalCost: est(cost), onHandValue: est(cost) } };
};
/** A probe that simulates nothing: it logs every call and counts each one as an evaluation. */
export function probeOf(model: Model) {
  const calls: number[][] = [];
  const probe = async (levels: Float64Array) => {
    calls.push(Array.from(levels));
    return pointOf(model, Array.from(levels));
  };
  return { probe: Object.defineProperty(probe, "evaluations", { get: () => calls.length }) as Probe, calls };
}
/** Records every onStep call; a search that never ends fails here instead of hanging. */
export function recorder() {
  const steps: [string, number[], string][] = [];
  const onStep = (kind: "move" | "refine", p: Point, note: string) => {
    if (steps.length >= 100) throw new Error("runaway search");
    steps.push([kind, Array.from(p.levels), note]);
  };
  return { steps, onStep };
}
