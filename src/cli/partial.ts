/**
 * `echelon-partial@1`: what one shard of a run, a comparison or an impact report (`--shard K/N`)
 * hands to `echelon merge`, and nothing more (docs/scale-out.md). Per-replication KPI values
 * travel whole, so the merged percentiles are the exact ones a single machine computes.
 *
 * A part is one line of JSON (the header: format, kind, manifest, and each run's KPI columns and
 * series layout), padded with spaces, then a newline, then raw little-endian numbers, run after
 * run: the run's KPI values column by column (Float64, each column's values in replication order),
 * the same columns each sorted ascending (NaN last), then, with `--series`, its series rows
 * (Float32, row-major). Binary rather than base64 in JSON: NaN (a value undefined in a
 * replication) survives bit for bit, and both sides stream. A shard writes each chunk's rows as
 * they arrive to a scratch file and, at the end, turns them into columns a group at a time (so its
 * memory does not grow with its replications or its catalogue); the merge reads whole columns with
 * one read per part, and takes percentiles from the sorted columns by merging them, never sorting.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import type { KpiColumn, SeriesLayout } from "../sim/model/batch.ts";
import { bytesOf, littleEndian, transposeRows } from "./part-columns.ts";
import type { FrontierPartJob } from "./frontier-part.ts";

export const PARTIAL_FORMAT = "echelon-partial@1";
export const ROW_ENCODING = "float64le-column-major-then-sorted";
export const SERIES_ENCODING = "float32le-row-major";

/** What was sharded: `echelon run`, `echelon compare A B`, `echelon impact` or `echelon frontier` (frontier-part.ts). */
export type PartKind = "run" | "compare" | "impact" | "frontier";

export interface PartialManifest {
  /** SHA-256 of the canonical JSON (sorted keys) of the scenarios as run: overrides applied. */
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

/** One simulated run in a part: A and B of a comparison, baseline, disrupted (and unmitigated) of an impact report. */
export interface PartRun {
  readonly name: string;
  readonly columns: readonly KpiColumn[];
  /** A frontier part's simulation: its own replications (the optimiser searches on fewer); otherwise the manifest's to − from. */
  readonly replications?: number;
  /** With `--series` (runs only): every replication's series row, as a worker sends it back. */
  readonly series?: { readonly encoding: typeof SERIES_ENCODING; readonly layout: SeriesLayout };
}

export interface PartialHeader {
  readonly format: typeof PARTIAL_FORMAT;
  readonly kind: PartKind;
  readonly manifest: PartialManifest;
  readonly rows: typeof ROW_ENCODING;
  readonly runs: readonly PartRun[];
  /** An impact report's scenario facts the merge cannot rebuild from rows. */
  readonly impact?: { readonly disruptions: number; readonly mitigations: readonly string[] };
  /** A trade-off curve's scenario, options and the units of work this part computed (frontier-part.ts). */
  readonly frontier?: FrontierPartJob;
}

/** A header line longer than this is not one (a 2,000-product run's is about 2 MB). */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/** Bytes reserved after the header's first version for the figures only known at the end (elapsedMs). */
const HEADER_SLACK = 64;

/** JSON with every object's keys sorted, so equal scenarios hash equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v);
}

export const scenarioHash = (scenario: unknown): string => createHash("sha256").update(canonicalJson(scenario)).digest("hex");

/** Where run r's KPI columns, sorted columns and series rows start, relative to the first byte after the header line. */
export function sectionsOf(header: Pick<PartialHeader, "manifest" | "runs">): { kpi: number; sorted: number; series: number; end: number }[] {
  const whole = header.manifest.to - header.manifest.from;
  let at = 0;
  return header.runs.map((r) => {
    const n = r.replications ?? whole, kpi = at, sorted = kpi + n * r.columns.length * 8, series = sorted + n * r.columns.length * 8;
    at = series + n * (r.series?.layout.cells ?? 0) * 4;
    return { kpi, sorted, series, end: at };
  });
}

/**
 * A part being written to `path`: series rows go straight to their place, KPI rows (in any order)
 * to a scratch file beside it; `finish` turns those into columns, sorts them, and writes the final
 * header over the first one.
 */
export interface PartWriter {
  writeRows(run: number, at: number, values: Float64Array): void;
  writeSeries(run: number, at: number, values: Float32Array): void;
  finish(manifest: PartialManifest): void;
  close(): void;
}

export function createPartWriter(path: string, header: PartialHeader): PartWriter {
  const first = JSON.stringify(header), room = Buffer.byteLength(first) + HEADER_SLACK;
  const line = (h: PartialHeader) => {
    const text = JSON.stringify(h), pad = room - Buffer.byteLength(text);
    if (pad < 0) throw new Error(`the part's header grew by more than ${HEADER_SLACK} bytes`);
    return Buffer.from(`${text}${" ".repeat(pad)}\n`);
  };
  const fd = openSync(path, "w"), data = room + 1, sections = sectionsOf(header), from = header.manifest.from, n = header.manifest.to - from;
  const scratch = header.runs.map((_r, i) => `${path}.rows-${i}`), scratchFds: (number | undefined)[] = [];
  let open = true;
  const put = (to: number, bytes: Uint8Array, at: number) => { for (let done = 0; done < bytes.length;) done += writeSync(to, bytes, done, bytes.length - done, at + done); };
  put(fd, line(header), 0);
  const cols = (run: number) => header.runs[run].columns.length, cells = (run: number) => header.runs[run].series?.layout.cells ?? 0;
  const closeScratch = () => scratchFds.forEach((f, i) => { if (f !== undefined) { closeSync(f); scratchFds[i] = undefined; } rmSync(scratch[i], { force: true }); });
  return {
    writeRows(run, at, values) { put(scratchFds[run] ??= openSync(scratch[run], "w+"), bytesOf(values), (at - from) * cols(run) * 8); },
    writeSeries(run, at, values) { put(fd, bytesOf(values), data + sections[run].series + (at - from) * cells(run) * 4); },
    finish(manifest) {
      header.runs.forEach((r, i) => { const rows = r.replications ?? n; if (rows > 0) transposeRows(scratchFds[i] ??= openSync(scratch[i], "w+"), fd, rows, cols(i), data + sections[i].kpi, data + sections[i].sorted); });
      put(fd, line({ ...header, manifest }), 0);
    },
    close() {
      if (open) { closeScratch(); closeSync(fd); }
      open = false;
    },
  };
}

/** A part opened for merging: its header, and its rows read block by block. */
export interface PartReader {
  readonly header: PartialHeader;
  /** Run `run`'s KPI columns j0 … j0 + count − 1, one after another, each in replication order. */
  readColumns(run: number, j0: number, count: number): Float64Array;
  /** The same columns, each sorted ascending (NaN last). */
  readSorted(run: number, j0: number, count: number): Float64Array;
  /** Run `run`'s series rows of `count` replications from the part's `from` + `at`. */
  readSeries(run: number, at: number, count: number): Float32Array;
  close(): void;
}

/** The first line of a part, read piece by piece (a 1,000-product header holds thousands of columns). */
export function headerLine(fd: number): { text: string; bytes: number } | null {
  const pieces: Buffer[] = [];
  for (let at = 0; at < MAX_HEADER_BYTES;) {
    const piece = Buffer.alloc(64 * 1024), got = readSync(fd, piece, 0, piece.length, at);
    if (got === 0) return null;
    const nl = piece.subarray(0, got).indexOf(10);
    if (nl >= 0) { pieces.push(piece.subarray(0, nl)); return { text: Buffer.concat(pieces).toString("utf8"), bytes: at + nl + 1 }; }
    pieces.push(piece.subarray(0, got));
    at += got;
  }
  return null;
}

/**
 * Why a manifest's replications are not a block of the run (0 ≤ from ≤ to ≤ replications, whole
 * numbers), or null. The sizes of a part's sections follow from them, so they are checked before
 * anything is read.
 */
export function rangeProblem(m: Pick<PartialManifest, "from" | "to" | "replications">): string | null {
  const wrong = (why: string) => `the manifest's range is wrong: ${why}`;
  const whole = (key: "from" | "to" | "replications", least: number) =>
    Number.isInteger(m[key]) && m[key] >= least ? null : wrong(`${key} must be a whole number >= ${least}, got ${JSON.stringify(m[key]) ?? "nothing"}`);
  const shape = whole("replications", 1) ?? whole("from", 0) ?? whole("to", 0);
  if (shape) return shape;
  if (m.from > m.to) return wrong(`from (${m.from}) must be at most to (${m.to})`);
  if (m.to > m.replications) return wrong(`to (${m.to}) must be at most replications (${m.replications})`);
  return null;
}

/** Why a header cannot be merged, or null. `file` names it in the message. */
function headerProblem(h: PartialHeader | null): string | null {
  if (h?.format !== PARTIAL_FORMAT) return `not an ${PARTIAL_FORMAT} document (its first line is not a part's header); make parts with --shard K/N`;
  if (typeof h.rows !== "string") return `a part from an earlier echelon (its rows are inside the JSON); make the parts again with this version (${ROW_ENCODING})`;
  if (h.rows !== ROW_ENCODING) return `rows are encoded as ${JSON.stringify(h.rows)}, expected ${ROW_ENCODING}`;
  if (typeof h.manifest !== "object" || h.manifest === null) return "the header has no manifest (which replications of which run the part holds); make the parts again with --shard K/N";
  const range = rangeProblem(h.manifest);
  if (range) return range;
  // A frontier shard with no unit of work (more shards than units) simulated nothing.
  if (!Array.isArray(h.runs) || (h.runs.length === 0 && h.kind !== "frontier")) return "the header names no runs";
  if (h.runs.some((r) => !Array.isArray(r?.columns))) return "a run in the header lists no KPI columns";
  if (h.runs.some((r) => r.replications !== undefined && !(Number.isInteger(r.replications) && r.replications >= 1))) return "a run in the header has a number of replications that is not a whole number >= 1";
  const odd = h.runs.find((r) => r.series && r.series.encoding !== SERIES_ENCODING);
  if (odd) return `series rows are encoded as ${JSON.stringify(odd.series!.encoding)}, expected ${SERIES_ENCODING}`;
  return null;
}

/** Opens a part, or throws an Error whose message names the problem (the caller adds the file). */
export function openPart(path: string): PartReader {
  const fd = openSync(path, "r");
  try {
    const line = headerLine(fd);
    let header: PartialHeader | null = null;
    try { header = line ? JSON.parse(line.text) : null; } catch { header = null; }
    const problem = headerProblem(header);
    if (problem) throw new Error(problem);
    const h = header!, sections = sectionsOf(h), data = line!.bytes, n = h.manifest.to - h.manifest.from, size = fstatSync(fd).size, want = data + (sections.at(-1)?.end ?? 0);
    if (size !== want) throw new Error(`the file is ${size.toLocaleString("en")} bytes, expected ${want.toLocaleString("en")} for its header (a part cut short, or written over)`);
    const read = (at: number, bytes: number, out: Uint8Array = Buffer.allocUnsafe(bytes)) => {
      for (let done = 0; done < bytes;) {
        const got = readSync(fd, out, done, bytes - done, at + done);
        if (got === 0) throw new Error(`the file ended at byte ${at + done}`);
        done += got;
      }
      return out;
    };
    // Straight into the array's memory: no copy (little-endian machines; others swap in place).
    const float64 = (at: number, values: number) => {
      const out = new Float64Array(values);
      read(at, values * 8, new Uint8Array(out.buffer));
      if (!littleEndian) Buffer.from(out.buffer).swap64();
      return out;
    };
    return {
      header: h,
      readColumns(run, j0, count) { const rows = h.runs[run].replications ?? n; return float64(data + sections[run].kpi + j0 * rows * 8, count * rows); },
      readSorted(run, j0, count) { const rows = h.runs[run].replications ?? n; return float64(data + sections[run].sorted + j0 * rows * 8, count * rows); },
      readSeries(run, at, count) {
        const cells = h.runs[run].series?.layout.cells ?? 0, out = new Float32Array(count * cells);
        read(data + sections[run].series + at * cells * 4, count * cells * 4, new Uint8Array(out.buffer));
        if (!littleEndian) Buffer.from(out.buffer).swap32();
        return out;
      },
      close() { closeSync(fd); },
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
