/**
 * The trade-off curve in parts (`echelon frontier FILE --shard K/N`, docs/scale-out.md): what is
 * split, what a part holds, and how `echelon merge` puts the curve back together.
 *
 * The curve's point set is fixed by its options, but two of its stages are adaptive: the network
 * optimiser searches one evaluation after another at each target, and the calibrated node-by-node
 * baseline bisects its safety factor at each headline fill rate. Each such search depends only on
 * its own simulations, so the independent units are: each headline fill rate's calibration, each
 * optimiser target, each service level of the analytic sweep (both analytic curves), and the
 * scenario as it is. A shard computes its units with the code a single machine runs
 * (computeFrontier, restricted to them) and keeps every simulation it made: the scenario's and
 * run's hash, and each replication's network KPIs. The merge runs computeFrontier over the whole
 * curve again, answering each simulation from the parts instead of the engine; simulations are
 * deterministic in (scenario, seed, replications), so it takes the same path, counts the same
 * evaluations and prints the very document one machine prints, headline included.
 */
import type { Scenario } from "../sim/model/scenario.ts";
import type { KpiColumn } from "../sim/model/batch.ts";
import { computeFrontier, FRONTIER_KEYS, type FrontierEvaluator, type FrontierOptions, type FrontierPoint, type FrontierResult, type Replications, type RunSpec } from "../sim/optimize/index.ts";
import type { TargetMeasure } from "../sim/optimize/types.ts";
import { scenarioHash, type PartialHeader, type PartReader } from "./partial.ts";

/** The options that make a curve what it is (the evaluator and progress aside). */
export interface FrontierJobOptions {
  readonly serviceLevels: readonly number[];
  readonly targets: readonly number[];
  readonly headline: readonly number[];
  readonly leadTimeVariance: boolean;
  readonly run: RunSpec;
  readonly search: RunSpec;
  readonly maxEvaluations: number;
  readonly minimize: TargetMeasure;
}

/** What a frontier part carries beside its simulations: enough to compute the whole curve again. */
export interface FrontierPartJob {
  /** The scenario as read from its file. */
  readonly scenario: Scenario;
  readonly options: FrontierJobOptions;
  /** Units of work of the whole curve (frontierUnits). */
  readonly units: number;
  /** The units this part computed, by index. */
  readonly computed: readonly number[];
}

export type FrontierUnit =
  | { readonly kind: "calibration"; readonly fill: number }
  | { readonly kind: "target"; readonly fill: number }
  | { readonly kind: "level"; readonly serviceLevel: number }
  | { readonly kind: "current" };

/**
 * The curve's units of work, the costliest kinds first (a calibration bisects ~13 simulations, a
 * target searches ~40 on fewer replications, a service level simulates 2), so that dealing them
 * out in turn (shardUnits) spreads the costly ones over the shards.
 */
export const frontierUnits = (o: Pick<FrontierJobOptions, "headline" | "targets" | "serviceLevels">): FrontierUnit[] => [
  ...o.headline.map((fill) => ({ kind: "calibration" as const, fill })),
  ...o.targets.map((fill) => ({ kind: "target" as const, fill })),
  ...o.serviceLevels.map((serviceLevel) => ({ kind: "level" as const, serviceLevel })),
  { kind: "current" },
];

/** Shard `index` of `count` takes units index, index + count, index + 2·count, … */
export const shardUnits = (units: number, { index, count }: { index: number; count: number }) =>
  Array.from({ length: units }, (_, i) => i).filter((i) => i % count === index);

export function unitName(u: FrontierUnit): string {
  switch (u.kind) {
    case "calibration": return `the calibrated node-by-node baseline at fill rate ${u.fill}`;
    case "target": return `the network optimiser at target fill ${u.fill}`;
    case "level": return `service level ${u.serviceLevel} (both analytic curves)`;
    default: return "the scenario as it is (current)";
  }
}

/** The hash the merge checks: the scenario and every option that shapes the curve. */
export const frontierHash = (scenario: Scenario, options: FrontierJobOptions) => scenarioHash({ kind: "frontier", scenario, options });

/** The key of one simulation: the scenario simulated and on which replications. */
export const simulationKey = (s: Scenario, run: RunSpec) => scenarioHash({ scenario: s, run: { seed: run.seed, replications: run.replications } });

/** A part's columns: the network KPIs every frontier point needs, in FRONTIER_KEYS order. */
export const FRONTIER_COLUMNS: readonly KpiColumn[] = FRONTIER_KEYS.map((key) => ({ scope: "network", id: "", key }));

/** One simulation a shard made, keyed by simulationKey. */
export interface Simulated { readonly replications: number; readonly values: Replications }

/**
 * Computes units `computed` of the curve with `evaluate` (the worker pool), and returns every
 * simulation made. The scenario as it is is simulated only by the shard that owns it.
 */
export async function computeUnits(scenario: Scenario, options: FrontierJobOptions, computed: readonly number[], evaluate: FrontierEvaluator,
  onPoint?: (curve: string, p: FrontierPoint) => void): Promise<Map<string, Simulated>> {
  const units = frontierUnits(options), mine = computed.map((i) => units[i]);
  const ownsCurrent = mine.some((u) => u.kind === "current");
  const simulated = new Map<string, Simulated>();
  const recording: FrontierEvaluator = async (s, run) => {
    // computeFrontier always simulates the scenario as it is, and only that call is handed this very object (every plan is a
    // new scenario). Were another call handed it, the merge would miss that simulation and refuse, not print a wrong curve.
    if (s === scenario && !ownsCurrent) return unused(run.replications);
    const values = await evaluate(s, run);
    simulated.set(simulationKey(s, run), { replications: run.replications, values });
    return values;
  };
  await computeFrontier(scenario, {
    ...options,
    headline: mine.flatMap((u) => (u.kind === "calibration" ? [u.fill] : [])),
    targets: mine.flatMap((u) => (u.kind === "target" ? [u.fill] : [])),
    serviceLevels: mine.flatMap((u) => (u.kind === "level" ? [u.serviceLevel] : [])),
    evaluate: recording,
    onPoint: (curve, p) => { if (curve !== "current" || ownsCurrent) onPoint?.(curve, p); },
  });
  return simulated;
}

/** Stand-in values for a simulation this shard does not own; never written to the part. */
function unused(replications: number): Replications {
  const zero = () => new Float64Array(replications);
  return { fillRate: zero(), onHandValue: zero(), holdingCost: zero(), totalCost: zero(), inventoryTurns: zero(), onHand: zero() };
}

/** Row-major values of a simulation (replication by replication), as a part writer takes them. */
export function rowsOf(v: Replications): Float64Array {
  const n = v.fillRate.length, out = new Float64Array(n * FRONTIER_KEYS.length);
  FRONTIER_KEYS.forEach((k, j) => { for (let r = 0; r < n; r++) out[r * FRONTIER_KEYS.length + j] = v[k][r]; });
  return out;
}

export interface FrontierPartRef { readonly file: string; readonly header: PartialHeader; readonly reader?: PartReader }

/**
 * Why frontier parts are not exactly one curve: a header without its job, a job that does not hash
 * to the manifest's, or units missing or computed twice. The kind, scenario hash, seed,
 * replications and engine version were compared already (merge.ts checkParts).
 */
export function frontierProblems(parts: readonly FrontierPartRef[]): string[] {
  const problems: string[] = [];
  for (const p of parts) {
    const f = p.header.frontier;
    if (!f || typeof f !== "object" || !f.scenario || !f.options || !Array.isArray(f.computed) || !Number.isInteger(f.units)) problems.push(`${p.file}: the header has no frontier job (scenario, options and units); make the parts again with echelon frontier --shard K/N`);
    else if (frontierHash(f.scenario, f.options) !== p.header.manifest.scenarioHash) problems.push(`${p.file}: its scenario and options do not match its manifest's hash (the header was edited)`);
    else if (p.header.runs.some((r) => JSON.stringify(r.columns) !== JSON.stringify(FRONTIER_COLUMNS))) problems.push(`${p.file}: its simulations do not hold the frontier's KPI columns (${FRONTIER_KEYS.join(", ")})`);
  }
  if (problems.length) return problems;
  const job = parts[0].header.frontier!, units = frontierUnits(job.options), by = new Map<number, string[]>();
  for (const p of parts) for (const i of p.header.frontier!.computed) by.set(i, [...(by.get(i) ?? []), p.file]);
  const missing = units.flatMap((u, i) => (by.has(i) ? [] : [`${i} (${unitName(u)})`]));
  if (missing.length) problems.push(`units ${missing.join(", ")} of the ${units.length} of this curve are missing (no part computed them); ${shardsMade(parts[0].header.manifest.shard.count)}`);
  for (const [i, files] of [...by].sort((a, b) => a[0] - b[0])) {
    if (i < 0 || i >= units.length || !Number.isInteger(i)) problems.push(`${files.join(", ")}: unit ${i} is not one of the curve's ${units.length}`);
    else if (files.length > 1) problems.push(`unit ${i} (${unitName(units[i])}) is in more than one part: ${files.join(" and ")}`);
  }
  return problems;
}

const shardsMade = (n: number) => `${n} shard${n === 1 ? " was" : "s were"} made`;

/** The curve the parts make up, computed as one machine computes it, every simulation read from the parts. */
export async function mergeFrontier(parts: readonly FrontierPartRef[], onPoint?: (curve: string, p: FrontierPoint) => void): Promise<FrontierResult> {
  const where = new Map<string, { reader: PartReader; run: number }>();
  for (const p of parts) p.header.runs.forEach((r, run) => { if (!where.has(r.name)) where.set(r.name, { reader: p.reader!, run }); });
  const { scenario, options } = parts[0].header.frontier!;
  const read: FrontierEvaluator = async (s, run) => {
    const at = where.get(simulationKey(s, run));
    if (!at) throw new FrontierMergeError(`no part holds a simulation the curve needs (on ${run.replications} replications, seed ${run.seed}); were the parts made by this version of echelon?`);
    const n = run.replications, columns = at.reader.readColumns(at.run, 0, FRONTIER_KEYS.length);
    const col = (j: number) => columns.subarray(j * n, (j + 1) * n);
    const [fillRate, onHandValue, holdingCost, totalCost, inventoryTurns, onHand] = FRONTIER_KEYS.map((_k, j) => col(j));
    return { fillRate, onHandValue, holdingCost, totalCost, inventoryTurns, onHand };
  };
  const whole: FrontierOptions = { ...options, evaluate: read, ...(onPoint ? { onPoint } : {}) };
  return computeFrontier(scenario, whole);
}

/** The parts lack a simulation the whole curve asks for. */
export class FrontierMergeError extends Error {
  override name = "FrontierMergeError";
}
