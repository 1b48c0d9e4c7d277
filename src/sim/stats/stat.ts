/**
 * A KPI summarised across replications (`Stat`, shared/spec/kpis.md "Across replications"):
 * mean, sample sd, 95% Student-t interval of the mean, exact p05/p50/p95, and n. NaN values (a KPI
 * undefined in a replication) are skipped and not counted. With n = 0 every figure is NaN
 * (written as null in JSON).
 */
import type { Stat } from "../model/result.ts";
import { accumulateAll, createAccumulator, standardDeviation, type Accumulator } from "./accumulator.ts";
import { percentileSorted, percentiles } from "./percentile.ts";
import { tQuantile } from "./student-t.ts";

/** The 95% confidence interval of the mean: mean ± t(0.975, n − 1)·sd/√n; [mean, mean] when n = 1. */
export function confidenceInterval95(acc: Accumulator): [number, number] {
  // Stryker disable next-line ConditionalExpression: with n = 0 the formula gives NaN on both ends too (t with −1 degrees of freedom is NaN)
  if (acc.n === 0) return [NaN, NaN];
  if (acc.n === 1) return [acc.mean, acc.mean];
  const half = (tQuantile(0.975, acc.n - 1) * standardDeviation(acc)) / Math.sqrt(acc.n);
  return [acc.mean - half, acc.mean + half];
}

/** A Stat from an accumulator and the values' ascending sorted numbers (for the percentiles). */
export function statFrom(acc: Accumulator, sorted: ArrayLike<number>): Stat {
  if (acc.n === 0) return { mean: NaN, sd: NaN, ci95: [NaN, NaN], p05: NaN, p50: NaN, p95: NaN, n: 0 };
  return {
    mean: acc.mean,
    sd: standardDeviation(acc),
    ci95: confidenceInterval95(acc),
    p05: percentileSorted(sorted, 0.05),
    p50: percentileSorted(sorted, 0.5),
    p95: percentileSorted(sorted, 0.95),
    n: acc.n,
  };
}

/** Summarises per-replication values, in replication order (the mean is accumulated in that order). */
export function summarize(values: ArrayLike<number>): Stat {
  const acc = accumulateAll(createAccumulator(), values);
  // Stryker disable next-line ArrayDeclaration: with n = 0 statFrom returns before it reads the sorted values
  if (acc.n === 0) return statFrom(acc, []);
  const [p05, p50, p95] = percentiles(values, [0.05, 0.5, 0.95]);
  return {
    mean: acc.mean,
    sd: standardDeviation(acc),
    ci95: confidenceInterval95(acc),
    p05, p50, p95,
    n: acc.n,
  };
}
