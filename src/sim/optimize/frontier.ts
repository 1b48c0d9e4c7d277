/**
 * The service–inventory trade-off curve (`echelon frontier`, docs/optimize.md "The trade-off
 * curve"): inventory value, holding cost and inventory turns against the simulated network fill
 * rate, one curve per method, every point simulated on the same replications (common random
 * numbers) and reported with its 95% interval.
 *
 * - `single-echelon` (node by node) and `gsm`: the analytic placement at each service level of a
 *   sweep (e.g. 85% to 99.5%), one simulation per point.
 * - `simulation`: the network optimiser (network-search.ts) at each fill-rate target, searching
 *   on its own replications (another seed); its final check runs on the frontier's replications,
 *   so the point on the curve is measured on replications the search never saw.
 * - `current`: the scenario's own policies, simulated as `echelon run` would on the same seed.
 *
 * The headline (frontier-headline.ts) compares node by node with the best multi-echelon curve at
 * given fill rates. The simulation is the caller's `evaluate`, so this module never imports the engine.
 */
import { dict, type Dict, type Scenario } from "../model/index.ts";
import { calibrateNodeByNode, type Calibration } from "./frontier-calibrated.ts";
import { estimateOf, interpolateAt, pairedSaving, type PointReplications, type Saving } from "./frontier-headline.ts";
import { gsmRefusal } from "./item-plan.ts";
import { limitConcurrency } from "./limit.ts";
import { optimizeNetwork } from "./network-search.ts";
import { optimizeScenario } from "./optimize-scenario.ts";
import type { PlanEvaluator, RunSpec } from "./probe.ts";
import type { Estimate, NodeOptimum, OptimizationResult, TargetMeasure } from "./types.ts";

export const FRONTIER_FORMAT = "echelon-frontier@1";

/** The network KPIs (kpis.md) every point reports. */
export const FRONTIER_KEYS = ["fillRate", "onHandValue", "holdingCost", "totalCost", "inventoryTurns", "onHand"] as const;
export type FrontierKey = (typeof FRONTIER_KEYS)[number];
/** Per-replication network values of one simulated scenario, replication 0 first. */
export type Replications = { readonly [K in FrontierKey]: Float64Array };
/** Simulates a scenario on the given replications (the CLI runs it on its worker pool). */
export type FrontierEvaluator = (scenario: Scenario, run: RunSpec) => Promise<Replications>;

export type FrontierCurve = "single-echelon" | "gsm" | "simulation";
export const FRONTIER_CURVES = ["single-echelon", "gsm", "simulation"] as const satisfies readonly FrontierCurve[];

/** One simulated point of a curve. */
export interface FrontierPoint {
  /** Analytic curves: the cycle service level the placement was sized for. */
  readonly serviceLevel?: number;
  /** The network optimiser: the fill rate its search had to reach (on its own replications). */
  readonly targetFill?: number;
  /** Network KPIs on the frontier's replications: mean and 95% interval. */
  readonly fillRate: Estimate;
  /** Value of the stock on hand (kpis.md `onHandValue`): the y of the first view. */
  readonly onHandValue: Estimate;
  readonly holdingCost: Estimate;
  /** kpis.md `inventoryTurns`: the y of the second view. */
  readonly inventoryTurns: Estimate;
  readonly onHand: Estimate;
  /** Simulations this point cost: 1 for an analytic point (0 when `sameAs`), the search's and check's for the optimiser. */
  readonly evaluations: number;
  /** An analytic point whose levels equal those of another curve's point at the same service level (simulated once). */
  readonly sameAs?: FrontierCurve;
  /** Base-stock level by node id (by node id then product id with several products). Absent for `current`. */
  readonly levels?: Dict<number | Dict<number>>;
}

/** The headline at one fill rate: node by node against the best multi-echelon curve, both interpolated. */
export interface HeadlineRow {
  readonly fillRate: number;
  /** How the curves were read at `fillRate`: linearly between the two simulated points that bracket it. */
  readonly how: "interpolated";
  readonly nodeByNode: HeadlineSide | null;
  /** The multi-echelon curve (gsm or simulation) with the least inventory value at `fillRate`. */
  readonly best: (HeadlineSide & { readonly curve: "gsm" | "simulation" }) | null;
  /** Node by node minus best, replication by replication (positive: the multi-echelon plan needs less). */
  readonly saving: { readonly onHandValue: Saving; readonly holdingCost: Saving } | null;
  /**
   * The second baseline: node by node calibrated by simulation — the textbook single-echelon
   * placement with one safety factor z for every node, z set by simulation to reach `fillRate`
   * (frontier-calibrated.ts) — and what the best multi-echelon curve saves against it, paired.
   * Null when no z up to 16 reaches the fill rate, or none is needed.
   */
  readonly calibratedNodeByNode: {
    readonly z: readonly [number, number];
    readonly onHandValue: Estimate;
    readonly holdingCost: Estimate;
    readonly saving: { readonly onHandValue: Saving; readonly holdingCost: Saving } | null;
  } | null;
  /** Why there is no saving: a curve that does not reach, or starts above, this fill rate. */
  readonly note?: string;
}

export interface HeadlineSide {
  readonly onHandValue: Estimate;
  readonly holdingCost: Estimate;
  /** The curve parameters (service levels, or target fills) of the two bracketing points. */
  readonly between: readonly [number, number];
}

export interface FrontierResult {
  readonly format: typeof FRONTIER_FORMAT;
  readonly scenario: string;
  /** The frontier's replications: every point is simulated on these. */
  readonly seed: number | string;
  readonly replications: number;
  /** The analytic curves count lead-time variance in safety stock (z·√(σ²τ + μ²·Var L)). */
  readonly leadTimeVariance: boolean;
  /** The network optimiser's search: its replications (another seed), budget per target and objective. */
  readonly search: { readonly seed: number | string; readonly replications: number; readonly maxEvaluations: number; readonly minimize: TargetMeasure };
  readonly current: FrontierPoint;
  readonly curves: { readonly [C in FrontierCurve]: readonly FrontierPoint[] };
  readonly headline: readonly HeadlineRow[];
  /** Simulations run, by curve and in total (the optimiser's at the search's replications, the rest at the frontier's). */
  readonly evaluations: { readonly [C in Counted | "total"]: number };
}

export interface FrontierOptions {
  /** The analytic curves' cycle service levels, each in [0.5, 1). */
  readonly serviceLevels: readonly number[];
  /** The network optimiser's fill-rate targets, each in (0, 1]. */
  readonly targets: readonly number[];
  /** Analytic curves: count lead-time variance in safety stock. */
  readonly leadTimeVariance: boolean;
  /** Fill rates of the headline (e.g. 0.95 and 0.98). */
  readonly headline: readonly number[];
  readonly evaluate: FrontierEvaluator;
  /** The frontier's replications: every point, and the optimiser's final check. */
  readonly run: RunSpec;
  /** The optimiser's search replications (use another seed than `run`). */
  readonly search: RunSpec;
  /** The optimiser's budget of simulations per target (starts and search). */
  readonly maxEvaluations: number;
  /** What the optimiser minimises at each target (default inventory value, the curve's y). */
  readonly minimize?: TargetMeasure;
  readonly onPoint?: (curve: FrontierCurve | "current", point: FrontierPoint) => void;
}

/** Who asked for a simulation: a curve, the current scenario, or the headline's calibrated node by node. */
type Counted = FrontierCurve | "current" | "calibration";

export async function computeFrontier(scenario: Scenario, o: FrontierOptions): Promise<FrontierResult> {
  for (const t of o.targets) if (!(t > 0 && t <= 1)) throw new RangeError(`targets: each must be above 0 and at most 1, got ${t}`);
  const minimize = o.minimize ?? "inventory-value";
  const counts = { "single-echelon": 0, gsm: 0, simulation: 0, current: 0, calibration: 0 };
  const simulate = memoised(o, counts);
  const done = (curve: FrontierCurve | "current", p: FrontierPoint) => { o.onPoint?.(curve, p); return p; };
  const reps = new Map<FrontierPoint, Replications>();
  const keep = (p: FrontierPoint, r: Replications) => { reps.set(p, r); return p; };

  // Where the items are not a spanning tree (item-plan.ts), GSM has no placement: its curve stays empty.
  const gsmPossible = gsmRefusal(scenario) === undefined;
  const analytic = (method: "single-echelon" | "gsm") => Promise.all((method === "gsm" && !gsmPossible ? [] : o.serviceLevels).map(async (serviceLevel) => {
    const r = optimizeScenario(scenario, { method, serviceLevel, leadTimeVariance: o.leadTimeVariance });
    const before = counts[method], pending = simulate(method, r.scenario, o.run);
    const fresh = counts[method] > before; // read now: other points count while this one waits
    const values = await pending;
    return done(method, keep({ serviceLevel, ...estimates(values), evaluations: fresh ? 1 : 0, ...(fresh || method === "single-echelon" ? {} : { sameAs: "single-echelon" as const }), levels: levelsOf(r) }, values));
  }));
  const network = () => Promise.all(o.targets.map(async (targetFill) => {
    const r = await optimizeNetwork(scenario, {
      objective: "target-fill", targetFill, minimize, target: { serviceLevel: 0.95 },
      evaluate: summarising((s, run) => simulate("simulation", s, run)),
      search: o.search, check: o.run, maxEvaluations: o.maxEvaluations,
    });
    const values = await simulate("simulation", r.scenario, o.run);
    // The search's evaluations, then the check's two (the plan, which is this point, and the best start).
    const spent = (r.simulation?.evaluations ?? 0) + 2;
    return done("simulation", keep({ targetFill, ...estimates(values), evaluations: spent, levels: levelsOf(r) }, values));
  }));
  const currentValues = simulate("current", scenario, o.run);
  const calibrations = Promise.all(o.headline.map((fill) => calibrateNodeByNode(scenario, fill, (s) => simulate("calibration", s, o.run))));
  const [single, gsm, simulation, current, calibrated] = await Promise.all([
    analytic("single-echelon"), analytic("gsm"), network(),
    currentValues.then((v) => done("current", { ...estimates(v), evaluations: 1 })),
    calibrations,
  ]);
  const of = (ps: readonly FrontierPoint[]) => ps.map((p) => reps.get(p)!);
  return {
    format: FRONTIER_FORMAT, scenario: scenario.name, seed: o.run.seed, replications: o.run.replications,
    leadTimeVariance: o.leadTimeVariance,
    search: { seed: o.search.seed, replications: o.search.replications, maxEvaluations: o.maxEvaluations, minimize },
    current,
    curves: { "single-echelon": single, gsm, simulation },
    headline: o.headline.map((fill, i) => headlineAt(fill, { single: [single, of(single)], gsm: [gsm, of(gsm)], simulation: [simulation, of(simulation)] }, calibrated[i])),
    evaluations: { ...counts, total: counts["single-echelon"] + counts.gsm + counts.simulation + counts.current + counts.calibration },
  };
}

/**
 * The evaluator, counting simulations by curve. A scenario already simulated on the same
 * replications is not simulated again: GSM's placement when it equals single-echelon's, and the
 * optimiser's final check, which is its point on the curve.
 */
function memoised(o: FrontierOptions, counts: Record<Counted, number>) {
  const cache = new Map<string, Promise<Replications>>();
  const evaluate = limitConcurrency(o.evaluate);
  return (curve: Counted, s: Scenario, run: RunSpec): Promise<Replications> => {
    const shared = run.seed === o.run.seed && run.replications === o.run.replications;
    const key = shared ? JSON.stringify(s) : "";
    const known = shared ? cache.get(key) : undefined;
    if (known) return known;
    counts[curve]++;
    const p = evaluate(s, run);
    if (shared) cache.set(key, p);
    return p;
  };
}

/** The optimiser's evaluator: the same simulation, summarised. */
const summarising = (evaluate: FrontierEvaluator): PlanEvaluator => async (s, run) => {
  const v = await evaluate(s, run);
  return { fillRate: estimateOf(v.fillRate), holdingCost: estimateOf(v.holdingCost), totalCost: estimateOf(v.totalCost), onHandValue: estimateOf(v.onHandValue) };
};

const estimates = (v: Replications) => ({
  fillRate: estimateOf(v.fillRate), onHandValue: estimateOf(v.onHandValue), holdingCost: estimateOf(v.holdingCost),
  inventoryTurns: estimateOf(v.inventoryTurns), onHand: estimateOf(v.onHand),
});

/** Base-stock levels of a placement by node id (then product id), from its `nodes`. */
function levelsOf(r: OptimizationResult): Dict<number | Dict<number>> {
  const out = dict<number | Dict<number>>();
  for (const id of Object.keys(r.nodes)) {
    const n = r.nodes[id];
    if ("baseStock" in n) out[id] = (n as NodeOptimum).baseStock;
    else {
      const byProduct = dict<number>();
      for (const product of Object.keys(n)) byProduct[product] = (n as Dict<NodeOptimum>)[product].baseStock;
      out[id] = byProduct;
    }
  }
  return out;
}

type Curve = readonly [readonly FrontierPoint[], readonly PointReplications[]];
const param = (p: FrontierPoint) => p.serviceLevel ?? p.targetFill ?? NaN;

function headlineAt(fill: number, c: { single: Curve; gsm: Curve; simulation: Curve }, calibration: Calibration | null): HeadlineRow {
  const read = ([points, values]: Curve) => {
    const at = interpolateAt(values, fill);
    return at && { at, side: { onHandValue: estimateOf(at.onHandValue), holdingCost: estimateOf(at.holdingCost), between: [param(points[at.between[0]]), param(points[at.between[1]])] as const } };
  };
  const nbn = read(c.single);
  const multi = (["gsm", "simulation"] as const).map((curve) => ({ curve, r: read(c[curve]) }))
    .filter((x) => x.r !== null)
    .sort((a, b) => a.r!.side.onHandValue.mean - b.r!.side.onHandValue.mean)[0];
  const best = multi ? { curve: multi.curve, ...multi.r!.side } : null;
  const calibratedNodeByNode = calibration && {
    z: calibration.z, onHandValue: estimateOf(calibration.at.onHandValue), holdingCost: estimateOf(calibration.at.holdingCost),
    saving: multi ? { onHandValue: pairedSaving(calibration.at.onHandValue, multi.r!.at.onHandValue), holdingCost: pairedSaving(calibration.at.holdingCost, multi.r!.at.holdingCost) } : null,
  };
  const row = { fillRate: fill, how: "interpolated" as const, nodeByNode: nbn?.side ?? null, best, calibratedNodeByNode };
  if (!nbn || !multi) {
    const who = [!nbn ? "node by node" : "", !multi ? "gsm or simulation" : ""].filter(Boolean).join(", nor of ");
    return { ...row, saving: null, note: `no two simulated points of ${who} bracket the fill rate ${fill} (not extrapolated): widen the service levels or targets` };
  }
  const m = multi.r!.at;
  return { ...row, saving: { onHandValue: pairedSaving(nbn.at.onHandValue, m.onHandValue), holdingCost: pairedSaving(nbn.at.holdingCost, m.holdingCost) } };
}
