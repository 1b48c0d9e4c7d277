/**
 * The `echelon-optimization@1` document (shared/spec/cli.md) and the options that produce it.
 */
import type { Scenario } from "../model/index.ts";

export const OPTIMIZATION_FORMAT = "echelon-optimization@1";

export type OptimizeMethod = "single-echelon" | "gsm" | "simulation";
export const OPTIMIZE_METHODS = ["single-echelon", "gsm", "simulation"] as const satisfies readonly OptimizeMethod[];

/** Service target: a cycle service level P in (0, 1), or its safety factor z = Φ⁻¹(P) directly. */
export type ServiceTarget = { readonly serviceLevel: number } | { readonly z: number };

/** What the optimiser decided for one stocking node (and one product). */
export interface NodeOptimum {
  /** T: inbound lane's mean lead time + the node's `processingTime`, days. */
  readonly processingTime: number;
  /** SI: the service time its supplier promises it. */
  readonly inboundServiceTime: number;
  /** S: the service time it promises downstream (customers, for a demand node). */
  readonly serviceTime: number;
  /** τ: the days of demand its base stock protects (SI + T − S; at least 1 for a demand node with S = 0). */
  readonly netReplenishmentTime: number;
  /** Daily demand it serves: the sum of the demand at and below it. */
  readonly meanDemand: number;
  readonly sdDemand: number;
  /** z·σ·√τ. */
  readonly safetyStock: number;
  /** μ·τ + z·σ·√τ: the base-stock level written into the scenario. */
  readonly baseStock: number;
}

/** The `simulation` method's report: how far its safety stocks were scaled and what fill rate that reached. */
export interface SimulationSearch {
  readonly targetFill: number;
  /** Every GSM safety stock was multiplied by this factor. */
  readonly safetyFactor: number;
  /** Network fill rate of the chosen levels: mean and 95% confidence interval over the replications. */
  readonly fillRate: { readonly mean: number; readonly ci95: readonly [number, number] };
  /** False when even the largest factor tried fell short of the target. */
  readonly reached: boolean;
  readonly evaluations: number;
  readonly replicationsPerEvaluation: number;
}

export interface OptimizationResult {
  readonly format: typeof OPTIMIZATION_FORMAT;
  readonly method: OptimizeMethod;
  readonly serviceLevel: number;
  readonly z: number;
  /** By node id; with several products, by node id then product id. */
  readonly nodes: { readonly [nodeId: string]: NodeOptimum | { readonly [productId: string]: NodeOptimum } };
  readonly safetyStockUnits: number;
  /** Σ holdingCost × safety stock, per day. */
  readonly safetyStockCost: number;
  readonly simulation?: SimulationSearch;
  /** The input scenario with a daily base-stock policy at `baseStock` on every optimised node. */
  readonly scenario: Scenario;
}
