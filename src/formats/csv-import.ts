/**
 * Import of nodes, lanes and demand from CSV (papaparse). Every problem is reported with the
 * file name and line ("lanes.csv line 7: leadTime must be a number >= 0, got 'x'") and nothing
 * is changed unless the whole file reads cleanly. Rows merge into the draft: a node with an
 * existing id, a lane with an existing from → to, and demand for an existing node and product
 * are updated; others are added. The validator then checks the result as usual.
 */
import Papa from "papaparse";
import { quote } from "../sim/validate/index.ts";
import { CSV_COLUMNS, detectCsvKind, type CsvKind } from "./csv-columns.ts";
import { demandFromRow, laneFromRow, nodeFromRow, nodesFromRows, RowErrors, type NodeRow, type Obj, type Row } from "./network-rows.ts";
import type { Draft, Json } from "./json.ts";

export type CsvImportResult =
  | { readonly ok: true; readonly kind: CsvKind; readonly draft: Draft; readonly added: number; readonly updated: number }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Parses CSV text into rows; reports unknown and missing columns. */
function readRows(fileName: string, text: string, errors: RowErrors): { kind?: CsvKind; rows: Row[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  for (const e of parsed.errors) if (e.code !== "UndetectableDelimiter") errors.add((e.row ?? 0) + 1, e.message);
  const lines = parsed.data.map((cells, i) => ({ cells: cells.map((c) => c.trim()), line: i + 1 }))
    .filter((r) => r.cells.some((c) => c !== "") && !r.cells[0].startsWith("#"));
  const header = lines.shift();
  if (!header) { errors.add(1, "the file is empty"); return { rows: [] }; }
  const kind = detectCsvKind(header.cells);
  if (!kind) {
    errors.add(header.line, `unknown table: the header must have the columns of nodes (id, kind), lanes (from, to) or demand (node, dist); got ${quote(header.cells.join(","), "'")}`);
    return { rows: [] };
  }
  const known = CSV_COLUMNS[kind].map((c) => c.name);
  header.cells.forEach((c) => { if (c && !known.includes(c)) errors.add(header.line, `unknown column ${quote(c, "'")} in a ${kind} table (columns: ${known.join(", ")})`); });
  const index = new Map(header.cells.map((c, i) => [c, i] as const));
  const rows = lines.map((r) => {
    if (r.cells.length > header.cells.length) errors.add(r.line, `${r.cells.length} cells but the header has ${header.cells.length} columns`);
    return { line: r.line, cell: (name: string) => r.cells[index.get(name) ?? -1] ?? "" };
  });
  return { kind, rows };
}

/** Merges `items` into `list`: an item whose `same` matches an existing one replaces (merges into) it. */
function merge(list: readonly Json[], items: Obj[], same: (a: Obj, b: Obj) => boolean, mergeFields: boolean) {
  const out = [...list] as Obj[];
  let added = 0, updated = 0;
  for (const item of items) {
    const i = out.findIndex((x) => x && typeof x === "object" && same(x, item));
    if (i >= 0) { out[i] = mergeFields ? { ...out[i], ...item } : item; updated++; }
    else { out.push(item); added++; }
  }
  return { list: out, added, updated };
}

/** The scenario parts the rows of a `kind` table describe; problems go to `errors`. */
export function readItems(kind: CsvKind, rows: readonly Row[], errors: RowErrors, existing: readonly Json[] = []): Obj[] {
  const defined = <T>(x: T | undefined): x is T => x !== undefined;
  if (kind === "lanes") return rows.map((r) => laneFromRow(r, errors)).filter(defined);
  if (kind === "demand") return rows.map((r) => demandFromRow(r, errors)).filter(defined);
  const withPolicy = new Set(existing.flatMap((n) => (n && typeof n === "object" && !Array.isArray(n) && n.policy !== undefined ? [String(n.id)] : [])));
  return nodesFromRows(rows.map((r) => nodeFromRow(r, errors)).filter((x): x is NodeRow => x !== undefined), errors, withPolicy);
}

/** Merges the items of a `kind` table into `draft`. */
export function mergeItems(draft: Draft, kind: CsvKind, items: Obj[]): { draft: Draft; added: number; updated: number } {
  const existing = (Array.isArray(draft[kind]) ? draft[kind] : []) as Json[];
  const same = kind === "nodes" ? (a: Obj, b: Obj) => a.id === b.id
    : kind === "lanes" ? (a: Obj, b: Obj) => a.from === b.from && a.to === b.to
    : (a: Obj, b: Obj) => a.node === b.node && (a.product ?? "") === (b.product ?? "");
  const m = merge(existing, items, same, kind !== "demand");
  return { draft: { ...draft, [kind]: m.list }, added: m.added, updated: m.updated };
}

/** Imports one CSV file into `draft`. */
export function importCsv(draft: Draft, fileName: string, text: string): CsvImportResult {
  const errors = new RowErrors((line) => `${fileName} line ${line}`);
  const { kind, rows } = readRows(fileName, text, errors);
  if (!kind) return { ok: false, errors: errors.list };
  const existing = (Array.isArray(draft[kind]) ? draft[kind] : []) as Json[];
  const items = readItems(kind, rows, errors, existing);
  if (errors.list.length) return { ok: false, errors: errors.list };
  if (!items.length) return { ok: false, errors: [`${fileName}: no data rows under the header`] };
  return { ok: true, kind, ...mergeItems(draft, kind, items) };
}
