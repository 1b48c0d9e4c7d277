/**
 * Size limits. A scenario beyond them is refused with a message rather than attempted: they keep
 * a typo such as `"replications": 1e12` from freezing a browser tab or a CI machine. The work
 * limit (`nodeDays`) is about 30 minutes on one core at the engine's ~10 M node-days/s; the memory
 * limit (`kpiValues`) bounds the values kept for exact percentiles.
 */
export const LIMITS = {
  /** Characters of JSON text accepted by `parseScenarioJson` (20 MB). */
  textLength: 20_000_000,
  /** Nesting depth of the document (objects and lists inside each other). */
  depth: 64,
  replications: 1_000_000,
  /** Days per replication (100 years). */
  horizon: 36_500,
  nodes: 2_000,
  lanes: 4_000,
  products: 1_000,
  /** Recipes in one node's `bom` (one per product at most). */
  recipesPerNode: 1_000,
  /** Components of one recipe (each a product other than the one made). */
  componentsPerRecipe: 1_000,
  demand: 100_000,
  disruptions: 10_000,
  /** Entries of an `empirical` or `discrete` distribution's `values`, and of seasonality `factors`. */
  distributionValues: 100_000,
  /** Characters of a name, a description or a string seed. */
  textField: 10_000,
  /** replications × horizon × (stocking node, product) pairs. */
  nodeDays: 2e10,
  /**
   * Largest quantity (units, or units a day) or money amount (per unit, day or shipment) a field
   * may hold, and the largest daily demand a source may reach (docs/scenario-format.md). Products
   * and sums of such numbers over 36,500 days, 2,000 nodes and a million replications stay below
   * 1e50, far from where doubles overflow (1.8e308), and a quantity keeps a resolution of 1e-4 units.
   */
  amount: 1e12,
  /**
   * Smallest non-zero quantity, money amount or factor. Below it a number is noise to the engine,
   * and dividing by it (days of supply = on hand ÷ demand) or counting in it (orders of Q = 1e-320)
   * overflows to Infinity.
   */
  smallestAmount: 1e-9,
  // What the engine holds for one replication (checks/engine-memory.ts), each well under 1 GB:
  /** Stocked (node, product) pairs: about 0.6 KB of engine state each. */
  stockedPairs: 1_000_000,
  /** Σ stocked pairs × their longest transit in days (at most the horizon): shipments that can be in transit at once, 16 bytes each. */
  transitDays: 1e7,
  /** Distinct seasonality and trend profiles × horizon: daily factors computed ahead, 8 bytes each. */
  seasonalDays: 2 ** 24,
  /** Σ over demand shocks of the demand sources each applies to. */
  shockSources: 2 ** 24,
  /** Lateral-transfer peer links: Σ over products of n × (n − 1), n the nodes of `among` that stock it. */
  lateralPeers: 2 ** 24,
  /** Σ over echelon-base-stock (node, product) pairs of the pairs at or below them. */
  echelonPairs: 2 ** 24,
  /** Σ over the recipes of every node of their components: the engine lists each (recipe, component) with its ratio. */
  recipeComponents: 2 ** 24,
  /** Random outages × horizon: each can start and end once a day. */
  outageDays: 4e6,
  /** Entries of the tables correlated poisson and negbin sources keep for exact quantiles (checks/demand-scale.ts). */
  countTables: 2 ** 24,
  /**
   * replications × KPI columns: the per-replication KPI values a run keeps for exact percentiles
   * (8 bytes each: 8 GB, which the CLI writes to a temporary file; docs/statistics.md).
   */
  kpiValues: 1e9,
} as const;
