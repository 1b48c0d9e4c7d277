/**
 * A run's result as an .xlsx workbook, one sheet per table: Summary (what was run), Network,
 * Nodes and Products (every KPI with its mean, sd, 95% interval, percentiles and n), Stock
 * breakdown (where the stock sits, when the run has it) and Replications (the per-replication
 * network values the histogram draws). Numbers stay numbers, so a planner can chart and sum them;
 * an undefined figure (NaN: a fill rate without demand) is an empty cell, as in the CSV export.
 * The file is written in the workbook worker (src/workers/workbook-client.ts), where exceljs
 * loads, so the page only builds the tables.
 */
import type { KpiStats, RunResult, Stat } from "../../sim/model/result.ts";
import { STOCK_COMPONENTS } from "../../sim/model/stock-breakdown.ts";
import type { SheetData } from "../../formats/xlsx-workbook.ts";

type Value = string | number | undefined;
const STAT_HEADER = ["mean", "sd", "ci95_lo", "ci95_hi", "p05", "p50", "p95", "n"];
const finite = (v: number): Value => (Number.isFinite(v) ? v : undefined);
const statCells = (s: Stat): Value[] => [s.mean, s.sd, s.ci95[0], s.ci95[1], s.p05, s.p50, s.p95, s.n].map(finite);
const kpiRows = (prefix: Value[], stats: KpiStats): Value[][] => Object.entries(stats).map(([kpi, s]) => [...prefix, kpi, ...statCells(s)]);

/** The workbook's sheets (also what the tests read). */
export function resultSheets(result: RunResult): SheetData[] {
  const sheets: SheetData[] = [
    {
      name: "Summary", header: ["field", "value"], widths: [16, 40],
      rows: [["scenario", result.scenario], ["seed", result.seed], ["replications", result.replications], ["horizon", result.horizon], ["warmup", result.warmup], ["workers", result.workers], ["elapsedMs", result.elapsedMs]],
    },
    { name: "Network", header: ["kpi", ...STAT_HEADER], rows: kpiRows([], result.network), widths: [26] },
    { name: "Nodes", header: ["node", "kpi", ...STAT_HEADER], rows: Object.entries(result.nodes).flatMap(([id, s]) => kpiRows([id], s)), widths: [18, 26] },
    { name: "Products", header: ["product", "kpi", ...STAT_HEADER], rows: Object.entries(result.products).flatMap(([id, s]) => kpiRows([id], s)), widths: [18, 26] },
  ];
  const b = result.stockBreakdown;
  if (b) {
    const parts = [...STOCK_COMPONENTS, "total"] as const;
    const rows = (scope: string, id: string, stats: typeof b.network): Value[][] => parts.map((p) => [scope, id, p, ...statCells(stats[p])]);
    sheets.push({
      name: "Stock breakdown", header: ["scope", "id", "part", ...STAT_HEADER], widths: [10, 18, 20],
      rows: [...rows("network", "", b.network), ...b.echelons.flatMap((e) => rows("echelon", e.label, e.stock)), ...Object.entries(b.nodes).flatMap(([id, s]) => rows("node", id, s))],
    });
  }
  const values = Object.entries(result.replicationValues?.network ?? {}).filter((e): e is [string, readonly number[]] => Array.isArray(e[1]));
  if (values.length) {
    const n = Math.max(...values.map(([, v]) => v.length));
    sheets.push({ name: "Replications", header: ["replication", ...values.map(([k]) => k)], rows: Array.from({ length: n }, (_, r) => [r, ...values.map(([, v]) => finite(v[r] ?? NaN))]) });
  }
  return sheets;
}

/** Writes sheets as an .xlsx file: `writeWorkbook` of src/formats/xlsx-workbook.ts, wherever it runs. */
export type WorkbookWriter = (sheets: readonly SheetData[]) => Promise<Uint8Array>;

const inWorker: WorkbookWriter = (sheets) => import("../../workers/workbook-client.ts").then((m) => m.writeWorkbookInWorker(sheets));

/** The result as an .xlsx file (written in the workbook worker unless told otherwise). */
export function resultToXlsx(result: RunResult, write: WorkbookWriter = inWorker): Promise<Uint8Array> {
  return write(resultSheets(result));
}
