/**
 * `optimizeScenario`: sets every stocking node's base-stock level by the single-echelon or the
 * guaranteed-service method and returns the `echelon-optimization@1` document. Pure and fast
 * (no simulation), so the browser can call it directly.
 */
import { dict, dictFrom, hasBillOfMaterials, type Dict, type NodeSpec, type Policy, type Scenario } from "../model/index.ts";
import { normalCdf, normalQuantile } from "../math/normal.ts";
import { exposureSd, singleEchelon, solveGsm, type StagePlan } from "./gsm.ts";
import { itemStagesOf } from "./item-graph.ts";
import { planItems } from "./item-plan.ts";
import { productIdsOf, sourcingNotes, stagesOf, type Stage } from "./network.ts";
import { OPTIMIZATION_FORMAT, type NodeOptimum, type OptimizationResult, type ServiceTarget } from "./types.ts";

export type AnalyticMethod = "single-echelon" | "gsm";

export interface Plan {
  readonly product: string;
  readonly stage: Stage;
  readonly plan: StagePlan;
}

/** z and service level from either; throws a RangeError naming the field when out of range. */
export function resolveTarget(t: ServiceTarget): { serviceLevel: number; z: number } {
  if ("z" in t) {
    if (!Number.isFinite(t.z) || t.z < 0) throw new RangeError(`z: must be a finite number >= 0, got ${t.z}`);
    return { z: t.z, serviceLevel: normalCdf(t.z) };
  }
  const p = t.serviceLevel;
  if (!(p >= 0.5 && p < 1)) throw new RangeError(`serviceLevel: must be at least 0.5 and below 1, got ${p}`);
  return { serviceLevel: p, z: normalQuantile(p) };
}

/**
 * The service times of every (node, product) stage under a method. With bills of materials the
 * stages are the scenario's items, planned together (item-plan.ts); otherwise each product's
 * tree on its own.
 */
export function planScenario(scenario: Scenario, method: AnalyticMethod, z: number, leadTimeVariance = false): Plan[] {
  if (hasBillOfMaterials(scenario)) {
    const stages = itemStagesOf(scenario, { leadTimeVariance }), plans = planItems(stages, method, z);
    return stages.map((stage, i) => ({ product: stage.product, stage, plan: plans[i] }));
  }
  return productIdsOf(scenario).flatMap((product) => {
    const stages = stagesOf(scenario, product, { leadTimeVariance });
    const plans = method === "gsm" ? solveGsm(stages, z) : singleEchelon(stages);
    return stages.map((stage, i) => ({ product, stage, plan: plans[i] }));
  });
}

/** Base stock μ·τ + k·z·σ·√τ for a plan (k scales the safety stock; 1 for the analytic methods; σ·√τ becomes exposureSd with lead-time variance). */
export function nodeOptimum(p: Plan, z: number, k = 1): NodeOptimum {
  const { stage, plan } = p, tau = plan.netReplenishmentTime;
  const safetyStock = k * z * exposureSd(stage, tau);
  return {
    processingTime: stage.processingTime,
    inboundServiceTime: plan.inboundServiceTime,
    serviceTime: plan.serviceTime,
    netReplenishmentTime: tau,
    meanDemand: stage.meanDemand,
    sdDemand: stage.sdDemand,
    safetyStock,
    baseStock: stage.meanDemand * tau + safetyStock,
  };
}

/** The decision of a plan at a given base-stock level: the safety stock is what it holds above μ·τ. */
export function atLevel(o: NodeOptimum, level: number): NodeOptimum {
  return { ...o, safetyStock: level - o.meanDemand * o.netReplenishmentTime, baseStock: level };
}

/**
 * Assembles the document: per-node results, totals, and the scenario with the new policies.
 * `chosen` (one level per plan, in order) replaces the plans' base-stock levels when given.
 */
export function buildResult(scenario: Scenario, method: OptimizationResult["method"], target: { serviceLevel: number; z: number }, plans: readonly Plan[], k = 1, chosen?: readonly number[]): OptimizationResult {
  const multi = productIdsOf(scenario).length > 1;
  const nodes = dict<NodeOptimum | Dict<NodeOptimum>>();
  const levels = new Map<string, Map<string, number>>();
  let units = 0, cost = 0;
  for (const [i, p] of plans.entries()) {
    const o = chosen ? atLevel(nodeOptimum(p, target.z), chosen[i]) : nodeOptimum(p, target.z, k);
    units += o.safetyStock;
    cost += p.stage.holdingCost * o.safetyStock;
    if (multi) ((nodes[p.stage.id] ??= dict()) as Dict<NodeOptimum>)[p.product] = o;
    else nodes[p.stage.id] = o;
    if (!levels.has(p.stage.id)) levels.set(p.stage.id, new Map());
    levels.get(p.stage.id)!.set(p.product, o.baseStock);
  }
  const notes = sourcingNotes(scenario);
  return {
    format: OPTIMIZATION_FORMAT, method, serviceLevel: target.serviceLevel, z: target.z,
    nodes, safetyStockUnits: units, safetyStockCost: cost,
    ...(notes.length > 0 ? { notes } : {}),
    scenario: withBaseStock(scenario, levels, multi),
  };
}

/**
 * The scenario with a daily base-stock policy at the given level on every node listed. Their
 * `initialInventory` is dropped so each starts at its new level.
 */
function withBaseStock(s: Scenario, levels: Map<string, Map<string, number>>, multi: boolean): Scenario {
  const policy = (level: number): Policy => ({ type: "base-stock", level });
  const nodes = s.nodes.map((n): NodeSpec => {
    const l = levels.get(n.id);
    if (!l) return n;
    const { initialInventory: _, ...rest } = n;
    const p = multi ? dictFrom([...l].map(([product, level]) => [product, policy(level)] as const)) : policy([...l.values()][0]);
    return { ...rest, policy: p };
  });
  return { ...s, nodes };
}

export interface OptimizeOptions {
  readonly method: AnalyticMethod;
  /** Default: serviceLevel 0.95. */
  readonly serviceLevel?: number;
  readonly z?: number;
  /**
   * Count the variance of each inbound lead time in safety stock: z·√(σ²·τ + μ²·Var L) instead
   * of z·σ·√τ. Default false (the spec's formula). Turn it on when lanes have random lead times.
   */
  readonly leadTimeVariance?: boolean;
}

/**
 * Sets safety stocks by `single-echelon` or `gsm` and returns the `echelon-optimization@1`
 * document. Assumes a validated scenario. Takes about a millisecond on the 26-node retail scenario.
 */
export function optimizeScenario(scenario: Scenario, opts: OptimizeOptions): OptimizationResult {
  const target = resolveTarget(opts.z !== undefined ? { z: opts.z } : { serviceLevel: opts.serviceLevel ?? 0.95 });
  return buildResult(scenario, opts.method, target, planScenario(scenario, opts.method, target.z, opts.leadTimeVariance));
}
