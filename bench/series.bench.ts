// What per-day series cost: 10,000 replications of the retail network with and without `series`,
// through the CLI (`echelon run`, a child process, as a user runs it) and through the browser
// client's code path (client.ts with its time slicer and budgets, on Node worker threads: the
// same core the page runs; the page's own figure comes from test/e2e/big-run.e2e.ts). Prints each
// wall time and CPU time (all threads), the ratio with/without (target ≤ 1.25) and the load average beside them. Runs
// alternate (without, with, without, with …) so a change in the machine's load hits both.
//
//   npx tsx bench/series.bench.ts [replications=10000] [workers=2] [repeats=2]
//   npx tsx bench/series.bench.ts cpu [chunks=40]
//
// `cpu` measures one thread's CPU time (process.cpuUsage, so a busy machine's waits do not count)
// per replication, a worker's chunk of 50 at a time, alternating: the engine without series; the
// engine writing them; the worker counting them (series-accumulator.ts). Prints median and lowest.
import { execFileSync } from "node:child_process";
import { cpuUsage } from "node:process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { runBatch, seriesLayout } from "../src/sim/engine/index.ts";
import { createSeriesAccumulator } from "../src/sim/montecarlo/series-accumulator.ts";
import { parseScenarioJson } from "../src/sim/validate/index.ts";
import { createClientOnPool } from "../src/workers/client.ts";
import { createNodePool } from "../src/workers/node-worker.ts";

const file = new URL("../scenarios/retail-3-echelon.json", import.meta.url);
const v = parseScenarioJson(readFileSync(file, "utf8"));
if (!v.ok) throw new Error("retail scenario is invalid");
const scenario = v.scenario;

/** CPU milliseconds this process has used. */
const cpuMs = () => { const u = cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Per replication CPU time of the engine with and without series and of counting them, in this thread. */
function cpuBench(chunks: number, chunk = 50) {
  const acc = createSeriesAccumulator(seriesLayout(scenario).cells), loads: number[] = [];
  const t = { without: [] as number[], with: [] as number[], counting: [] as number[] };
  for (let i = 0; i < chunks; i++) {
    const from = i * chunk;
    loads.push(loadavg()[0]);
    let t0 = cpuMs();
    runBatch(scenario, { from, to: from + chunk });
    t.without.push((cpuMs() - t0) / chunk);
    t0 = cpuMs();
    // As a worker does (sim-api.ts runReduced): the engine writes into the counter's buffer, counted in place.
    const { series } = runBatch(scenario, { from, to: from + chunk, series: true }, acc.rowsFor(chunk));
    const t1 = cpuMs();
    acc.add(series!, from, chunk);
    t.with.push((t1 - t0) / chunk);
    t.counting.push((cpuMs() - t1) / chunk);
  }
  const ms = (x: number) => `${x.toFixed(3)} ms`, lowest = (xs: number[]) => Math.min(...xs);
  console.log(`retail, CPU time per replication in one thread, ${chunks} chunks of ${chunk} alternating; 1-minute load average ${lowest(loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
  const names = { without: "engine, no series", with: "engine writing series", counting: "counting them" };
  for (const [key, xs] of Object.entries(t)) console.log(`  ${names[key as keyof typeof t].padEnd(22)} median ${ms(median(xs))}  lowest ${ms(lowest(xs))}`);
  const ratio = (f: (xs: number[]) => number) => ((f(t.with) + f(t.counting)) / f(t.without)).toFixed(2);
  console.log(`  with/without: ${ratio(median)} from medians, ${ratio(lowest)} from lowest (target ≤ 1.25); writing alone ${ratio((xs) => (xs === t.counting ? 0 : median(xs)))}`);
}
if (process.argv[2] === "cpu") {
  cpuBench(Number(process.argv[3] ?? 40));
  process.exit(0);
}

const reps = Number(process.argv[2] ?? 10_000), workers = Number(process.argv[3] ?? 2), repeats = Number(process.argv[4] ?? 2);

/** A run's wall time and CPU time (every thread's user + system), in ms. */
interface Timing { wall: number; cpu: number }

/** CPU ms of this process's waited-for children (Linux: /proc/self/stat's cutime + cstime, in clock ticks of 10 ms). */
function childrenCpuMs(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /, "").split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** `echelon run` as a child process, output discarded. */
function cli(series: boolean): Timing {
  const args = ["bin/echelon.mjs", "run", file.pathname, "--replications", String(reps), "--workers", String(workers), "--out", "/dev/null", ...(series ? ["--series"] : [])];
  const t0 = performance.now(), c0 = childrenCpuMs();
  execFileSync(process.execPath, args, { cwd: new URL("..", import.meta.url).pathname, stdio: ["ignore", "ignore", "inherit"] });
  return { wall: performance.now() - t0, cpu: childrenCpuMs() - c0 };
}

const client = createClientOnPool(createNodePool(workers));
await client.run(scenario, { replications: 20, series: true }); // start the workers
/** The browser client's run on worker threads (this process's CPU time counts every thread's). */
async function app(series: boolean): Promise<Timing> {
  const t0 = performance.now(), c0 = cpuMs();
  await client.run(scenario, { replications: reps, series });
  return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
}

const times = { cli: { without: [] as Timing[], with: [] as Timing[] }, app: { without: [] as Timing[], with: [] as Timing[] } };
const loads: number[] = [];
for (let i = 0; i < repeats; i++) {
  for (const series of [false, true]) {
    loads.push(loadavg()[0]);
    times.cli[series ? "with" : "without"].push(cli(series));
    times.app[series ? "with" : "without"].push(await app(series));
  }
}
client.dispose();

const best = (xs: number[]) => Math.min(...xs);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`retail, ${reps.toLocaleString("en")} replications, ${workers} worker(s), best of ${repeats}; 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${availableParallelism()} cores`);
// Wall time counts waits for a core on a busy machine; CPU time (all threads) does not.
for (const [name, t] of Object.entries(times)) {
  for (const key of ["wall", "cpu"] as const) {
    const without = t.without.map((x) => x[key]), withSeries = t.with.map((x) => x[key]);
    const ratio = best(withSeries) / best(without);
    console.log(`  ${name.padEnd(3)} ${key.padEnd(4)}  without series ${s(best(without))}  with series ${s(best(withSeries))}  ratio ${ratio.toFixed(2)} (target ≤ 1.25)  [all: ${without.map(s).join(", ")} | ${withSeries.map(s).join(", ")}]`);
  }
}
