// The built-in scenarios' series (several products, sources, assembly; a reused buffer) are
// checked in series-scenarios.test.ts: seconds of simulation, kept out of the engine's mutation run.
import { describe, expect, it } from "vitest";
import { runBatch, seriesLayout } from "../../../src/sim/engine/index.ts";
import { lane, scenario, stock, supplier } from "./fixtures.ts";
import { expectRowOfTrace } from "./series-trace.ts";

describe("series", () => {
  it("holds, per node and day, the trace's on hand, backorders (all owed) and in transit, then the daily fill rate", () => {
    const s = scenario({
      horizon: 40, warmup: 5,
      nodes: [supplier, stock("dc", 60, { kind: "dc" }), stock("a", 30), stock("b", 25)],
      lanes: [lane("supplier", "dc", 3), lane("dc", "a", { type: "uniform", min: 1, max: 3 }), lane("dc", "b", 2)],
      demand: [{ node: "a", dist: { type: "poisson", mean: 8 } }, { node: "b", dist: { type: "poisson", mean: 9 } }],
    });
    const layout = seriesLayout(s), r = runBatch(s, { from: 2, to: 4, series: true });
    for (const rep of [2, 3]) expectRowOfTrace(s, rep, r.series!.subarray((rep - 2) * layout.cells, (rep - 1) * layout.cells));
  });

  it("leaves zeros for a supplier listed after the stocking nodes", () => {
    const s = scenario({
      horizon: 12, warmup: 2,
      nodes: [stock("a", 30), stock("b", 20), supplier], lanes: [lane("supplier", "a", 2), lane("supplier", "b", 1)],
      demand: [{ node: "a", dist: { type: "poisson", mean: 8 } }, { node: "b", dist: { type: "poisson", mean: 5 } }],
    });
    const row = runBatch(s, { from: 0, to: 1, series: true }, new Float32Array(seriesLayout(s).cells).fill(7)).series!;
    expectRowOfTrace(s, 0, row);
    for (let m = 0; m < 3; m++) for (let t = 0; t < 12; t++) expect(row[(m * 3 + 2) * 12 + t]).toBe(0);
  });

  it("writes into a reused buffer the rows a fresh one gets, zeros for the supplier, and refuses one too short (small network)", () => {
    const s = scenario({
      horizon: 12, warmup: 2,
      nodes: [supplier, stock("a", 30)], lanes: [lane("supplier", "a", 2)],
      demand: [{ node: "a", dist: { type: "poisson", mean: 8 } }],
    });
    const cells = seriesLayout(s).cells;
    expect(cells).toBe((3 * 2 + 1) * 12);
    const fresh = runBatch(s, { from: 1, to: 3, series: true }).series!;
    const buffer = new Float32Array(2 * cells + 5).fill(7);
    const into = runBatch(s, { from: 1, to: 3, series: true }, buffer).series!;
    expect(into.buffer).toBe(buffer.buffer);
    expect(into.length).toBe(2 * cells);
    expect(into).toEqual(fresh);
    for (const r of [0, 1]) for (let m = 0; m < 3; m++) for (let t = 0; t < 12; t++) expect(into[r * cells + (m * 2 + 0) * 12 + t]).toBe(0);
    expect(buffer[2 * cells]).toBe(7);   // nothing past the rows
    expect(runBatch(s, { from: 1, to: 3, series: true }, new Float32Array(2 * cells)).series!.length).toBe(2 * cells);
    expect(() => runBatch(s, { from: 1, to: 3, series: true }, new Float32Array(2 * cells - 1))).toThrow(`seriesInto: ${2 * cells - 1} values cannot hold 2 rows of ${cells} cells`);
    expect(runBatch(s, { from: 1, to: 3 }, new Float32Array(1)).series).toBeUndefined();
  });
});
