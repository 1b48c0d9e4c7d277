/**
 * Reads an .xlsx file in a Web Worker of its own (workbook.worker.ts), so that unzipping it,
 * exceljs and reading its rows never block the page. One worker per file, ended when it answers:
 * imports are rare, and exceljs's memory goes with it. A worker that fails (out of memory on a
 * hostile file that passed the caps, or a chunk that will not load) rejects with an Error; the
 * page keeps working and says so.
 */
import { transfer, wrap } from "comlink";
import type { Draft } from "../formats/json.ts";
import type { WorkbookImport } from "../formats/network-workbook.ts";
import type { WorkbookApi } from "./workbook.worker.ts";

export type { WorkbookImport } from "../formats/network-workbook.ts";

/** `importWorkbook` (src/formats/network-workbook.ts) on `data`, which is transferred to the worker. */
export async function importWorkbookInWorker(draft: Draft | undefined, fileName: string, data: ArrayBuffer): Promise<WorkbookImport> {
  const worker = new Worker(new URL("./workbook.worker.ts", import.meta.url), { type: "module" });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (e) => { e.preventDefault(); reject(new Error(e.message || "the workbook reader failed to load or ran out of memory")); });
    worker.addEventListener("messageerror", () => reject(new Error("the workbook reader's answer could not be read")));
  });
  try {
    return await Promise.race([wrap<WorkbookApi>(worker).importWorkbook(draft, fileName, transfer(data, [data])), failed]);
  } finally {
    worker.terminate();
  }
}
