import { describe, expect, it } from "vitest";
import { alignChunk, blockSums, SERIES_BLOCK } from "../../../src/sim/montecarlo/series-blocks.ts";

describe("series-blocks", () => {
  it("blockSums sums each block of SERIES_BLOCK replications per cell, NaN skipped", () => {
    const cells = 2, n = SERIES_BLOCK + 3;
    const rows = Float32Array.from({ length: n * cells }, (_, i) => (i % cells === 1 && i % 3 === 0 ? NaN : i));
    const sums = blockSums(rows, n, cells, SERIES_BLOCK * 4);
    const expected = [0, 0, 0, 0];
    for (let r = 0; r < n; r++) for (let c = 0; c < cells; c++) { const v = rows[r * cells + c]; if (!Number.isNaN(v)) expected[(r < SERIES_BLOCK ? 0 : 2) + c] += v; }
    expect(Array.from(sums)).toEqual(expected);
  });

  it("blockSums refuses a chunk that starts inside a block", () => {
    expect(() => blockSums(new Float32Array(2), 1, 2, 3)).toThrow(`a chunk with series must start on a block of ${SERIES_BLOCK} replications, not at 3`);
  });

  it("alignChunk rounds a chunk size up to whole blocks", () => {
    expect([alignChunk(1), alignChunk(SERIES_BLOCK), alignChunk(SERIES_BLOCK + 1), alignChunk(0)]).toEqual([SERIES_BLOCK, SERIES_BLOCK, 2 * SERIES_BLOCK, SERIES_BLOCK]);
  });
});
