/**
 * Per-replication KPI rows gathered from chunk results that arrive in any order, kept compact as
 * the chunks' own Float64Arrays (one per chunk) and read back column by column in replication
 * order — so the statistics never depend on how replications were split among workers.
 */
import type { BatchResult } from "../model/batch.ts";

export interface KpiTable {
  readonly total: number;
  readonly columns: number;
  /** Replications received so far. */
  readonly received: number;
  add(batch: BatchResult): void;
  /** Column j's values for replications from … from + total − 1, in replication order. */
  column(j: number): Float64Array;
  /** Columns j0 … j0 + count − 1 at once (reads each chunk's rows in memory order: faster than one by one). */
  columnBlock(j0: number, count: number): Float64Array[];
  /** Frees what the table holds outside the heap (a spilled table's file); no call may follow. */
  dispose(): void;
}

/**
 * Checks that `batch` fits a table of `columns` KPI values for replications `from … from +
 * seen.length − 1` and brings none twice, marks its replications in `seen`, and returns how many
 * it brings. Throws, naming the chunk, otherwise.
 */
export function acceptChunk(batch: BatchResult, columns: number, from: number, seen: Uint8Array): number {
  const total = seen.length;
  if (batch.columns !== columns) throw new Error(`chunk ${batch.from}–${batch.to} has ${batch.columns} KPI columns, expected ${columns}`);
  if (batch.values.length !== (batch.to - batch.from) * columns) throw new Error(`chunk ${batch.from}–${batch.to} has ${batch.values.length} values, expected ${(batch.to - batch.from) * columns}`);
  for (let r = batch.from; r < batch.to; r++) {
    const i = r - from;
    if (i < 0 || i >= total) throw new Error(`replication ${r} is outside this run (${from}–${from + total - 1})`);
    if (seen[i]) throw new Error(`replication ${r} was received twice`);
    seen[i] = 1;
  }
  return batch.to - batch.from;
}

/** A table for replications `from … from + total − 1` with `columns` KPI values each. */
export function createKpiTable(total: number, columns: number, from = 0): KpiTable {
  // Only the KPI values are kept: a chunk's series (if any) is reduced elsewhere and dropped.
  const chunks: { from: number; to: number; values: Float64Array }[] = [];
  const seen = new Uint8Array(total);
  let received = 0;
  return {
    total,
    columns,
    get received() { return received; },
    add(batch) {
      received += acceptChunk(batch, columns, from, seen);
      chunks.push({ from: batch.from, to: batch.to, values: batch.values });
    },
    column(j) {
      return this.columnBlock(j, 1)[0];
    },
    columnBlock(j0, count) {
      if (received !== total) throw new Error(`only ${received} of ${total} replications were received`);
      const out = Array.from({ length: count }, () => new Float64Array(total));
      for (const c of chunks) {
        const v = c.values;
        for (let r = 0, n = c.to - c.from, o = c.from - from; r < n; r++) {
          const base = r * columns + j0;
          for (let k = 0; k < count; k++) out[k][o + r] = v[base + k];
        }
      }
      return out;
    },
    dispose() {
      chunks.length = 0;
    },
  };
}
