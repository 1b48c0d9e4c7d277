/**
 * The campaign runner: cases dealt one at a time to a few child processes (child.ts), each case
 * under a timeout and a memory cap. A child that dies, runs past the timeout or over the memory
 * cap is killed and replaced, and the case it had is put in the column of what happened: a death
 * during validation is an uncaught error, during the run a crash.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { CATEGORIES, WORK_CAP, type CaseOutcome, type Category } from "./check-case.ts";
import type { CaseRequest, ChildMessage } from "./child.ts";
import { generateCase, loadLibrary, type Library } from "./generate.ts";

export interface CampaignOptions {
  readonly cases: number;
  readonly seed: number;
  /** First case number (cases from … from + cases − 1). */
  readonly from?: number;
  readonly workers?: number;
  /**
   * Per case, validation and run together, in CPU time of the case's process (read from /proc),
   * so that a machine loaded by other work does not turn slow cases into hangs; a case also
   * times out after 6× this in wall-clock time (a process blocked without using the CPU).
   */
  readonly timeoutMs?: number;
  /** A child whose resident memory passes this is killed (its case is a crash). */
  readonly rssCapMb?: number;
  /** --max-old-space-size of each child. */
  readonly heapMb?: number;
  /** Every k-th case, if accepted, also goes through `echelon run` (0: never). */
  readonly cliEvery?: number;
  /** Every k-th case, if accepted, asks for per-day series too (0: never). */
  readonly seriesEvery?: number;
  readonly workCap?: number;
  readonly onProgress?: (done: number, total: number, columns: Readonly<Record<Category, number>>) => void;
}

export interface Failure { readonly n: number; readonly base: string; readonly category: Category; readonly detail: string; readonly ops: readonly string[] }
export interface Timing { readonly n: number; readonly ms: number; readonly cpuMs: number; readonly base: string; readonly ops: readonly string[] }

export interface Report {
  readonly seed: number;
  readonly from: number;
  readonly cases: number;
  readonly workers: number;
  readonly timeoutMs: number;
  readonly rssCapMb: number;
  readonly workCap: number;
  readonly elapsedMs: number;
  readonly loadAverage: readonly number[];
  /** Cases with at least one finding of each kind: all must be 0. */
  readonly columns: Readonly<Record<Category, number>>;
  readonly info: {
    readonly textAccepted: number; readonly objectAccepted: number; readonly ran: number; readonly capped: number;
    readonly runRefused: number; readonly series: number; readonly cli: number; readonly restarts: number;
    /** Cases the campaign itself failed to generate (its own bug, not Echelon's). */
    readonly generatorErrors: number;
  };
  /** One entry per case and category, with the first detail. */
  readonly failures: readonly Failure[];
  readonly slowest: readonly Timing[];
}

interface Active { readonly n: number; phase: "validate" | "run"; readonly timer: NodeJS.Timeout; readonly started: number; readonly cpu0: number | undefined; ended: boolean }
interface Child { readonly proc: ChildProcess; ready: boolean; active?: Active; stderr: string }

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch { return 0; }
}

/** CPU time of a process, all threads, in ms (undefined without /proc). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;   // utime + stime, at 100 clock ticks per second
  } catch { return undefined; }
}

export function runCampaign(o: CampaignOptions): Promise<Report> {
  const from = o.from ?? 0, end = from + o.cases, workers = Math.max(1, o.workers ?? 2);
  const timeoutMs = o.timeoutMs ?? 10_000, rssCapMb = o.rssCapMb ?? 1_536, heapMb = o.heapMb ?? 768, workCap = o.workCap ?? WORK_CAP;
  const cliEvery = o.cliEvery ?? 50, seriesEvery = o.seriesEvery ?? 10;
  const t0 = performance.now();
  const columns = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const seen = new Set<string>(), failures: Failure[] = [], timings: Timing[] = [];
  const info = { textAccepted: 0, objectAccepted: 0, ran: 0, capped: 0, runRefused: 0, series: 0, cli: 0, restarts: 0, generatorErrors: 0 };
  const ops = new Map<number, { base: string; ops: readonly string[] }>();
  let next = from, done = 0, startFailures = 0, library: Library | undefined;
  /** A case's base and mutations: from its outcome, or regenerated when its process died first. */
  const describe = (n: number) => {
    let d = ops.get(n);
    if (d === undefined && n >= 0) {
      try {
        const c = generateCase((library ??= loadLibrary()), o.seed, n);
        d = { base: c.base, ops: c.ops };
      } catch (e) {
        d = { base: "?", ops: [`(generation failed: ${e instanceof Error ? e.message : String(e)})`] };
      }
      ops.set(n, d);
    }
    return d ?? { base: "?", ops: [] };
  };

  return new Promise<Report>((resolve, reject) => {
    const children = new Set<Child>();
    const record = (n: number, category: Category, detail: string) => {
      const key = `${n}:${category}`;
      if (seen.has(key)) return;
      seen.add(key);
      columns[category]++;
      failures.push({ n, ...describe(n), category, detail });
    };
    const finishCase = (child: Child) => {
      const a = child.active!;
      a.ended = true;
      clearTimeout(a.timer);
      child.active = undefined;
      done++;
      o.onProgress?.(done, o.cases, columns);
    };
    const kill = (child: Child, category: Category, detail: string) => {
      const a = child.active;
      if (a && !a.ended) {
        timings.push({ n: a.n, ms: Math.round(performance.now() - a.started), cpuMs: Math.round((cpuMsOf(child.proc.pid) ?? 0) - (a.cpu0 ?? 0)), ...describe(a.n) });
        record(a.n, category, detail);
        finishCase(child);
      }
      children.delete(child);
      child.proc.kill("SIGKILL");
      info.restarts++;
      maybeSpawn();
    };
    const dispatch = (child: Child) => {
      if (next >= end) {
        if (done === o.cases) finish();
        return;
      }
      const n = next++;
      const req: CaseRequest = { n, seed: o.seed, cli: cliEvery > 0 && n % cliEvery === 0, series: seriesEvery > 0 && n % seriesEvery === seriesEvery - 1, workCap };
      const cpu0 = cpuMsOf(child.proc.pid), wall = cpu0 === undefined ? timeoutMs : 6 * timeoutMs;
      const timer = setTimeout(() => kill(child, "hang", `no answer in ${wall} ms of wall-clock time (during ${child.active?.phase ?? "?"})`), wall);
      child.active = { n, phase: "validate", timer, started: performance.now(), cpu0, ended: false };
      child.proc.send(req);
    };
    const onOutcome = (child: Child, out: CaseOutcome) => {
      ops.set(out.n, { base: out.base, ops: out.ops });
      for (const f of out.findings) record(out.n, f.category, f.detail);
      timings.push({ n: out.n, ms: out.ms, cpuMs: out.cpuMs, base: out.base, ops: out.ops });
      if (timings.length > 50) { timings.sort((a, b) => b.cpuMs - a.cpuMs); timings.length = 10; }
      info.textAccepted += +out.textAccepted; info.objectAccepted += +out.objectAccepted; info.ran += +out.ran;
      info.generatorErrors += +(out.ops[0] ?? "").startsWith("(generation failed");
      info.capped += +out.capped; info.runRefused += +out.runRefused; info.series += +out.series; info.cli += +out.cli;
      if (child.active?.n === out.n) finishCase(child);
      dispatch(child);
    };
    const spawn = () => {
      const proc = fork(CHILD, [], { execArgv: ["--import", "tsx", `--max-old-space-size=${heapMb}`], stdio: ["ignore", "ignore", "pipe", "ipc"] });
      const child: Child = { proc, ready: false, stderr: "" };
      children.add(child);
      proc.stderr!.on("data", (d: Buffer) => { child.stderr = (child.stderr + d.toString()).slice(-4_000); });
      proc.on("message", (m: ChildMessage) => {
        if (m.type === "ready") { child.ready = true; startFailures = 0; dispatch(child); }
        else if (m.type === "phase" && child.active?.n === m.n) child.active.phase = m.phase;
        else if (m.type === "uncaught") record(m.n, "uncaught", `uncaught in the process: ${m.detail}`);
        else if (m.type === "outcome") onOutcome(child, m.outcome);
      });
      proc.on("exit", (code, signal) => {
        if (!children.has(child)) return;   // killed on purpose
        children.delete(child);
        if (!child.ready && ++startFailures > 3) { reject(new Error(`the fuzz worker process does not start:\n${child.stderr}`)); return; }
        const a = child.active;
        if (a && !a.ended) {
          const why = /heap out of memory|Reached heap limit/.test(child.stderr) ? "out of memory" : `exit ${code ?? signal}`;
          const last = child.stderr.trim().split("\n").filter((l) => !/^\s*\d+: 0x/.test(l)).slice(-2).join(" ").slice(0, 200);
          timings.push({ n: a.n, ms: Math.round(performance.now() - a.started), cpuMs: Math.round((cpuMsOf(child.proc.pid) ?? 0) - (a.cpu0 ?? 0)), ...describe(a.n) });
          record(a.n, a.phase === "run" ? "crash" : "uncaught", `the process died during ${a.phase === "run" ? "the run" : "validation"} (${why}): ${last}`);
          finishCase(child);
        }
        info.restarts++;
        maybeSpawn();
      });
    };
    const maybeSpawn = () => {
      if (next < end && children.size < workers) spawn();
      else if (done === o.cases) finish();
    };
    const memory = setInterval(() => {
      for (const child of children) {
        const a = child.active, mb = rssMb(child.proc.pid), cpu = a?.cpu0 === undefined ? undefined : cpuMsOf(child.proc.pid);
        if (a && cpu !== undefined && cpu - a.cpu0! > timeoutMs) kill(child, "hang", `used ${Math.round((cpu - a.cpu0!) / 1000)} s of CPU without an answer (during ${a.phase === "run" ? "the run" : "validation"})`);
        else if (a && mb > rssCapMb) kill(child, a.phase === "run" ? "crash" : "uncaught", `resident memory ${Math.round(mb)} MB passed the cap of ${rssCapMb} MB during ${a.phase === "run" ? "the run" : "validation"}`);
      }
    }, 200);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(memory);
      for (const child of children) child.proc.disconnect();
      children.clear();
      timings.sort((a, b) => b.cpuMs - a.cpuMs);
      failures.sort((a, b) => a.n - b.n || a.category.localeCompare(b.category));
      resolve({
        seed: o.seed, from, cases: o.cases, workers, timeoutMs, rssCapMb, workCap, elapsedMs: Math.round(performance.now() - t0),
        loadAverage: loadavg().map((x) => Math.round(x * 100) / 100), columns, info, failures,
        slowest: timings.slice(0, 10).map((t) => ({ ...t, ops: t.ops })),
      });
    };
    for (let i = 0; i < Math.min(workers, o.cases); i++) spawn();
    if (o.cases <= 0) finish();
  });
}
