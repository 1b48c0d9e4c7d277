/**
 * Checks per-replication KPIs against theory.
 *
 * Tolerance: a KPI's replication means are i.i.d. (independent streams per replication), so
 * theory must lie inside the two-sided 99.9% Student-t interval mean ± t(0.9995, n − 1)·sd/√n. A
 * correct engine fails one such assertion with probability 0.1%; under a fixed seed the outcome is
 * deterministic, so a pass is stable. `slack` adds the oracle's own numerical error (e.g. the
 * Clark–Scarf grid), never a fudge factor.
 */
import { expect } from "vitest";
import { createAccumulator, accumulateAll, standardDeviation, tQuantile } from "../../../src/sim/stats/index.ts";

export const CONFIDENCE = 0.999;

/** Mean and the half-width of its `confidence` Student-t interval. */
export function interval(values: ArrayLike<number>, confidence = CONFIDENCE): { mean: number; half: number; sd: number } {
  const acc = accumulateAll(createAccumulator(), values);
  const sd = standardDeviation(acc);
  return { mean: acc.mean, sd, half: (tQuantile(1 - (1 - confidence) / 2, acc.n - 1) * sd) / Math.sqrt(acc.n) };
}

/** Asserts that `theory` lies in the 99.9% interval of the replication mean (widened by `slack`). */
export function expectInInterval(values: ArrayLike<number>, theory: number, label: string, slack = 0): void {
  const { mean, half } = interval(values);
  const detail = `${label}: simulated ${mean.toPrecision(7)} ± ${half.toPrecision(3)} (99.9%), theory ${theory.toPrecision(7)}`;
  expect(Math.abs(mean - theory), detail).toBeLessThanOrEqual(half + slack);
}

/** Asserts that `theory` lies outside the interval: the run can tell it apart. */
export function expectOutsideInterval(values: ArrayLike<number>, theory: number, label: string): void {
  const { mean, half } = interval(values);
  expect(Math.abs(mean - theory), `${label}: simulated ${mean} ± ${half} should exclude ${theory}`).toBeGreaterThan(half);
}

/** Every replication equals `exact` to a relative 1e-9 (deterministic runs). */
export function expectExact(values: ArrayLike<number>, exact: number, label: string): void {
  for (let r = 0; r < values.length; r++) {
    expect(Math.abs(values[r] - exact), `${label} in replication ${r}: ${values[r]} vs ${exact}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
  }
}
