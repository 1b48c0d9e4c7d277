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
import type { Stage } from "./network.ts";
import { scenarioStages } from "./scenario-stages.ts";

export interface StageGroup {
  /** Indices of the member stages in planScenario's order (scenario-stages.ts). */
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

const signature = (product: string, inputGroups: readonly number[], s: Stage) =>
  [product, inputGroups.join(","), s.holdingCost, s.processingTime, s.leadTimeVariance, s.meanDemand, s.sdDemand, s.isDemandNode, s.maxServiceTime].join("|");

export function groupStages(scenario: Scenario): StageGroup[] {
  const groups: { members: number[]; ids: string[]; scale: number }[] = [];
  const bySignature = new Map<string, number>();
  const planned = scenarioStages(scenario, { leadTimeVariance: true });
  // Items of an assembly may come after their components' customers; group inputs first.
  const groupOf = new Array<number>(planned.length);
  const visit = (i: number): number => {
    if (groupOf[i] !== undefined) return groupOf[i];
    const { product, stage, inputs } = planned[i];
    const key = signature(product, inputs.map(visit), stage);
    let g = bySignature.get(key);
    if (g === undefined) {
      g = groups.push({ members: [], ids: [], scale: exposureSd(stage, Math.max(stage.processingTime, 1)) }) - 1;
      bySignature.set(key, g);
    }
    return (groupOf[i] = g);
  };
  planned.forEach((p, i) => {
    const g = visit(i);
    groups[g].members.push(i);
    groups[g].ids.push(p.stage.id);
  });
  return groups;
}
