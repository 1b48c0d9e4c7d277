/**
 * A shard's KPI rows become a part's columns (partial.ts): the rows, written to a scratch file as
 * chunks came back, are read a block at a time and scattered into a group of whole columns, which
 * is written, then sorted and written again. One pass over the scratch file per group: memory
 * stays at one group (GROUP_BYTES) and one block (BLOCK_BYTES) whatever the shard's size.
 */
import { readSync, writeSync } from "node:fs";
import { endianness } from "node:os";

export const littleEndian = endianness() === "LE";

/** The little-endian bytes of `values` (a copy, swapped, on a big-endian machine). */
export function bytesOf(values: Float64Array | Float32Array): Uint8Array {
  const b = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (littleEndian) return b;
  const copy = Buffer.from(b);
  return values instanceof Float64Array ? copy.swap64() : copy.swap32();
}

/** Bytes of whole columns held at a time. */
export const GROUP_BYTES = 64 * 1024 * 1024;
/** Bytes of rows read from the scratch file at a time. */
export const BLOCK_BYTES = 8 * 1024 * 1024;

function readFully(fd: number, into: Uint8Array, at: number) {
  for (let done = 0; done < into.length;) {
    const got = readSync(fd, into, done, into.length - done, at + done);
    if (got === 0) throw new Error(`the shard's scratch rows end at byte ${at + done}, short of ${at + into.length}`);
    done += got;
  }
}

function writeFully(fd: number, bytes: Uint8Array, at: number) {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
}

/**
 * Reads `n` rows of `columns` Float64 values from `rowsFd` (row-major, from byte 0) and writes them
 * to `partFd` column by column at `kpiAt`, and each column sorted ascending at `sortedAt`.
 */
export function transposeRows(rowsFd: number, partFd: number, n: number, columns: number, kpiAt: number, sortedAt: number,
  groupBytes = GROUP_BYTES, blockBytes = BLOCK_BYTES): void {
  const group = Math.max(1, Math.floor(groupBytes / (8 * n))), rowsPerBlock = Math.max(1, Math.floor(blockBytes / (8 * columns)));
  const block = new Float64Array(Math.min(rowsPerBlock, n) * columns), raw = new Uint8Array(block.buffer);
  for (let g0 = 0; g0 < columns; g0 += group) {
    const width = Math.min(group, columns - g0), out = new Float64Array(width * n);
    for (let r0 = 0; r0 < n; r0 += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, n - r0), bytes = raw.subarray(0, rows * columns * 8);
      readFully(rowsFd, bytes, r0 * columns * 8);
      if (!littleEndian) Buffer.from(bytes.buffer, 0, bytes.length).swap64();
      for (let r = 0; r < rows; r++) {
        const base = r * columns + g0;
        for (let k = 0; k < width; k++) out[k * n + r0 + r] = block[base + k];
      }
    }
    writeFully(partFd, bytesOf(out), kpiAt + g0 * n * 8);
    for (let k = 0; k < width; k++) out.subarray(k * n, (k + 1) * n).sort();
    writeFully(partFd, bytesOf(out), sortedAt + g0 * n * 8);
  }
}
