/**
 * Every stage the optimisers plan, in the order of planScenario's plans: for a scenario with
 * bills of materials, its items (item-graph.ts); otherwise each product's tree of stocking nodes
 * in turn, parents first (network.ts). `inputs` are the indices, in this list, of the stages
 * that feed each one.
 */
import type { Scenario } from "../model/index.ts";
import { hasBillOfMaterials } from "../model/index.ts";
import { itemStagesOf } from "./item-graph.ts";
import { productIdsOf, stagesOf, type Stage } from "./network.ts";

export interface PlannedStage {
  readonly product: string;
  readonly stage: Stage;
  readonly inputs: readonly number[];
}

export function scenarioStages(s: Scenario, opts: { readonly leadTimeVariance?: boolean } = {}): PlannedStage[] {
  if (hasBillOfMaterials(s)) return itemStagesOf(s, opts).map((stage) => ({ product: stage.product, stage, inputs: stage.inputs.map((i) => i.index) }));
  const out: PlannedStage[] = [];
  for (const product of productIdsOf(s)) {
    const offset = out.length;
    for (const stage of stagesOf(s, product, opts)) out.push({ product, stage, inputs: stage.parent < 0 ? [] : [offset + stage.parent] });
  }
  return out;
}
