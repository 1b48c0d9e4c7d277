// What the stock breakdown adds to a run's reduction: the retail network's KPI table (R
// replications, simulated once), then, timed in alternation, the summaries of every KPI column
// (what every run does) and the stock breakdown (six columns per node read again, five parts per
// node, echelon and network summarised). Prints each median, the ratio, the simulation's own time
// for scale, and the load average.
//
//   npx tsx bench/stock-breakdown.bench.ts [replications=10000] [repeats=5]
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { kpiColumns, runBatch } from "../src/sim/engine/index.ts";
import { createKpiTable } from "../src/sim/montecarlo/kpi-table.ts";
import { summarizeColumns } from "../src/sim/montecarlo/run-result.ts";
import { stockBreakdown } from "../src/sim/montecarlo/stock-breakdown.ts";
import { noTick } from "../src/sim/montecarlo/tick.ts";
import { parseScenarioJson } from "../src/sim/validate/index.ts";

const reps = Number(process.argv[2] ?? 10_000), repeats = Number(process.argv[3] ?? 5);
const v = parseScenarioJson(readFileSync(new URL("../scenarios/retail-3-echelon.json", import.meta.url), "utf8"));
if (!v.ok) throw new Error("retail scenario is invalid");
const scenario = { ...v.scenario, replications: reps };
const columns = kpiColumns(scenario);
const table = createKpiTable(reps, columns.length);
const CHUNK = 500;
const t0 = performance.now();
for (let from = 0; from < reps; from += CHUNK) table.add(runBatch(scenario, { from, to: Math.min(reps, from + CHUNK) }));
const simulated = performance.now() - t0;

const timed = async (f: () => Promise<unknown>) => { const t0 = performance.now(); await f(); return performance.now() - t0; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summaries: number[] = [], breakdown: number[] = [];
for (let i = 0; i < repeats; i++) {
  summaries.push(await timed(() => summarizeColumns(columns, table, noTick)));
  breakdown.push(await timed(() => stockBreakdown(scenario, columns, table, noTick)));
}
const [s, b] = [median(summaries), median(breakdown)];
console.log(`retail, ${reps.toLocaleString("en")} replications, ${columns.length} KPI columns, median of ${repeats}:`);
console.log(`  every KPI's summary ${s.toFixed(0)} ms; stock breakdown ${b.toFixed(0)} ms (${((100 * b) / s).toFixed(0)}% on top)`);
console.log(`  for scale: simulating them took ${(simulated / 1000).toFixed(1)} s on one thread; the breakdown adds ${((100 * b) / simulated).toFixed(2)}% of that`);
console.log(`  load average ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
