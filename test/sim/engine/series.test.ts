// The built-in scenarios' series (several products, sources, assembly; a reused buffer) are
// checked in series-scenarios.test.ts: seconds of simulation, kept out of the engine's mutation run.
import { describe, it } from "vitest";
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
});
