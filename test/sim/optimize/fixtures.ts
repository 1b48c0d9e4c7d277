// Building blocks of the small scenarios the optimiser tests write out node by node.
import type { Scenario } from "../../../src/sim/model/index.ts";

/** Every field of a scenario but its network (nodes, lanes, demand). */
export const base = {
  format: "echelon-scenario@1", name: "t", horizon: 100, warmup: 10, replications: 10, seed: 1,
  unmetDemand: "backorder", allocation: "fifo",
} as const;

/** A base-stock policy (the optimiser replaces the level). */
export const bs = { type: "base-stock", level: 10 } as const;

/** A constant distribution (lead times, demand). */
export const c = (value: number) => ({ type: "constant", value }) as const;

/** One store 4 days behind a supplier, Poisson(16) demand: GSM at z = 2 gives μ·τ = 64 and a safety stock of 2·4·√4 = 16. */
export const poissonStore: Scenario = {
  ...base,
  nodes: [{ id: "sup", kind: "supplier" }, { id: "s", kind: "store", holdingCost: 1, policy: bs }],
  lanes: [{ from: "sup", to: "s", leadTime: c(4) }],
  demand: [{ node: "s", dist: { type: "poisson", mean: 16 } }],
};
