// Building blocks of the small scenarios the optimiser tests write out node by node.

/** Every field of a scenario but its network (nodes, lanes, demand). */
export const base = {
  format: "echelon-scenario@1", name: "t", horizon: 100, warmup: 10, replications: 10, seed: 1,
  unmetDemand: "backorder", allocation: "fifo",
} as const;

/** A base-stock policy (the optimiser replaces the level). */
export const bs = { type: "base-stock", level: 10 } as const;

/** A constant distribution (lead times, demand). */
export const c = (value: number) => ({ type: "constant", value }) as const;
