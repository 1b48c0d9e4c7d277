// Results as an .xlsx workbook, one sheet per table, read back with the importer's reader.
import { describe, expect, it } from "vitest";
import { resultToXlsx } from "../../../src/ui/results/results-xlsx.ts";
import { readWorkbook, writeWorkbook } from "../../../src/formats/xlsx-workbook.ts";
import { runResult, stat } from "../fixtures.ts";
import { stockPlan } from "./stock-fixture.ts";

describe("resultToXlsx", () => {
  it("writes one sheet per table, every KPI with its statistics as numbers, NaN as an empty cell", async () => {
    const result = runResult({
      network: { fillRate: stat(0.953, 0.004), totalCost: stat(123.456, 1.5), inventoryTurns: stat(NaN) },
      products: { widget: { fillRate: stat(0.9, 0.01) } },
      stockBreakdown: stockPlan(),
      replicationValues: { network: { fillRate: [0.95, NaN, 0.96], totalCost: [120, 125, 126] } },
    });
    const bytes = await resultToXlsx(result, writeWorkbook);
    const read = await readWorkbook("r.xlsx", bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const sheet = (name: string) => read.sheets.find((s) => s.name === name)!.rows;
    expect(read.sheets.map((s) => s.name)).toEqual(["Summary", "Network", "Nodes", "Products", "Stock breakdown", "Replications"]);
    expect(sheet("Summary").slice(0, 3)).toEqual([["field", "value"], ["scenario", "Two stores"], ["seed", "7"]]);
    expect(sheet("Network")).toEqual([
      ["kpi", "mean", "sd", "ci95_lo", "ci95_hi", "p05", "p50", "p95", "n"],
      ["fillRate", "0.953", String(0.004 * 5), String(0.953 - 0.004), String(0.953 + 0.004), String(0.953 - 3 * 0.004), "0.953", String(0.953 + 3 * 0.004), "100"],
      ["totalCost", "123.456", "7.5", "121.956", String(123.456 + 1.5), String(123.456 - 4.5), "123.456", String(123.456 + 4.5), "100"],
      ["inventoryTurns", "", "0", "", "", "", "", "", "100"],
    ]);
    const nodes = sheet("Nodes");
    expect(nodes.length - 1).toBe(Object.values(result.nodes).reduce((n, s) => n + Object.keys(s).length, 0));
    expect(nodes[1].slice(0, 3)).toEqual(["dc", "onHand", "300"]);
    expect(sheet("Products")[1].slice(0, 3)).toEqual(["widget", "fillRate", "0.9"]);
    expect(sheet("Stock breakdown")[1].slice(0, 4)).toEqual(["network", "", "pipeline", "150"]);
    expect(sheet("Replications")).toEqual([["replication", "fillRate", "totalCost"], ["0", "0.95", "120"], ["1", "", "125"], ["2", "0.96", "126"]]);
  });

  it("leaves out the optional sheets when the run has no breakdown or per-replication values", async () => {
    const bytes = await resultToXlsx(runResult(), writeWorkbook);
    const read = await readWorkbook("r.xlsx", bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(read.ok && read.sheets.map((s) => s.name)).toEqual(["Summary", "Network", "Nodes", "Products"]);
  });
});
