// The browser client's main-thread budget, measured in Node with the same core and time slicer
// the browser uses (client.ts → monte-carlo.ts → time-slicer.ts), the engine in worker threads:
// the longest stretch the main thread is blocked (event-loop delay; target < 50 ms), the main
// thread's peak JS heap (target < 300 MB) and the time from the last replication to the result
// (target < 1 s), for a 10,000-replication retail run with series.
//
//   npx tsx bench/main-thread.bench.ts [replications=10000] [workers=2]
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseScenarioJson } from "../src/sim/validate/index.ts";
import { createClientOnPool } from "../src/workers/client.ts";
import { createNodePool } from "../src/workers/node-worker.ts";

const reps = Number(process.argv[2] ?? 10_000);
const v = parseScenarioJson(readFileSync(new URL("../scenarios/retail-3-echelon.json", import.meta.url), "utf8"));
if (!v.ok) throw new Error("retail scenario is invalid");

const workers = Number(process.argv[3] ?? 2);
const client = createClientOnPool(createNodePool(workers));
await client.run(v.scenario, { replications: 20 }); // start the workers
const delay = monitorEventLoopDelay({ resolution: 1 });
let peakHeap = 0, lastReplicationAt = 0;
// JS heap + ArrayBuffer backing stores of this (the main) thread: typed arrays live outside the heap.
const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const sampler = setInterval(() => { peakHeap = Math.max(peakHeap, used()); }, 20);
delay.enable();
const t0 = performance.now();
const result = await client.run(v.scenario, {
  replications: reps, series: true,
  onProgress: (p) => { if (p.done === p.total) lastReplicationAt = performance.now(); },
});
const end = performance.now();
delay.disable();
const load = (await import("node:os")).loadavg()[0];
clearInterval(sampler);
peakHeap = Math.max(peakHeap, used());
client.dispose();

const ms = (ns: number) => ns / 1e6;
console.log(`retail, ${reps} replications with series, ${workers} worker thread(s): ${((end - t0) / 1000).toFixed(1)} s (1-minute load average ${load.toFixed(1)} on ${(await import("node:os")).availableParallelism()} cores)`);
console.log(`  longest main-thread block (event-loop delay max): ${ms(delay.max).toFixed(1)} ms (p99 ${ms(delay.percentile(99)).toFixed(1)} ms; target < 50 ms)`);
console.log(`  main-thread peak JS heap + array buffers: ${(peakHeap / 2 ** 20).toFixed(0)} MB (target < 300 MB)`);
console.log(`  last replication → result: ${(end - lastReplicationAt).toFixed(0)} ms (target < 1,000 ms)`);
console.log(`  series cells: ${Object.keys(result.series!.nodes).length} nodes × 3 metrics + fill rate, ${result.horizon} days`);
