/**
 * Promise vs reality (`echelon optimize … --verify`): what the analytic model promises for each
 * stocking node of a placement — its service time, its safety stock and the cycle service level
 * that safety stock buys in the model, Φ(safety stock / σ_τ) — beside what a simulation of the
 * optimised scenario delivers there: fill rate, cycle service level and internal fill rate with
 * their 95% intervals. A node is marked optimistic when the simulation delivers significantly less
 * than the promise. Pure: the caller simulates and passes the `echelon-result@1` document.
 */
import type { RunResult, Stat } from "../model/result.ts";
import { dict, dictFrom, type Scenario } from "../model/index.ts";
import { normalCdf } from "../math/normal.ts";
import { exposureSd } from "./gsm.ts";
import { productIdsOf } from "./network.ts";
import { scenarioStages } from "./scenario-stages.ts";
import type { Estimate, NodeOptimum, OptimizationResult } from "./types.ts";

export interface NodePromise {
  /** S: the days the node promises downstream (its customers, for a demand node). */
  readonly serviceTime: number;
  readonly safetyStock: number;
  /** Φ(safety stock / σ_τ): the chance, in the model, that a day's demand over τ is covered. The service level itself for single-echelon and gsm. */
  readonly cycleServiceLevel: number;
}

export interface NodeVerification {
  /** One per product with several products. */
  readonly promise: NodePromise | { readonly [productId: string]: NodePromise };
  /** The node's KPIs over all its products (kpis.md); absent where undefined (no customers, nobody orders from it). */
  readonly simulated: { readonly fillRate?: Estimate; readonly cycleServiceLevel?: Estimate; readonly internalFillRate?: Estimate };
  /**
   * True when the simulation delivers significantly less than the promised cycle service level:
   * the upper bound of the 95% interval of the node's cycle service level (a demand node) or of
   * its internal fill rate (a node that feeds others: a unit fill rate is at least its cycle
   * service level, so falling short even on it is a broken promise) lies below the promise.
   * Null when the node promises more than 0 days, which no KPI measures, or with several products.
   */
  readonly optimistic: boolean | null;
}

export interface Verification {
  readonly seed: number | string;
  readonly replications: number;
  /** Customer service: promised (the service level, or the simulation method's target fill) vs delivered. */
  readonly network: {
    readonly promised: { readonly cycleServiceLevel?: number; readonly fillRate?: number };
    readonly delivered: { readonly fillRate: Estimate; readonly cycleServiceLevel: Estimate };
    /** The delivered figure's 95% interval lies wholly below the promised one; null when nothing was promised. */
    readonly optimistic: boolean | null;
  };
  readonly nodes: { readonly [nodeId: string]: NodeVerification };
}

const estimate = (s: Stat | undefined): Estimate | undefined =>
  s && s.n > 0 ? { mean: s.mean, ci95: [s.ci95[0], s.ci95[1]] } : undefined;
const below = (e: Estimate | undefined, promised: number) => (e ? e.ci95[1] < promised : null);

/** Promise vs reality for every node of `result`, from a simulation `run` of `result.scenario`. */
export function verifyPlacement(input: Scenario, result: OptimizationResult, run: RunResult, opts: { readonly leadTimeVariance?: boolean } = {}): Verification {
  const products = productIdsOf(input), multi = products.length > 1;
  const promises = new Map<string, Map<string, NodePromise>>();
  for (const { product, stage } of scenarioStages(input, opts)) {
    const o = (multi ? (result.nodes[stage.id] as { [p: string]: NodeOptimum } | undefined)?.[product] : result.nodes[stage.id]) as NodeOptimum | undefined;
    if (!o) continue;
    const sd = exposureSd(stage, o.netReplenishmentTime);
    const csl = sd > 0 ? normalCdf(o.safetyStock / sd) : o.safetyStock >= 0 ? 1 : 0;
    if (!promises.has(stage.id)) promises.set(stage.id, new Map());
    promises.get(stage.id)!.set(product, { serviceTime: o.serviceTime, safetyStock: o.safetyStock, cycleServiceLevel: csl });
  }
  const nodes = dict<NodeVerification>();
  for (const [id, byProduct] of promises) {
    const k = run.nodes[id] ?? {};
    const simulated = {
      ...(estimate(k.fillRate) ? { fillRate: estimate(k.fillRate) } : {}),
      ...(estimate(k.cycleServiceLevel) ? { cycleServiceLevel: estimate(k.cycleServiceLevel) } : {}),
      ...(estimate(k.internalFillRate) ? { internalFillRate: estimate(k.internalFillRate) } : {}),
    };
    const p = [...byProduct.values()][0];
    const measured = simulated.cycleServiceLevel ?? simulated.internalFillRate;
    const optimistic = multi || p.serviceTime > 0 ? null : below(measured, p.cycleServiceLevel);
    nodes[id] = { promise: multi ? dictFrom<NodePromise>(byProduct) : p, simulated, optimistic };
  }
  const sim = result.simulation;
  const promised = result.method !== "simulation" ? { cycleServiceLevel: result.serviceLevel }
    : sim?.targetFill !== undefined ? { fillRate: sim.targetFill } : {};
  const none: Estimate = { mean: NaN, ci95: [NaN, NaN] };
  const delivered = { fillRate: estimate(run.network.fillRate) ?? none, cycleServiceLevel: estimate(run.network.cycleServiceLevel) ?? none };
  const networkOptimistic = promised.fillRate !== undefined ? below(delivered.fillRate, promised.fillRate)
    : promised.cycleServiceLevel !== undefined ? below(delivered.cycleServiceLevel, promised.cycleServiceLevel) : null;
  return { seed: run.seed, replications: run.replications, network: { promised, delivered, optimistic: networkOptimistic }, nodes };
}
