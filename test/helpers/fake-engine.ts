// A small hand-written batch function for testing the statistics, the pool and the reduction
// against the engine's contract (src/sim/model/batch.ts): values depend only on the replication
// index, like the real engine's, so any split among workers must give the same numbers.
import type { BatchRequest, BatchResult, KpiColumn, SeriesLayout } from "../../src/sim/model/batch.ts";

export const fakeColumns: KpiColumn[] = [
  { scope: "network", id: "", key: "fillRate" },
  { scope: "network", id: "", key: "onHand" },
  { scope: "node", id: "a", key: "onHand" },
  { scope: "node", id: "b", key: "onHand" },
  { scope: "product", id: "p", key: "fillRate" },
];
export const fakeLayout: SeriesLayout = { nodes: ["a", "b"], horizon: 5, cells: 3 * 2 * 5 + 5 };

/** A deterministic pseudo-random number in [0, 1) from integers (a hash, not a generator). */
export function hash01(...k: number[]): number {
  let h = 2166136261;
  for (const x of k) { h ^= x + 0x9e3779b9; h = Math.imul(h, 16777619); h ^= h >>> 13; h = Math.imul(h, 0x5bd1e995); h ^= h >>> 15; }
  return (h >>> 0) / 4294967296;
}

export function fakeValue(rep: number, col: number): number {
  if (col === 4 && rep % 7 === 3) return NaN; // undefined in some replications
  return col * 10 + hash01(rep, col) * (col + 1);
}

export function fakeSeriesValue(rep: number, cell: number): number {
  if (cell >= 30 && rep % 5 === 0) return NaN; // fill rate on a day without demand
  return Math.fround(100 * hash01(rep, cell, 7) + cell);
}

export function fakeBatch(req: BatchRequest, columns = fakeColumns.length, layout = fakeLayout): BatchResult {
  const n = req.to - req.from;
  const values = new Float64Array(n * columns);
  for (let r = 0; r < n; r++) for (let c = 0; c < columns; c++) values[r * columns + c] = fakeValue(req.from + r, c);
  if (!req.series) return { from: req.from, to: req.to, columns, values };
  const series = new Float32Array(n * layout.cells);
  for (let r = 0; r < n; r++) for (let c = 0; c < layout.cells; c++) series[r * layout.cells + c] = fakeSeriesValue(req.from + r, c);
  return { from: req.from, to: req.to, columns, values, series };
}

/** Splits 0 … total − 1 into chunks of `size`, returned in the given order. */
export function chunks(total: number, size: number): BatchRequest[] {
  const out: BatchRequest[] = [];
  for (let f = 0; f < total; f += size) out.push({ from: f, to: Math.min(total, f + size) });
  return out;
}

import type { Trace } from "../../src/sim/model/batch.ts";
import type { Engine } from "../../src/workers/sim-api.ts";

export function fakeTrace(replication: number): Trace {
  const e = () => new Float64Array(fakeLayout.horizon * 2);
  return {
    replication, horizon: fakeLayout.horizon, nodes: fakeLayout.nodes, lanes: [{ from: "a", to: "b" }],
    onHand: e().fill(replication), backorders: e(), inTransit: e(), demand: e(), fillRate: new Float64Array(fakeLayout.horizon),
    shipmentLane: new Int32Array(0), shipmentFrom: new Int32Array(0), shipmentTo: new Int32Array(0),
    shipmentDepart: new Int32Array(0), shipmentArrive: new Int32Array(0), shipmentQuantity: new Float64Array(0),
  };
}

/** The fake as an engine; a scenario named "throws at 40" fails on the chunk holding replication 40. */
export const fakeEngine: Engine = {
  kpiColumns: () => fakeColumns,
  seriesLayout: () => fakeLayout,
  runBatch(scenario, req) {
    if (scenario.name === "throws at 40" && req.from <= 40 && 40 < req.to) throw new Error("boom at replication 40");
    return fakeBatch(req);
  },
  traceReplication: (_s, rep) => fakeTrace(rep),
};

import type { Scenario } from "../../src/sim/model/scenario.ts";

/** A small valid scenario (the fake engine ignores its contents; validation does not). */
export function fakeScenario(name = "Fake", replications = 100): Scenario {
  return {
    format: "echelon-scenario@1", name, horizon: 5, warmup: 0, replications, seed: 42,
    unmetDemand: "backorder", allocation: "fifo",
    nodes: [
      { id: "s", kind: "supplier" },
      { id: "a", kind: "dc", policy: { type: "base-stock", level: 10 } },
      { id: "b", kind: "store", policy: { type: "base-stock", level: 5 } },
    ],
    lanes: [
      { from: "s", to: "a", leadTime: { type: "constant", value: 1 } },
      { from: "a", to: "b", leadTime: { type: "constant", value: 1 } },
    ],
    demand: [{ node: "b", dist: { type: "poisson", mean: 2 } }],
  } as unknown as Scenario;
}
