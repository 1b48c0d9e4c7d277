/**
 * `echelon optimize FILE --method single-echelon|gsm|simulation [--service-level P | --z Z]
 * [--target-fill F | --objective total-cost] [--lead-time-variance] [--replications N] [--seed S]
 * [--check-replications N] [--max-evaluations N] [--search network|scale] [--workers K] [--out FILE]`
 * (shared/spec/cli.md, docs/optimize.md). Options are checked before the file is read: a bad one is a usage error
 * (exit 2) that names it.
 */
import type { Scenario } from "../sim/model/scenario.ts";
import { OPTIMIZE_METHODS, optimizeBySimulation, optimizeScenario, resolveTarget, type OptimizationResult, type OptimizeMethod, type RunSpec, type ServiceTarget } from "../sim/optimize/index.ts";
import { NotASpanningTreeError } from "../sim/optimize/item-plan.ts";
import type { NetworkObjective, TargetAt, TargetMeasure } from "../sim/optimize/types.ts";
import { runMonteCarlo } from "../workers/monte-carlo.ts";
import { createNodePool } from "../workers/node-worker.ts";
import type { Pool } from "../workers/pool.ts";
import { UsageError, type Parsed } from "./args.ts";
import { checkSeedOf, optimizeByNetworkSearch } from "./optimize-network.ts";
import { verifyOnPool } from "./optimize-verify.ts";
import { spillOption } from "./value-file.ts";

interface Io { readonly stderr: { write(s: string): unknown } }

/** Replications per evaluation of the scale search (`--search scale`), unless --replications says otherwise. */
export const DEFAULT_SEARCH_REPLICATIONS = 100;
/**
 * Replications per evaluation of the network search: candidates share them (common random
 * numbers), so differences are sharp with few; the final check runs the scenario's count afresh.
 */
export const DEFAULT_NETWORK_REPLICATIONS = 40;

const OBJECTIVES = ["target-fill", "total-cost"] as const satisfies readonly NetworkObjective[];
const MEASURES = ["holding-cost", "inventory-value"] as const satisfies readonly TargetMeasure[];
const TARGET_AT = ["mean", "lower-bound"] as const satisfies readonly TargetAt[];
const SEARCHES = ["network", "scale"] as const;

export interface OptimizeCommand {
  readonly method: OptimizeMethod;
  readonly target: ServiceTarget;
  readonly targetFill?: number;
  readonly replications?: number;
  readonly leadTimeVariance: boolean;
  /** simulation only: the network search (default) or the former one-factor scale search. */
  readonly search?: (typeof SEARCHES)[number];
  readonly objective?: NetworkObjective;
  /** Target fill: minimise holding cost (default) or on-hand inventory value. */
  readonly minimize?: TargetMeasure;
  /** Target fill: the mean of the search's fill rate must reach it (default), or its lower bound. */
  readonly targetAt?: TargetAt;
  readonly seed?: number | string;
  readonly checkReplications?: number;
  readonly maxEvaluations?: number;
  /** Simulate the optimised scenario and add promise vs reality per node (verify.ts). */
  readonly verify: boolean;
}

/** The command's options, checked; throws a UsageError naming the option. */
export function optimizeOptions(o: Parsed["options"]): OptimizeCommand {
  const method = o.method as string | undefined;
  if (method === undefined) throw new UsageError(`--method is required: one of ${OPTIMIZE_METHODS.join(", ")}`);
  if (!(OPTIMIZE_METHODS as readonly string[]).includes(method)) throw new UsageError(`--method must be one of ${OPTIMIZE_METHODS.join(", ")}, got "${method}"`);
  const p = o["service-level"] as number | undefined, z = o.z as number | undefined, f = o["target-fill"] as number | undefined;
  if (p !== undefined && z !== undefined) throw new UsageError("give --service-level or --z, not both");
  if (p !== undefined && !(p >= 0.5 && p < 1)) throw new UsageError(`--service-level must be at least 0.5 and below 1, got ${p}`);
  if (z !== undefined && !(z >= 0 && z <= 8)) throw new UsageError(`--z must be between 0 and 8, got ${z}`);
  if (f !== undefined && !(f > 0 && f <= 1)) throw new UsageError(`--target-fill must be above 0 and at most 1, got ${f}`);
  if (f !== undefined && method !== "simulation") throw new UsageError("--target-fill applies to --method simulation only");
  const r = o.replications as number | undefined;
  if (r !== undefined && r < 2) throw new UsageError(`--replications must be at least 2, got ${r}`);
  const base = {
    method: method as OptimizeMethod,
    target: z !== undefined ? { z } : { serviceLevel: p ?? 0.95 },
    targetFill: f,
    replications: r,
    leadTimeVariance: o["lead-time-variance"] === true,
    verify: o.verify === true,
  };
  if (method !== "simulation") {
    // With --verify, --seed and --check-replications set the verifying run.
    const simulationOnly = ["search", "objective", "minimize", "target-at", "max-evaluations"].find((k) => o[k] !== undefined);
    if (simulationOnly) throw new UsageError(`--${simulationOnly} applies to --method simulation only`);
    const runOnly = base.verify ? undefined : ["seed", "check-replications"].find((k) => o[k] !== undefined);
    if (runOnly) throw new UsageError(`--${runOnly} applies to --method simulation or --verify only`);
    const c = o["check-replications"] as number | undefined;
    if (c !== undefined && c < 2) throw new UsageError(`--check-replications must be at least 2, got ${c}`);
    return { ...base, seed: o.seed as number | string | undefined, checkReplications: c };
  }
  return { ...base, ...networkOptions(o, f) };
}

function networkOptions(o: Parsed["options"], f: number | undefined) {
  const search = oneOf(o, "search", SEARCHES) ?? "network", objective = oneOf(o, "objective", OBJECTIVES);
  if (objective === "total-cost" && f !== undefined) throw new UsageError("give --target-fill or --objective total-cost, not both");
  const minimize = oneOf(o, "minimize", MEASURES), targetAt = oneOf(o, "target-at", TARGET_AT);
  if (objective === "total-cost" && minimize !== undefined) throw new UsageError("--minimize applies to the target-fill objective only");
  if (objective === "total-cost" && targetAt !== undefined) throw new UsageError("--target-at applies to the target-fill objective only");
  const c = o["check-replications"] as number | undefined, m = o["max-evaluations"] as number | undefined;
  if (c !== undefined && c < 2) throw new UsageError(`--check-replications must be at least 2, got ${c}`);
  if (m !== undefined && m < 10) throw new UsageError(`--max-evaluations must be at least 10, got ${m}`);
  if (search === "scale") {
    const extra = ["objective", "minimize", "target-at", "seed", "check-replications", "max-evaluations"].find((k) => o[k] !== undefined);
    if (extra) throw new UsageError(`--${extra} applies to the network search only, not --search scale`);
    return { search };
  }
  return { search, objective: objective ?? "target-fill", minimize, targetAt, seed: o.seed as number | string | undefined, checkReplications: c, maxEvaluations: m };
}

function oneOf<T extends string>(o: Parsed["options"], name: string, values: readonly T[]): T | undefined {
  const v = o[name];
  if (v === undefined) return undefined;
  if (!(values as readonly unknown[]).includes(v)) throw new UsageError(`--${name} must be one of ${values.join(", ")}, got "${String(v)}"`);
  return v as T;
}

export async function optimize(p: Parsed, io: Io, load: () => Scenario, write: (text: string) => void, workers: number): Promise<number> {
  try {
    return await optimizeFile(p, io, load, write, workers);
  } catch (e) {
    // Not a bug: GSM cannot plan this network (its items are not a spanning tree). Exit 1, as for input it refuses.
    if (!(e instanceof NotASpanningTreeError)) throw e;
    io.stderr.write(`${p.files[0]}: ${e.message}\n`);
    return 1;
  }
}

async function optimizeFile(p: Parsed, io: Io, load: () => Scenario, write: (text: string) => void, workers: number): Promise<number> {
  const cmd = optimizeOptions(p.options);
  const scenario = load();
  const analytic = () => optimizeScenario(scenario, { method: cmd.method as "gsm" | "single-echelon", ...cmd.target, leadTimeVariance: cmd.leadTimeVariance });
  if (cmd.method !== "simulation" && !cmd.verify) {
    write(`${JSON.stringify(analytic(), null, 2)}\n`);
    return 0;
  }
  const pool = createNodePool(workers);
  try {
    const seed = cmd.seed ?? scenario.seed;
    let result: OptimizationResult, verifyRun: RunSpec;
    if (cmd.method !== "simulation") {
      result = analytic();
      verifyRun = { seed, replications: cmd.checkReplications ?? scenario.replications };
    } else if (cmd.search !== "scale") {
      result = await network(scenario, cmd, seed, pool, io);
      verifyRun = result.simulation!.check!;
    } else {
      result = await scale(scenario, cmd, pool, io);
      verifyRun = { seed: checkSeedOf(seed), replications: scenario.replications };
    }
    if (cmd.verify) result = await verifyOnPool(pool, scenario, result, verifyRun, cmd.leadTimeVariance, io);
    write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    pool.dispose();
  }
}

function network(scenario: Scenario, cmd: OptimizeCommand, seed: number | string, pool: Pool, io: Io): Promise<OptimizationResult> {
  const objective = cmd.objective ?? "target-fill";
  return optimizeByNetworkSearch(scenario, {
    objective, target: cmd.target, leadTimeVariance: cmd.leadTimeVariance,
    ...(objective === "target-fill" ? { targetFill: cmd.targetFill ?? resolveTarget(cmd.target).serviceLevel, minimize: cmd.minimize, targetAt: cmd.targetAt } : {}),
    replications: cmd.replications ?? Math.min(scenario.replications, DEFAULT_NETWORK_REPLICATIONS),
    seed, checkSeed: checkSeedOf(seed), checkReplications: cmd.checkReplications ?? scenario.replications,
    maxEvaluations: cmd.maxEvaluations,
  }, pool, io);
}

/** The first version's search (`--search scale`): one factor on every GSM safety stock. */
async function scale(scenario: Scenario, cmd: OptimizeCommand, pool: Pool, io: Io): Promise<OptimizationResult> {
  const targetFill = cmd.targetFill ?? resolveTarget(cmd.target).serviceLevel;
  const replications = cmd.replications ?? Math.min(scenario.replications, DEFAULT_SEARCH_REPLICATIONS);
  const result = await optimizeBySimulation(scenario, {
    target: cmd.target, targetFill, replications, leadTimeVariance: cmd.leadTimeVariance,
    evaluate: async (s) => {
      const fill = (await runMonteCarlo(pool, s, { replications, spill: spillOption() })).network.fillRate;
      return fill ? { mean: fill.mean, ci95: fill.ci95 } : { mean: NaN, ci95: [NaN, NaN] };
    },
    onEvaluation: (k, f) => io.stderr.write(`echelon optimize: safety stock × ${k.toFixed(4)}: fill rate ${f.mean.toFixed(4)} [${f.ci95[0].toFixed(4)}, ${f.ci95[1].toFixed(4)}]\n`),
  });
  if (!result.simulation?.reached) io.stderr.write(`echelon optimize: the target fill rate ${targetFill} was not reached even with safety stocks × ${result.simulation?.safetyFactor}\n`);
  return result;
}
