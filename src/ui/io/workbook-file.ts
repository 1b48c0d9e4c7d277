/**
 * The workbench's spreadsheet actions, kept out of the shell: opening an .xlsx file (a new
 * scenario, or tables merged into the open one) and exporting the network as .xlsx or as one
 * CSV table. Workbooks are read and written in a worker of their own
 * (src/workers/workbook-client.ts, loaded on first use), so the page's main thread never runs
 * exceljs or reads a workbook's rows, and the first page load carries neither.
 */
import { parseScenarioSource } from "./scenario-file.ts";
import { networkTables, tableCsv } from "../../formats/network-tables.ts";
import { formatIssue } from "../shared/validate.ts";
import { XLSX_TYPE } from "./xlsx-type.ts";
import type { CsvKind } from "../../formats/csv-columns.ts";
import type { WorkbookImport } from "../../formats/network-workbook.ts";
import type { Draft } from "../editor/paths.ts";

/** Reads a workbook into a draft: importWorkbook (src/formats/network-workbook.ts), wherever it runs. */
export type WorkbookImporter = (draft: Draft | undefined, fileName: string, data: ArrayBuffer) => Promise<WorkbookImport>;

const workbookClient = () => import("../../workers/workbook-client.ts");
/** The browser's importer: a worker per file. */
const inWorker: WorkbookImporter = (...args) => workbookClient().then((m) => m.importWorkbookInWorker(...args));

export type WorkbookOpened =
  | { readonly kind: "scenario"; readonly scenario: Draft }
  | { readonly kind: "merge"; readonly draft: Draft; readonly summary: string }
  | { readonly kind: "error"; readonly intro: string; readonly messages: readonly string[] };

export function isWorkbookFile(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/** Reads an .xlsx file; a workbook with a Settings sheet must also pass the validator to open as a scenario. */
export async function openWorkbookFile(draft: Draft | undefined, file: Blob & { readonly name: string }, read: WorkbookImporter = inWorker): Promise<WorkbookOpened> {
  let r: WorkbookImport;
  try {
    r = await read(draft, file.name, await file.arrayBuffer());
  } catch (e) {
    return { kind: "error", intro: "Nothing was changed.", messages: [`${file.name}: the spreadsheet reader stopped before it finished (${(e as Error).message})`] };
  }
  // readWorkbook's refusals of the whole file start with its name; the importer's name a cell ("Nodes!D3: …").
  const whole = !r.ok && r.errors.every((m) => m.startsWith(`${file.name}: `));
  if (!r.ok) return { kind: "error", intro: whole ? "Nothing was changed; your current work is as it was. The workbook was refused:" : "Nothing was changed. Fix these cells and import the workbook again:", messages: r.errors };
  if (r.kind === "merge") return { kind: "merge", draft: r.draft, summary: r.summary };
  const checked = await parseScenarioSource(new Blob([JSON.stringify(r.scenario)]));
  if (checked.ok) return { kind: "scenario", scenario: r.scenario };
  // "Nodes row 5: nodes[3].policy.level: …": the row to fix, then the validator's own words.
  const where = (path: string) => r.rows.get(/^(nodes|lanes|demand)\[\d+\]/.exec(path)?.[0] ?? "");
  return {
    kind: "error", intro: "Nothing was changed. The workbook reads, but the scenario in it has these problems:",
    messages: checked.errors.map((i) => `${where(i.path) ?? `${file.name}`}: ${formatIssue(i)}`),
  };
}

export type NetworkExport = "xlsx" | CsvKind;

/** The open scenario's network as a file: the whole scenario as .xlsx, or one table as CSV. */
export async function networkFile(draft: Draft, what: NetworkExport): Promise<Blob> {
  if (what !== "xlsx") return new Blob([tableCsv(networkTables(draft)[what])], { type: "text/csv" });
  const { networkWorkbookInWorker } = await workbookClient();
  return new Blob([await networkWorkbookInWorker(draft) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
}
