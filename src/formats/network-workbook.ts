/**
 * A scenario as an .xlsx workbook and back. The workbook has a sheet per table of
 * csv-columns.ts (Nodes, Lanes, Demand: the same columns as the CSV files) and a Settings sheet
 * of `key | value` rows for everything else (name, horizon, seed, products, costs, disruptions
 * … as JSON where a value is not a plain text or number).
 *
 * Importing a workbook with a Settings sheet opens it as a new scenario; one without merges its
 * tables into the open scenario as the CSV import does. Tables are recognised by their header
 * row, whatever the sheet is called; other sheets are skipped. Problems name the cell
 * ("Nodes!E4: level must be a number >= 0, got 'x'") and nothing changes unless all of it reads.
 */
import { quote } from "../sim/validate/index.ts";
import { CSV_COLUMNS, detectCsvKind, type CsvKind } from "./csv-columns.ts";
import { mergeItems, readItems } from "./csv-import.ts";
import { RowErrors, type Obj, type Row } from "./network-rows.ts";
import { networkTables } from "./network-tables.ts";
import { columnLetters, readWorkbook, writeWorkbook, type SheetData, type SheetText } from "./xlsx-workbook.ts";
import type { Draft, Json } from "./json.ts";

export const SETTINGS_SHEET = "Settings";
const SHEET_NAMES: Record<CsvKind, string> = { nodes: "Nodes", lanes: "Lanes", demand: "Demand" };
const KINDS: readonly CsvKind[] = ["nodes", "lanes", "demand"];
/** Settings whose value is a number. */
const NUMBER_KEYS = new Set(["horizon", "warmup", "replications"]);
/** Settings written as plain text. */
const TEXT_KEYS = new Set(["$schema", "format", "name", "description", "unmetDemand", "allocation"]);

export type WorkbookImport =
  | { readonly ok: true; readonly kind: "scenario"; readonly scenario: Draft; readonly rows: ReadonlyMap<string, string> }
  | { readonly ok: true; readonly kind: "merge"; readonly draft: Draft; readonly summary: string }
  | { readonly ok: false; readonly errors: readonly string[] };

/** The scenario as workbook sheets (also what the tests compare). */
export function networkSheets(draft: Draft): SheetData[] {
  const tables = networkTables(draft);
  const sheets: SheetData[] = KINDS.map((kind) => ({ name: SHEET_NAMES[kind], header: tables[kind].header, rows: tables[kind].rows }));
  const settings = Object.entries(draft).filter(([k]) => !(KINDS as readonly string[]).includes(k)).map(([k, v]) => [k, settingCell(k, v)]);
  sheets.push({ name: SETTINGS_SHEET, header: ["key", "value"], rows: settings, widths: [18, 80] });
  return sheets;
}

/** The scenario as an .xlsx file. */
export function networkWorkbook(draft: Draft): Promise<Uint8Array> {
  return writeWorkbook(networkSheets(draft));
}

function settingCell(key: string, v: Json): string | number {
  if (typeof v === "number" && (NUMBER_KEYS.has(key) || key === "seed")) return v;
  if (typeof v === "string" && (TEXT_KEYS.has(key) || (key === "seed" && !looksJson(v)))) return v;
  return JSON.stringify(v);
}
/** A text that reads as a number or a JSON value: a seed "42" is then written "\"42\"" to stay a string. */
const looksJson = (text: string) => { try { JSON.parse(text); return true; } catch { return false; } };

/** Reads an .xlsx file: a new scenario (with a Settings sheet) or the open one with the tables merged in. */
export async function importWorkbook(draft: Draft | undefined, fileName: string, data: ArrayBuffer): Promise<WorkbookImport> {
  const read = await readWorkbook(fileName, data);
  if (!read.ok) return read;
  const errors: string[] = [];
  const tables = new Map<CsvKind, { sheet: SheetText; rows: Row[]; errors: RowErrors }>();
  let settings: SheetText | undefined;
  for (const sheet of read.sheets) {
    if (sheet.name.trim().toLowerCase() === SETTINGS_SHEET.toLowerCase()) { settings = sheet; continue; }
    const table = tableRows(sheet);
    if (!table) continue;
    const earlier = tables.get(table.kind);
    if (earlier) { errors.push(`${sheet.name}: a second ${table.kind} table (the first is sheet "${earlier.sheet.name}"); put all ${table.kind} in one sheet`); continue; }
    tables.set(table.kind, { sheet, rows: table.rows, errors: table.errors });
  }
  if (!settings && !tables.size) {
    return { ok: false, errors: [`${fileName}: no sheet has the columns of nodes (id, kind), lanes (from, to) or demand (node, dist) in its first row, and there is no ${SETTINGS_SHEET} sheet`] };
  }
  const base: Obj = settings ? readSettings(settings, errors) : {};
  const start: Draft = settings ? { ...base, nodes: [], lanes: [], demand: [] } : draft ?? { nodes: [], lanes: [], demand: [] };
  let merged = start;
  const counts: string[] = [];
  const rows = new Map<string, string>();
  for (const kind of KINDS) {
    const t = tables.get(kind);
    if (!t) continue;
    const existing = (Array.isArray(merged[kind]) ? merged[kind] : []) as Json[];
    const items = readItems(kind, t.rows, t.errors, existing);
    errors.push(...t.errors.list);
    const m = mergeItems(merged, kind, items);
    merged = m.draft;
    counts.push(`${m.added} ${kind} added, ${m.updated} updated`);
    if (settings) itemLines(kind, t).forEach((where, i) => rows.set(`${kind}[${i}]`, where));
  }
  if (errors.length) return { ok: false, errors };
  return settings ? { ok: true, kind: "scenario", scenario: merged, rows } : { ok: true, kind: "merge", draft: merged, summary: counts.join("; ") };
}

/** Where each item of a new scenario's table came from ("Nodes row 5"), for the validator's messages. Nodes with product rows count once. */
function itemLines(kind: CsvKind, t: { sheet: SheetText; rows: Row[] }): string[] {
  const seen = new Set<string>(), out: string[] = [];
  for (const r of t.rows) {
    const key = kind === "nodes" ? r.cell("id") : `${r.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`${t.sheet.name} row ${r.line}`);
  }
  return out;
}

/** The table a sheet holds, by its first non-blank row; undefined for a sheet that is not one. */
function tableRows(sheet: SheetText): { kind: CsvKind; rows: Row[]; errors: RowErrors } | undefined {
  const lines = sheet.rows.map((cells, i) => ({ cells: cells.map((c) => c.trim()), line: i + 1 }))
    .filter((r) => r.cells.some((c) => c !== "") && !r.cells[0]?.startsWith("#"));
  const header = lines.shift();
  const kind = header && detectCsvKind(header.cells);
  if (!header || !kind) return undefined;
  const index = new Map(header.cells.map((c, i) => [c, i] as const));
  const errors = new RowErrors((line, column) => {
    const col = column === undefined ? undefined : index.get(column);
    return col === undefined ? `${sheet.name} row ${line}` : `${sheet.name}!${columnLetters(col + 1)}${line}`;
  });
  const known = CSV_COLUMNS[kind].map((c) => c.name);
  header.cells.forEach((c, i) => {
    if (c && !known.includes(c)) errors.list.push(`${sheet.name}!${columnLetters(i + 1)}${header.line}: unknown column ${quote(c, "'")} in a ${kind} table (columns: ${known.join(", ")})`);
  });
  const rows = lines.map((r) => ({ line: r.line, cell: (name: string) => r.cells[index.get(name) ?? -1] ?? "" }));
  return { kind, rows, errors };
}

/** The Settings sheet's `key | value` rows as the scenario's top-level fields. */
function readSettings(sheet: SheetText, errors: string[]): Obj {
  const out: Obj = {};
  sheet.rows.forEach((cells, i) => {
    const key = (cells[0] ?? "").trim(), text = cells[1] ?? "";
    if (!key || key.startsWith("#") || (i === 0 && key === "key")) return;
    const where = `${sheet.name}!B${i + 1}`;
    if ((KINDS as readonly string[]).includes(key)) { errors.push(`${sheet.name}!A${i + 1}: ${key} belong in a sheet of their own, not in ${SETTINGS_SHEET}`); return; }
    if (TEXT_KEYS.has(key)) { out[key] = text; return; }
    if (NUMBER_KEYS.has(key)) {
      const n = Number(text.trim());
      if (text.trim() === "" || !Number.isFinite(n)) errors.push(`${where}: ${key} must be a number, got ${quote(text, "'")}`);
      else out[key] = n;
      return;
    }
    if (key === "seed") { out[key] = readSeed(text); return; }
    try {
      out[key] = JSON.parse(text) as Json;
    } catch {
      errors.push(`${where}: ${key} must be JSON (as in a scenario file), got ${quote(text, "'")}`);
    }
  });
  return out;
}

/** A seed: a number, a JSON string (a seed "42" kept as text), or any other text as it is. */
function readSeed(text: string): Json {
  const t = text.trim();
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  if (t.startsWith('"')) { try { return JSON.parse(t) as Json; } catch { /* taken as text */ } }
  return text;
}
