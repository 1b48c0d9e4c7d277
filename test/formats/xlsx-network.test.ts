// The network as an .xlsx workbook and back (exceljs runs in Node as in the browser).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importWorkbook, networkSheets, networkWorkbook } from "../../src/formats/network-workbook.ts";
import type { Draft } from "../../src/formats/json.ts";

const dir = join(import.meta.dirname, "..", "..", "scenarios");
const builtins = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("schema"));
const load = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Draft;
const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A workbook with the given sheets of rows, as exceljs writes it. */
async function book(sheets: Record<string, (string | number | null)[][]>): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return buffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const open: Draft = {
  name: "open", nodes: [{ id: "s", kind: "supplier" }, { id: "dc", kind: "dc", policy: { type: "base-stock", level: 100 } }],
  lanes: [{ from: "s", to: "dc", leadTime: { type: "constant", value: 2 } }], demand: [],
};

describe("network workbook round trip", () => {
  it.each(builtins)("%s: export then import gives the same scenario", async (file) => {
    const scenario = load(file);
    const r = await importWorkbook(undefined, "x.xlsx", buffer(await networkWorkbook(scenario)));
    expect(r.ok && r.kind === "scenario" && r.scenario).toEqual(scenario);
  });

  it("writes plain columns where they suffice: per-product policies as product rows, a note in extra", () => {
    const multi = networkSheets(load("multi-product-network.json"))[0];
    const col = (name: string) => multi.header.indexOf(name);
    const dcRows = multi.rows.filter((r) => r[col("id")] === "dc");
    expect(dcRows.map((r) => r[col("product")])).toEqual([undefined, "cola", "chips", "batteries"]);
    expect(dcRows[1][col("level")]).toBe(880);
    const serial = networkSheets(load("serial-example-6-1.json"))[0];
    const stage3 = serial.rows.find((r) => r[col("id")] === "stage-3")!;
    expect([stage3[col("policy")], stage3[col("lat")], stage3[col("extra")]]).toEqual(["echelon-base-stock", 47.32, '{"x-echelonHoldingCost":2}']);
  });
});

describe("importWorkbook", () => {
  it("names the sheet and cell of every bad value, like the CSV import names the line, and changes nothing", async () => {
    const data = await book({
      Nodes: [["id", "kind", "policy", "level", "lat", "lon"], ["s", "supplier", null, null, 40, -80], ["dc", "dc", "base-stock", -5, 95, 10], ["st", "shop", null, 3, null, null]],
      Lanes: [["from", "to", "leadTime"], ["s", "dc", "x"]],
    });
    const r = await importWorkbook(open, "net.xlsx", data);
    expect(r).toEqual({ ok: false, errors: [
      "Nodes!D3: level must be a number >= 0, got '-5'",
      "Nodes!E3: lat must be a number from -90 to 90 (degrees), got '95'",
      "Nodes!B4: kind must be one of supplier, plant, dc, store, got 'shop'",
      "Lanes!C2: leadTime must be a number >= 0, got 'x'",
    ] });
  });

  it("merges tables into the open scenario when there is no Settings sheet, whatever the sheets are called", async () => {
    const data = await book({ "My DCs": [["id", "kind", "level", "lat", "lon", "place"], ["dc", "dc", 250, 40.27, -76.88, "Harrisburg, PA"], ["dc2", "dc", 90, null, null, null]], Notes: [["anything"], ["here"]] });
    const r = await importWorkbook(open, "more.xlsx", data);
    expect(r.ok && r.kind === "merge" && r.summary).toBe("1 nodes added, 1 updated");
    expect(r.ok && r.kind === "merge" && r.draft.nodes).toEqual([
      { id: "s", kind: "supplier" },
      { id: "dc", kind: "dc", policy: { type: "base-stock", level: 250 }, location: { lat: 40.27, lon: -76.88, place: "Harrisburg, PA" } },
      { id: "dc2", kind: "dc", policy: { type: "base-stock", level: 90 } },
    ]);
  });

  it("reads Settings values: numbers, a JSON field, and a JSON error named by its cell", async () => {
    const data = await book({ Settings: [["key", "value"], ["name", "From Excel"], ["horizon", "abc"], ["costs", "{bad"], ["seed", '"42"']], Nodes: [["id", "kind"], ["s", "supplier"]] });
    expect(await importWorkbook(undefined, "s.xlsx", data)).toEqual({ ok: false, errors: [
      "Settings!B3: horizon must be a number, got 'abc'",
      "Settings!B4: costs must be JSON (as in a scenario file), got '{bad'",
    ] });
    const fixed = await book({ Settings: [["key", "value"], ["name", "From Excel"], ["seed", '"42"'], ["costs", '{"orderFixed": 3}']], Nodes: [["id", "kind"], ["s", "supplier"]] });
    const r = await importWorkbook(undefined, "s.xlsx", fixed);
    expect(r.ok && r.kind === "scenario" && r.scenario).toEqual({ name: "From Excel", seed: "42", costs: { orderFixed: 3 }, nodes: [{ id: "s", kind: "supplier" }], lanes: [], demand: [] });
  });

  it("refuses a workbook with no table and no Settings, and one with two nodes tables", async () => {
    expect(await importWorkbook(open, "e.xlsx", await book({ Sheet1: [["a", "b"]] }))).toEqual({ ok: false, errors: [expect.stringMatching(/^e\.xlsx: no sheet has the columns of nodes/)] });
    const two = await book({ A: [["id", "kind"], ["x", "supplier"]], B: [["id", "kind"], ["y", "supplier"]] });
    expect(await importWorkbook(open, "t.xlsx", two)).toEqual({ ok: false, errors: ['B: a second nodes table (the first is sheet "A"); put all nodes in one sheet'] });
  });
});
