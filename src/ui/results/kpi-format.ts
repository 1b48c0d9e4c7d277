import { format } from "d3-format";
import type { Stat } from "../../sim/model/result.ts";
import { KPI_BY_KEY, type KpiDefinition } from "../../sim/model/kpis.ts";

const percent = format(".1%");
const money = format(",.2f");
const one = format(",.1f");
const two = format(",.2f");

/** How a KPI's unit (kpis.ts) is written: fractions as percentages, money with cents. */
export function formatterFor(unit: string): (v: number) => string {
  const f = unit === "0…1" ? percent : unit.startsWith("money") ? money : unit === "units" || unit === "units/day" || unit === "per day" ? one : two;
  return (v) => (Number.isFinite(v) ? f(v) : "—");
}

/** The unit as a reader sees it next to a value ("" for fractions, shown as %). */
export function unitSuffix(unit: string): string {
  return unit === "0…1" ? "" : unit;
}

export function formatKpi(key: string, value: number): string {
  return formatterFor(KPI_BY_KEY.get(key)?.unit ?? "")(value);
}

/** Half the width of the 95% confidence interval. */
export function halfWidth(s: Stat): number {
  return (s.ci95[1] - s.ci95[0]) / 2;
}

/** "97.3% ± 0.4%": the mean with the 95% CI half-width. */
export function formatMeanCi(def: Pick<KpiDefinition, "unit">, s: Stat): string {
  const f = formatterFor(def.unit);
  if (!Number.isFinite(s.mean)) return "—";
  return s.n > 1 ? `${f(s.mean)} ± ${f(halfWidth(s))}` : f(s.mean);
}

/** Every field of a Stat, for a tooltip. */
export function statTooltip(def: Pick<KpiDefinition, "label" | "unit" | "description">, s: Stat): string {
  const f = formatterFor(def.unit);
  return [
    `${def.label}${unitSuffix(def.unit) ? ` (${def.unit})` : ""}: ${def.description}`,
    `mean ${f(s.mean)}, 95% CI ${f(s.ci95[0])} – ${f(s.ci95[1])}`,
    `sd ${f(s.sd)}; p05 ${f(s.p05)}, median ${f(s.p50)}, p95 ${f(s.p95)}; n = ${s.n} replications`,
  ].join("\n");
}
