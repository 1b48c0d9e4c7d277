import type { Series } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";

/**
 * The network's customer backorders on each day, as the mean over replications: the sum of the
 * demand nodes' mean backorders (a sum of means is the mean of the sum, so this is exact; a sum
 * of medians would not be a median).
 */
export function customerBackorders(series: Series, scenario: Pick<Scenario, "demand">): number[] {
  const ids = [...new Set(scenario.demand.map((d) => d.node))].filter((id) => series.nodes[id]);
  const days = series.network.fillRate.mean.length;
  return Array.from({ length: days }, (_, i) => ids.reduce((sum, id) => sum + series.nodes[id].backorders.mean[i], 0));
}
