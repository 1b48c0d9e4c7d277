/**
 * The `echelon-optimization@1` document (shared/spec/cli.md) and the options that produce it.
 */
import type { Scenario } from "../model/index.ts";
import type { Verification } from "./verify.ts";

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

/** A simulated figure: its mean over the replications and the 95% confidence interval of that mean. */
export interface Estimate {
  readonly mean: number;
  readonly ci95: readonly [number, number];
}

/**
 * The `simulation` method's report. The fields up to `replicationsPerEvaluation` are those of
 * the first version; the rest are an extension written by the network search (docs/optimize.md).
 */
export interface SimulationSearch {
  /** Network fill rate to reach. Absent when the objective is total cost. */
  readonly targetFill?: number;
  /** Scale search only (`--search scale`): every GSM safety stock was multiplied by this factor. */
  readonly safetyFactor?: number;
  /** Network fill rate of the chosen levels: mean and 95% confidence interval over the search replications. */
  readonly fillRate: Estimate;
  /** False when the target was not reached on the search replications. Always true for the total-cost objective. */
  readonly reached: boolean;
  readonly evaluations: number;
  readonly replicationsPerEvaluation: number;
  /** Extension: "network" when one level per stocking node (and product) was searched. */
  readonly search?: "network";
  readonly objective?: NetworkObjective;
  /** Target fill only: what was minimised. */
  readonly minimize?: TargetMeasure;
  /** Target fill only: the figure of the search's fill rate that had to reach the target. */
  readonly targetAt?: TargetAt;
  /** The seed of the search replications (every candidate ran on the same ones). */
  readonly seed?: number | string;
  /** Simulated cost of the chosen levels on the search replications, per day (kpis.md `holdingCost`, `totalCost`). */
  readonly holdingCost?: Estimate;
  readonly totalCost?: Estimate;
  /** Value of the stock on hand (kpis.md `onHandValue`). */
  readonly onHandValue?: Estimate;
  /** The analytic placements the search started from, each scaled by one factor first. */
  readonly starts?: readonly SearchStart[];
  /** The start the search improved on (the best of `starts`). */
  readonly startedFrom?: "single-echelon" | "gsm";
  /** The chosen levels and the best start re-simulated on fresh replications (another seed). */
  readonly check?: FinalCheck;
}

export type NetworkObjective = "target-fill" | "total-cost";
/** What the target-fill objective minimises: holding cost per day (kpis.md `holdingCost`) or the value of the stock on hand (`onHandValue`). */
export type TargetMeasure = "holding-cost" | "inventory-value";
/** Which figure of the simulated fill rate must reach the target: its mean, or the lower bound of its 95% interval. */
export type TargetAt = "mean" | "lower-bound";

/** An analytic placement with every safety stock multiplied by `safetyFactor`, as simulated on the search replications. */
export interface SearchStart {
  readonly method: "single-echelon" | "gsm";
  readonly safetyFactor: number;
  readonly fillRate: Estimate;
  readonly holdingCost: Estimate;
  readonly totalCost: Estimate;
  readonly onHandValue: Estimate;
  /** True when its levels equal an earlier start's (it was not simulated again). */
  readonly sameAs?: "single-echelon";
}

export interface FinalCheck {
  readonly seed: number | string;
  readonly replications: number;
  readonly fillRate: Estimate;
  readonly holdingCost: Estimate;
  readonly totalCost: Estimate;
  readonly onHandValue: Estimate;
  /** Target fill only: true when the lower bound of `fillRate.ci95` reaches the target. */
  readonly targetMet?: boolean;
  /** The best start (`startedFrom`), re-simulated on the same fresh replications. */
  readonly baseline: { readonly fillRate: Estimate; readonly holdingCost: Estimate; readonly totalCost: Estimate; readonly onHandValue: Estimate };
  /** One plain sentence on what the check shows. */
  readonly verdict: string;
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
  /** Extension, with `--verify`: promise vs reality per node (verify.ts). */
  readonly verification?: Verification;
  /** Extension: what the analytic model simplified, e.g. a node with several sources modelled by one lane (network.ts sourcingNotes). */
  readonly notes?: readonly string[];
  /** The input scenario with a daily base-stock policy at `baseStock` on every optimised node. */
  readonly scenario: Scenario;
}
