// What per-day series cost: 10,000 replications of the retail network with and without `series`,
// through the CLI (`echelon run`, a child process, as a user runs it) and through the browser
// client's code path (client.ts with its time slicer and budgets, on Node worker threads: the
// same core the page runs; the page's own figure comes from test/e2e/big-run.e2e.ts). Prints each
// wall time, the ratio with/without (target ≤ 1.25) and the load average beside them. Runs
// alternate (without, with, without, with …) so a change in the machine's load hits both.
//
//   npx tsx bench/series.bench.ts [replications=10000] [workers=2] [repeats=2]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { parseScenarioJson } from "../src/sim/validate/index.ts";
import { createClientOnPool } from "../src/workers/client.ts";
import { createNodePool } from "../src/workers/node-worker.ts";

const reps = Number(process.argv[2] ?? 10_000), workers = Number(process.argv[3] ?? 2), repeats = Number(process.argv[4] ?? 2);
const file = new URL("../scenarios/retail-3-echelon.json", import.meta.url);
const v = parseScenarioJson(readFileSync(file, "utf8"));
if (!v.ok) throw new Error("retail scenario is invalid");
const scenario = v.scenario;

/** `echelon run` as a child process, output discarded; its wall time in ms. */
function cli(series: boolean): number {
  const args = ["bin/echelon.mjs", "run", file.pathname, "--replications", String(reps), "--workers", String(workers), "--out", "/dev/null", ...(series ? ["--series"] : [])];
  const t0 = performance.now();
  execFileSync(process.execPath, args, { cwd: new URL("..", import.meta.url).pathname, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - t0;
}

const client = createClientOnPool(createNodePool(workers));
await client.run(scenario, { replications: 20, series: true }); // start the workers
/** The browser client's run on worker threads; its wall time in ms. */
async function app(series: boolean): Promise<number> {
  const t0 = performance.now();
  await client.run(scenario, { replications: reps, series });
  return performance.now() - t0;
}

const times = { cli: { without: [] as number[], with: [] as number[] }, app: { without: [] as number[], with: [] as number[] } };
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
for (const [name, t] of Object.entries(times)) {
  const ratio = best(t.with) / best(t.without);
  console.log(`  ${name.padEnd(3)}  without series ${s(best(t.without))}  with series ${s(best(t.with))}  ratio ${ratio.toFixed(2)} (target ≤ 1.25)  [all: ${t.without.map(s).join(", ")} | ${t.with.map(s).join(", ")}]`);
}
