import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBatch, seriesLayout, traceReplication } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier } from "./fixtures.ts";

const builtIn = (file: string) => JSON.parse(readFileSync(new URL(`../../../scenarios/${file}`, import.meta.url), "utf8")) as Scenario;

/** Expects replication `rep`'s series row to hold its trace's days (the kernel's day record), all products and sources summed. */
function expectRowOfTrace(s: Scenario, rep: number, row: Float32Array): void {
  const tr = traceReplication(s, rep), N = tr.nodes.length, H = s.horizon;
  [tr.onHand, tr.backorders, tr.inTransit].forEach((metric, m) => {
    for (let n = 0; n < N; n++) for (let t = 0; t < H; t++) expect(row[(m * N + n) * H + t]).toBe(Math.fround(metric[t * N + n]));
  });
  for (let t = 0; t < H; t++) expect(row[3 * N * H + t]).toBe(Math.fround(tr.fillRate[t]));
}

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
