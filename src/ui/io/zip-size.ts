/**
 * What a zip archive (an .xlsx file is one) says it unpacks to, read from its central directory
 * without inflating anything, so that a workbook that would inflate to gigabytes is refused
 * before any library unpacks it. Sizes are as the archive declares them; JSZip (inside exceljs)
 * then checks each entry's inflated size and CRC against the same records.
 */

export type ZipSize = { readonly ok: true; readonly entries: number; readonly unpacked: number } | { readonly ok: false; readonly reason: string };

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const END_RECORD = 22;
/** The end record may be followed by a comment of up to 65,535 bytes. */
const MAX_COMMENT = 0xffff;
/** More entries than any workbook needs (a sheet is a handful). */
export const MAX_ZIP_ENTRIES = 10_000;

export function zipEntriesSize(bytes: Uint8Array): ZipSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - END_RECORD; i >= Math.max(0, bytes.length - END_RECORD - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END_SIGNATURE) { end = i; break; }
  }
  if (end < 0) return { ok: false, reason: "it is not a zip archive" };
  const entries = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true), dirOffset = view.getUint32(end + 16, true);
  if (entries === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: "it is a ZIP64 archive, which workbooks never need" };
  if (entries > MAX_ZIP_ENTRIES) return { ok: false, reason: `its zip holds ${entries} files` };
  if (dirOffset + dirSize > end) return { ok: false, reason: "its zip directory is damaged" };
  let unpacked = 0;
  for (let i = 0, at = dirOffset; i < entries; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== ENTRY_SIGNATURE) return { ok: false, reason: "its zip directory is damaged" };
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return { ok: false, reason: "it is a ZIP64 archive, which workbooks never need" };
    unpacked += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { ok: true, entries, unpacked };
}
