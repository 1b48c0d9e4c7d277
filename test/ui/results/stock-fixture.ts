// Hand-built stock breakdowns for UI tests: every number is chosen by the test.
import type { StockBreakdown, StockStats } from "../../../src/sim/model/stock-breakdown.ts";
import { stat } from "../fixtures.ts";

/** Parts with the given means (units); the total's 95% interval is ± `half`. */
export function parts(pipeline: number, cycle: number, safety: number, heldForDownstream: number, half = 1): StockStats {
  return {
    pipeline: stat(pipeline), cycle: stat(cycle), safety: stat(safety), heldForDownstream: stat(heldForDownstream),
    total: stat(pipeline + cycle + safety + heldForDownstream, half),
  };
}

/** The fixtures' network (Central DC → Store North, Store South), stock scaled by `k`. */
export function stockPlan(k = 1): StockBreakdown {
  const dc = parts(100 * k, 0, 0, 200 * k), s1 = parts(30 * k, 20 * k, 40 * k, 0), s2 = parts(20 * k, 0, 30 * k, 0);
  return {
    unit: "units",
    network: parts(150 * k, 20 * k, 70 * k, 200 * k, 5),
    echelons: [
      { level: 1, label: "Central DC", nodes: ["dc"], stock: dc },
      { level: 2, label: "Stores", nodes: ["s1", "s2"], stock: parts(50 * k, 20 * k, 70 * k, 0, 2) },
    ],
    nodes: { dc, s1, s2 },
  };
}
