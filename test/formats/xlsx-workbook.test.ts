// Reading any .xlsx safely: caps on size, unpacked size, sheets, rows and columns; never a throw.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, columnLetters, MAX_COLUMNS, MAX_ROWS, MAX_SHEETS, MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES, readWorkbook } from "../../src/formats/xlsx-workbook.ts";
import { storedZip, unzip } from "../../src/formats/unzip.ts";
import { readZipDirectory } from "../../src/formats/zip-directory.ts";

const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
async function written(fill: (wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return buffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("readWorkbook", () => {
  it("reads cells as text: numbers in full, formulas by their result, rich text, dates, errors", async () => {
    const data = await written((wb) => {
      const s = wb.addWorksheet("T");
      s.addRow([0.1 + 0.2, "text", { formula: "1+1", result: 2 }, { richText: [{ text: "DC " }, { text: "East" }] }, new Date(Date.UTC(2026, 0, 31)), { error: "#N/A" }, true]);
    });
    const r = await readWorkbook("t.xlsx", data);
    expect(r.ok && r.sheets[0]).toEqual({ name: "T", rows: [["0.30000000000000004", "text", "2", "DC East", "2026-01-31", "#N/A", "true"]] });
  });

  it("refuses what is not an .xlsx, naming the file, without throwing", async () => {
    const r = await readWorkbook("notes.xlsx", buffer(new TextEncoder().encode("id,kind\na,dc\n")));
    expect(r).toEqual({ ok: false, errors: ['notes.xlsx: not an .xlsx workbook (it is not a zip archive); save it from Excel or LibreOffice as "Excel Workbook (.xlsx)"'] });
  });

  it("refuses a damaged zip with a message, never an exception", async () => {
    const good = new Uint8Array(await written((wb) => wb.addWorksheet("A").addRow([1])));
    const cut = good.slice(0, 200);
    const damaged = good.slice();
    damaged.fill(0x41, 40, 400);
    for (const bytes of [cut, damaged]) {
      const r = await readWorkbook("d.xlsx", buffer(bytes));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]).toMatch(/^d\.xlsx: (not an \.xlsx workbook|the workbook could not be read)/);
    }
  });

  it("refuses a file over the size cap before reading it", async () => {
    const r = await readWorkbook("big.xlsx", new ArrayBuffer(MAX_WORKBOOK_BYTES + 1));
    expect(r).toEqual({ ok: false, errors: ["big.xlsx: the workbook is 10 MB; workbooks up to 10 MB can be imported"] });
  });

  it("refuses a zip that declares more unpacked bytes than the cap (a zip bomb), before inflating it", async () => {
    const bytes = new Uint8Array(await written((wb) => wb.addWorksheet("A").addRow([1])));
    const before = readZipDirectory(bytes);
    expect(before.ok && before.unpacked).toBeLessThan(MAX_UNPACKED_BYTES);
    // Rewrite the first central-directory entry's uncompressed size, as a bomb's would read.
    const view = new DataView(bytes.buffer);
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at--;
    const dir = view.getUint32(at + 16, true);
    view.setUint32(dir + 24, 0xfffffff0, true);
    const r = await readWorkbook("bomb.xlsx", buffer(bytes));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^bomb\.xlsx: it unpacks to 4,096 MB, over the 64 MB that can be imported$/);
  });

  it("refuses too many sheets, rows or columns, naming the sheet", async () => {
    const sheets = await written((wb) => { for (let i = 0; i <= MAX_SHEETS; i++) wb.addWorksheet(`S${i}`).addRow([i]); });
    expect(await readWorkbook("s.xlsx", sheets)).toEqual({ ok: false, errors: [`s.xlsx: the workbook has ${MAX_SHEETS + 1} sheets; at most ${MAX_SHEETS} can be imported`] });
    const rows = await written((wb) => wb.addWorksheet("Demand").getCell(`A${MAX_ROWS + 1}`).value = 1);
    expect(await readWorkbook("r.xlsx", rows)).toEqual({ ok: false, errors: ['r.xlsx: sheet "Demand" has 100,002 rows; at most 100,001 can be imported'] });
    const cols = await written((wb) => wb.addWorksheet("Wide").getCell(1, MAX_COLUMNS + 1).value = 1);
    expect(await readWorkbook("c.xlsx", cols)).toEqual({ ok: false, errors: [`c.xlsx: sheet "Wide" has ${MAX_COLUMNS + 1} columns; at most ${MAX_COLUMNS} can be imported`] });
  });
});

describe("readWorkbook before exceljs parses", () => {
  /** `data` unzipped, `edit` applied to its files' XML, and packed again. */
  async function edited(data: ArrayBuffer, edit: (name: string, xml: string) => string): Promise<ArrayBuffer> {
    const r = await unzip(new Uint8Array(data), MAX_UNPACKED_BYTES);
    if (!r.ok) throw new Error(r.reason);
    const files = r.files.map((f) => ({ entry: f.entry, data: new TextEncoder().encode(edit(f.entry.name, new TextDecoder().decode(f.data))) }));
    return storedZip(files).buffer;
  }

  it("refuses a sheet whose dimension says too many rows or columns, naming the sheet, before exceljs parses its XML", async () => {
    const data = await written((wb) => { wb.addWorksheet("Lanes").addRow([1]); wb.addWorksheet("Demand & more").addRow([1]); });
    const sheet2 = (name: string) => name === "xl/worksheets/sheet2.xml";
    const tall = await edited(data, (name, xml) => (sheet2(name) ? xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:B${MAX_ROWS + 1}"/>`) : xml));
    expect(await readWorkbook("tall.xlsx", tall)).toEqual({ ok: false, errors: ['tall.xlsx: sheet "Demand & more" has 100,002 rows; at most 100,001 can be imported'] });
    const wide = await edited(data, (name, xml) => (sheet2(name) ? xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:BM3"/>') : xml));
    expect(await readWorkbook("wide.xlsx", wide)).toEqual({ ok: false, errors: [`wide.xlsx: sheet "Demand & more" has ${MAX_COLUMNS + 1} columns; at most ${MAX_COLUMNS} can be imported`] });
    // The dimension is what was checked: the same workbook with its own reads.
    expect((await readWorkbook("ok.xlsx", await edited(data, (_n, xml) => xml))).ok).toBe(true);
  });

  it("refuses a workbook.xml listing too many sheets before exceljs loads any", async () => {
    const data = await written((wb) => wb.addWorksheet("A").addRow([1]));
    const many = Array.from({ length: MAX_SHEETS + 1 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rIdX${i}"/>`).join("");
    const listed = await edited(data, (name, xml) => (name === "xl/workbook.xml" ? xml.replace(/<sheets>.*<\/sheets>/, `<sheets>${many}</sheets>`) : xml));
    expect(await readWorkbook("many.xlsx", listed)).toEqual({ ok: false, errors: [`many.xlsx: the workbook has ${MAX_SHEETS + 1} sheets; at most ${MAX_SHEETS} can be imported`] });
  });
});

describe("cellText and columnLetters", () => {
  it("turn values into text and column numbers into letters", () => {
    expect([cellText(null), cellText({ text: "link", hyperlink: "x" }), cellText({ sharedFormula: "A1", result: 7 })]).toEqual(["", "link", "7"]);
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});
