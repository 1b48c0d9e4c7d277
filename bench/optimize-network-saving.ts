// What the network optimiser saves on the retail scenario against node by node, at the same
// simulated fill rate (docs/optimize.md "Measured on the retail scenario").
//
// For each target F (and with or without --lead-time-variance in the analytic placements):
// 1. the network optimiser runs as the CLI does (search seed 42, 40 replications per evaluation);
// 2. its plan is simulated on 200 fresh replications (seed 43);
// 3. node by node: the single-echelon safety stocks (textbook and with lead-time variance), each
//    scaled by the one factor k whose fill rate on the same 200 fresh replications equals the
//    plan's (bisection on k, 14 steps), and the cheaper of the two is kept;
// 4. holding cost and units on hand are compared replication by replication (common random
//    numbers): the difference with its 95% interval.
// With --minimize inventory-value the plan minimises the value of stock on hand, and node by node
// is chosen (of the two) by that too; with --no-lead-time-variance only the textbook starts run.
//   npx tsx bench/optimize-network-saving.ts [0.95 0.98 ...] [--minimize inventory-value] [--no-lead-time-variance]
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { optimizeByNetworkSearch, poolNetworkValues } from "../src/cli/optimize-network.ts";
import type { Scenario } from "../src/sim/model/index.ts";
import { optimizeScenario } from "../src/sim/optimize/index.ts";
import { pairedDifference, summarize } from "../src/sim/stats/index.ts";
import { createNodePool } from "../src/workers/node-worker.ts";

const argv = process.argv.slice(2), byValue = argv.includes("inventory-value");
const targets = argv.filter((a) => /^0?\.\d+$/.test(a)).map(Number);
const starts = argv.includes("--no-lead-time-variance") ? [false] : [false, true];
const measure = byValue ? 3 : 1; // index in KEYS of what is compared
const retail = JSON.parse(readFileSync(new URL("../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
const check = { seed: 43, replications: 200 }, KEYS = ["fillRate", "holdingCost", "onHand", "onHandValue"];
const pool = createNodePool(2);
const f = (x: number, d = 2) => x.toFixed(d);
const ci = (c: readonly [number, number], d = 2) => `[${f(c[0], d)}, ${f(c[1], d)}]`;

console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${availableParallelism()} cores, ${new Date().toISOString()}`);
try {
  for (const F of targets.length ? targets : [0.95, 0.98]) {
    for (const leadTimeVariance of starts) {
      const t0 = performance.now();
      const r = await optimizeByNetworkSearch(retail, {
        objective: "target-fill", targetFill: F, minimize: byValue ? "inventory-value" : "holding-cost", target: { serviceLevel: 0.95 }, leadTimeVariance,
        replications: 40, seed: 42, checkSeed: check.seed, checkReplications: check.replications,
      }, pool, { stderr: { write: () => true } });
      const seconds = (performance.now() - t0) / 1000;
      const [fill, holding, onHand, value] = await poolNetworkValues(pool, r.scenario, check, KEYS);
      const planFill = summarize(fill).mean;
      const baselines = [];
      for (const ltv of [false, true]) baselines.push({ ltv, ...(await matchFill(ltv, planFill)) });
      const base = baselines.reduce((a, b) => (summarize(b.values[measure]).mean < summarize(a.values[measure]).mean ? b : a));
      const dh = pairedDifference(base.values[1], holding), du = pairedDifference(base.values[2], onHand), dv = pairedDifference(base.values[3], value);
      console.log(`\ntarget ${F}${byValue ? ", minimising inventory value" : ""}${leadTimeVariance ? ", starts with lead-time variance" : ""}: ${r.simulation!.evaluations} evaluations × 40 replications, ${f(seconds, 1)} s`);
      console.log(`  network plan   fill ${f(planFill, 4)} ${ci(summarize(fill).ci95, 4)}  holding ${f(summarize(holding).mean)}/day  on hand ${f(summarize(onHand).mean, 0)} units`);
      for (const b of baselines) {
        console.log(`  node by node${b.ltv ? " (lead-time variance)" : ""} × ${f(b.k, 4)}: fill ${f(summarize(b.values[0]).mean, 4)}  holding ${f(summarize(b.values[1]).mean)}/day  on hand ${f(summarize(b.values[2]).mean, 0)} units`);
      }
      console.log(`  plan − best node by node: holding ${f(dh.diff.mean)} ${ci(dh.diff.ci95)} per day (${f(100 * (dh.relative ?? NaN), 1)}%), on hand ${f(du.diff.mean, 0)} ${ci(du.diff.ci95, 0)} units (${f(100 * (du.relative ?? NaN), 1)}%), value ${f(dv.diff.mean, 0)} ${ci(dv.diff.ci95, 0)}`);
      console.log(`  check: ${r.simulation!.check!.verdict}`);
    }
  }
} finally {
  pool.dispose();
}

/** Single-echelon safety stocks × k, k bisected so the fill rate on the check replications equals `fill`. */
async function matchFill(leadTimeVariance: boolean, fill: number) {
  const at = (k: number) => optimizeScenario(retail, { method: "single-echelon", z: 1.6448536269514722 * k, leadTimeVariance }).scenario;
  const run = async (k: number) => ({ k, values: await poolNetworkValues(pool, at(k), check, KEYS) });
  let lo = 0, hi = await run(1);
  while (summarize(hi.values[0]).mean < fill) { lo = hi.k; hi = await run(2 * hi.k); }
  for (let i = 0; i < 14; i++) {
    const mid = await run((lo + hi.k) / 2);
    if (summarize(mid.values[0]).mean >= fill) hi = mid; else lo = mid.k;
  }
  return hi;
}
