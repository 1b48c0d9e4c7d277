import { describe, expect, it } from "vitest";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { buildImpact, type ImpactSide } from "../../../src/sim/montecarlo/impact.ts";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { buildComparison } from "../../../src/sim/montecarlo/run-result.ts";
import { createSeriesReducer } from "../../../src/sim/montecarlo/series-reducer.ts";
import { stockBreakdown } from "../../../src/sim/montecarlo/stock-breakdown.ts";
import type { Tick } from "../../../src/sim/montecarlo/tick.ts";
import { fakeLayout } from "../../helpers/fake-engine.ts";

/**
 * A tick whose 1st pause ends a few microtasks later: `seen` holds, per tick, how many pauses
 * had ended by then. A caller that waits for the pause sees [0, 1, …]; one that goes on without
 * waiting calls the 2nd tick before the 1st pause ends ([0, 0, …]).
 */
function pausing() {
  let ended = 0;
  const seen: number[] = [];
  const tick: Tick = () => {
    seen.push(ended);
    return seen.length === 1 ? Promise.resolve().then(() => Promise.resolve()).then(() => { ended++; }) : undefined;
  };
  return { tick, seen };
}
const col = (scope: KpiColumn["scope"], id: string, key: string): KpiColumn => ({ scope, id, key });
function tableOf(columns: KpiColumn[], n: number, f: (r: number, j: number) => number) {
  const t = createKpiTable(n, columns.length);
  t.add({ from: 0, to: n, columns: columns.length, values: Float64Array.from({ length: n * columns.length }, (_, i) => f(Math.floor(i / columns.length), i % columns.length)) });
  return t;
}

describe("long reductions wait at the tick when it pauses", () => {
  it("a series reducer's add, after each row, whether it keeps the rows or merges them", async () => {
    // 3 replications keep their rows under any budget (MIN_EXACT_REPLICATIONS); 30 with a budget of 0 merge.
    for (const [total, exact] of [[3, true], [30, false]] as const) {
      const r = createSeriesReducer(fakeLayout, total, { exactBudgetBytes: 0, bins: 8 });
      expect(r.exact).toBe(exact);
      const p = pausing();
      await r.add(new Float32Array(3 * fakeLayout.cells).fill(1), 3, p.tick);
      expect(p.seen).toEqual([0, 1, 1]);
    }
  });

  it("a series reducer's exact percentiles, after each block of 64 cells", async () => {
    // One node over 40 days: (3 series + the network's) × 40 = 160 cells, blocks of 64, 64 and 32.
    const layout = { nodes: ["a"], horizon: 40, cells: 160 };
    const r = createSeriesReducer(layout, 2);
    await r.add(new Float32Array(2 * layout.cells).fill(2), 2, () => undefined);
    const p = pausing();
    expect((await r.finish(p.tick)).nodes.a.onHand.p50).toEqual(new Array(40).fill(2));
    expect(p.seen).toEqual([0, 1, 1]);
  });

  it("buildComparison, after each KPI it pairs", async () => {
    const cols = [col("network", "", "onHand"), col("network", "", "fillRate"), col("node", "a", "onHand")];
    const side = { scenario: { name: "A", seed: 1 } as Scenario, columns: cols, table: tableOf(cols, 4, (r, j) => r + j) };
    const p = pausing();
    await buildComparison(side, { ...side, table: tableOf(cols, 4, (r, j) => 2 * r + j) }, p.tick);
    expect(p.seen).toEqual([0, 1, 1]);
  });

  it("buildImpact, after each KPI", async () => {
    const cols = [col("network", "", "onHand"), col("network", "", "totalCost"), col("node", "a", "onHand")];
    const side = (k: number): ImpactSide => ({ columns: cols, table: tableOf(cols, 4, (r, j) => r * r + j + k) });
    const p = pausing();
    await buildImpact({ scenario: { name: "S", seed: 1, replications: 4, horizon: 12, warmup: 2 } as Scenario, baseline: side(0), disrupted: side(1), workers: 1, elapsedMs: 0 }, p.tick);
    expect(p.seen).toEqual([0, 1, 1]);
  });

  it("stockBreakdown, after each node", async () => {
    const bs = { type: "base-stock", level: 10 };
    const scenario = {
      format: "echelon-scenario@1", name: "x", horizon: 11, warmup: 1, replications: 2, seed: 1, unmetDemand: "backorder", allocation: "fifo",
      products: [{ id: "p1" }],
      nodes: [{ id: "s", kind: "supplier" }, { id: "d", kind: "dc", policy: bs }, { id: "e", kind: "store", policy: bs }, { id: "f", kind: "store", policy: bs }],
      lanes: [{ from: "s", to: "d", leadTime: { type: "constant", value: 1 } }, { from: "d", to: "e", leadTime: { type: "constant", value: 1 } }, { from: "d", to: "f", leadTime: { type: "constant", value: 1 } }],
      demand: [{ node: "e", product: "p1", dist: { type: "constant", value: 1 } }],
    } as unknown as Scenario;
    const keys = ["onHand", "inTransit", "orders", "unitsReceived", "unitsDelivered", "unitsSent"];
    const cols = ["d", "e", "f"].flatMap((id) => keys.map((k) => col("node", id, k)));
    const p = pausing();
    expect(await stockBreakdown(scenario, cols, tableOf(cols, 2, (r, j) => r + j), p.tick)).toBeDefined();
    expect(p.seen).toEqual([0, 1, 1]);
  });
});
