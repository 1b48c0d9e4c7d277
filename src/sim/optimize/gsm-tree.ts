/**
 * The guaranteed-service model on a spanning tree (Graves & Willems 2000): safety-stock
 * placement for assembly, distribution and mixed networks, stated as its own stage graph,
 * independent of the scenario format.
 *
 * Each stage k runs a periodic-review base-stock policy. It is quoted an inbound service time
 * SI_k (the largest of its inputs' service times, or an outside supplier's si_k), spends T_k
 * periods processing, and promises its customers S_k ≤ SI_k + T_k. It holds safety stock against
 * the demand of its net replenishment time τ_k = SI_k + T_k − S_k, up to the demand bound:
 * z·σ_k·√τ_k. Demand is bounded, service is guaranteed, service times are integers.
 * `solveGsmTree` finds the service times of least total holding cost Σ h_k·z·σ_k·√τ_k, exactly,
 * by the dynamic programme in gsm-tree-dp.ts.
 *
 * Demand reaches upstream stages through bills of materials: an arc i → j with quantity φ_ij
 * means one unit of j consumes φ_ij units of i, so μ_i = μ_i^ext + Σ_j φ_ij·μ_j and, following
 * Graves & Willems's demand-bound combination with exponent p (`pooling`),
 * σ_i = ((σ_i^ext)^p + Σ_j (φ_ij·σ_j)^p)^(1/p). p = 2 (the default) is the usual risk pooling of
 * independent demands, σ_i = √(Σ φ²σ²); p = 1 pools nothing (bounds add up).
 */
import { optimizeServiceTimes } from "./gsm-tree-dp.ts";

export interface GsmStage {
  readonly id: string;
  /** T: periods from having every input to having the output ready to ship (lead time included). */
  readonly processingTime: number;
  /** h: holding cost per unit of this stage's stock per period. */
  readonly holdingCost: number;
  /** External (customer) demand per period at this stage; 0 when absent. */
  readonly demandMean?: number;
  readonly demandSd?: number;
  /**
   * The most the stage may promise its customers (periods). Default: 0 for a stage with external
   * demand (demandMean or demandSd given), unbounded otherwise.
   */
  readonly maxServiceTime?: number;
  /** si: the service time an outside supplier promises the stage (periods). Default 0. */
  readonly externalInboundServiceTime?: number;
}

/** `from` supplies `to`; each unit of `to` needs `quantity` (default 1) units of `from`. */
export interface GsmArc {
  readonly from: string;
  readonly to: string;
  readonly quantity?: number;
}

export interface GsmTreeInstance {
  readonly stages: readonly GsmStage[];
  /** Arcs of a spanning tree (or forest): no cycle once directions are ignored. */
  readonly arcs: readonly GsmArc[];
  /** The demand-bound constant z (safety factor), the same at every stage. */
  readonly z: number;
  /** p ≥ 1 of the demand-bound combination (see the module note). Default 2. */
  readonly pooling?: number;
}

export interface GsmStagePlan {
  readonly id: string;
  readonly inboundServiceTime: number;
  readonly serviceTime: number;
  /** τ = SI + T − S. */
  readonly netReplenishmentTime: number;
  /** μ and σ of the demand the stage serves, external and through the bills of materials. */
  readonly meanDemand: number;
  readonly sdDemand: number;
  /** z·σ·√τ. */
  readonly safetyStock: number;
  /** μ·τ + safety stock. */
  readonly baseStock: number;
  /** h × safety stock, per period. */
  readonly holdingCost: number;
}

export interface GsmTreeSolution {
  /** Σ h·z·σ·√τ: the least safety-stock holding cost per period. */
  readonly cost: number;
  /** In the order of `instance.stages`. */
  readonly stages: readonly GsmStagePlan[];
}

const DEFAULT_POOLING = 2;

const isNonNegative = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0;
const isServiceTime = (x: unknown) => isNonNegative(x) && Number.isInteger(x);
const hasDemand = (s: GsmStage) => s.demandMean !== undefined || s.demandSd !== undefined;

/** Every problem with the instance, each naming its path; empty when it can be solved. */
export function checkGsmTree(instance: GsmTreeInstance): string[] {
  const issues: string[] = [];
  const at = (path: string, problem: string) => issues.push(`At ${path}: ${problem}`);
  if (!isNonNegative(instance.z)) at("z", `expected a number >= 0, got ${String(instance.z)}`);
  const p = instance.pooling;
  if (p !== undefined && !(Number.isFinite(p) && p >= 1)) at("pooling", `expected a number >= 1, got ${String(p)}`);
  const index = new Map<string, number>();
  instance.stages.forEach((s, i) => {
    if (typeof s.id !== "string" || s.id === "") at(`stages.${i}.id`, "expected a non-empty string");
    else if (index.has(s.id)) at(`stages.${i}.id`, `duplicate stage id "${s.id}" (also stages.${index.get(s.id)})`);
    else index.set(s.id, i);
    for (const key of ["processingTime", "holdingCost"] as const) {
      if (!isNonNegative(s[key])) at(`stages.${i}.${key}`, `expected a number >= 0, got ${String(s[key])}`);
    }
    for (const key of ["demandMean", "demandSd"] as const) {
      if (s[key] !== undefined && !isNonNegative(s[key])) at(`stages.${i}.${key}`, `expected a number >= 0, got ${String(s[key])}`);
    }
    for (const key of ["maxServiceTime", "externalInboundServiceTime"] as const) {
      if (s[key] !== undefined && !isServiceTime(s[key])) at(`stages.${i}.${key}`, `expected a whole number of periods >= 0, got ${String(s[key])}`);
    }
  });
  // Union–find: an arc joining two stages already connected closes a cycle.
  const root = instance.stages.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i])));
  instance.arcs.forEach((a, i) => {
    const from = index.get(a.from), to = index.get(a.to);
    if (from === undefined) at(`arcs.${i}.from`, `unknown stage "${a.from}"`);
    if (to === undefined) at(`arcs.${i}.to`, `unknown stage "${a.to}"`);
    if (a.quantity !== undefined && !(isNonNegative(a.quantity) && a.quantity > 0)) at(`arcs.${i}.quantity`, `expected a number > 0, got ${String(a.quantity)}`);
    if (from === undefined || to === undefined) return;
    if (from === to) { at(`arcs.${i}`, `stage "${a.from}" cannot supply itself`); return; }
    if (find(from) === find(to)) {
      at(`arcs.${i}`, `"${a.from}" → "${a.to}" closes a cycle: the guaranteed-service DP needs a spanning tree (no cycle, ignoring arc directions)`);
      return;
    }
    root[find(from)] = find(to);
  });
  return issues;
}

/**
 * Mean and standard deviation of the demand each stage serves: its own plus, through the bills
 * of materials, its customers' (see the module note for the combination).
 */
export function netDemand(instance: GsmTreeInstance): { mean: number[]; sd: number[] } {
  const p = instance.pooling ?? DEFAULT_POOLING, n = instance.stages.length;
  const index = new Map(instance.stages.map((s, i) => [s.id, i]));
  const out: { to: number; quantity: number }[][] = Array.from({ length: n }, () => []);
  const waiting = new Array<number>(n).fill(0);
  for (const a of instance.arcs) { out[index.get(a.from)!].push({ to: index.get(a.to)!, quantity: a.quantity ?? 1 }); waiting[index.get(a.from)!]++; }
  const into: number[][] = Array.from({ length: n }, () => []);
  for (const a of instance.arcs) into[index.get(a.to)!].push(index.get(a.from)!);
  const mean = instance.stages.map((s) => s.demandMean ?? 0), sd = new Array<number>(n).fill(0);
  const powered = instance.stages.map((s) => (s.demandSd ?? 0) ** p);
  // Customers before suppliers.
  const ready = waiting.flatMap((w, k) => (w === 0 ? [k] : []));
  for (let h = 0; h < ready.length; h++) {
    const j = ready[h];
    sd[j] = powered[j] ** (1 / p);
    for (const i of into[j]) {
      const q = out[i].find((o) => o.to === j)!.quantity;
      mean[i] += q * mean[j];
      powered[i] += (q * sd[j]) ** p;
      if (--waiting[i] === 0) ready.push(i);
    }
  }
  return { mean, sd };
}

export function solveGsmTree(instance: GsmTreeInstance): GsmTreeSolution {
  const issues = checkGsmTree(instance);
  if (issues.length > 0) throw new Error(`Invalid GSM tree:\n${issues.join("\n")}`);
  const { stages, z } = instance;
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const { mean, sd } = netDemand(instance);
  const tau = (k: number, si: number, s: number) => Math.max(0, si + stages[k].processingTime - s);
  const safety = (k: number, t: number) => z * sd[k] * Math.sqrt(t);
  const plan = optimizeServiceTimes(
    stages.map((s) => ({
      processingTime: s.processingTime,
      externalInbound: s.externalInboundServiceTime ?? 0,
      maxServiceTime: s.maxServiceTime ?? (hasDemand(s) ? 0 : Infinity),
    })),
    instance.arcs.map((a) => ({ from: index.get(a.from)!, to: index.get(a.to)! })),
    (k, si, s) => stages[k].holdingCost * safety(k, tau(k, si, s)),
  );
  const plans = stages.map((s, k): GsmStagePlan => {
    const t = tau(k, plan.inbound[k], plan.service[k]), ss = safety(k, t);
    return {
      id: s.id, inboundServiceTime: plan.inbound[k], serviceTime: plan.service[k], netReplenishmentTime: t,
      meanDemand: mean[k], sdDemand: sd[k], safetyStock: ss, baseStock: mean[k] * t + ss, holdingCost: s.holdingCost * ss,
    };
  });
  return { cost: plan.cost, stages: plans };
}
