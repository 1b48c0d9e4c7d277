import { describe, expect, it } from "vitest";
import { runBatch, seriesLayout, traceReplication } from "../../../src/sim/engine/index.ts";
import { lane, scenario, stock, supplier } from "./fixtures.ts";

describe("series", () => {
  it("holds, per node and day, the trace's on hand, backorders (all owed) and in transit, then the daily fill rate", () => {
    const s = scenario({
      horizon: 40, warmup: 5,
      nodes: [supplier, stock("dc", 60, { kind: "dc" }), stock("a", 30), stock("b", 25)],
      lanes: [lane("supplier", "dc", 3), lane("dc", "a", { type: "uniform", min: 1, max: 3 }), lane("dc", "b", 2)],
      demand: [{ node: "a", dist: { type: "poisson", mean: 8 } }, { node: "b", dist: { type: "poisson", mean: 9 } }],
    });
    const layout = seriesLayout(s), r = runBatch(s, { from: 2, to: 4, series: true }), H = s.horizon, N = layout.nodes.length;
    for (const rep of [2, 3]) {
      const tr = traceReplication(s, rep), row = r.series!.subarray((rep - 2) * layout.cells, (rep - 1) * layout.cells);
      [tr.onHand, tr.backorders, tr.inTransit].forEach((metric, m) => {
        for (let n = 0; n < N; n++) for (let t = 0; t < H; t++) expect(row[(m * N + n) * H + t]).toBe(Math.fround(metric[t * N + n]));
      });
      for (let t = 0; t < H; t++) expect(row[3 * N * H + t]).toBe(Math.fround(tr.fillRate[t]));
    }
  });
});
