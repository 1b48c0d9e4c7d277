/**
 * What B's paired difference from A means for one KPI (kpis.md "Comparisons"), shared by the
 * Compare view, `echelon impact` and its text summary, so that every front end says the same.
 */
import type { Stat } from "../model/result.ts";

/**
 * "undefined": the KPI is undefined on a side (no replication defines it, e.g. `recoveryDays`
 * without a disruption), so there is nothing to compare. "none": the 95% interval of the paired
 * difference holds 0. Otherwise "better"/"worse" by the KPI's direction (`higherIsBetter`), or
 * "higher"/"lower" for a KPI that is neither (stock levels, demand, flows).
 */
export type Verdict = "better" | "worse" | "higher" | "lower" | "none" | "undefined";

export interface PairedLike {
  readonly a: Pick<Stat, "n">;
  readonly b: Pick<Stat, "n">;
  readonly diff: { readonly mean: number; readonly ci95: readonly [number, number] };
  readonly significant: boolean;
}

export function verdict(d: PairedLike, higherIsBetter: boolean | null | undefined): Verdict {
  if (d.a.n === 0 || d.b.n === 0 || !Number.isFinite(d.diff.mean) || !d.diff.ci95.every(Number.isFinite)) return "undefined";
  if (!d.significant || d.diff.mean === 0) return "none";
  // Stryker disable next-line EqualityOperator: a zero mean has returned "none" the line before
  const up = d.diff.mean > 0;
  if (higherIsBetter === null || higherIsBetter === undefined) return up ? "higher" : "lower";
  return up === higherIsBetter ? "better" : "worse";
}

/**
 * A relative change as a signed percentage with one decimal, or with as many as it takes to show
 * its first two significant digits, so that a change of 0.03% never reads "+0.0%". "−" is the
 * minus sign (U+2212), as d3-format writes it.
 */
export function formatRelative(relative: number | null): string {
  // Stryker disable next-line ConditionalExpression: Number.isFinite(null) is false, so null returns "—" without its own test
  if (relative === null || !Number.isFinite(relative)) return "—";
  if (relative === 0) return "0.0%";
  const pct = Math.abs(relative) * 100;
  const decimals = pct >= 0.095 ? 1 : Math.min(20, 1 - Math.floor(Math.log10(pct)));
  // Stryker disable next-line EqualityOperator: relative = 0 has returned "0.0%" above
  return `${relative > 0 ? "+" : "−"}${pct.toFixed(decimals)}%`;
}
