/**
 * Reads and writes .xlsx files in a Web Worker of its own (workbook.worker.ts), so that unzipping
 * a workbook, exceljs and the rows never block the page. One worker per file, ended when it
 * answers: imports and exports are rare, and exceljs's memory goes with it. A worker that fails
 * (out of memory on a hostile file that passed the caps, or a chunk that will not load) rejects
 * with an Error; the page keeps working and says so.
 */
import { transfer, wrap, type Remote } from "comlink";
import type { Draft } from "../formats/json.ts";
import type { WorkbookImport } from "../formats/network-workbook.ts";
import type { SheetData } from "../formats/xlsx-workbook.ts";
import type { WorkbookApi } from "./workbook.worker.ts";

export type { WorkbookImport } from "../formats/network-workbook.ts";

/** `importWorkbook` (src/formats/network-workbook.ts) on `data`, which is transferred to the worker. */
export function importWorkbookInWorker(draft: Draft | undefined, fileName: string, data: ArrayBuffer): Promise<WorkbookImport> {
  // Comlink types the answer as a union of promises, one per kind of result: awaited, it is a WorkbookImport.
  return inWorker(async (api): Promise<WorkbookImport> => await api.importWorkbook(draft, fileName, transfer(data, [data])));
}

/** `networkWorkbook`: the scenario as an .xlsx file. */
export function networkWorkbookInWorker(draft: Draft): Promise<Uint8Array> {
  return inWorker((api) => api.networkWorkbook(draft));
}

/** `writeWorkbook`: an .xlsx file of the given sheets. */
export function writeWorkbookInWorker(sheets: readonly SheetData[]): Promise<Uint8Array> {
  return inWorker((api) => api.writeWorkbook(sheets));
}

async function inWorker<T>(call: (api: Remote<WorkbookApi>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL("./workbook.worker.ts", import.meta.url), { type: "module" });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (e) => { e.preventDefault(); reject(new Error(e.message || "the workbook worker failed to load or ran out of memory")); });
    worker.addEventListener("messageerror", () => reject(new Error("the workbook worker's answer could not be read")));
  });
  try {
    return await Promise.race([call(wrap<WorkbookApi>(worker)), failed]);
  } finally {
    worker.terminate();
  }
}
