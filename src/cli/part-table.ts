/**
 * What a merge reads its KPI values through (merge.ts): a KpiTable whose columns are read straight
 * from the parts' column sections, one read per part, and, for a run, each column's Stat with its
 * percentiles taken from the parts' sorted columns merged — the very order statistics a single
 * run selects, so the Stat is `summarize`'s bit for bit, without sorting or selecting anything.
 */
import type { Stat } from "../sim/model/result.ts";
import type { KpiTable } from "../sim/montecarlo/kpi-table.ts";
import type { ColumnStat } from "../sim/montecarlo/run-result.ts";
import { accumulateAll, createAccumulator, standardDeviation } from "../sim/stats/accumulator.ts";
import { confidenceInterval95, statFrom } from "../sim/stats/stat.ts";
import type { PartReader } from "./partial.ts";

const span = (p: PartReader) => ({ from: p.header.manifest.from, n: p.header.manifest.to - p.header.manifest.from });

/** Run `run`'s KPI values over `parts`, which cover 0 … total − 1 in order (merge.ts checks it). */
export function createPartsTable(parts: readonly PartReader[], run: number, total: number, columns: number): KpiTable {
  return {
    total, columns, received: total,
    add() { throw new Error("a table of parts is read-only"); },
    column(j) { return this.columnBlock(j, 1)[0]; },
    columnBlock(j0, count) {
      const out = Array.from({ length: count }, () => new Float64Array(total));
      for (const p of parts) {
        const { from, n } = span(p);
        if (n === 0) continue;
        const v = p.readColumns(run, j0, count);
        for (let k = 0; k < count; k++) out[k].set(v.subarray(k * n, (k + 1) * n), from);
      }
      return out;
    },
    dispose() {},
  };
}

/** Two ascending runs as one. */
function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = b[j] < a[i] ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Ascending runs as one, merged pairwise: n·log₂(runs) steps. */
export function mergeSorted(runs: Float64Array[]): Float64Array {
  if (runs.length === 0) return new Float64Array(0);
  while (runs.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < runs.length; i += 2) next.push(i + 1 < runs.length ? mergeTwo(runs[i], runs[i + 1]) : runs[i]);
    runs = next;
  }
  return runs[0];
}

/** A sorted column without its NaN values, which sort last. */
function numbersOf(sorted: Float64Array): Float64Array {
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1])) n--;
  return sorted.subarray(0, n);
}

/**
 * R-7 percentiles from ascending numbers, as stats/percentile.ts `percentiles` computes them from
 * the ⌊h⌋-th and next order statistics (the same expression, so the same bits).
 */
function r7(sorted: Float64Array, p: number): number {
  const n = sorted.length, h = (n - 1) * Math.min(1, Math.max(0, p)), i0 = Math.floor(h);
  const v0 = sorted[i0], v1 = i0 + 1 < n ? sorted[i0 + 1] : v0;
  return v0 + (v1 - v0) * (h - i0);
}

/** `summarize` for run `run`'s column j: the moments from its values in replication order, the percentiles from the parts' sorted columns. */
export function sortedPartsStat(parts: readonly PartReader[], run: number): ColumnStat {
  return (j, values): Stat => {
    const acc = accumulateAll(createAccumulator(), values);
    if (acc.n === 0) return statFrom(acc, []);
    const sorted = mergeSorted(parts.filter((p) => span(p).n > 0).map((p) => numbersOf(p.readSorted(run, j, 1))));
    return { mean: acc.mean, sd: standardDeviation(acc), ci95: confidenceInterval95(acc), p05: r7(sorted, 0.05), p50: r7(sorted, 0.5), p95: r7(sorted, 0.95), n: acc.n };
  };
}
