/**
 * Size limits. A scenario beyond them is refused with a message rather than attempted: they keep
 * a typo such as `"replications": 1e12` from freezing a browser tab or a CI machine. The work
 * limit (`nodeDays`) is about 30 minutes on one core at the engine's ~10 M node-days/s.
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
  demand: 100_000,
  disruptions: 10_000,
  /** Entries of an `empirical` or `discrete` distribution's `values`, and of seasonality `factors`. */
  distributionValues: 100_000,
  /** Characters of a name, a description or a string seed. */
  textField: 10_000,
  /** replications × horizon × (stocking node, product) pairs. */
  nodeDays: 2e10,
} as const;
