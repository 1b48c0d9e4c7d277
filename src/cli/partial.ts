/**
 * `echelon-partial@1`: what one shard of a run (`echelon run FILE --shard K/N`) hands to
 * `echelon merge`, and nothing more (docs/scale-out.md). Per-replication KPI rows travel whole, so
 * the merged percentiles are the exact ones a single machine computes.
 *
 * Rows are encoded as base64 of Float64 little-endian, row-major: replication `from` first, its
 * `columns.length` values in column order, then the next replication. NaN (a value undefined in a
 * replication) survives the round trip bit for bit, which JSON numbers would not allow.
 */
import { createHash } from "node:crypto";
import { endianness } from "node:os";
import type { KpiColumn, SeriesLayout } from "../sim/model/batch.ts";

export const PARTIAL_FORMAT = "echelon-partial@1";
export const ROW_ENCODING = "base64-float64le-row-major";
export const SERIES_ENCODING = "base64-float32le-row-major";

export interface PartialManifest {
  /** SHA-256 of the canonical JSON (sorted keys) of the scenario as run: overrides applied. */
  readonly scenarioHash: string;
  readonly scenario: string;
  readonly seed: number | string;
  /** Replications of the whole run. */
  readonly replications: number;
  readonly horizon: number;
  readonly warmup: number;
  /** This part's replications: from … to − 1. */
  readonly from: number;
  readonly to: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly engineVersion: string;
  readonly workers: number;
  readonly elapsedMs: number;
}

export interface Partial {
  readonly format: typeof PARTIAL_FORMAT;
  readonly manifest: PartialManifest;
  readonly columns: readonly KpiColumn[];
  readonly rows: { readonly encoding: typeof ROW_ENCODING; readonly data: string };
  /**
   * With `--series`: every replication's series row (`layout.cells` float32 values, the very rows a
   * worker sends back), so the merge feeds the series reducer the rows of a single run in the same
   * order. Raw rows rather than the reducer's state, whose histograms depend on the order of all rows.
   */
  readonly series?: { readonly encoding: typeof SERIES_ENCODING; readonly layout: SeriesLayout; readonly data: string };
}

/** JSON with every object's keys sorted, so equal scenarios hash equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v);
}

export const scenarioHash = (scenario: unknown): string => createHash("sha256").update(canonicalJson(scenario)).digest("hex");

export function encodeRows(values: Float64Array): string {
  const b = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return (endianness() === "LE" ? b : Buffer.from(b).swap64()).toString("base64");
}

export function encodeSeriesRows(values: Float32Array): string {
  const b = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return (endianness() === "LE" ? b : Buffer.from(b).swap32()).toString("base64");
}

export function decodeSeriesRows(data: string): Float32Array {
  const b = Buffer.from(data, "base64");
  if (b.length % 4) throw new RangeError(`the series rows are ${b.length} bytes, not a whole number of Float32 values`);
  if (endianness() !== "LE") b.swap32();
  const out = new Float32Array(b.length / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function decodeRows(data: string): Float64Array {
  const b = Buffer.from(data, "base64");
  if (b.length % 8) throw new RangeError(`the rows are ${b.length} bytes, not a whole number of Float64 values`);
  if (endianness() !== "LE") b.swap64();
  const out = new Float64Array(b.length / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}
