/**
 * The coordinates of the network search. Stages that are interchangeable — the same product, a
 * parent in the same group, and the same holding cost, processing time, lead-time variance and
 * demand moments — form one group and move together: on the retail scenario the twenty stores
 * are one coordinate, not twenty, so a search step costs 4 simulations instead of 26 and cannot
 * fit the levels of single stores to the noise of the search replications. Where no two stages
 * are alike, every stage is its own coordinate.
 */
import type { Scenario } from "../model/index.ts";
import { exposureSd } from "./gsm.ts";
import { productIdsOf, stagesOf, type Stage } from "./network.ts";

export interface StageGroup {
  /** Indices of the member stages in planScenario's order (products in turn, parents first). */
  readonly members: readonly number[];
  /** Ids of the member nodes, for messages. */
  readonly ids: readonly string[];
  /**
   * One member's demand uncertainty over its processing time, in units:
   * √(σ²·max(T, 1) + μ²·Var L), lead-time variance always counted. Search steps are fractions
   * of it; 0 for a stage that serves no demand (the search leaves it alone).
   */
  readonly scale: number;
}

const signature = (product: string, parentGroup: number, s: Stage) =>
  [product, parentGroup, s.holdingCost, s.processingTime, s.leadTimeVariance, s.meanDemand, s.sdDemand, s.isDemandNode, s.maxServiceTime].join("|");

export function groupStages(scenario: Scenario): StageGroup[] {
  const groups: { members: number[]; ids: string[]; scale: number }[] = [];
  const bySignature = new Map<string, number>();
  let offset = 0;
  for (const product of productIdsOf(scenario)) {
    const stages = stagesOf(scenario, product, { leadTimeVariance: true });
    const groupOf: number[] = [];
    stages.forEach((s, i) => {
      const key = signature(product, s.parent < 0 ? -1 : groupOf[s.parent], s);
      let g = bySignature.get(key);
      if (g === undefined) {
        g = groups.push({ members: [], ids: [], scale: exposureSd(s, Math.max(s.processingTime, 1)) }) - 1;
        bySignature.set(key, g);
      }
      groupOf.push(g);
      groups[g].members.push(offset + i);
      groups[g].ids.push(s.id);
    });
    offset += stages.length;
  }
  return groups;
}
