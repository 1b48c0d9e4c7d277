/**
 * A scenario compiled for the kernel (engine/compile.ts builds it): struct of arrays, one slot
 * per node, per lane, per demand source, and per "item" — a (node, product) pair that stocks
 * (or, for supplier nodes, supplies) the product. Items are in topological order, upstream
 * first, so the shipping phase walks them forwards and the review phase backwards.
 */
import type { Sampler } from "../random/index.ts";

export interface CompiledNetwork {
  readonly horizon: number;
  readonly warmup: number;
  readonly seedKey: number;
  readonly lost: boolean;
  /** The allocation rule: an ALLOCATION code. */
  readonly allocation: number;
  /**
   * Open orders are kept one by one, with their days (kernel/order-queue.ts), only when the
   * allocation rule needs each order's day (fifo, priority). Under `proportional` shipping needs
   * only how much of today's order is still open (ITEM.openToday): older orders are served first
   * under every rule, so that alone tells today's units from older ones.
   */
  readonly orderQueue: boolean;
  /** Some lane can refuse units: a lane capacity, or a lane outage or cut among the disruptions (else laneRoom is Infinity). */
  readonly laneLimits: boolean;
  readonly backorderCost: number;
  readonly lostSaleCost: number;
  readonly orderFixed: number;

  // products
  readonly productIds: readonly string[];
  readonly unitCost: Float64Array;

  // nodes (scenario order)
  readonly nodeIds: readonly string[];
  readonly nodeStorage: Float64Array;         // Infinity when unlimited
  readonly nodeThroughput: Float64Array;      // Infinity when unlimited
  /** Some node has a throughput capacity (only then is nodeShipped kept). */
  readonly anyThroughput: boolean;
  /** Some node has a storage capacity (only then is nodeStock kept up to date: receive reads it for the room left). */
  readonly anyStorage: boolean;
  readonly nodeDemand: Uint8Array;            // 1 for a node with external demand
  /** Stocking nodes in scenario order (the KPI columns' node order). */
  readonly stockingNodes: Int32Array;

  // items
  readonly items: number;
  readonly itemNode: Int32Array;
  readonly itemProduct: Int32Array;
  readonly itemSource: Uint8Array;            // 1: an outside supplier (infinite stock)
  readonly itemSupplier: Int32Array;          // supplier item, −1 for sources
  readonly itemLane: Int32Array;              // inbound lane, −1 for sources
  readonly itemHolding: Float64Array;
  readonly itemPolicy: Int8Array;             // POLICY_CODE, −1 for sources
  /** The level the position is compared with: base-stock kinds' `level`, or the reorder point `s` of sS and sQ. */
  readonly itemLevel: Float64Array;
  /** sS: the order-up-to level `S`; sQ: the batch `Q`; base-stock kinds: 0. */
  readonly itemUpToOrBatch: Float64Array;
  readonly itemReview: Int32Array;
  readonly itemOffset: Int32Array;
  readonly itemInitial: Float64Array;
  readonly itemPriority: Float64Array;        // the item's node priority
  /** Downstream items of each item (CSR), sorted by (priority, item) under "priority". */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Items with at least one downstream item, in item order (the only ones shipOrders visits). */
  readonly shippers: Int32Array;
  /** Items of stocking nodes (not outside suppliers), in item order. */
  readonly stockingItems: Int32Array;
  /** Per stocking item (stockingItems order), what the accounting reads of it: STOCKING.demand | STOCKING.downstream | STOCKING.demandNode. */
  readonly stockingKind: Uint8Array;
  /**
   * 1 for an item that reviews a base-stock policy every day, with a supplier and no expedite lane;
   * reviewDaily: every item that reviews at all is one of these (reviewAndOrder's short loop).
   */
  readonly itemDailyBaseStock: Uint8Array;
  readonly reviewDaily: boolean;
  /** Every demand source is plain (demandPlain): normal, independent of the others, unseasonal. */
  readonly demandAllPlain: boolean;
  /** Items at or below each item, itself first (CSR); for echelon positions. */
  readonly echStart: Int32Array;
  readonly echList: Int32Array;

  // lanes (scenario order)
  readonly laneFrom: Int32Array;
  readonly laneTo: Int32Array;
  readonly laneLead: readonly Sampler[];
  readonly laneKey: Uint32Array;              // stream source key
  /** How the day's lead time is drawn: a LANE_DRAW code. */
  readonly laneDraw: Int8Array;
  readonly laneLo: Int32Array;
  readonly laneN: Int32Array;
  readonly laneCostUnit: Float64Array;
  readonly laneCostShipment: Float64Array;
  readonly laneCapacity: Float64Array;        // Infinity when unlimited
  readonly laneOvertaking: Uint8Array;

  // demand sources (scenario order)
  readonly demandItem: Int32Array;
  readonly demandSampler: readonly Sampler[];
  /** 1: normal demand, drawn inline as its sampler does (max(0, scale·(mean + sd·z))); 0: the sampler. */
  readonly demandNormal: Uint8Array;
  /** 1: normal, independent and unseasonal, the case customerDemand draws inline (one test instead of three). */
  readonly demandPlain: Uint8Array;
  readonly demandMean: Float64Array;
  readonly demandSd: Float64Array;
  readonly demandKey: Uint32Array;
  /** Seasonality × trend factor of source d on day t: seasonal[seasonalAt[d] + t]; seasonalAt −1: none (1). */
  readonly seasonal: Float64Array;
  readonly seasonalAt: Int32Array;
  /** Copula group of each source (−1: independent) and its rho. */
  readonly demandGroup: Int32Array;
  readonly demandRho: Float64Array;
  readonly groupKey: Uint32Array;

  /** Initial arrival ring slots per item (a power of two; the state grows it on demand, up to ringMax). */
  readonly ring: number;
  /** Longest ring: items × ringMax ≤ RING_SLOTS (kernel/far-arrivals.ts, where farther arrivals wait). */
  readonly ringMax: number;

  readonly disruptions: CompiledDisruptions;
  readonly mitigations: CompiledMitigations;
  readonly sourcing: CompiledSourcing;
  readonly assembly: CompiledAssembly;
}

/**
 * Bills of materials (docs/scenario-format.md, "Bills of materials"). A *made* item is a (node,
 * product) that its node assembles from *component* items of the same node: it has no supplier
 * (itemSupplier −1); its orders are production owed to the assembly, which consumes the
 * components in the recipe's ratio and puts the units in transit to it for the assembly time
 * (kernel/assembly.ts). Items sort so that a made item follows its components.
 */
export interface CompiledAssembly {
  /** Some node has a recipe (else every array below is empty). */
  readonly any: boolean;
  /** Per item: 1 for a made item. */
  readonly made: Uint8Array;
  /** Per item: its components (CSR; empty unless made) and the units of each per unit made. */
  readonly compStart: Int32Array;
  readonly compList: Int32Array;
  readonly compQty: Float64Array;
  /** Per item: the recipe's assembly time in whole days (made items). */
  readonly time: Int32Array;
  /** Per item: 1 for a component of some recipe. */
  readonly component: Uint8Array;
  /** Per item: the made items it is a component of (CSR) and the units of it each needs per unit. */
  readonly usedStart: Int32Array;
  readonly usedList: Int32Array;
  readonly usedQty: Float64Array;
  /**
   * Echelon positions through recipes: the weight of each echList entry (units of the echelon
   * item per unit of the entry: the product of the recipe quantities on the way; 1 below lanes).
   * Empty without recipes (every weight is then 1).
   */
  readonly echWeight: Float64Array;
}

/** CompiledSourcing.rule: an item's sourcing rule (none: one supplier, itemSupplier). */
export const SOURCING = { none: 0, split: 1, primaryBackup: 2 } as const;

/**
 * Several sources (docs/scenario-format.md, "Several sources"). An item with a sourcing rule has
 * no supplier of its own (itemSupplier −1): it has one *channel* item per inbound lane, an item
 * of the same node and product with that lane and its supplier, which holds the orders placed on
 * the lane and the units in transit on it; what a channel receives goes to the item's on hand
 * (itemInto). Channels have no policy and sort just before their item.
 */
export interface CompiledSourcing {
  /** Some item has a rule (else every array below is the identity or empty). */
  readonly any: boolean;
  /** Per item: a SOURCING code. */
  readonly rule: Int8Array;
  /** Per item: the item whose on hand receives its arrivals (itself, or a channel's item). */
  readonly itemInto: Int32Array;
  /** Per item: its channels (CSR), split lanes in scenario order, or the primary and then the backups in scenario order. */
  readonly chanStart: Int32Array;
  readonly chanList: Int32Array;
  /** Per channel: its split fraction (primary 1, backups 0): the share of the demand below it that daysOfSupply counts. */
  readonly share: Float64Array;
}

/** Bits of CompiledNetwork.stockingKind: a demand item, an item with downstream items, an item of a node with external demand. */
export const STOCKING = { demand: 1, downstream: 2, demandNode: 4 } as const;

/** CompiledNetwork.allocation: the scenario's `allocation` rule. */
export const ALLOCATION = { fifo: 0, proportional: 1, priority: 2 } as const;

/**
 * CompiledNetwork.laneDraw: how a lane's daily lead time is drawn. `sampler`: the lane's sampler;
 * `constant`: laneLo, no draw (as the sampler); `uniformDays`: whole days laneLo + ⌊u · laneN⌋,
 * the uniform sampler's own formula, inlined.
 */
export const LANE_DRAW = { sampler: 0, constant: 1, uniformDays: 2 } as const;

/** CompiledMitigations.expFrom: the item an expedite lane ships from (≥ 0), or one of these. */
export const EXPEDITE_FROM = { none: -1, outsideSupplier: -2 } as const;

/** CompiledMitigations.lateralTrigger: the scenario's lateral-transfer `trigger`. */
export const LATERAL_TRIGGER = { belowZero: 0, belowReorderPoint: 1 } as const;

/**
 * Disruption codes: what an active disruption changes. A scenario's `capacity-cut` compiles to
 * nodeCut or laneCut, and a `random-outage` to nodeOutage or laneOutage, by what it targets.
 */
export const DISRUPTION = { laneDelay: 0, laneOutage: 1, nodeOutage: 2, demandShock: 3, nodeCut: 4, laneCut: 5 } as const;

export interface CompiledDisruptions {
  readonly count: number;
  readonly kind: Int8Array;          // DISRUPTION code
  readonly target: Int32Array;       // the lane or node it acts on (a demand shock's sources: srcStart, srcList)
  readonly value: Float64Array;      // lane-delay extraDays, demand-shock multiplier, capacity-cut factor (else 0)
  readonly start: Int32Array;        // −1 for random
  readonly end: Int32Array;
  readonly random: Uint8Array;
  readonly mtbf: Float64Array;
  readonly mttr: Float64Array;
  readonly key: Uint32Array;
  /** Demand sources a demand shock multiplies (CSR over disruptions). */
  readonly srcStart: Int32Array;
  readonly srcList: Int32Array;
  /** First day of the earliest windowed disruption (−1: none), for recoveryDays. */
  readonly firstWindowStart: number;
  /** Which kinds occur: bit (1 << DISRUPTION code) is set for each (the daily loops skip the effects of absent kinds). */
  readonly kinds: number;
}

export interface CompiledMitigations {
  /** True when any mitigation is configured. */
  readonly any: boolean;
  /** Lateral transfers: items per product that may send to each other (CSR by item: peers). */
  readonly lateral: boolean;
  readonly lateralTrigger: number;   // a LATERAL_TRIGGER code
  readonly lateralLead: Sampler | null;
  readonly lateralKey: number;
  readonly lateralCost: number;
  readonly peerStart: Int32Array;
  readonly peerList: Int32Array;
  /** Expedite lanes: per item the item it ships from, or an EXPEDITE_FROM code (none, an outside supplier), and its parameters. */
  readonly expFrom: Int32Array;
  /** The node an expedite lane starts at (for traces), per item. */
  readonly expFromNode: Int32Array;
  readonly expLead: readonly (Sampler | null)[];
  readonly expKey: Uint32Array;
  readonly expCost: Float64Array;
  readonly expThreshold: Float64Array;
}
