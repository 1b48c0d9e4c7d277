// The network optimiser (`echelon optimize --method simulation`) at one target on the retail
// scenario, on a pool of two worker threads — the CLI's path. Target: under 15 s on this 2-core
// machine. Prints the wall time, the evaluations and the replications per evaluation, and the
// load average (when it exceeds the core count, read the time as an upper bound).
//   npx tsx bench/optimize-network.bench.ts [targetFill=0.98] [replications=40] [--lead-time-variance]
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { optimizeByNetworkSearch } from "../src/cli/optimize-network.ts";
import type { Scenario } from "../src/sim/model/index.ts";
import { createNodePool } from "../src/workers/node-worker.ts";

const args = process.argv.slice(2), flags = args.filter((a) => a.startsWith("--")), nums = args.filter((a) => !a.startsWith("--")).map(Number);
const [targetFill = 0.98, replications = 40] = nums;
const retail = JSON.parse(readFileSync(new URL("../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");

console.log(`echelon network-optimiser benchmark — Node ${process.version}, ${new Date().toISOString()}, ${availableParallelism()} cores, load average ${load()} (1, 5, 15 min)`);
const pool = createNodePool(2);
try {
  await pool.describe(retail); // start both threads' engines before the clock runs
  const t0 = performance.now();
  const r = await optimizeByNetworkSearch(retail, {
    objective: "target-fill", targetFill, target: { serviceLevel: 0.95 }, leadTimeVariance: flags.includes("--lead-time-variance"),
    replications, seed: retail.seed, checkSeed: Number(retail.seed) + 1, checkReplications: retail.replications,
  }, pool, { stderr: { write: () => true } });
  const s = (performance.now() - t0) / 1000, sim = r.simulation!;
  console.log(`retail-3-echelon, target fill ${targetFill}${flags.length ? ` ${flags.join(" ")}` : ""}: ${s.toFixed(1)} s (target < 15 s: ${s < 15 ? "met" : "NOT met"})`);
  console.log(`  ${sim.evaluations} evaluations × ${sim.replicationsPerEvaluation} replications, then 2 × ${sim.check!.replications} for the check`);
  console.log(`  search: holding cost ${sim.holdingCost!.mean.toFixed(2)}/day at fill rate ${sim.fillRate.mean.toFixed(4)}; best start ${sim.startedFrom} × ${sim.starts![0].safetyFactor.toFixed(4)}: ${sim.starts![0].holdingCost.mean.toFixed(2)}/day at ${sim.starts![0].fillRate.mean.toFixed(4)}`);
  console.log(`  check: ${sim.check!.verdict}`);
  console.log(`load average after: ${load()}`);
} finally {
  pool.dispose();
}
