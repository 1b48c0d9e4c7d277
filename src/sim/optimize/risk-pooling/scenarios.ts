/**
 * The two networks the risk-pooling lab simulates, built from its sliders as ordinary scenarios so
 * the real engine runs them (in workers, like any run).
 *
 * - **Own stock**: a supplier ships to N stores, each with lead time L and a base-stock level of
 *   μL + zσ√L (theory.ts).
 * - **Pooled stock**: the supplier ships to one pooled stock ("pool", a DC) with lead time L and a
 *   base-stock level of NμL + zσ√L·√(N(1 + (N − 1)ρ)); the N stores sit behind it with lead time 0
 *   and level 0, so they hold nothing and pass each day's demand up as an order that evening.
 *   The pool ships it the same evening (timeline.md step 5), so it is exposed to L days of the
 *   stores' summed demand, exactly as one store is to its own: the only difference between the
 *   two networks is where the stock sits.
 *
 * In both, the stores' demand is N(μ, σ²) per day, equicorrelated with ρ through the format's
 * `demandCorrelation` (a Gaussian copula, which for normal marginals is the multivariate normal).
 * Holding cost is charged on the stock only (the pass-through stores carry none).
 */
import type { Scenario, NodeSpec, Lane, DemandSpec } from "../../model/scenario.ts";
import { poolingTheory, type PoolingInputs } from "./theory.ts";

/** Days simulated per replication and the warm-up excluded from the KPIs (the lab's quick runs). */
export interface PoolingRunLength {
  readonly horizon: number;
  readonly warmup: number;
  readonly replications: number;
  readonly seed: number | string;
}

export type PoolingLayout = "own" | "pooled";

const SUPPLIER = "supplier";
export const POOL_NODE = "pool";
const storeId = (i: number) => `store-${i + 1}`;

export function poolingScenario(layout: PoolingLayout, p: PoolingInputs, run: PoolingRunLength): Scenario {
  const theory = poolingTheory(p);
  const stores = Array.from({ length: p.stores }, (_, i) => storeId(i));
  const constant = (value: number) => ({ type: "constant" as const, value });
  const nodes: NodeSpec[] = [{ id: SUPPLIER, name: "Supplier", kind: "supplier" }];
  const lanes: Lane[] = [];
  if (layout === "own") {
    for (const id of stores) {
      nodes.push({ id, kind: "store", holdingCost: p.holdingCost, policy: { type: "base-stock", level: theory.own.level / p.stores } });
      lanes.push({ from: SUPPLIER, to: id, leadTime: constant(p.leadTime) });
    }
  } else {
    nodes.push({ id: POOL_NODE, name: "Pooled stock", kind: "dc", holdingCost: p.holdingCost, policy: { type: "base-stock", level: theory.pooled.level } });
    lanes.push({ from: SUPPLIER, to: POOL_NODE, leadTime: constant(p.leadTime) });
    for (const id of stores) {
      nodes.push({ id, kind: "store", holdingCost: 0, policy: { type: "base-stock", level: 0 } });
      lanes.push({ from: POOL_NODE, to: id, leadTime: constant(0) });
    }
  }
  const demand: DemandSpec[] = stores.map((node) => ({ node, dist: { type: "normal", mean: p.mean, sd: p.sd } }));
  return {
    format: "echelon-scenario@1",
    name: `Risk-pooling lab: ${p.stores} stores, ${layout === "own" ? "own stock" : "pooled stock"}, ρ = ${p.rho}`,
    horizon: run.horizon, warmup: run.warmup, replications: run.replications, seed: run.seed,
    unmetDemand: "backorder", allocation: "proportional",
    nodes, lanes, demand,
    ...(p.rho > 0 && p.stores > 1 ? { demandCorrelation: { rho: p.rho } } : {}),
  };
}
