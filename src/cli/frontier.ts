/**
 * `echelon frontier FILE [--points N] [--targets F,F,…] [--replications N] [--seed S]
 * [--search-replications N] [--max-evaluations N] [--minimize inventory-value|holding-cost]
 * [--textbook] [--workers K] [--format json|csv] [--out FILE]`: the service–inventory trade-off
 * curve (src/sim/optimize/frontier.ts, docs/optimize.md "The trade-off curve"), every simulation
 * on the worker pool, one line of progress per point on standard error, then the evaluations
 * used and the headline.
 */
import type { Scenario } from "../sim/model/scenario.ts";
import { computeFrontier, frontierToCsv, type FrontierPoint, type FrontierResult, type HeadlineRow } from "../sim/optimize/index.ts";
import { DEFAULT_FRONTIER_EVALUATIONS, DEFAULT_POINTS, DEFAULT_SEARCH_REPLICATIONS, DEFAULT_TARGETS, HEADLINE, sweep } from "../sim/optimize/frontier-defaults.ts";
import type { TargetMeasure } from "../sim/optimize/types.ts";
import { createNodePool } from "../workers/node-worker.ts";
import { poolReplications } from "../workers/frontier-evaluator.ts";
import { UsageError, type Parsed } from "./args.ts";
import { checkSeedOf } from "./optimize-network.ts";
import type { FrontierJobOptions } from "./frontier-part.ts";

interface Io { readonly stderr: { write(s: string): unknown } }

export { DEFAULT_FRONTIER_EVALUATIONS, DEFAULT_POINTS, DEFAULT_SEARCH_REPLICATIONS, DEFAULT_TARGETS, HEADLINE, SWEEP, sweep } from "../sim/optimize/frontier-defaults.ts";

export interface FrontierCommand {
  readonly serviceLevels: readonly number[];
  readonly targets: readonly number[];
  /** Fill rates of the headline (default 0.95 and 0.98). */
  readonly headline: readonly number[];
  readonly replications?: number;
  readonly seed?: number | string;
  readonly searchReplications?: number;
  readonly maxEvaluations: number;
  readonly minimize: TargetMeasure;
  readonly leadTimeVariance: boolean;
  readonly csv: boolean;
}

/** The command's options, checked; throws a UsageError naming the option. */
export function frontierOptions(o: Parsed["options"]): FrontierCommand {
  const points = (o.points as number | undefined) ?? DEFAULT_POINTS;
  if (points < 2 || points > 50) throw new UsageError(`--points must be between 2 and 50, got ${points}`);
  const targets = fillRates(o, "targets", DEFAULT_TARGETS), headline = fillRates(o, "headline", HEADLINE);
  for (const name of ["replications", "search-replications"]) {
    const r = o[name] as number | undefined;
    if (r !== undefined && r < 2) throw new UsageError(`--${name} must be at least 2, got ${r}`);
  }
  const m = o["max-evaluations"] as number | undefined;
  if (m !== undefined && m < 10) throw new UsageError(`--max-evaluations must be at least 10, got ${m}`);
  const minimize = (o.minimize as string | undefined) ?? "inventory-value";
  if (minimize !== "inventory-value" && minimize !== "holding-cost") throw new UsageError(`--minimize must be one of inventory-value, holding-cost, got "${minimize}"`);
  return {
    serviceLevels: sweep(points), targets, headline,
    replications: o.replications as number | undefined, seed: o.seed as number | string | undefined,
    searchReplications: o["search-replications"] as number | undefined,
    maxEvaluations: m ?? DEFAULT_FRONTIER_EVALUATIONS, minimize, leadTimeVariance: o.textbook !== true, csv: o.format === "csv",
  };
}

export { IN_FLIGHT, poolReplications } from "../workers/frontier-evaluator.ts";

/** A comma-separated list of fill rates, each above 0 and at most 1: sorted, without repeats. */
function fillRates(o: Parsed["options"], name: string, fallback: readonly number[]): number[] {
  const v = o[name];
  const list = v === undefined ? [...fallback] : String(v).split(",").map((t) => (t.trim() === "" ? NaN : Number(t)));
  if (list.length === 0 || list.some((t) => !(t > 0 && t <= 1))) throw new UsageError(`--${name} must be fill rates above 0 and at most 1, separated by commas, got "${String(v)}"`);
  return [...new Set(list)].sort((a, b) => a - b);
}

/** The curve's options as the command computes them: the seeds and replications resolved against the scenario. */
export function frontierJob(cmd: FrontierCommand, scenario: Scenario): FrontierJobOptions {
  const seed = cmd.seed ?? scenario.seed, replications = cmd.replications ?? scenario.replications;
  return {
    serviceLevels: cmd.serviceLevels, targets: cmd.targets, headline: cmd.headline, leadTimeVariance: cmd.leadTimeVariance,
    run: { seed, replications }, search: { seed: checkSeedOf(seed), replications: cmd.searchReplications ?? Math.min(replications, DEFAULT_SEARCH_REPLICATIONS) },
    maxEvaluations: cmd.maxEvaluations, minimize: cmd.minimize,
  };
}

/** The line that opens the command's progress: what will be simulated, and on how many workers. */
export const planLine = (job: FrontierJobOptions, workers: number) =>
  `${job.serviceLevels.length} service levels × 2 analytic methods and ${job.targets.length} network-optimiser targets, every point on ${job.run.replications} replications (seed ${job.run.seed}); ` +
  `the optimiser searches on ${job.search.replications} (seed ${job.search.seed}), at most ${job.maxEvaluations} evaluations per target; ${workers} worker${workers === 1 ? "" : "s"}`;

/** The evaluations spent and the headline, one line each (after the points' lines). */
export function resultLines(result: FrontierResult): string[] {
  const e = result.evaluations, replications = result.replications;
  return [
    `${e.total} evaluations: ${e["single-echelon"]} single-echelon, ${e.gsm} gsm, ${e.current} current, ${e.calibration} calibrating node by node at ${replications} replications; ` +
    `${e.simulation} for the network optimiser (its searches at ${result.search.replications} replications, its checks at ${replications})`,
    ...result.headline.map(headlineLine),
  ];
}

/** The document on standard output: echelon-frontier@1 JSON, or its CSV. */
export const frontierDocument = (result: FrontierResult, csv: boolean) => (csv ? frontierToCsv(result) : `${JSON.stringify(result, null, 2)}\n`);

export async function frontier(p: Parsed, io: Io, load: () => Scenario, write: (text: string) => void, workers: number): Promise<number> {
  const cmd = frontierOptions(p.options);
  const scenario = load();
  const say = (s: string) => io.stderr.write(`echelon frontier: ${s}\n`);
  const job = frontierJob(cmd, scenario);
  const pool = createNodePool(workers);
  try {
    say(planLine(job, pool.size));
    const result = await computeFrontier(scenario, { ...job, evaluate: poolReplications(pool), onPoint: (curve, point) => say(pointLine(curve, point)) });
    for (const line of resultLines(result)) say(line);
    write(frontierDocument(result, cmd.csv));
    return 0;
  } finally {
    pool.dispose();
  }
}

const f4 = (x: number) => x.toFixed(4), f1 = (x: number) => x.toFixed(1);
/** Whole numbers with thousands separators from 100 up; three significant digits below. */
const f0 = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-US") : String(+x.toPrecision(3)));
const ci = (e: { mean: number; ci95: readonly [number, number] }, f: (x: number) => string) => `${f(e.mean)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`;
const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;

export function pointLine(curve: string, p: FrontierPoint): string {
  const at = p.serviceLevel !== undefined ? ` at service level ${pct(p.serviceLevel)}` : p.targetFill !== undefined ? ` at target fill ${p.targetFill}` : "";
  const cost = p.sameAs ? `, same levels as ${p.sameAs}` : `, ${p.evaluations} evaluation${p.evaluations === 1 ? "" : "s"}`;
  return `${curve}${at}: fill rate ${ci(p.fillRate, f4)}, inventory value ${ci(p.onHandValue, f0)}, turns ${f1(p.inventoryTurns.mean)}${cost}`;
}

export function headlineLine(h: HeadlineRow): string {
  if (!h.saving || !h.best || !h.nodeByNode) return `at fill rate ${h.fillRate}: ${h.note}`;
  // Signed: a negative saving means the multi-echelon plan needs more.
  const saves = (s: { mean: number; ci95: readonly [number, number]; relative: number }) =>
    `saving ${f0(s.mean)} [${f0(s.ci95[0])}, ${f0(s.ci95[1])}] (${pct(s.relative)})`;
  const c = h.calibratedNodeByNode;
  const calibrated = c?.saving ? `; against node by node calibrated by simulation (one safety factor, z ${c.z[1].toFixed(3)}: ${f0(c.onHandValue.mean)}): ${saves(c.saving.onHandValue)}` : "";
  return `at fill rate ${h.fillRate} (interpolated, paired over the replications): inventory value ${f0(h.best.onHandValue.mean)} for ${h.best.curve}; ` +
    `against node by node (${f0(h.nodeByNode.onHandValue.mean)}): ${saves(h.saving.onHandValue)}${calibrated}`;
}

export { FRONTIER_CSV_HEADER, frontierToCsv } from "../sim/optimize/frontier-csv.ts";
