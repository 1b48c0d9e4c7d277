/**
 * `echelon run --format csv`: one row per (scope, id, kpi) with the Stat's figures. The network's
 * id is empty; an undefined figure (n = 0) is an empty field. Series are not written in CSV.
 */
import type { KpiStats, RunResult } from "../sim/model/result.ts";

export const CSV_HEADER = ["scope", "id", "kpi", "mean", "sd", "ci_lo", "ci_hi", "p05", "p50", "p95", "n"] as const;

const field = (v: string | number) => {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

export function resultToCsv(r: RunResult): string {
  const rows: (string | number)[][] = [[...CSV_HEADER]];
  const add = (scope: string, id: string, stats: KpiStats) => {
    for (const [kpi, s] of Object.entries(stats)) rows.push([scope, id, kpi, s.mean, s.sd, s.ci95[0], s.ci95[1], s.p05, s.p50, s.p95, s.n]);
  };
  add("network", "", r.network);
  for (const [id, stats] of Object.entries(r.nodes)) add("node", id, stats);
  for (const [id, stats] of Object.entries(r.products)) add("product", id, stats);
  return rows.map((row) => row.map(field).join(",")).join("\n") + "\n";
}
