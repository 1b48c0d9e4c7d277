// Reading a large .xlsx workbook: what the workbook worker does (src/workers/workbook.worker.ts),
// timed in-process in Node, where it blocks this thread as it blocked the page's main thread
// before it moved to the worker. Prints the time per import and the longest block of the event
// loop (monitorEventLoopDelay), for a Demand sheet of N rows over the retail scenario's stores.
// The page's own share after the move is measured in Chromium by test/e2e/xlsx-main-thread.e2e.ts.
//
//   npx tsx bench/workbook.bench.ts [rows=20000] [repeats=3]
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { importWorkbook } from "../src/formats/network-workbook.ts";
import type { Draft } from "../src/formats/json.ts";

const rows = Number(process.argv[2] ?? 20_000), repeats = Number(process.argv[3] ?? 3);
const retail: Draft = JSON.parse(readFileSync(new URL("../scenarios/retail-3-echelon.json", import.meta.url), "utf8"));
const stores = (retail.nodes as { id: string; kind: string }[]).filter((n) => n.kind === "store").map((n) => n.id);

const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet("Demand");
sheet.addRow(["node", "dist", "mean", "sd"]);
for (let i = 0; i < rows; i++) sheet.addRow([stores[i % stores.length], "normal", 10 + (i % 17), 3]);
const bytes = new Uint8Array(await book.xlsx.writeBuffer());

for (let k = 0; k < repeats; k++) {
  const data = bytes.slice().buffer;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const t0 = performance.now();
  const r = await importWorkbook(retail, "demand.xlsx", data);
  const ms = performance.now() - t0;
  delay.disable();
  if (!r.ok) throw new Error(r.errors.join("\n"));
  console.log(`${rows.toLocaleString("en-US")} rows (${(bytes.length / 1024).toFixed(0)} KB): import ${ms.toFixed(0)} ms, longest block ${(delay.max / 1e6).toFixed(0)} ms ` +
    `(1-minute load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
}
