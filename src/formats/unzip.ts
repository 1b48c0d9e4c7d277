/**
 * A zip archive's files inflated here, each with a running count, before any library sees them:
 * an entry that inflates past the size its directory declares, or an archive past `maxUnpacked`
 * in all, is refused having inflated at most the cap plus one piece. The verified files are then
 * packed again uncompressed (`storedZip`), so a library that unzips them (JSZip in exceljs)
 * inflates nothing and cannot read more than was counted here.
 */
import { inflateRaw } from "./inflate-raw.ts";
import { readZipDirectory, type ZipEntry } from "./zip-directory.ts";

export interface ZipFile { readonly entry: ZipEntry; readonly data: Uint8Array }

export type Unzipped =
  | { readonly ok: true; readonly files: readonly ZipFile[]; readonly inflated: number }
  /** `inflating` when the archive inflates to more than it may or says (a "zip bomb"), else damaged or not a zip. */
  | { readonly ok: false; readonly problem: "damaged" | "inflating"; readonly reason: string; readonly inflated: number };

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;

/** Every file of the archive, or why it was refused; `inflated` counts the bytes inflated either way. */
export async function unzip(bytes: Uint8Array, maxUnpacked: number): Promise<Unzipped> {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return { ok: false, problem: "damaged", reason: dir.reason, inflated: 0 };
  if (dir.unpacked > maxUnpacked) return { ok: false, problem: "inflating", reason: `it unpacks to ${MB(dir.unpacked)}, over the ${MB(maxUnpacked)} that can be imported`, inflated: 0 };
  const files: ZipFile[] = [];
  let inflated = 0;
  for (const entry of dir.entries) {
    const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let data: Uint8Array;
    if (entry.method === 0) data = raw;
    else {
      let r;
      try { r = await inflateRaw(raw, entry.size); } catch { return { ok: false, problem: "damaged", reason: `"${entry.name}" in it is damaged (it could not be inflated)`, inflated }; }
      if (!r.ok) return { ok: false, problem: "inflating", reason: `its "${entry.name}" inflates to more than the ${entry.size.toLocaleString("en-US")} bytes its zip directory declares`, inflated: inflated + r.inflated };
      data = r.bytes;
    }
    inflated += data.length;
    if (data.length !== entry.size) return { ok: false, problem: "damaged", reason: `"${entry.name}" in it holds ${data.length.toLocaleString("en-US")} bytes, not the ${entry.size.toLocaleString("en-US")} its zip directory declares`, inflated };
    files.push({ entry, data });
  }
  return { ok: true, files, inflated };
}

const LOCAL_SIGNATURE = 0x04034b50, ENTRY_SIGNATURE = 0x02014b50, END_SIGNATURE = 0x06054b50;
const VERSION = 20, UTF8_NAME = 0x0800;

/** `files` as a zip archive of stored (uncompressed) entries, names and CRCs as they were. */
export function storedZip(files: readonly ZipFile[]): Uint8Array<ArrayBuffer> {
  const locals = files.reduce((n, f) => n + 30 + f.entry.rawName.length + f.data.length, 0);
  const central = files.reduce((n, f) => n + 46 + f.entry.rawName.length, 0);
  const out = new Uint8Array(locals + central + 22), view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // A central entry is a local header with "version made by" inserted after the signature.
  const header = (signature: number, f: ZipFile, central: boolean) => {
    const { rawName, flags, crc } = f.entry, shift = central ? 2 : 0;
    view.setUint32(at, signature, true);
    if (central) view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 4 + shift, VERSION, true);
    view.setUint16(at + 6 + shift, flags & UTF8_NAME, true);
    view.setUint32(at + 14 + shift, crc, true);
    view.setUint32(at + 18 + shift, f.data.length, true);
    view.setUint32(at + 22 + shift, f.data.length, true);
    view.setUint16(at + 26 + shift, rawName.length, true);
    at += central ? 46 : 30;
    out.set(rawName, at);
    at += rawName.length;
  };
  for (const f of files) {
    offsets.push(at);
    header(LOCAL_SIGNATURE, f, false);
    out.set(f.data, at);
    at += f.data.length;
  }
  files.forEach((f, i) => {
    const start = at;
    header(ENTRY_SIGNATURE, f, true);
    view.setUint32(start + 42, offsets[i], true);
  });
  view.setUint32(at, END_SIGNATURE, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, central, true);
  view.setUint32(at + 16, locals, true);
  return out;
}
