/**
 * Per-day series for fan charts (model/batch.ts SeriesLayout): for every node in scenario order
 * (suppliers included, always 0), end-of-day on hand, backorders (all the node owes) and in
 * transit to the node, then the network's daily fill rate (NaN on a day without demand).
 */
import type { Scenario, SeriesLayout } from "../model/index.ts";
import type { Accumulators, CompiledNetwork } from "../kernel/index.ts";

export function seriesLayout(scenario: Scenario): SeriesLayout {
  const nodes = scenario.nodes.map((n) => n.id), horizon = scenario.horizon;
  return { nodes, horizon, cells: (3 * nodes.length + 1) * horizon };
}

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
