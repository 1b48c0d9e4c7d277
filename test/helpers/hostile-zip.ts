// Zip archives built byte by byte, sizes and counts as declared rather than as they are, for
// tests of how hostile archives are refused (test/formats/unzip.test.ts, test/e2e/xlsx.e2e.ts).
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface Part { readonly name: string; readonly data: Uint8Array; readonly method: 0 | 8; readonly crc: number; readonly size: number }
const text = new TextEncoder();

/** A zip of `parts` as given (sizes and CRCs as declared, not as they are); `count` is what the end record says. */
export function zipOf(parts: readonly Part[], count = parts.length): Uint8Array {
  const chunks: Uint8Array[] = [], offsets: number[] = [];
  let at = 0;
  const put = (b: Uint8Array) => { chunks.push(b); at += b.length; };
  const record = (size: number, fill: (v: DataView) => void) => { const b = new Uint8Array(size); fill(new DataView(b.buffer)); return b; };
  for (const p of parts) {
    offsets.push(at);
    const name = text.encode(p.name);
    put(record(30, (v) => {
      v.setUint32(0, 0x04034b50, true); v.setUint16(4, 20, true); v.setUint16(8, p.method, true);
      v.setUint32(14, p.crc, true); v.setUint32(18, p.data.length, true); v.setUint32(22, p.size, true); v.setUint16(26, name.length, true);
    }));
    put(name);
    put(p.data);
  }
  const dir = at;
  parts.forEach((p, i) => {
    const name = text.encode(p.name);
    put(record(46, (v) => {
      v.setUint32(0, 0x02014b50, true); v.setUint16(4, 20, true); v.setUint16(6, 20, true); v.setUint16(10, p.method, true);
      v.setUint32(16, p.crc, true); v.setUint32(20, p.data.length, true); v.setUint32(24, p.size, true); v.setUint16(28, name.length, true);
      v.setUint32(42, offsets[i], true);
    }));
    put(name);
  });
  put(record(22, (v) => {
    v.setUint32(0, 0x06054b50, true); v.setUint16(8, count, true); v.setUint16(10, count, true);
    v.setUint32(12, at - dir, true); v.setUint32(16, dir, true);
  }));
  const out = new Uint8Array(at);
  chunks.reduce((o, c) => (out.set(c, o), o + c.length), 0);
  return out;
}

/**
 * Raw deflate of `megabytes` MB of zeros, about 1 KB per MB, built a MB at a time: each MB is
 * flushed to a byte boundary without ending the stream, and an empty final block ends it.
 */
export function zeroBomb(megabytes: number): Uint8Array {
  const piece = deflateRawSync(new Uint8Array(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(new Uint8Array(0));
  const out = new Uint8Array(piece.length * megabytes + end.length);
  for (let i = 0; i < megabytes; i++) out.set(piece, i * piece.length);
  out.set(end, piece.length * megabytes);
  return out;
}
export const honest = (name: string, content: string): Part => {
  const raw = text.encode(content);
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), size: raw.length };
};
