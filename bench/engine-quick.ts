// Quick speed check of the engine against the ceiling loop, in one process:
//   npx tsx bench/engine-quick.ts [replications=400]
// prints engine node-days/s on scenarios/retail-3-echelon.json, the ceiling's, and their ratio.
import { readFileSync } from "node:fs";
import { runBatch } from "../src/sim/engine/index.ts";
import type { Scenario } from "../src/sim/model/index.ts";
// @ts-expect-error plain .mjs without types
import { ceilingNodeDaysPerSecond } from "../../shared/bench/ceiling.mjs";

const scenario = JSON.parse(readFileSync(new URL("../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
const reps = Number(process.argv[2] ?? 400);
const stocking = scenario.nodes.filter((n) => n.kind !== "supplier").length;
runBatch(scenario, { from: 0, to: 50 });   // warm-up
const rates: number[] = [];
for (let b = 0; b < 5; b++) {
  const t0 = process.hrtime.bigint();
  runBatch(scenario, { from: b * reps, to: (b + 1) * reps });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  rates.push((reps * stocking * scenario.horizon) / s);
}
rates.sort((a, b) => a - b);
const engine = rates[2], ceiling = ceilingNodeDaysPerSecond(2000) as number;
console.log(`engine  node-days/s ${Math.round(engine)}`);
console.log(`ceiling node-days/s ${Math.round(ceiling)}`);
console.log(`ratio ${(engine / ceiling).toFixed(3)}`);
