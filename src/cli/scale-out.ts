/**
 * The CLI side of running beyond one machine (docs/scale-out.md): `echelon run|compare|impact
 * --shard`, `echelon merge` and `echelon plan`. The work is in shard.ts, merge.ts and plan.ts.
 */
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Scenario } from "../sim/model/scenario.ts";
import { impactScenarios, mitigationNames } from "../sim/montecarlo/impact.ts";
import { impactToCsv } from "../sim/stats/impact-csv.ts";
import { formatIssue } from "../sim/validate/index.ts";
import { prepareScenario, ScenarioError } from "../workers/monte-carlo.ts";
import { createNodePool } from "../workers/node-worker.ts";
import { UsageError, type Parsed } from "./args.ts";
import { resultToCsv } from "./csv.ts";
import { impactIssue, impactSummary } from "./impact.ts";
import { frontierDocument, frontierOptions, pointLine, resultLines } from "./frontier.ts";
import { MergeError, mergeParts, openParts, type NamedPart } from "./merge.ts";
import type { PartKind } from "./partial.ts";
import { localEchelon, plan } from "./plan.ts";
import { createProgressBar } from "./progress.ts";
import { checkProductPlan } from "./product-shard.ts";
import { copyToStdout } from "./copy-to-stdout.ts";
import { isRunSizeIssue, parseShard, runShard, shardFromEnv, shardRange, type Shard, type ShardJob } from "./shard.ts";

export interface Context {
  readonly io: { stdout: { write(s: string | Uint8Array): unknown; once?(event: "drain", f: () => void): unknown }; stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number } };
  readonly load: () => Scenario;
  /** Loads the scenario file at this index among the command's files. */
  readonly loadFile?: (index: number) => Scenario;
  readonly output: (text: string) => void;
  readonly workers: number;
  readonly inputError: (lines: string[]) => Error;
  readonly version: string;
}

/** Whether `echelon run`, `compare` or `impact` was asked for a shard. */
export const isShardRun = (p: Parsed) => p.options.shard !== undefined || p.options["shard-from-env"] !== undefined;

const overridesOf = (o: Parsed["options"]) => ({
  replications: o.replications as number | undefined, seed: o.seed as number | string | undefined,
  horizon: o.horizon as number | undefined, warmup: o.warmup as number | undefined,
});

/**
 * A run's scenario as the whole command prepares it; but when the only objections are the work
 * and KPI-value limits, which bound one machine's share (a shard simulates its block and keeps none
 * of its values: the merge reads them from the parts), it is validated with the shard's own
 * replications instead, and runs with the total. Every other rule still applies to the whole run.
 */
function prepareShard(scenario: Scenario, o: ReturnType<typeof overridesOf>, shard: Shard): Scenario {
  try {
    return prepareScenario(scenario, o);
  } catch (e) {
    if (!(e instanceof ScenarioError) || !e.issues.every(isRunSizeIssue)) throw e;
    const total = o.replications ?? scenario.replications, { from, to } = shardRange(total, shard);
    return { ...prepareScenario(scenario, { ...o, replications: Math.max(1, to - from) }), replications: total };
  }
}

/** The runs a command shards, prepared exactly as the whole command prepares them (src/sim/montecarlo/monte-carlo.ts). */
function jobOf(kind: PartKind, p: Parsed, c: Context, shard: Shard): ShardJob {
  const o = overridesOf(p.options), prepareScenario = (s: Scenario, x: ReturnType<typeof overridesOf>) => prepareShard(s, x, shard);
  if (kind === "compare") {
    const a = c.loadFile!(0), b = c.loadFile!(1);
    const shared = { ...o, seed: o.seed ?? a.seed, replications: o.replications ?? a.replications };
    const sa = prepareScenario(a, shared), sb = prepareScenario(b, shared);
    return { kind, main: sa, runs: [{ name: sa.name, scenario: sa }, { name: sb.name, scenario: sb }] };
  }
  const scenario = c.load();
  if (kind === "run") {
    const s = prepareScenario(scenario, o);
    return { kind, main: s, runs: [{ name: s.name, scenario: s }] };
  }
  const issue = impactIssue(scenario);
  if (issue) throw c.inputError([`${p.files[0]}: ${formatIssue(issue)}`]);
  const v = impactScenarios(scenario);
  const runs = ([["baseline", v.baseline], ["disrupted", v.disrupted], ["unmitigated", v.unmitigated]] as const)
    .flatMap(([name, s]) => (s ? [{ name, scenario: prepareScenario(s, o) }] : []));
  return { kind, main: runs[1].scenario, runs, impact: { disruptions: scenario.disruptions?.length ?? 0, mitigations: mitigationNames(scenario) } };
}

/** `echelon run|compare|impact … --shard K/N | --shard-from-env N`: writes an echelon-partial@1. */
export async function shardCommand(kind: PartKind, p: Parsed, c: Context): Promise<number> {
  const o = p.options;
  if (o.shard !== undefined && o["shard-from-env"] !== undefined) throw new UsageError("--shard and --shard-from-env cannot be used together");
  if (o.format === "csv" || o["replication-values"]) throw new UsageError("a shard writes an echelon-partial@1; give --format and --replication-values to echelon merge");
  if (o["stock-breakdown"]) throw new UsageError(`a shard writes an echelon-partial@1; --stock-breakdown needs the whole run (echelon ${kind} without --shard)`);
  const shard = o.shard !== undefined ? parseShard(String(o.shard)) : shardFromEnv(o["shard-from-env"] as number);
  const job = jobOf(kind, p, c, shard);
  const out = o.out as string | undefined;
  // Written under a temporary name and renamed (a reader never sees half a part); to standard output, copied from a temporary file.
  const tmp = out === undefined ? join(mkdtempSync(join(tmpdir(), "echelon-part-")), "part") : `${out}.${process.pid}.tmp`;
  const pool = createNodePool(c.workers);
  const bar = createProgressBar(c.io.stderr, `shard ${shard.index}/${shard.count}`);
  try {
    let m;
    try {
      m = await runShard(pool, job, shard, { series: o.series === true, engineVersion: c.version, onProgress: (x) => bar.update(x) }, tmp);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code && out !== undefined) throw c.inputError([`--out ${out}: cannot write the file (${(e as Error).message})`]);
      throw e;
    }
    bar.clear();
    if (out === undefined) await copyToStdout(tmp, c.io);
    else {
      try { renameSync(tmp, out); } catch (e) { throw c.inputError([`--out ${out}: cannot write the file (${(e as Error).message})`]); }
    }
    const block = m.to > m.from ? `replications ${m.from}–${m.to - 1} of ${m.replications}` : `no replications (an empty block: ${shard.count} shards of ${m.replications})`;
    c.io.stderr.write(`echelon: shard ${shard.index}/${shard.count}: ${block}${kind === "run" ? "" : ` × ${job.runs.length} runs`} of "${m.scenario}" in ${(m.elapsedMs / 1000).toFixed(2)} s\n`);
    return 0;
  } finally {
    bar.clear();
    pool.dispose();
    rmSync(out === undefined ? dirname(tmp) : tmp, { recursive: true, force: true });
  }
}


/** `echelon merge PARTS… [--out FILE]`: the document of the whole run, comparison or impact report. */
export async function mergeCommand(p: Parsed, c: Context): Promise<number> {
  let parts: NamedPart[] = [];
  try {
    parts = openParts(p.files);
    const say = (s: string) => c.io.stderr.write(`echelon frontier: ${s}\n`);
    const merged = await mergeParts(parts, { onPoint: (curve, point) => say(pointLine(curve, point)) });
    const csv = p.options.format === "csv";
    if (merged.kind === "frontier") {
      for (const line of resultLines(merged.frontier)) say(line);
      c.output(frontierDocument(merged.frontier, csv));
      c.io.stderr.write(`echelon: merged ${parts.length} part${parts.length > 1 ? "s" : ""}: the trade-off curve of "${merged.frontier.scenario}" (${merged.frontier.evaluations.total} evaluations)\n`);
      return 0;
    }
    if (merged.kind === "compare") {
      if (csv) c.io.stderr.write("echelon: a comparison is written in JSON only (as echelon compare writes it)\n");
      c.output(`${JSON.stringify(merged.comparison, null, 2)}\n`);
    } else if (merged.kind === "impact") {
      c.output(csv ? impactToCsv(merged.impact) : `${JSON.stringify(merged.impact, null, 2)}\n`);
      c.io.stderr.write(impactSummary(merged.impact));
    } else {
      const result = merged.result;
      if (csv) {
        if (result.series) c.io.stderr.write("echelon: --series is not written in CSV format; use --format json for the series\n");
        c.output(resultToCsv(result));
      } else {
        const { replicationValues: _values, ...summary } = result;
        c.output(`${JSON.stringify(p.options["replication-values"] ? result : summary, null, 2)}\n`);
      }
    }
    const m = parts[0].header.manifest;
    c.io.stderr.write(`echelon: merged ${parts.length} part${parts.length > 1 ? "s" : ""}: ${m.replications} replications of "${m.scenario}"\n`);
    return 0;
  } catch (e) {
    if (e instanceof MergeError) throw c.inputError(e.lines);
    throw e;
  } finally {
    for (const part of parts) part.reader.close();
  }
}

/** Plan options only shards of `echelon run` take, and those only shards of `echelon frontier` take. */
const RUN_ONLY = ["horizon", "warmup", "series", "product-shards"] as const;
const FRONTIER_ONLY = ["points", "targets", "headline", "search-replications", "max-evaluations", "minimize", "textbook"] as const;

/** `echelon plan slurm|kubernetes FILE --shards N [--frontier]`. */
export function planCommand(p: Parsed, c: Context): number {
  const o = p.options;
  if (o.shards === undefined) throw new UsageError("--shards N is required: the number of shards");
  const scenario = c.load(); // a plan for a file that does not validate would only fail on the cluster
  const frontier = o.frontier === true, stray = (frontier ? RUN_ONLY : FRONTIER_ONLY).find((k) => o[k] !== undefined);
  if (stray) throw new UsageError(frontier ? `--${stray} is not an option of echelon frontier; leave it out with --frontier` : `--${stray} is an option of the trade-off curve: add --frontier`);
  if (frontier) frontierOptions(o); // the curve's options, checked here rather than on every node
  if (o["product-shards"] !== undefined) checkProductPlan(scenario, o.shards as number, o["product-shards"] as number, c.inputError);
  const runArgs = [
    ...(["replications", "seed", "horizon", "warmup", "workers", "product-shards", ...FRONTIER_ONLY] as const).flatMap((k) => (o[k] === undefined || o[k] === true ? [] : [`--${k}`, String(o[k])])),
    ...(o.series ? ["--series"] : []), ...(o.textbook ? ["--textbook"] : []),
  ];
  c.output(plan(p.files[0], {
    file: p.files[1], shards: o.shards as number, runArgs, command: frontier ? "frontier" : "run", partsDir: (o["parts-dir"] as string | undefined) ?? "echelon-parts",
    image: (o.image as string | undefined) ?? "echelon:latest", echelon: localEchelon(),
  }));
  return 0;
}
