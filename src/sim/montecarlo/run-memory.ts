/**
 * What a run keeps while it reduces, and the checks that keep it bounded (docs/statistics.md,
 * "Memory at the limits"). The scenario's own limits (validate/limits.ts) bound the work and the
 * per-replication KPI values; these add what depends on the run's options: the per-day series
 * (`--series`) and, where rows cannot leave the heap (the browser), the KPI table in memory.
 */
import type { Scenario } from "../model/scenario.ts";

export interface RunIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Series cells per replication at most: each takes about 1.4 KB while reduced and written
 * (histograms, bands, the JSON text), so 250,000 cells peak near 550 MB (docs/statistics.md).
 */
export const MAX_SERIES_CELLS = 250_000;

/** Bytes of float32 series a chunk of replications may carry (chunks shrink to fit it). */
export const SERIES_CHUNK_BYTES = 8 * 1024 * 1024;

const count = (n: number) => n.toLocaleString("en-US");
const mb = (bytes: number) => `${count(Math.ceil(bytes / 1e6))} MB`;

/** Bytes of a KPI table: 8 per KPI column per replication. */
export const kpiTableBytes = (replications: number, columns: number): number => 8 * replications * columns;

/** The per-day series of a run stay within MAX_SERIES_CELLS: (3 × nodes + 1) × horizon. */
export function checkSeriesSize(s: Scenario): RunIssue[] {
  const cells = (3 * s.nodes.length + 1) * s.horizon;
  if (cells <= MAX_SERIES_CELLS) return [];
  const most = Math.max(1, Math.floor(MAX_SERIES_CELLS / (3 * s.nodes.length + 1)));
  return [{
    path: "horizon",
    message: `is too long for per-day series: (3 × ${count(s.nodes.length)} nodes + 1) × horizon ${count(s.horizon)} = ${count(cells)} ` +
      `series cells per replication, over the limit of ${count(MAX_SERIES_CELLS)}; run without series, or use a horizon of at most ${count(most)} days`,
  }];
}

/** Where KPI rows cannot leave the heap: the table stays within `maxBytes`. */
export function checkTableSize(s: Scenario, columns: number, maxBytes: number, where: string): RunIssue[] {
  const bytes = kpiTableBytes(s.replications, columns);
  if (bytes <= maxBytes) return [];
  const most = Math.max(1, Math.floor(maxBytes / kpiTableBytes(1, columns)));
  return [{
    path: "replications",
    message: `keeps too many per-replication KPI values ${where}: ${count(s.replications)} replications × ${count(columns)} KPI columns × 8 bytes = ${mb(bytes)}, ` +
      `over the limit of ${mb(maxBytes)}; use at most ${count(most)} replications here, or run it with the echelon command line, which keeps them in a temporary file`,
  }];
}

/**
 * Cells of a day-by-day trace (the workbench's Watch) at most: (nodes + lanes) × horizon. A trace
 * keeps four numbers a node and day, and the shipments a lane can send in a day, so 4,000,000
 * cells stay near 200 MB in the worker and again in the page.
 */
export const MAX_TRACE_CELLS = 4_000_000;

/** A trace of one replication stays within MAX_TRACE_CELLS. */
export function checkTraceSize(s: Scenario): RunIssue[] {
  const perDay = s.nodes.length + s.lanes.length, cells = perDay * s.horizon;
  if (cells <= MAX_TRACE_CELLS) return [];
  const most = Math.max(1, Math.floor(MAX_TRACE_CELLS / perDay));
  return [{
    path: "horizon",
    message: `is too long to watch day by day: (${count(s.nodes.length)} nodes + ${count(s.lanes.length)} lanes) × horizon ${count(s.horizon)} = ${count(cells)} ` +
      `cells, over the limit of ${count(MAX_TRACE_CELLS)}; watch a copy of the scenario with a horizon of at most ${count(most)} days`,
  }];
}
