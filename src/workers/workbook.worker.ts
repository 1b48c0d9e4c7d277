// The browser's workbook worker: reads one opened .xlsx file, or writes one, off the page's main
// thread (workbook-client.ts creates it). Unzipping with its caps, exceljs and reading the sheets
// into the scenario take about 0.3–0.9 s for 20,000 rows, and writing them about as long; the page
// only sends the bytes or the tables and receives the result: the scenario or merged draft, or
// every problem by sheet and cell (src/formats/network-workbook.ts), or the file's bytes.
import { expose, transfer } from "comlink";
import type { Draft } from "../formats/json.ts";
import { importWorkbook, networkWorkbook } from "../formats/network-workbook.ts";
import { writeWorkbook, type SheetData } from "../formats/xlsx-workbook.ts";

/** The bytes, handed over rather than copied. */
const handOver = (bytes: Uint8Array) => transfer(bytes, [bytes.buffer]);

const api = {
  importWorkbook,
  networkWorkbook: async (draft: Draft) => handOver(await networkWorkbook(draft)),
  writeWorkbook: async (sheets: readonly SheetData[]) => handOver(await writeWorkbook(sheets)),
};
export type WorkbookApi = typeof api;

expose(api);
