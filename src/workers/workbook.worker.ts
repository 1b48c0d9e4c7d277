// The browser's workbook worker: reads one opened .xlsx file off the page's main thread
// (workbook-client.ts creates it). Unzipping with its caps, exceljs and reading the sheets into the
// scenario take about 0.3–0.9 s for 20,000 rows; the page receives only the result: the scenario
// or merged draft, or every problem by sheet and cell (src/formats/network-workbook.ts).
import { expose } from "comlink";
import { importWorkbook } from "../formats/network-workbook.ts";

const api = { importWorkbook };
export type WorkbookApi = typeof api;

expose(api);
