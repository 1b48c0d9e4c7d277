// Zip archives built byte by byte, hostile ones included: unzip inflates with a running count and
// refuses before a library would allocate what the archive really inflates to.
import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { storedZip, unzip } from "../../src/formats/unzip.ts";
import { MAX_UNPACKED_BYTES, readWorkbook } from "../../src/formats/xlsx-workbook.ts";
import { readZipDirectory } from "../../src/formats/zip-directory.ts";
import { honest, zeroBomb, zipOf } from "../helpers/hostile-zip.ts";

const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const BOMB_MB = 300;
/** Output a refusal may have inflated past the declared size: one 4 KB piece of input at deflate's best ratio, ~4 MB. */
const ONE_PIECE = 4096 * 1032;

describe("unzip", () => {
  it("the bomb is what it claims to be: a ~300 KB zip holding 300 MB", async () => {
    const bomb = zeroBomb(BOMB_MB);
    expect(bomb.length).toBeLessThan(400_000);
    const r = await unzip(zipOf([{ name: "big", data: bomb, method: 8, crc: 0, size: BOMB_MB << 20 }]), Infinity);
    expect(r.ok && r.files[0].data.length).toBe(BOMB_MB << 20);
  });

  it("an entry that declares 100 bytes but inflates to 300 MB is refused once it passes 100, naming it, having inflated a few MB at most", async () => {
    const zip = zipOf([honest("[Content_Types].xml", "<Types/>"), { name: "xl/worksheets/sheet1.xml", data: zeroBomb(BOMB_MB), method: 8, crc: 0, size: 100 }]);
    expect(zip.length).toBeLessThan(400_000);
    const r = await unzip(zip, MAX_UNPACKED_BYTES);
    expect(r).toMatchObject({ ok: false, problem: "inflating", reason: 'its "xl/worksheets/sheet1.xml" inflates to more than the 100 bytes its zip directory declares' });
    expect(r.inflated).toBeLessThan(100 + 8 + ONE_PIECE);
    expect(await readWorkbook("bomb.xlsx", buffer(zip))).toEqual({ ok: false, errors: ['bomb.xlsx: its "xl/worksheets/sheet1.xml" inflates to more than the 100 bytes its zip directory declares'] });
  });

  it("a directory holding more entries than its end record declares is refused unread, the hidden bomb uninflated", async () => {
    const zip = zipOf([honest("a.xml", "<a/>"), { name: "b.xml", data: zeroBomb(BOMB_MB), method: 8, crc: 0, size: BOMB_MB << 20 }], 1);
    const r = await unzip(zip, MAX_UNPACKED_BYTES);
    expect(r).toEqual({ ok: false, problem: "damaged", reason: "its zip directory is damaged (it lists 2 files where its end record says 1)", inflated: 0 });
    expect(await readWorkbook("two.xlsx", buffer(zip))).toEqual({ ok: false, errors: ['two.xlsx: not an .xlsx workbook (its zip directory is damaged (it lists 2 files where its end record says 1)); save it from Excel or LibreOffice as "Excel Workbook (.xlsx)"'] });
  });

  it("a directory that does not end where its end record says is refused", () => {
    const zip = zipOf([honest("a.xml", "<a/>"), honest("b.xml", "<b/>")], 2);
    const view = new DataView(zip.buffer), end = zip.length - 22;
    view.setUint32(end + 12, view.getUint32(end + 12, true) - 10, true);
    expect(readZipDirectory(zip)).toEqual({ ok: false, reason: "its zip directory is damaged (it does not end where the end record says)" });
  });

  it("honest archives within the cap in all but over it in sum are refused before inflating", async () => {
    const parts = [0, 1].map((i) => ({ name: `p${i}`, data: zeroBomb(40), method: 8 as const, crc: 0, size: 40 << 20 }));
    expect(await unzip(zipOf(parts), MAX_UNPACKED_BYTES)).toEqual({ ok: false, problem: "inflating", reason: "it unpacks to 80 MB, over the 64 MB that can be imported", inflated: 0 });
  });

  it("an entry that inflates to less than it declares is refused as damaged", async () => {
    const r = await unzip(zipOf([{ ...honest("a.xml", "<a/>"), size: 10 }]), MAX_UNPACKED_BYTES);
    expect(r).toMatchObject({ ok: false, problem: "damaged", reason: '"a.xml" in it holds 4 bytes, not the 10 its zip directory declares' });
  });

  it("storedZip packs the verified files again uncompressed, and exceljs reads them as it read the original", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Nodes").addRow(["id", "kind", "DC Ost ü"]);
    const original = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await unzip(original, MAX_UNPACKED_BYTES);
    if (!r.ok) throw new Error(r.reason);
    const stored = storedZip(r.files), again = await unzip(stored, MAX_UNPACKED_BYTES);
    expect(again.ok && again.files.map((f) => [f.entry.name, f.entry.method, f.entry.crc, Array.from(f.data)])).toEqual(r.files.map((f) => [f.entry.name, 0, f.entry.crc, Array.from(f.data)]));
    expect(r.files.every((f) => f.entry.crc === crc32(f.data))).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(stored.buffer);
    expect(back.worksheets[0].getRow(1).values).toEqual([undefined, "id", "kind", "DC Ost ü"]);
  });
});
