/**
 * Reading and writing .xlsx workbooks with exceljs, as plain tables of cells. exceljs (about
 * 250 KB gzipped) is imported only by the modules that need a workbook, which the app itself
 * imports on first use, so it loads in a chunk of its own the first time a workbook is opened or
 * saved (bench/bundle-size.mjs keeps the first load under its budget).
 *
 * A workbook is refused, with a message that says why, before exceljs sees it when it is too
 * large, when its zip inflates beyond MAX_UNPACKED_BYTES (a "zip bomb" of a few KB can claim
 * gigabytes: unzip.ts inflates each entry here with a running count and stops at the cap), or when
 * workbook.xml lists too many sheets or a sheet's dimension too many rows or columns. exceljs is
 * then handed the verified files packed uncompressed, so it inflates nothing; the sheet checks
 * are repeated on what it read, for a sheet whose dimension is missing or wrong.
 */
import { sheetLimitsProblem } from "./xlsx-dimensions.ts";
import { storedZip, unzip } from "./unzip.ts";

/** A sheet read: its name and rows of cell texts (rows and cells trimmed at the right; "" for empty). */
export interface SheetText { readonly name: string; readonly rows: readonly (readonly string[])[] }
export type WorkbookRead = { readonly ok: true; readonly sheets: readonly SheetText[] } | { readonly ok: false; readonly errors: readonly string[] };

/** Workbooks larger than this are refused unread: a network of the largest size the limits allow is well under it. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
/** What its zip may inflate to in all. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
export const MAX_SHEETS = 32;
/** Rows per sheet: the demand table may hold 100,000 entries (the scenario limit), plus a header. */
export const MAX_ROWS = 100_001;
export const MAX_COLUMNS = 64;

type ExcelJs = typeof import("exceljs");
let exceljs: Promise<ExcelJs> | undefined;
/** exceljs, loaded once (a failed load is retried on the next call). */
export function loadExcelJs(): Promise<ExcelJs> {
  exceljs ??= import("exceljs").then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs).catch((e: unknown) => {
    exceljs = undefined;
    throw e;
  });
  return exceljs;
}

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;

/** The sheets of an .xlsx file as text, or why it was refused. Never throws. */
export async function readWorkbook(fileName: string, data: ArrayBuffer): Promise<WorkbookRead> {
  const refuse = (why: string): WorkbookRead => ({ ok: false, errors: [`${fileName}: ${why}`] });
  if (data.byteLength > MAX_WORKBOOK_BYTES) return refuse(`the workbook is ${MB(data.byteLength)}; workbooks up to ${MB(MAX_WORKBOOK_BYTES)} can be imported`);
  const zip = await unzip(new Uint8Array(data), MAX_UNPACKED_BYTES);
  if (!zip.ok && zip.problem === "inflating") return refuse(zip.reason);
  if (!zip.ok) return refuse(`not an .xlsx workbook (${zip.reason}); save it from Excel or LibreOffice as "Excel Workbook (.xlsx)"`);
  const tooBig = sheetLimitsProblem(zip.files, { sheets: MAX_SHEETS, rows: MAX_ROWS, columns: MAX_COLUMNS });
  if (tooBig) return refuse(tooBig);
  try {
    const ExcelJS = await loadExcelJs();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(storedZip(zip.files).buffer);
    if (book.worksheets.length > MAX_SHEETS) return refuse(`the workbook has ${book.worksheets.length} sheets; at most ${MAX_SHEETS} can be imported`);
    const sheets: SheetText[] = [];
    for (const sheet of book.worksheets) {
      if (sheet.rowCount > MAX_ROWS) return refuse(`sheet "${sheet.name}" has ${sheet.rowCount.toLocaleString("en-US")} rows; at most ${MAX_ROWS.toLocaleString("en-US")} can be imported`);
      if (sheet.columnCount > MAX_COLUMNS) return refuse(`sheet "${sheet.name}" has ${sheet.columnCount} columns; at most ${MAX_COLUMNS} can be imported`);
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell.value); });
        rows[n - 1] = Array.from(cells, (c) => c ?? "");
      });
      sheets.push({ name: sheet.name, rows: Array.from(rows, (r) => r ?? []) });
    }
    return { ok: true, sheets };
  } catch (e) {
    return refuse(`the workbook could not be read (${(e as Error).message || String(e)})`);
  }
}

/**
 * A cell's value as the text an importer reads: numbers in full precision, a formula's last
 * computed result, rich text joined, a hyperlink's text, a date as YYYY-MM-DD, an error as
 * Excel shows it (#N/A), so that a message can quote it.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "string") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if (o.formula !== undefined || o.sharedFormula !== undefined) return cellText(o.result);
    if (o.error !== undefined) return String(o.error);
    if (o.text !== undefined) return cellText(o.text);
  }
  return "";
}

/** A sheet to write: a header row (bold, frozen) and rows of values; undefined leaves a cell empty. */
export interface SheetData {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | undefined)[])[];
  /** Column widths in characters; default from the header. */
  readonly widths?: readonly number[];
}

/** An .xlsx file with the given sheets. */
export async function writeWorkbook(sheets: readonly SheetData[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const book = new ExcelJS.Workbook();
  book.creator = "Echelon";
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow([...s.header]).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map((v) => (v === undefined ? null : v)));
    s.header.forEach((h, i) => { sheet.getColumn(i + 1).width = s.widths?.[i] ?? Math.max(10, h.length + 2); });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
