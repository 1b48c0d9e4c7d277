/**
 * Service times for the items of a scenario with bills of materials (item-graph.ts).
 * `single-echelon` needs no structure. `gsm` is the guaranteed-service model of Graves & Willems
 * (2000) on the item graph, solved exactly by the spanning-tree DP (gsm-tree-dp.ts): an item's
 * inbound service time is the largest of its inputs' service times (an assembly starts when its
 * slowest component is there), and its cost is the one `gsm` uses on distribution trees —
 * h·z·σ·√τ with Echelon's one-day floor at a demand node promising 0 (gsm.ts protectedDays),
 * and lead-time variance when asked. It refuses an item graph that is not a spanning tree.
 */
import type { Scenario } from "../model/index.ts";
import { protectedDays, singleEchelon, stageCost, type StagePlan } from "./gsm.ts";
import { optimizeServiceTimes } from "./gsm-tree-dp.ts";
import { hasBillOfMaterials } from "../model/index.ts";
import { itemName, itemStagesOf, type ItemStage } from "./item-graph.ts";

/** The guaranteed-service DP cannot solve this network: it is not a spanning tree once items are nodes. */
export class NotASpanningTreeError extends Error {
  override readonly name = "NotASpanningTreeError";
}

export function planItems(stages: readonly ItemStage[], method: "single-echelon" | "gsm", z: number): StagePlan[] {
  if (method === "single-echelon") return singleEchelon(stages);
  checkSpanningTree(stages);
  const dp = optimizeServiceTimes(
    stages.map((s) => ({
      processingTime: s.processingTime, externalInbound: s.externalInbound, maxServiceTime: s.maxServiceTime,
      // A demand node's order arrives the next morning at the earliest: it can always promise 1 day.
      minServiceCap: s.isDemandNode ? 1 : 0,
    })),
    stages.flatMap((s, to) => s.inputs.map((i) => ({ from: i.index, to }))),
    (k, si, s) => stageCost(stages[k], z, protectedDays(stages[k], si, s)),
  );
  return stages.map((s, k) => ({
    inboundServiceTime: dp.inbound[k], serviceTime: dp.service[k], netReplenishmentTime: protectedDays(s, dp.inbound[k], dp.service[k]),
  }));
}

/** Throws NotASpanningTreeError naming the item where an input closes a cycle (arc directions ignored). */
export function checkSpanningTree(stages: readonly ItemStage[]): void {
  const root = stages.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i])));
  stages.forEach((s, to) => {
    for (const input of s.inputs) {
      const a = find(input.index), b = find(to);
      if (a !== b) { root[a] = b; continue; }
      throw new NotASpanningTreeError(
        `gsm: item ${itemName(s)} is joined to ${itemName(stages[input.index])} by its ${s.parent < 0 ? "recipe" : "lane"} and also through other items ` +
        "(a cycle once directions are ignored). The guaranteed-service optimiser solves networks whose items (node, product) form a spanning tree; " +
        "plan it with the single-echelon method, or with the network optimiser (simulation), which then starts from the single-echelon plan alone.",
      );
    }
  });
}

/** Why `gsm` cannot plan the scenario (the NotASpanningTreeError message), or undefined when it can. */
export function gsmRefusal(s: Scenario): string | undefined {
  if (!hasBillOfMaterials(s)) return undefined;
  try {
    checkSpanningTree(itemStagesOf(s));
    return undefined;
  } catch (e) {
    if (e instanceof NotASpanningTreeError) return e.message;
    throw e;
  }
}
