/**
 * `echelon-impact@1` as CSV (docs/cli.md, "The impact of a disruption"): one row per (scope, id,
 * KPI) with each run's mean and 95% interval and the paired changes, then the cost rows. Here, in
 * the pure layer, so that `echelon impact --format csv` and the Impact view's Export CSV write the
 * same file.
 */
import type { ImpactCost, ImpactDiff, ImpactKpis, ImpactResult, Stat } from "../model/result.ts";

const RUNS = ["baseline", "disrupted", "unmitigated"] as const;
/** The paired changes, named for what they measure: the disruption, the disruption without the response, the response. */
const CHANGES = [
  ["change", "disruptedVsBaseline"], ["unmitigated_change", "unmitigatedVsBaseline"], ["response_change", "disruptedVsUnmitigated"],
] as const;

export const IMPACT_CSV_HEADER: readonly string[] = [
  "scope", "id", "kpi",
  ...RUNS.flatMap((r) => [`${r}_mean`, `${r}_ci_lo`, `${r}_ci_hi`]),
  ...CHANGES.flatMap(([c]) => [`${c}_mean`, `${c}_ci_lo`, `${c}_ci_hi`, `${c}_relative`, `${c}_verdict`]),
];

type Field = string | number | null | undefined;

/** RFC 4180 field: quoted when it holds a comma, quote or line break; undefined figures empty. */
function csvField(v: Field): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: Array.join writes null and undefined as empty text anyway
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

// Stryker disable next-line ConditionalExpression,EqualityOperator: a Stat with n = 0 has NaN figures, which csvField writes empty as well
const statFields = (s: Stat | undefined): Field[] => (s && s.n > 0 ? [s.mean, s.ci95[0], s.ci95[1]] : ["", "", ""]);
const diffFields = (d: ImpactDiff | undefined): Field[] =>
  d ? [d.diff.mean, d.diff.ci95[0], d.diff.ci95[1], d.relative, d.verdict] : ["", "", "", "", ""];

function kpiRows(scope: string, id: string, kpis: ImpactKpis): Field[][] {
  return Object.entries(kpis).map(([kpi, e]) => [scope, id, kpi, ...RUNS.flatMap((r) => statFields(e[r])), ...CHANGES.flatMap(([, k]) => diffFields(e[k]))]);
}

/**
 * A cost row: scope "cost", id "perDay" or "total", kpi "disruption", "unmitigated" or "saved";
 * the figure in the change columns, its verdict "significant" or "none" (the interval holds 0).
 */
function costRows(kpi: string, c: ImpactCost | undefined): Field[][] {
  if (!c) return [];
  const blank = Array<Field>(RUNS.length * 3).fill("");
  const row = (id: string, v: ImpactCost["perDay"]) =>
    ["cost", id, kpi, ...blank, v.mean, v.ci95[0], v.ci95[1], "", c.significant ? "significant" : "none", ...Array<Field>(10).fill("")];
  return [row("perDay", c.perDay), row("total", c.total)];
}

export function impactToCsv(r: ImpactResult): string {
  const rows: Field[][] = [
    [...IMPACT_CSV_HEADER],
    ...kpiRows("network", "", r.network),
    ...Object.entries(r.nodes).flatMap(([id, k]) => kpiRows("node", id, k)),
    ...Object.entries(r.products).flatMap(([id, k]) => kpiRows("product", id, k)),
    ...costRows("disruption", r.cost), ...costRows("unmitigated", r.costUnmitigated), ...costRows("saved", r.saved),
  ];
  return rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}
