// A full service–inventory trade-off curve (`echelon frontier`) on the retail scenario, on a pool
// of two worker threads — the CLI's path: 8 service levels for single-echelon and gsm, 8 fill-rate
// targets for the network optimiser, every point on the scenario's 200 replications (seed 42).
// Target: under 60 s on this 2-core machine. Prints the wall time, the evaluations and
// replications, the headline at 95% and 98% fill rate, and the load average (when it exceeds the
// core count, read the time as an upper bound).
//   npx tsx bench/frontier.bench.ts [maxEvaluations=40]
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { DEFAULT_SEARCH_REPLICATIONS, HEADLINE, headlineLine, poolReplications, sweep } from "../src/cli/frontier.ts";
import type { Scenario } from "../src/sim/model/index.ts";
import { computeFrontier } from "../src/sim/optimize/index.ts";
import { createNodePool } from "../src/workers/node-worker.ts";

const maxEvaluations = Number(process.argv[2] ?? 40);
const targets = [0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995];
const retail = JSON.parse(readFileSync(new URL("../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");
const run = { seed: retail.seed, replications: retail.replications }, search = { seed: Number(retail.seed) + 1, replications: DEFAULT_SEARCH_REPLICATIONS };

console.log(`echelon frontier benchmark — Node ${process.version}, ${new Date().toISOString()}, ${availableParallelism()} cores, load average ${load()} (1, 5, 15 min)`);
const pool = createNodePool(2);
try {
  await pool.describe(retail); // start both threads' engines before the clock runs
  const t0 = performance.now();
  const r = await computeFrontier(retail, {
    serviceLevels: sweep(8), targets, leadTimeVariance: true, headline: HEADLINE,
    evaluate: poolReplications(pool), run, search, maxEvaluations,
  });
  const s = (performance.now() - t0) / 1000, e = r.evaluations;
  console.log(`retail-3-echelon, 8 service levels × 2 analytic methods + 8 targets (max ${maxEvaluations} evaluations each): ${s.toFixed(1)} s (target < 60 s: ${s < 60 ? "met" : "NOT met"})`);
  console.log(`  evaluations: ${e["single-echelon"]} single-echelon + ${e.gsm} gsm + ${e.current} current + ${e.calibration} calibrating node by node at ${run.replications} replications; ` +
    `${e.simulation} network optimiser (search at ${search.replications}, 2 checks per target at ${run.replications}); ${e.total} in all`);
  for (const [curve, points] of Object.entries(r.curves)) {
    for (const p of points) {
      console.log(`  ${curve.padEnd(14)} ${String(p.serviceLevel ?? p.targetFill).padEnd(6)} fill ${p.fillRate.mean.toFixed(4)} [${p.fillRate.ci95[0].toFixed(4)}, ${p.fillRate.ci95[1].toFixed(4)}]  value ${p.onHandValue.mean.toFixed(0)}  holding ${p.holdingCost.mean.toFixed(2)}/day  turns ${p.inventoryTurns.mean.toFixed(1)}`);
    }
  }
  console.log(`  current        fill ${r.current.fillRate.mean.toFixed(4)}  value ${r.current.onHandValue.mean.toFixed(0)}  holding ${r.current.holdingCost.mean.toFixed(2)}/day  turns ${r.current.inventoryTurns.mean.toFixed(1)}`);
  for (const h of r.headline) {
    console.log(`  ${headlineLine(h)}`);
    if (h.saving) console.log(`    holding cost: ${h.saving.holdingCost.mean.toFixed(2)} less per day [${h.saving.holdingCost.ci95.map((x) => x.toFixed(2)).join(", ")}]; between ${h.nodeByNode!.between.join("–")} (node by node) and ${h.best!.between.join("–")} (${h.best!.curve})`);
    const c = h.calibratedNodeByNode;
    if (c?.saving) console.log(`    calibrated node by node (textbook, z ${c.z.map((z) => z.toFixed(4)).join("–")}): value ${c.onHandValue.mean.toFixed(0)}, holding ${c.holdingCost.mean.toFixed(2)}/day; saving ${c.saving.onHandValue.mean.toFixed(0)} [${c.saving.onHandValue.ci95.map((x) => x.toFixed(0)).join(", ")}] (${(100 * c.saving.onHandValue.relative).toFixed(1)}%), holding ${c.saving.holdingCost.mean.toFixed(2)} [${c.saving.holdingCost.ci95.map((x) => x.toFixed(2)).join(", ")}] per day`);
  }
  console.log(`load average after: ${load()}`);
} finally {
  pool.dispose();
}
