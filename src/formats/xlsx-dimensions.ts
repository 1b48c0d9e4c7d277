/**
 * A workbook's sheet count and each sheet's size, read from its XML before exceljs parses it:
 * `xl/workbook.xml` lists the sheets, and each sheet's `<dimension ref="A1:C10"/>` (which Excel,
 * LibreOffice and exceljs write first in the sheet) gives the used range. A sheet without one is
 * left to the checks after parsing.
 */
import type { ZipFile } from "./unzip.ts";

export interface SheetLimits { readonly sheets: number; readonly rows: number; readonly columns: number }
interface SheetPart { readonly name: string; readonly path: string | undefined }

/** The dimension element sits in a sheet's first few hundred bytes; this is ample. */
const HEAD_BYTES = 64 * 1024;
const ENTITIES: { readonly [k: string]: string } = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e]);
const attribute = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescape(m[1] ?? m[2]) : undefined;
};
const text = (f: ZipFile | undefined, bytes = Infinity) => (f ? new TextDecoder().decode(f.data.subarray(0, Math.min(bytes, f.data.length))) : "");

/** Why the workbook has too many sheets, or a sheet too many rows or columns, or null. */
export function sheetLimitsProblem(files: readonly ZipFile[], limits: SheetLimits): string | null {
  const sheets = sheetParts(files);
  if (sheets.length > limits.sheets) return `the workbook has ${sheets.length} sheets; at most ${limits.sheets} can be imported`;
  for (const sheet of sheets) {
    const size = dimension(text(files.find((f) => f.entry.name === sheet.path), HEAD_BYTES));
    if (!size) continue;
    if (size.rows > limits.rows) return `sheet "${sheet.name}" has ${size.rows.toLocaleString("en-US")} rows; at most ${limits.rows.toLocaleString("en-US")} can be imported`;
    if (size.columns > limits.columns) return `sheet "${sheet.name}" has ${size.columns} columns; at most ${limits.columns} can be imported`;
  }
  return null;
}

/** The sheets workbook.xml lists, with the part each one's relationship points to. */
function sheetParts(files: readonly ZipFile[]): SheetPart[] {
  const book = text(files.find((f) => f.entry.name === "xl/workbook.xml"));
  const rels = new Map<string, string>();
  for (const tag of text(files.find((f) => f.entry.name === "xl/_rels/workbook.xml.rels")).match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id"), target = attribute(tag, "Target");
    if (id && target) rels.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return (book.match(/<(?:\w+:)?sheet[\s/>][^>]*>/g) ?? []).map((tag) => {
    const id = attribute(tag, "r:id") ?? attribute(tag, "[\\w]+:id");
    return { name: attribute(tag, "name") ?? "", path: id ? rels.get(id) : undefined };
  });
}

/** Rows and columns up to the last cell of a sheet's `<dimension ref>`, or null without one. */
export function dimension(sheetXml: string): { rows: number; columns: number } | null {
  const tag = /<(?:\w+:)?dimension\b[^>]*>/.exec(sheetXml)?.[0];
  const ref = tag && attribute(tag, "ref");
  const last = ref && /\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.split(":").at(-1)!);
  if (!last) return null;
  const columns = [...last[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { rows: Number(last[2]), columns };
}
