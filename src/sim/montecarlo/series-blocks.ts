/**
 * The mean of a per-day series cell is a float64 sum whose rounding depends on the order of its
 * terms. Summing within fixed blocks of replications — block b holds replications
 * b·SERIES_BLOCK … (b + 1)·SERIES_BLOCK − 1, in order — and then adding the block sums in block
 * order fixes that order whatever the worker count: a worker sums whole blocks of its chunk, and
 * the page adds the block sums in replication order (in-order.ts). Chunks of a run with series
 * start on a block boundary (`alignChunk`).
 */

/** Replications per block: a chunk's block sums are 8 bytes × cells per block (0.24 MB for retail). */
export const SERIES_BLOCK = 25;

/** A chunk size that starts every chunk on a block boundary: a multiple of SERIES_BLOCK. */
export const alignChunk = (size: number): number => Math.max(1, Math.ceil(size / SERIES_BLOCK)) * SERIES_BLOCK;

/** Refuses a chunk that does not start on a block boundary (its block sums would straddle two blocks). */
export function checkBlockStart(from: number): void {
  if (from % SERIES_BLOCK !== 0) throw new Error(`a chunk with series must start on a block of ${SERIES_BLOCK} replications, not at ${from}`);
}

/**
 * The block sums of `n` row-major rows of `cells` values, replications from … from + n − 1, with
 * `from` on a block boundary: ⌈n / SERIES_BLOCK⌉ × cells float64, NaN skipped.
 */
export function blockSums(rows: Float32Array, n: number, cells: number, from: number): Float64Array {
  checkBlockStart(from);
  const blocks = Math.ceil(n / SERIES_BLOCK), sums = new Float64Array(blocks * cells);
  for (let r = 0; r < n; r++) {
    const acc = sums.subarray(Math.floor(r / SERIES_BLOCK) * cells), base = r * cells;
    for (let c = 0; c < cells; c++) { const v = rows[base + c]; if (v === v) acc[c] += v; }
  }
  return sums;
}
