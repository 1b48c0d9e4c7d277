import type { KpiDiff } from "../../sim/model/result.ts";
import type { KpiDefinition } from "../../sim/model/kpis.ts";
import { verdict as verdictOf, formatRelative, type Verdict } from "../../sim/stats/verdict.ts";

export { formatRelative, type Verdict };

/**
 * What B's difference from A means for one KPI (src/sim/stats/verdict.ts, shared with `echelon
 * impact`): "undefined" when either side never defines the KPI, "none" unless the 95% interval of
 * the paired difference clears 0 (and rounding), then "better"/"worse" by the KPI's direction, or
 * "higher"/"lower" for KPIs that have none (stock levels, demand, orders).
 */
export function verdict(d: KpiDiff, def: Pick<KpiDefinition, "higherIsBetter"> | undefined): Verdict {
  return verdictOf(d, def?.higherIsBetter ?? null);
}

export const VERDICT_TEXT: { readonly [v in Verdict]: string } = {
  better: "B is better",
  worse: "B is worse",
  higher: "B is higher",
  lower: "B is lower",
  none: "No significant difference",
  undefined: "Not defined",
};
