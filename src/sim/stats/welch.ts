/**
 * The difference of two independent runs' means (kpis.md "Comparisons" covers the paired case,
 * paired.ts): mean(B) − mean(A) with Welch's 95% interval, which does not assume equal variances.
 * The standard error is √(sA²/nA + sB²/nB) and the degrees of freedom are Welch–Satterthwaite's
 * (sA²/nA + sB²/nB)² / ((sA²/nA)²/(nA − 1) + (sB²/nB)²/(nB − 1)).
 */
import type { Stat } from "../model/result.ts";
import { tQuantile } from "./student-t.ts";

export interface MeanDifference {
  /** mean(B) − mean(A). */
  readonly mean: number;
  /** 95% interval of the difference; [NaN, NaN] when either side has fewer than 2 replications. */
  readonly ci95: readonly [number, number];
  /** Degrees of freedom of the t quantile used (Welch–Satterthwaite; n − 1 when paired). */
  readonly df: number;
}

/** B − A for two independent runs, from their summaries alone. */
export function welchDifference(a: Stat, b: Stat): MeanDifference {
  const mean = b.mean - a.mean;
  if (a.n < 2 || b.n < 2) return { mean, ci95: [NaN, NaN], df: NaN };
  const va = (a.sd * a.sd) / a.n, vb = (b.sd * b.sd) / b.n, se2 = va + vb;
  if (se2 === 0) return { mean, ci95: [mean, mean], df: a.n + b.n - 2 };
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = tQuantile(0.975, df) * Math.sqrt(se2);
  return { mean, ci95: [mean - half, mean + half], df };
}
