import type { KpiStats, RunResult } from "../../sim/model/result.ts";

const HEADER = ["scope", "id", "kpi", "mean", "sd", "ci95_lo", "ci95_hi", "p05", "p50", "p95", "n"];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; NaN written empty. */
export function csvField(v: string | number): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function rows(scope: string, id: string, stats: KpiStats): (string | number)[][] {
  return Object.entries(stats).map(([kpi, s]) => [scope, id, kpi, s.mean, s.sd, s.ci95[0], s.ci95[1], s.p05, s.p50, s.p95, s.n]);
}

/** A result as long-format CSV: one line per (scope, id, KPI) with every Stat field. */
export function resultToCsv(result: RunResult): string {
  const all = [
    HEADER,
    ...rows("network", "", result.network),
    ...Object.entries(result.nodes).flatMap(([id, s]) => rows("node", id, s)),
    ...Object.entries(result.products).flatMap(([id, s]) => rows("product", id, s)),
  ];
  return all.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** A result as the CLI writes it (`echelon-result@1`), NaN as null (JSON has no NaN). */
export function resultToJson(result: RunResult): string {
  return JSON.stringify(result, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
}

/** A file name from a scenario name: lower case, runs of other characters as "-". */
export function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "result";
}
