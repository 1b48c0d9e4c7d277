/**
 * One case, checked: validate the text (parseScenarioJson, the CLI's path) and the object
 * (validateScenario, a JavaScript caller's path); run an accepted scenario for two replications
 * through runMonteCarlo and the result builder (the CLI's path, with an in-process pool), and
 * sometimes through the CLI itself; then look for what must never happen.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { resultToCsv } from "../../src/cli/csv.ts";
import * as engine from "../../src/sim/engine/index.ts";
import type { Scenario } from "../../src/sim/model/scenario.ts";
import { parseScenarioJson, validateScenario, type ValidationResult } from "../../src/sim/validate/index.ts";
import { runMonteCarlo, ScenarioError } from "../../src/workers/monte-carlo.ts";
import { createPool, type Pool } from "../../src/workers/pool.ts";
import { createSimApi } from "../../src/workers/sim-api.ts";
import type { FuzzCase } from "./generate.ts";
import { isObj } from "./json-ops.ts";
import { nonFiniteStats } from "./kpi-rules.ts";
import { prototypeChanges, restorePrototypes, type Snapshot } from "./prototypes.ts";

/** The columns of the table: each must be 0. */
export const CATEGORIES = ["uncaught", "pathless", "longMessage", "crash", "hang", "nonFinite", "incomplete", "prototype"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Finding { readonly category: Category; readonly detail: string }

export interface CaseOutcome {
  readonly n: number;
  readonly base: string;
  readonly ops: readonly string[];
  readonly ms: number;
  /** CPU time of this process (all its threads) over the case. */
  readonly cpuMs: number;
  readonly textAccepted: boolean;
  readonly objectAccepted: boolean;
  /** Ran through runMonteCarlo (and how: horizon capped, series, CLI too). */
  readonly ran: boolean;
  readonly capped: boolean;
  /** Refused by the run's own checks (ScenarioError: an override or the series size). */
  readonly runRefused: boolean;
  readonly series: boolean;
  readonly cli: boolean;
  readonly findings: Finding[];
}

export interface CaseOptions {
  /** Also run it through the CLI's `main` (worker thread and all). */
  readonly cli?: boolean;
  /** Ask for per-day series too. */
  readonly series?: boolean;
  /** The work allowed for a run: replications × horizon × stocked items; the horizon is cut to fit. */
  readonly workCap?: number;
  /** Called as the case moves from validation to the run (for attributing a crash or hang). */
  readonly onPhase?: (phase: "validate" | "run") => void;
  readonly verbose?: (line: string) => void;
}

export const REPLICATIONS = 2;
/** A message longer than this quotes a value whole (issue 8, part 4). */
export const LONG_MESSAGE = 1_000;
export const WORK_CAP = 2e7;

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
const firstLine = (e: unknown) => clip(e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split("\n")[0];

/** The engine behind the pool interface, in this process (node.worker.ts without the thread). */
function inProcessPool(): Pool {
  return createPool(1, () => {
    const api = createSimApi(engine);
    return {
      api: {
        load: async (id, s) => api.load(id, s),
        runBatch: async (id, req) => api.runBatch(id, req),
        runReduced: async (id, run, req) => api.runReduced(id, run, req),
        takeSeries: async (run) => api.takeSeries(run),
        seriesBands: async (run, others) => api.seriesBands(run, others),
        trace: async (id, rep) => api.trace(id, rep),
      },
      failed: new Promise<never>(() => undefined),
      terminate() {},
    };
  });
}

/** The document the text holds, if it is JSON (BOM allowed, as parseScenarioJson allows it). */
function parsedRoot(text: string): unknown {
  try { return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); } catch { return undefined; }
}

function checkValidation(label: string, v: ValidationResult, rootIsObject: boolean, findings: Finding[], log?: (l: string) => void): void {
  if (!v || typeof v !== "object" || typeof v.ok !== "boolean") { findings.push({ category: "uncaught", detail: `${label} returned ${clip(String(v))}` }); return; }
  if (v.ok) return;
  if (!Array.isArray(v.errors) || v.errors.length === 0) { findings.push({ category: "pathless", detail: `${label}: refused with no errors` }); return; }
  let pathless = 0, long = 0, longest = 0;
  for (const e of v.errors) {
    const message = typeof e.message === "string" ? e.message : "";
    if (message.startsWith("could not be checked")) findings.push({ category: "uncaught", detail: `${label}: ${clip(message)}` });
    else if (typeof e.path !== "string" || (e.path === "" && rootIsObject) || message === "") {
      pathless++;
      if (pathless === 1) findings.push({ category: "pathless", detail: `${label}: ${clip(JSON.stringify(e.path) + " " + message, 160)}` });
    }
    if (message.length + String(e.path).length > LONG_MESSAGE) { long++; longest = Math.max(longest, message.length + String(e.path).length); }
  }
  if (long > 0) findings.push({ category: "longMessage", detail: `${label}: ${long} message(s), the longest ${longest} characters` });
  log?.(`${label}: ${v.errors.length} error(s)`);
  for (const e of v.errors.slice(0, 12)) log?.(`  ${clip(String(e.path), 80)}: ${clip(String(e.message), 200)}`);
}

function validate(c: FuzzCase, findings: Finding[], log?: (l: string) => void) {
  let text: ValidationResult | undefined, object: ValidationResult | undefined;
  try {
    text = parseScenarioJson(c.text);
    const root = parsedRoot(c.text);
    checkValidation("parseScenarioJson", text, isObj(root) && c.text.length <= 20_000_000, findings, log);
  } catch (e) { findings.push({ category: "uncaught", detail: `parseScenarioJson threw ${firstLine(e)}` }); }
  try {
    object = validateScenario(c.doc);
    checkValidation("validateScenario", object, isObj(c.doc), findings, log);
  } catch (e) { findings.push({ category: "uncaught", detail: `validateScenario threw ${firstLine(e)}` }); }
  return { text: text?.ok === true ? text.scenario : undefined, object: object?.ok === true ? object.scenario : undefined };
}

/** Stocked (node, product) pairs, roughly: stocking nodes × products. */
function items(s: Scenario): number {
  return s.nodes.filter((n) => n.kind !== "supplier").length * Math.max(1, s.products?.length ?? 1);
}

/** The horizon (and warm-up) that keep a two-replication run within `cap`, if the scenario's do not. */
export function cappedHorizon(s: Scenario, cap: number): { horizon: number; warmup: number } | undefined {
  if (REPLICATIONS * s.horizon * items(s) <= cap) return undefined;
  const horizon = Math.max(2, Math.floor(cap / (REPLICATIONS * items(s))));
  return { horizon, warmup: Math.min(s.warmup, Math.floor(horizon / 2)) };
}

function incompleteResult(s: Scenario, r: { nodes: object; products: object }): string[] {
  const out: string[] = [];
  for (const n of s.nodes) if (n.kind !== "supplier" && !Object.prototype.hasOwnProperty.call(r.nodes, n.id)) out.push(`node ${clip(JSON.stringify(n.id), 40)} missing from the result`);
  for (const p of s.products ?? []) if (!Object.prototype.hasOwnProperty.call(r.products, p.id)) out.push(`product ${clip(JSON.stringify(p.id), 40)} missing from the result`);
  return out;
}

async function runScenario(s: Scenario, o: CaseOptions, findings: Finding[], log?: (l: string) => void) {
  const cap = cappedHorizon(s, o.workCap ?? WORK_CAP);
  const pool = inProcessPool();
  try {
    const r = await runMonteCarlo(pool, s, { replications: REPLICATIONS, series: o.series, ...cap });
    for (const line of nonFiniteStats(r)) findings.push({ category: "nonFinite", detail: line });
    for (const line of incompleteResult(s, r)) findings.push({ category: "incomplete", detail: line });
    JSON.stringify(r);
    resultToCsv(r);
    log?.(`run: ${r.replications} replications × ${r.horizon} days; network totalCost ${r.network.totalCost?.mean}, fillRate ${r.network.fillRate?.mean}`);
    return { capped: cap !== undefined, runRefused: false };
  } catch (e) {
    // The run's own checks (an override that breaks a rule, a series too large) refuse with paths.
    if (e instanceof ScenarioError) {
      checkValidation("runMonteCarlo", { ok: false, errors: e.issues }, true, findings, log);
      return { capped: cap !== undefined, runRefused: true };
    }
    findings.push({ category: "crash", detail: `runMonteCarlo: ${firstLine(e)}` });
    log?.(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return { capped: cap !== undefined, runRefused: false };
  } finally {
    pool.dispose();
  }
}

/** The same text through `echelon run` (a worker thread, the CSV writer, exit codes). */
async function runCli(c: FuzzCase, s: Scenario, o: CaseOptions, findings: Finding[], log?: (l: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "echelon-fuzz-"));
  try {
    const file = join(dir, "case.json");
    writeFileSync(file, c.text);
    const cap = cappedHorizon(s, o.workCap ?? WORK_CAP);
    const args = ["run", file, "--replications", String(REPLICATIONS), "--workers", "1", "--format", "csv", "--out", join(dir, "out.csv"),
      ...(cap ? ["--horizon", String(cap.horizon), "--warmup", String(cap.warmup)] : [])];
    let stderr = "";
    const code = await main(args, { stdout: { write: () => true }, stderr: { write: (t: string) => { stderr += t; return true; } } });
    log?.(`cli: echelon ${args.join(" ")} -> exit ${code}`);
    if (code === 3 || (code !== 0 && cap === undefined)) findings.push({ category: "crash", detail: `echelon run exit ${code}: ${clip(stderr.split("\n").slice(0, 2).join(" "))}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates and (if accepted) runs case `c`; `baseline` is the prototype snapshot to compare with. */
export async function checkCase(c: FuzzCase, baseline: Snapshot, o: CaseOptions = {}): Promise<CaseOutcome> {
  const t0 = performance.now(), cpu0 = process.cpuUsage(), findings: Finding[] = [], log = o.verbose;
  o.onPhase?.("validate");
  const accepted = validate(c, findings, log);
  const scenario = accepted.text ?? accepted.object;
  let ran = false, capped = false, runRefused = false;
  if (scenario !== undefined && !findings.some((f) => f.category === "uncaught")) {
    o.onPhase?.("run");
    ran = true;
    ({ capped, runRefused } = await runScenario(scenario, o, findings, log));
    if (o.cli && accepted.text !== undefined && !runRefused) await runCli(c, accepted.text, o, findings, log);
  }
  const changes = prototypeChanges(baseline);
  if (changes.length > 0) {
    findings.push({ category: "prototype", detail: `${changes.length} change(s): ${clip(changes.join("; "), 240)}` });
    restorePrototypes(baseline);
  }
  return {
    n: c.n, base: c.base, ops: c.ops, ms: Math.round(performance.now() - t0), cpuMs: Math.round((({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu0))),
    textAccepted: accepted.text !== undefined, objectAccepted: accepted.object !== undefined,
    ran, capped, runRefused, series: ran && o.series === true, cli: ran && o.cli === true && accepted.text !== undefined, findings,
  };
}
