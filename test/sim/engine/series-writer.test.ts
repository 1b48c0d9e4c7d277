// createSeriesWriter on its own: its contract (series.ts) is that `finish` completes a row in any
// buffer, whatever it held, with what the accounting never writes. runBatch always hands it a
// zeroed row, so only a direct call shows the zeros are written rather than inherited.
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/sim/engine/compile.ts";
import { seriesLayout } from "../../../src/sim/engine/index.ts";
import { createSeriesWriter } from "../../../src/sim/engine/series.ts";
import type { Accumulators } from "../../../src/sim/kernel/index.ts";
import { lane, scenario, stock, supplier } from "./fixtures.ts";

const STALE = 7;

describe("createSeriesWriter", () => {
  // Nodes in scenario order: a (stocked), supplier, b (stocked); horizon 4. Row layout: metric m,
  // node n, day t at (m·3 + n)·4 + t, then the network fill rate at 3·3·4 + t.
  const s = scenario({
    horizon: 4, warmup: 0,
    nodes: [stock("a", 30), supplier, stock("b", 20)], lanes: [lane("supplier", "a", 1), lane("supplier", "b", 1)],
    demand: [{ node: "a", dist: { type: "constant", value: 3 } }, { node: "b", dist: { type: "constant", value: 1 } }],
  });
  const N = 3, H = 4, SUPPLIER = 1, cells = seriesLayout(s).cells;
  const acc = { netDayDemand: new Float64Array([4, 0, 2, 5]), netDayServed: new Float64Array([3, 0, 2, 0]) } as unknown as Accumulators;

  it("zeros the supplier's cells, writes the daily fill rate, and leaves the stocked nodes' cells and the rest of the buffer alone", () => {
    const at = cells + 3, buffer = new Float32Array(3 * cells).fill(STALE);
    createSeriesWriter(compile(s)).finish(acc, buffer, at);
    expect(cells).toBe((3 * N + 1) * H);
    const row = buffer.subarray(at, at + cells);
    for (let m = 0; m < 3; m++) for (let n = 0; n < N; n++) for (let t = 0; t < H; t++) {
      expect(row[(m * N + n) * H + t], `metric ${m}, node ${n}, day ${t}`).toBe(n === SUPPLIER ? 0 : STALE);
    }
    // Served / demand per day; a day without demand has no fill rate (kpis.md).
    expect([...row.subarray(3 * N * H)]).toEqual([0.75, NaN, 1, 0]);
    expect(buffer.subarray(0, at).every((v) => v === STALE)).toBe(true);
    expect(buffer.subarray(at + cells).every((v) => v === STALE)).toBe(true);
  });

  it("start points the accounting at the row", () => {
    const row = new Float32Array(cells), into = {} as Accumulators;
    createSeriesWriter(compile(s)).start(into, row, 5);
    expect(into.seriesRows).toBe(row);
    expect(into.seriesAt).toBe(5);
  });
});
