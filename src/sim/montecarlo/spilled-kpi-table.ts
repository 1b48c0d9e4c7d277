/**
 * A KPI table whose per-replication rows live outside the heap, in a `ValueStore` (the CLI's is a
 * temporary file, src/cli/value-file.ts), so a run's memory no longer grows with its replications.
 *
 * Rows are released in replication order (in-order.ts) into a buffer of `segment` replications,
 * which is written transposed: column-major, each column's values of the segment contiguous. A
 * column is then read back with one contiguous read per segment, and a block of neighbouring
 * columns with one read per segment too: reading every column costs one pass over the store.
 *
 * The columns read back are the very numbers the in-memory table gives, in the same order, and
 * the same `summarize` reduces them — so percentiles stay exact and every figure is bit-identical
 * to the in-memory path (test/sim/montecarlo/spilled-kpi-table.test.ts, test/cli/spill.test.ts).
 * Memory: the segment buffer, the chunks waiting for an earlier one, and the columns being read.
 */
import type { BatchResult } from "../model/batch.ts";
import { createInOrder } from "./in-order.ts";
import { acceptChunk, type KpiTable } from "./kpi-table.ts";

/**
 * Float64 storage outside the heap, addressed in values (not bytes). The pure layer defines it and
 * never implements it on a file: src/sim stays free of Node built-ins.
 */
export interface ValueStore {
  /** Appends values at the end of the store. */
  append(values: Float64Array): void;
  /** Fills `out` with the values stored from position `at` on. */
  read(at: number, out: Float64Array): void;
  /** Frees the store (closes and deletes a file); no call may follow. */
  dispose(): void;
}

export interface SpilledKpiTableOptions {
  /** Bytes of the buffer that transposes rows before they are written (default 16 MiB). */
  readonly segmentBytes?: number;
}

/** A table for replications `from … from + total − 1` with `columns` KPI values each, kept in `store`. */
export function createSpilledKpiTable(total: number, columns: number, store: ValueStore, from = 0, options: SpilledKpiTableOptions = {}): KpiTable {
  const segment = Math.max(1, Math.min(total, Math.floor((options.segmentBytes ?? 16 * 1024 * 1024) / (8 * columns))));
  const seen = new Uint8Array(total);
  let received = 0, buffer: Float64Array | null = new Float64Array(segment * columns), filled = 0, written = 0;

  /** Length of segment s: `segment`, or what is left for the last one. */
  const lengthOf = (s: number) => Math.min(segment, total - s * segment);
  function flush() {
    const n = filled;
    // The buffer holds column j at j × segment; a short last segment is packed to stride n.
    const out = n === segment ? buffer! : new Float64Array(n * columns);
    if (n !== segment) for (let j = 0; j < columns; j++) out.set(buffer!.subarray(j * segment, j * segment + n), j * n);
    store.append(out);
    written += n;
    filled = 0;
    if (written === total) buffer = null;
  }
  const release = createInOrder<BatchResult>(from, (b) => {
    const v = b.values, buf = buffer!;
    for (let r = 0, n = b.to - b.from; r < n; r++) {
      const row = r * columns;
      for (let j = 0; j < columns; j++) buf[j * segment + filled] = v[row + j];
      if (++filled === lengthOf(written / segment)) flush();
    }
  });

  return {
    total,
    columns,
    get received() { return received; },
    add(batch) {
      received += acceptChunk(batch, columns, from, seen);
      release({ from: batch.from, to: batch.to, columns, values: batch.values });
    },
    column(j) {
      return this.columnBlock(j, 1)[0];
    },
    columnBlock(j0, count) {
      if (received !== total || written !== total) throw new Error(`only ${received} of ${total} replications were received`);
      const out = Array.from({ length: count }, () => new Float64Array(total));
      const scratch = new Float64Array(count * Math.min(segment, total));
      for (let s = 0, at = 0; s * segment < total; s++) {
        const n = lengthOf(s), part = scratch.subarray(0, count * n);
        store.read(at + j0 * n, part);
        for (let k = 0; k < count; k++) out[k].set(part.subarray(k * n, (k + 1) * n), s * segment);
        at += n * columns;
      }
      return out;
    },
    dispose() {
      buffer = null;
      store.dispose();
    },
  };
}

/** A ValueStore on the heap (tests, and any host without files): the spilled layout, in memory. */
export function createMemoryValueStore(): ValueStore & { readonly length: number } {
  const parts: Float64Array[] = [];
  let length = 0;
  return {
    get length() { return length; },
    append(values) { parts.push(values.slice()); length += values.length; },
    read(at, out) {
      let base = 0, o = 0;
      for (const p of parts) {
        const end = base + p.length;
        if (end > at + o && o < out.length) {
          const start = at + o - base, take = Math.min(p.length - start, out.length - o);
          out.set(p.subarray(start, start + take), o);
          o += take;
        }
        base = end;
      }
      if (o !== out.length) throw new RangeError(`read of ${out.length} values at ${at} goes past the end (${length})`);
    },
    dispose() { parts.length = 0; length = 0; },
  };
}
