import { describe, expect, it } from "vitest";
import type { PartReader } from "../../src/cli/partial.ts";
import { createPartsTable, mergeSorted, sortedPartsStat } from "../../src/cli/part-table.ts";
import { summarize } from "../../src/sim/stats/stat.ts";

/** A part in memory holding one column: `values` for replications from … from + values.length − 1. */
function part(from: number, values: number[]): PartReader {
  const col = new Float64Array(values), sorted = new Float64Array(values).sort();
  return {
    header: { manifest: { from, to: from + values.length } } as PartReader["header"],
    readColumns: () => col.slice(),
    readSorted: () => sorted.slice(),
    readSeries: () => new Float32Array(0),
    close() {},
  };
}

/** A fixed-seed stream in [0, 1) (mulberry32), so the cases are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every number spelled out, NaN, infinities and the sign of zero included (JSON would write them all as null or 0). */
const exact = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : v));

describe("a merge's table and Stats from parts' sorted columns", () => {
  it("give summarize's Stat bit for bit: ties, NaN, ±0, infinities, empty and one-value parts", () => {
    const next = random(7);
    const pick = () => { const u = next(); return u < 0.1 ? Number.NaN : u < 0.15 ? -0 : u < 0.2 ? 0 : u < 0.22 ? Infinity : u < 0.5 ? Math.floor(next() * 5) : next() * 100 - 50; };
    for (let c = 0; c < 200; c++) {
      const n = 1 + Math.floor(next() * 40), values = Array.from({ length: n }, pick);
      const cuts = [0, ...Array.from({ length: Math.floor(next() * 5) }, () => Math.floor(next() * (n + 1))), n].sort((a, b) => a - b);
      const parts = cuts.slice(1).map((to, i) => part(cuts[i], values.slice(cuts[i], to)));
      const table = createPartsTable(parts, 0, n, 1), column = table.column(0);
      expect(Array.from(column)).toEqual(values);
      expect(exact(sortedPartsStat(parts, 0)(0, column))).toBe(exact(summarize(values)));
    }
  });

  it("mergeSorted merges any number of ascending runs", () => {
    const runs = [[1, 4, 9], [], [2, 2, 10], [0], [3, 5]].map((r) => new Float64Array(r));
    expect(Array.from(mergeSorted(runs))).toEqual([0, 1, 2, 2, 3, 4, 5, 9, 10]);
    expect(Array.from(mergeSorted([]))).toEqual([]);
  });
});
