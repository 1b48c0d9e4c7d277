import type { KpiDiff } from "../../sim/model/result.ts";
import type { KpiDefinition } from "../../sim/model/kpis.ts";

/** What B's difference from A means for one KPI. */
export type Verdict = "better" | "worse" | "higher" | "lower" | "none";

/**
 * "none" unless the 95% interval of the paired difference excludes 0; then "better" or "worse"
 * by the KPI's `higherIsBetter`, or "higher"/"lower" for KPIs that are neither (demand, orders).
 */
export function verdict(d: KpiDiff, def: Pick<KpiDefinition, "higherIsBetter"> | undefined): Verdict {
  if (!d.significant || !Number.isFinite(d.diff.mean) || d.diff.mean === 0) return "none";
  const up = d.diff.mean > 0;
  const hib = def?.higherIsBetter ?? null;
  if (hib === null) return up ? "higher" : "lower";
  return up === hib ? "better" : "worse";
}

export const VERDICT_TEXT: { readonly [v in Verdict]: string } = {
  better: "B is better",
  worse: "B is worse",
  higher: "B is higher",
  lower: "B is lower",
  none: "No significant difference",
};
