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

/** Decimals of the unit's usual format (fractions: of the percentage). */
function baseDecimals(unit: string): number {
  return unit === "0…1" || unit === "units" || unit === "units/day" || unit === "per day" ? 1 : 2;
}

/**
 * A formatter precise enough to show an interval of half-width `hw`: the unit's usual decimals,
 * more (up to 3 more) when the half-width would otherwise print as 0.
 */
export function formatterForPrecision(unit: string, hw: number): (v: number) => string {
  const base = baseDecimals(unit);
  const scaled = unit === "0…1" ? hw * 100 : hw;
  const decimals = Number.isFinite(scaled) && scaled > 0 ? Math.max(base, Math.min(base + 3, Math.ceil(-Math.log10(scaled) - 1e-9))) : base;
  const spec = unit === "0…1" ? `.${decimals}%` : `,.${decimals}f`;
  let f = cache.get(spec);
  if (!f) {
    const d3f = format(spec);
    f = (v) => (Number.isFinite(v) ? d3f(v) : "—");
    cache.set(spec, f);
  }
  return f;
}
/** Compiled formats by d3-format specifier: a results table asks for the same few hundreds of times. */
const cache = new Map<string, (v: number) => string>();

/** The formatter for a Stat: precise enough for its CI half-width. */
export function formatterForStat(unit: string, s: Stat): (v: number) => string {
  return formatterForPrecision(unit, halfWidth(s));
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
  const f = formatterForStat(def.unit, s);
  if (!Number.isFinite(s.mean)) return "—";
  return s.n > 1 ? `${f(s.mean)} ± ${f(halfWidth(s))}` : f(s.mean);
}

/** Every field of a Stat, for a tooltip. */
export function statTooltip(def: Pick<KpiDefinition, "label" | "unit" | "description">, s: Stat): string {
  const f = formatterForStat(def.unit, s);
  return [
    `${def.label}${unitSuffix(def.unit) ? ` (${def.unit})` : ""}: ${def.description}`,
    `mean ${f(s.mean)}, 95% CI ${f(s.ci95[0])} – ${f(s.ci95[1])}`,
    `sd ${f(s.sd)}; p05 ${f(s.p05)}, median ${f(s.p50)}, p95 ${f(s.p95)}; n = ${s.n} replications`,
  ].join("\n");
}
