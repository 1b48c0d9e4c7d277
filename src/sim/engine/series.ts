/**
 * Per-day series for fan charts (model/batch.ts SeriesLayout): for every node in scenario order
 * (suppliers included, always 0), end-of-day on hand, backorders (all the node owes) and in
 * transit to the node, then the network's daily fill rate (NaN on a day without demand).
 *
 * A run's rows (runBatch): the accounting writes each stocking node's three values straight into
 * the replication's row as it closes the node's day (kernel/accounting.ts, `seriesRows`), so
 * nothing is recorded and then transposed; `createSeriesWriter` points it at the row and completes
 * the row with what the accounting never writes. A row rebuilt from a day record (the merge of
 * product shards, product-replay.ts): `writeSeries`.
 */
import type { Scenario, SeriesLayout } from "../model/index.ts";
import type { Accumulators, CompiledNetwork } from "../kernel/index.ts";

export function seriesLayout(scenario: Scenario): SeriesLayout {
  const nodes = scenario.nodes.map((n) => n.id), horizon = scenario.horizon;
  return { nodes, horizon, cells: (3 * nodes.length + 1) * horizon };
}

export interface SeriesWriter {
  /** Before a replication's days: its row starts at `out[at]`. */
  start(acc: Accumulators, out: Float32Array, at: number): void;
  /** After its days: the cells the accounting does not write (nodes without stock: 0) and the daily fill rate. */
  finish(acc: Accumulators, out: Float32Array, at: number): void;
}

export function createSeriesWriter(net: CompiledNetwork): SeriesWriter {
  const N = net.nodeIds.length, H = net.horizon, stocked = new Uint8Array(N);
  for (const i of net.stockingItems) stocked[net.itemNode[i]] = 1;
  // Written on every row, so a buffer reused from other rows holds no stale values.
  const unwritten = [...stocked.keys()].filter((n) => !stocked[n]);
  return {
    start(acc, out, at) {
      acc.seriesRows = out;
      acc.seriesAt = at;
    },
    finish(acc, out, at) {
      for (const n of unwritten) for (let m = 0; m < 3; m++) out.fill(0, at + (m * N + n) * H, at + (m * N + n + 1) * H);
      const o = at + 3 * N * H, demand = acc.netDayDemand, served = acc.netDayServed;
      for (let t = 0; t < H; t++) out[o + t] = demand[t] > 0 ? served[t] / demand[t] : NaN;
    },
  };
}

/** A replication's row at out[offset …] from its day record (acc.record, [t · nodes + n]) and daily fill rate. */
export function writeSeries(net: CompiledNetwork, acc: Accumulators, out: Float32Array, offset: number): void {
  const rec = acc.record!, N = net.nodeIds.length, H = net.horizon;
  const metrics = [rec.onHand, rec.owed, rec.inTransit];
  for (let m = 0; m < 3; m++) {
    const a = metrics[m];
    for (let n = 0; n < N; n++) {
      const o = offset + (m * N + n) * H;
      for (let t = 0; t < H; t++) out[o + t] = a[t * N + n];
    }
  }
  const o = offset + 3 * N * H;
  for (let t = 0; t < H; t++) out[o + t] = acc.netDayDemand[t] > 0 ? acc.netDayServed[t] / acc.netDayDemand[t] : NaN;
}
