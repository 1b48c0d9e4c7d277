/**
 * The `echelon` command line (shared/spec/cli.md, docs/cli.md). `main` returns the exit status:
 * 0 success, 1 invalid input, 2 usage error, 3 internal error. bin/echelon.mjs calls it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { availableParallelism } from "node:os";
import type { Scenario } from "../sim/model/scenario.ts";
import { formatIssue, parseScenarioJson } from "../sim/validate/index.ts";
import { ScenarioError, compareMonteCarlo, runMonteCarlo } from "../workers/monte-carlo.ts";
import { createNodePool } from "../workers/node-worker.ts";
import { isOutOfMemory, outOfMemoryMessage } from "../workers/failure.ts";
import { parseArgs, UsageError, type Parsed } from "./args.ts";
import { resultToCsv } from "./csv.ts";
import { helpFor } from "./help.ts";
import { frontier } from "./frontier.ts";
import { frontierShardCommand } from "./frontier-shard.ts";
import { impact } from "./impact.ts";
import { optimize } from "./optimize.ts";
import { createProgressBar } from "./progress.ts";
import { FileReadError, readScenarioFile } from "./read-file.ts";
import { spillFailure, spillOption } from "./value-file.ts";
import { isShardRun, mergeCommand, planCommand, shardCommand } from "./scale-out.ts";
import { hasProductParts, isProductRun, productMergeCommand, productShardCommand } from "./product-shard.ts";

export interface Io {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

/** Invalid input: exit 1, one line per problem. */
class InputError extends Error {
  constructor(readonly lines: string[]) { super(lines.join("\n")); }
}

export const VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

export async function main(argv: readonly string[], io: Io = process): Promise<number> {
  const err = (s: string) => io.stderr.write(s.endsWith("\n") ? s : `${s}\n`);
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`echelon: ${e.message}\nRun "echelon --help" for usage.`);
    return 2;
  }
  if (parsed.help) { io.stdout.write(helpFor(parsed.command)); return 0; }
  if (parsed.version) { io.stdout.write(`echelon ${VERSION}\n`); return 0; }
  try {
    switch (parsed.command) {
      case "validate": return validate(parsed, io);
      case "run": return await run(parsed, io);
      case "compare": return isShardRun(parsed) ? await shardCommand("compare", parsed, scaleOut(parsed, io, 0)) : await compare(parsed, io);
      case "impact": return isShardRun(parsed) ? await shardCommand("impact", parsed, scaleOut(parsed, io, 0)) : await impact(parsed, io, () => load(parsed.files[0]), (t) => output(parsed, io, t), workersOf(parsed), (lines) => new InputError(lines));
      case "frontier": return isShardRun(parsed) ? await frontierShardCommand(parsed, scaleOut(parsed, io, 0)) : await frontier(parsed, io, () => load(parsed.files[0]), (t) => output(parsed, io, t), workersOf(parsed));
      case "optimize": return await optimize(parsed, io, () => load(parsed.files[0]), (t) => output(parsed, io, t), workersOf(parsed));
      case "merge": return await (hasProductParts(parsed.files) ? productMergeCommand : mergeCommand)(parsed, scaleOut(parsed, io, 0));
      case "plan": return planCommand(parsed, scaleOut(parsed, io, 1));
      default:
        io.stdout.write(helpFor(null));
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) { err(`echelon: ${e.message}\nRun "echelon ${parsed.command} --help" for usage.`); return 2; }
    if (e instanceof InputError) { err(e.message); return 1; }
    if (e instanceof ScenarioError) { err(e.issues.map((i) => `invalid run option: ${formatIssue(i)}`).join("\n")); return 1; }
    // Not a bug: the run is too large for this machine. Exit 1, as for input that cannot run.
    if (isOutOfMemory(e)) {
      err(`echelon: ${outOfMemoryMessage(e)}\nLess memory: a smaller --replications, no --series, or fewer --workers (each worker thread holds its own heap).`);
      return 1;
    }
    // Nor is a full disk under the temporary file of KPI values (value-file.ts).
    const spill = spillFailure(e);
    if (spill) { err(`echelon: ${spill.message}`); return 1; }
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    err(`echelon: internal error (this is a bug in echelon; please report it with the command you ran):\n${detail}`);
    return 3;
  }
}

/** Reads and validates a scenario file: the scenario, or every problem with its JSON path. */
function check(file: string): { ok: true; scenario: Scenario } | { ok: false; errors: { path: string; message: string }[] } {
  let text: string;
  try {
    text = readScenarioFile(file);
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    return { ok: false, errors: [{ path: "", message: `cannot read the file (${e.message})` }] };
  }
  return parseScenarioJson(text);
}

function load(file: string): Scenario {
  const v = check(file);
  if (!v.ok) throw new InputError(v.errors.map((i) => `${file}: ${formatIssue(i)}`));
  return v.scenario;
}

function validate(p: Parsed, io: Io): number {
  const file = p.files[0], v = check(file);
  const errors = v.ok ? [] : v.errors;
  if (p.options.json) io.stdout.write(`${JSON.stringify(v.ok ? { valid: true } : { valid: false, errors }, null, 2)}\n`);
  else if (!v.ok) io.stderr.write(`${errors.map((i) => `${file}: ${formatIssue(i)}`).join("\n")}\n${file}: ${errors.length} problem${errors.length > 1 ? "s" : ""}\n`);
  else io.stdout.write(`${file}: valid\n`);
  return v.ok ? 0 : 1;
}

const workersOf = (p: Parsed) => (p.options.workers as number | undefined) ?? Math.min(8, Math.max(1, availableParallelism()));

function overrides(p: Parsed) {
  const o = p.options;
  return {
    replications: o.replications as number | undefined,
    seed: o.seed as number | string | undefined,
    horizon: o.horizon as number | undefined,
    warmup: o.warmup as number | undefined,
  };
}

function output(p: Parsed, io: Io, text: string) {
  const out = p.options.out as string | undefined;
  if (out === undefined) { io.stdout.write(text); return; }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new InputError([`--out ${out}: cannot write the file (${(e as Error).message})`]);
  }
}

/** What scale-out.ts needs from here; `file` is the index of the scenario among the files. */
const scaleOut = (p: Parsed, io: Io, file: number) =>
  ({ io, load: () => load(p.files[file]), loadFile: (i: number) => load(p.files[i]), output: (t: string) => output(p, io, t), workers: workersOf(p), inputError: (lines: string[]) => new InputError(lines), version: VERSION });

async function run(p: Parsed, io: Io): Promise<number> {
  if (isProductRun(p)) return productShardCommand(p, scaleOut(p, io, 0));
  if (isShardRun(p)) return shardCommand("run", p, scaleOut(p, io, 0));
  const scenario = load(p.files[0]);
  const pool = createNodePool(workersOf(p));
  const bar = createProgressBar(io.stderr, "run");
  try {
    const result = await runMonteCarlo(pool, scenario, { ...overrides(p), series: p.options.series === true, spill: spillOption(), onProgress: (x) => bar.update(x) });
    bar.clear();
    if (p.options.format === "csv") {
      if (result.series) io.stderr.write("echelon: --series is not written in CSV format; use --format json for the series\n");
      if (p.options["replication-values"]) io.stderr.write("echelon: --replication-values is not written in CSV format; use --format json for them\n");
      if (p.options["stock-breakdown"]) io.stderr.write("echelon: --stock-breakdown is not written in CSV format; use --format json for it\n");
      output(p, io, resultToCsv(result));
    } else {
      // Per-replication values and the stock breakdown are opt-in extensions of echelon-result@1 (docs/cli.md).
      const optIn = new Map<string, unknown>([["replicationValues", p.options["replication-values"]], ["stockBreakdown", p.options["stock-breakdown"]]]);
      const doc = Object.fromEntries(Object.entries(result).filter(([key]) => !optIn.has(key) || optIn.get(key) === true));
      output(p, io, `${JSON.stringify(doc, null, 2)}\n`);
    }
    io.stderr.write(`echelon: ${result.replications} replications of "${result.scenario}" in ${(result.elapsedMs / 1000).toFixed(2)} s on ${result.workers} worker${result.workers > 1 ? "s" : ""}\n`);
    return 0;
  } finally {
    bar.clear();
    pool.dispose();
  }
}

async function compare(p: Parsed, io: Io): Promise<number> {
  const a = load(p.files[0]), b = load(p.files[1]);
  const pool = createNodePool(workersOf(p));
  const bar = createProgressBar(io.stderr, "compare");
  try {
    const { comparison, a: ra, b: rb } = await compareMonteCarlo(pool, a, b, { ...overrides(p), spill: spillOption(), onProgress: (x) => bar.update(x) });
    bar.clear();
    // An opt-in extension of echelon-comparison@1 (docs/cli.md): each plan's stock breakdown.
    const doc = p.options["stock-breakdown"] ? { ...comparison, stockBreakdown: { a: ra.stockBreakdown, b: rb.stockBreakdown } } : comparison;
    output(p, io, `${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  } finally {
    bar.clear();
    pool.dispose();
  }
}

// Run as a script too (`npx tsx src/cli/main.ts impact FILE`), not only through bin/echelon.mjs,
// which imports this module: without this the script would exit 0 having printed nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = await main(process.argv.slice(2));
