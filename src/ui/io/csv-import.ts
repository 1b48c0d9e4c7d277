/**
 * Import of nodes, lanes and demand from CSV (papaparse). Every problem is reported with the
 * file name and line ("lanes.csv line 7: leadTime must be a number >= 0, got 'x'") and nothing
 * is changed unless the whole file reads cleanly. Rows merge into the draft: a node with an
 * existing id, a lane with an existing from → to, and demand for an existing node and product
 * are updated; others are added. The validator then checks the result as usual.
 */
import Papa from "papaparse";
import { ID_PATTERN, ID_RULE, quote } from "../../sim/validate/index.ts";
import { CSV_COLUMNS, detectCsvKind, type CsvKind } from "./csv-columns.ts";
import type { Draft, Json } from "../editor/paths.ts";

type Obj = { [key: string]: Json };
export type CsvImportResult =
  | { readonly ok: true; readonly kind: CsvKind; readonly draft: Draft; readonly added: number; readonly updated: number }
  | { readonly ok: false; readonly errors: readonly string[] };

/** One data row: its line number and cells by column name (trimmed, "" when absent). */
interface Row { readonly line: number; readonly cell: (name: string) => string }

class RowErrors {
  readonly list: string[] = [];
  constructor(private readonly file: string) {}
  add(line: number, message: string) { this.list.push(`${this.file} line ${line}: ${message}`); }
  /** A number >= min (or undefined when the cell is empty and not required). */
  number(row: Row, col: string, opts: { min?: number; integer?: boolean; required?: boolean } = {}): number | undefined {
    const text = row.cell(col);
    const { min = 0, integer = false, required = false } = opts;
    if (text === "") {
      if (required) this.add(row.line, `${col} is required`);
      return undefined;
    }
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      this.add(row.line, `${col} must be ${integer ? "a whole number" : "a number"} >= ${min}, got ${quote(text, "'")}`);
      return undefined;
    }
    return n;
  }
  oneOf(row: Row, col: string, options: readonly string[], fallback?: string): string | undefined {
    const text = row.cell(col) || fallback || "";
    if (!options.includes(text)) {
      this.add(row.line, text ? `${col} must be one of ${options.join(", ")}, got ${quote(text, "'")}` : `${col} is required (one of ${options.join(", ")})`);
      return undefined;
    }
    return text;
  }
}

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

/** Drops keys whose value is undefined. */
const clean = (o: Record<string, unknown>): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Obj;

function nodeFromRow(row: Row, e: RowErrors): Obj | undefined {
  const before = e.list.length;
  const id = row.cell("id");
  if (!ID_PATTERN.test(id)) e.add(row.line, `id must be ${ID_RULE}, got ${quote(id, "'")}`);
  const kind = e.oneOf(row, "kind", ["supplier", "plant", "dc", "store"]);
  let policy: Obj | undefined;
  if (kind && kind !== "supplier") {
    const type = e.oneOf(row, "policy", ["base-stock", "echelon-base-stock", "sS", "sQ"], row.cell("level") ? "base-stock" : undefined);
    const review = e.number(row, "review", { min: 1, integer: true });
    const offset = e.number(row, "offset", { integer: true });
    if (type === "sS") policy = clean({ type, s: e.number(row, "s", { required: true }), S: e.number(row, "S", { required: true }), review, offset });
    else if (type === "sQ") policy = clean({ type, s: e.number(row, "s", { required: true }), Q: e.number(row, "Q", { min: 1, required: true }), review, offset });
    else if (type) policy = clean({ type, level: e.number(row, "level", { required: true }), review, offset });
  }
  const storage = e.number(row, "storage"), throughput = e.number(row, "throughput");
  const node = clean({
    id, kind, name: row.cell("name") || undefined, policy,
    holdingCost: e.number(row, "holdingCost"), initialInventory: e.number(row, "initialInventory"),
    priority: e.number(row, "priority"),
    capacity: storage !== undefined || throughput !== undefined ? clean({ storage, throughput }) : undefined,
  });
  return e.list.length === before ? node : undefined;
}

function laneFromRow(row: Row, e: RowErrors): Obj | undefined {
  const before = e.list.length;
  const from = row.cell("from"), to = row.cell("to");
  if (!from) e.add(row.line, "from is required");
  if (!to) e.add(row.line, "to is required");
  const type = e.oneOf(row, "leadTimeType", ["constant", "normal", "gamma", "poisson", "uniform"], "constant");
  let leadTime: Obj | undefined;
  if (type === "uniform") leadTime = { type, min: e.number(row, "leadTimeMin", { integer: true, required: true }) ?? 0, max: e.number(row, "leadTimeMax", { integer: true, required: true }) ?? 0 };
  else if (type === "constant") leadTime = { type, value: e.number(row, "leadTime", { required: true }) ?? 0 };
  else if (type === "poisson") leadTime = { type, mean: e.number(row, "leadTime", { required: true }) ?? 0 };
  else if (type) leadTime = { type, mean: e.number(row, "leadTime", { required: true }) ?? 0, sd: e.number(row, "leadTimeSd", { required: true }) ?? 0 };
  const lane = clean({ from, to, leadTime, costPerUnit: e.number(row, "costPerUnit"), costPerShipment: e.number(row, "costPerShipment"), capacity: e.number(row, "capacity") });
  return e.list.length === before ? lane : undefined;
}

function demandFromRow(row: Row, e: RowErrors): Obj | undefined {
  const before = e.list.length;
  const node = row.cell("node");
  if (!node) e.add(row.line, "node is required");
  const type = e.oneOf(row, "dist", ["normal", "poisson", "gamma", "negbin", "constant", "uniform", "empirical"]);
  let dist: Obj | undefined;
  const req = { required: true };
  if (type === "constant") dist = { type, value: e.number(row, "mean", req) ?? 0 };
  else if (type === "poisson") dist = { type, mean: e.number(row, "mean", req) ?? 0 };
  else if (type === "uniform") dist = { type, min: e.number(row, "min", req) ?? 0, max: e.number(row, "max", req) ?? 0 };
  else if (type === "empirical") {
    const cells = row.cell("values").split(/\s+/).filter(Boolean);
    const values = cells.map(Number);
    const bad = cells.find((c) => !Number.isFinite(Number(c)) || Number(c) < 0);
    if (!cells.length) e.add(row.line, "values is required for an empirical distribution (numbers separated by spaces)");
    else if (bad !== undefined) e.add(row.line, `values must be numbers >= 0 separated by spaces, got ${quote(bad, "'")}`);
    dist = { type, values };
  } else if (type) dist = { type, mean: e.number(row, "mean", req) ?? 0, sd: e.number(row, "sd", req) ?? 0 };
  const demand = clean({ node, product: row.cell("product") || undefined, dist, trend: e.number(row, "trend", { min: -1 }) });
  return e.list.length === before ? demand : undefined;
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

/** Imports one CSV file into `draft`. */
export function importCsv(draft: Draft, fileName: string, text: string): CsvImportResult {
  const errors = new RowErrors(fileName);
  const { kind, rows } = readRows(fileName, text, errors);
  if (!kind) return { ok: false, errors: errors.list };
  const read = kind === "nodes" ? nodeFromRow : kind === "lanes" ? laneFromRow : demandFromRow;
  const items = rows.map((r) => read(r, errors)).filter((x): x is Obj => x !== undefined);
  if (errors.list.length) return { ok: false, errors: errors.list };
  if (!items.length) return { ok: false, errors: [`${fileName}: no data rows under the header`] };
  const existing = (Array.isArray(draft[kind]) ? draft[kind] : []) as Json[];
  const same = kind === "nodes" ? (a: Obj, b: Obj) => a.id === b.id
    : kind === "lanes" ? (a: Obj, b: Obj) => a.from === b.from && a.to === b.to
    : (a: Obj, b: Obj) => a.node === b.node && (a.product ?? "") === (b.product ?? "");
  const m = merge(existing, items, same, kind !== "demand");
  return { ok: true, kind, draft: { ...draft, [kind]: m.list }, added: m.added, updated: m.updated };
}
