/**
 * The scenario document, format `echelon-scenario@1` (shared/spec/scenario.md).
 *
 * These types describe a scenario *after* validation (src/sim/validate): every required field is
 * present and in range, ids resolve, the lane graph is a forest. Optional fields keep their
 * spec defaults, which the engine applies when it compiles a scenario (src/sim/engine/compile).
 * Keys beginning with "x-" are free for user notes; they are kept on load and save.
 */
import type { Distribution } from "./distribution.ts";
import type { Policy } from "./policy.ts";

export const SCENARIO_FORMAT = "echelon-scenario@1";

/** A product id → value map, or one value for every product. */
export type PerProduct<T> = T | { readonly [productId: string]: T };

export interface Scenario {
  readonly $schema?: string;
  readonly format: typeof SCENARIO_FORMAT;
  readonly name: string;
  readonly description?: string;
  /** Days simulated per replication, >= 1. */
  readonly horizon: number;
  /** The first `warmup` days are excluded from every KPI; 0 <= warmup < horizon. */
  readonly warmup: number;
  /** Monte Carlo replications, >= 1. */
  readonly replications: number;
  /** Same seed ⇒ same results, bit for bit. */
  readonly seed: number | string;
  /** What customers do when a demand node is out: wait ("backorder") or leave ("lost"). */
  readonly unmetDemand: "backorder" | "lost";
  /** How a node shares short stock among the outstanding orders of its downstream nodes. */
  readonly allocation: "fifo" | "proportional" | "priority";
  /** Default: one product "default" with unitCost 1. */
  readonly products?: readonly Product[];
  readonly nodes: readonly NodeSpec[];
  readonly lanes: readonly Lane[];
  readonly demand: readonly DemandSpec[];
  readonly demandCorrelation?: DemandCorrelation;
  readonly costs?: Costs;
  readonly disruptions?: readonly Disruption[];
  readonly mitigations?: Mitigations;
  readonly [note: `x-${string}`]: unknown;
}

export interface Product {
  readonly id: string;
  readonly name?: string;
  /** Value of one unit, for on-hand value and inventory turns. Default 1. */
  readonly unitCost?: number;
}

export type NodeKind = "supplier" | "plant" | "dc" | "store";
export const NODE_KINDS = ["supplier", "plant", "dc", "store"] as const satisfies readonly NodeKind[];

export interface NodeSpec {
  /** Unique, [A-Za-z0-9_.-]{1,64}. */
  readonly id: string;
  /** Display name: any text, always shown escaped. */
  readonly name?: string;
  /** `supplier` nodes are outside sources: no inventory, no policy, ship any quantity ordered. */
  readonly kind: NodeKind;
  /** Per unit per day on end-of-day on hand. Default 0. */
  readonly holdingCost?: PerProduct<number>;
  /** Required for every stocking node. A per-product map lists the products the node stocks. */
  readonly policy?: PerProduct<Policy>;
  /** Default: the policy's order-up-to level (S, or s + Q for sQ). */
  readonly initialInventory?: PerProduct<number>;
  /** Days this node promises to fill an order in (used by optimisation). */
  readonly serviceTime?: number;
  /** Days added to the inbound lead time in optimisation. */
  readonly processingTime?: number;
  /** For allocation "priority": lower is served first. Default 1. */
  readonly priority?: number;
  readonly capacity?: NodeCapacity;
  /** Extension: where the node is, for the workbench's map. The engine never reads it. */
  readonly location?: NodeLocation;
  /** Extension (docs/scenario-format.md, "Bills of materials"): the products this node makes from components. */
  readonly bom?: readonly Recipe[];
  readonly [note: `x-${string}`]: unknown;
}

/** Some node makes a product from components (a non-empty `bom`): the scenario is an assembly network. */
export const hasBillOfMaterials = (s: Pick<Scenario, "nodes">): boolean => s.nodes.some((n) => n.bom !== undefined && n.bom.length > 0);

/**
 * Extension: one product a node makes (assembles or processes) from components it stocks.
 * Making one unit of `product` consumes `components[c]` units of each component c; the unit
 * is on hand `assemblyTime` days after its assembly starts.
 */
export interface Recipe {
  /** The product made: the node stocks it (its policy orders production), and no lane brings it there. */
  readonly product: string;
  /** Component product id → units of it per unit made (> 0). Each component is stocked at the node. */
  readonly components: { readonly [productId: string]: number };
  /** Whole days from the start of an assembly until its units are on hand. Default 0. */
  readonly assemblyTime?: number;
}

/** Extension: a point on the globe in degrees (WGS 84), and the place's name for people. */
export interface NodeLocation {
  /** Latitude, -90 (south pole) to 90 (north pole). */
  readonly lat: number;
  /** Longitude, -180 to 180, east positive. */
  readonly lon: number;
  /** Place name shown on the map ("Columbus, OH"). */
  readonly place?: string;
}

export interface NodeCapacity {
  /** Max units on hand, all products: arrivals beyond it wait on the lane (are not received). */
  readonly storage?: number;
  /** Max units shipped per day, all products. */
  readonly throughput?: number;
}

export interface Lane {
  readonly from: string;
  readonly to: string;
  /** Whole days >= 0. */
  readonly leadTime: Distribution;
  readonly costPerUnit?: number;
  readonly costPerShipment?: number;
  /** Max units departing per day, all products. */
  readonly capacity?: number;
  /** Default false: a shipment never arrives before one that departed earlier on the lane. */
  readonly overtaking?: boolean;
  /** Extension: the products this lane carries (default: all). */
  readonly products?: readonly string[];
  /** Extension: this lane's part in its node's sourcing rule (several inbound lanes for a product). */
  readonly sourcing?: LaneSourcing;
  readonly [note: `x-${string}`]: unknown;
}

/** Extension (docs/scenario-format.md, "Several sources"): a fixed split fraction, or the primary or a backup source. */
export type LaneSourcing = { readonly split: number } | { readonly role: "primary" | "backup" };

export interface DemandSpec {
  readonly node: string;
  /** Optional when the scenario has one product. */
  readonly product?: string;
  readonly dist: Distribution;
  /** Mean (and sd) on day t multiplied by factors[floor((t % cycle) * factors.length / cycle)]. */
  readonly seasonality?: { readonly cycle: number; readonly factors: readonly number[] };
  /** Mean multiplied by (1 + trend)^t. */
  readonly trend?: number;
}

/** Equicorrelated daily demand through a Gaussian copula (one common factor per product). */
export type DemandCorrelation =
  | { readonly rho: number }
  | { readonly groups: readonly { readonly nodes: readonly string[]; readonly rho: number }[] };

export interface Costs {
  /** Per unit of end-of-day customer backorders per day. */
  readonly backorderPerUnitDay?: number;
  /** Per unit of customer demand lost. */
  readonly lostSalePerUnit?: number;
  /** Per order placed. */
  readonly orderFixed?: number;
}

interface Window {
  /** First day, inclusive. */
  readonly start: number;
  /** Last day, exclusive. */
  readonly end: number;
}
export type Disruption =
  | ({ readonly type: "lane-delay"; readonly from: string; readonly to: string; readonly extraDays: number } & Window)
  | ({ readonly type: "lane-outage"; readonly from: string; readonly to: string } & Window)
  | ({ readonly type: "node-outage"; readonly node: string } & Window)
  | ({ readonly type: "demand-shock"; readonly node: string; readonly product?: string; readonly multiplier: number } & Window)
  | ({ readonly type: "capacity-cut"; readonly node?: string; readonly from?: string; readonly to?: string; readonly factor: number } & Window)
  | { readonly type: "random-outage"; readonly node?: string; readonly from?: string; readonly to?: string; readonly mtbf: number; readonly mttr: number };

export type DisruptionType = Disruption["type"];
export const DISRUPTION_TYPES = [
  "lane-delay", "lane-outage", "node-outage", "demand-shock", "capacity-cut", "random-outage",
] as const satisfies readonly DisruptionType[];

export interface Mitigations {
  readonly lateralTransfers?: LateralTransfers;
  readonly expedite?: readonly Expedite[];
}
export interface LateralTransfers {
  /** Stocking nodes that may send stock to each other. */
  readonly among: readonly string[];
  readonly leadTime: Distribution;
  readonly costPerUnit?: number;
  /** When a node asks its peers: when its net inventory drops below zero, or below its reorder point. */
  readonly trigger: "below-zero" | "below-reorder-point";
}
export interface Expedite {
  readonly from: string;
  readonly to: string;
  readonly leadTime: Distribution;
  readonly costPerUnit?: number;
  readonly when: "position-below";
  readonly threshold: number;
}
