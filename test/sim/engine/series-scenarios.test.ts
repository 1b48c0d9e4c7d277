// The series of built-in scenarios: a node with several items, and a reused buffer. Apart from
// series.test.ts since each takes over a second to simulate (engine's mutation run leaves it out).
import { describe, expect, it } from "vitest";
import { runBatch, seriesLayout } from "../../../src/sim/engine/index.ts";
import { builtIn, expectRowOfTrace } from "./series-trace.ts";

describe("series of the built-in scenarios", () => {
  it("sums a node's items as the day record does where a node has several (products, sources, assembly)", () => {
    for (const file of ["multi-product-network.json", "dual-sourcing.json", "assembly-3-level.json"]) {
      const s = builtIn(file), r = runBatch(s, { from: 5, to: 6, series: true });
      expectRowOfTrace(s, 5, r.series!);
    }
  });

  it("writes into a reused buffer the rows a fresh one gets, whatever the buffer held, and refuses one too short", () => {
    const s = builtIn("retail-3-echelon.json"), cells = seriesLayout(s).cells;
    const fresh = runBatch(s, { from: 0, to: 3, series: true }).series!;
    const buffer = new Float32Array(3 * cells + 5).fill(7);   // a supplier's cells, never simulated, must not keep the 7s
    const into = runBatch(s, { from: 0, to: 3, series: true }, buffer).series!;
    expect(into.buffer).toBe(buffer.buffer);
    expect(into).toEqual(fresh);
    expect(() => runBatch(s, { from: 0, to: 3, series: true }, new Float32Array(cells))).toThrow(`seriesInto: ${cells} values cannot hold 3 rows of ${cells} cells`);
  });
});
