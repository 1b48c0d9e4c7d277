/**
 * The entries of a zip archive (an .xlsx file is one), read from its central directory without
 * inflating anything, and held to what JSZip (inside exceljs) would read: JSZip reads directory
 * entries until their signature stops matching, whatever count the end record declares, so an
 * archive whose count or directory bounds disagree with its entries is refused as damaged rather
 * than measured by the smaller of the two. Sizes are as declared; unzip.ts checks them by inflating.
 */

export interface ZipEntry {
  readonly name: string;
  /** The name's bytes as stored, and the general-purpose flags (bit 11: the name is UTF-8). */
  readonly rawName: Uint8Array;
  readonly flags: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** The uncompressed size the directory declares. */
  readonly size: number;
  /** Where the entry's data starts, past its local header. */
  readonly dataOffset: number;
}

export type ZipDirectory =
  | { readonly ok: true; readonly entries: readonly ZipEntry[]; readonly unpacked: number }
  | { readonly ok: false; readonly reason: string };

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_RECORD = 22;
const ENTRY_RECORD = 46;
const LOCAL_RECORD = 30;
/** The end record may be followed by a comment of up to 65,535 bytes. */
const MAX_COMMENT = 0xffff;
/** More entries than any workbook needs (a sheet is a handful). */
export const MAX_ZIP_ENTRIES = 10_000;
const ENCRYPTED = 0x1;
const STORED = 0, DEFLATED = 8;
const DAMAGED = "its zip directory is damaged";
const ZIP64 = "it is a ZIP64 archive, which workbooks never need";

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(view);
  if (end < 0) return { ok: false, reason: "it is not a zip archive" };
  const declared = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true), dirOffset = view.getUint32(end + 16, true);
  if (declared === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: ZIP64 };
  if (dirOffset + dirSize !== end) return { ok: false, reason: `${DAMAGED} (it does not end where the end record says)` };
  const entries: ZipEntry[] = [];
  let unpacked = 0, at = dirOffset;
  for (; at + 4 <= bytes.length && view.getUint32(at, true) === ENTRY_SIGNATURE; ) {
    if (entries.length === MAX_ZIP_ENTRIES) return { ok: false, reason: `its zip holds over ${MAX_ZIP_ENTRIES.toLocaleString("en-US")} files` };
    const entry = entryAt(bytes, view, at, dirOffset, end);
    if (typeof entry === "string") return { ok: false, reason: entry };
    entries.push(entry);
    unpacked += entry.size;
    at += ENTRY_RECORD + entry.rawName.length + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (entries.length !== declared) return { ok: false, reason: `${DAMAGED} (it lists ${entries.length} files where its end record says ${declared})` };
  if (at !== end) return { ok: false, reason: `${DAMAGED} (its entries do not end where the end record says)` };
  return { ok: true, entries, unpacked };
}

function endRecord(view: DataView): number {
  for (let i = view.byteLength - END_RECORD; i >= Math.max(0, view.byteLength - END_RECORD - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END_SIGNATURE) return i;
  }
  return -1;
}

/** The directory entry at `at`, or why it cannot be read; its data must lie before the directory. */
function entryAt(bytes: Uint8Array, view: DataView, at: number, dirOffset: number, end: number): ZipEntry | string {
  if (at + ENTRY_RECORD > end) return DAMAGED;
  const nameLength = view.getUint16(at + 28, true);
  if (at + ENTRY_RECORD + nameLength > end) return DAMAGED;
  const rawName = bytes.subarray(at + ENTRY_RECORD, at + ENTRY_RECORD + nameLength);
  const name = new TextDecoder().decode(rawName);
  const flags = view.getUint16(at + 8, true), method = view.getUint16(at + 10, true);
  const crc = view.getUint32(at + 16, true), compressedSize = view.getUint32(at + 20, true), size = view.getUint32(at + 24, true);
  const local = view.getUint32(at + 42, true);
  if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) return ZIP64;
  if (flags & ENCRYPTED) return `"${name}" in it is encrypted`;
  if (method !== STORED && method !== DEFLATED) return `"${name}" in it is compressed by method ${method}; workbooks use deflate`;
  if (local + LOCAL_RECORD > dirOffset || view.getUint32(local, true) !== LOCAL_SIGNATURE) return `${DAMAGED} ("${name}" is not where it says)`;
  const dataOffset = local + LOCAL_RECORD + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (dataOffset + compressedSize > dirOffset) return `${DAMAGED} ("${name}" runs past the end of the data)`;
  return { name, rawName, flags, method, crc, compressedSize, size, dataOffset };
}
