// Quick speed check of the engine against the ceiling loop, in one process:
//   npx tsx bench/engine-quick.ts [replications=400]
// prints engine node-days/s on scenarios/retail-3-echelon.json, the ceiling's, and their ratio —
// by wall clock (as ceiling.mjs reports) and by this thread's CPU time, which is far steadier
// when other processes load the machine.
import { readFileSync } from "node:fs";
import { runBatch } from "../src/sim/engine/index.ts";
import type { Scenario } from "../src/sim/model/index.ts";
// @ts-expect-error plain .mjs without types
import { ceilingNodeDaysPerSecond } from "../../shared/bench/ceiling.mjs";

const scenario = JSON.parse(readFileSync(new URL("../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
const reps = Number(process.argv[2] ?? 400);
const stocking = scenario.nodes.filter((n) => n.kind !== "supplier").length;
const nodeDays = (r: number) => r * stocking * scenario.horizon;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];

runBatch(scenario, { from: 0, to: 50 });   // warm-up
const wall: number[] = [], cpus: number[] = [];
for (let b = 0; b < 5; b++) {
  const t0 = process.hrtime.bigint(), c0 = cpu();
  runBatch(scenario, { from: b * reps, to: (b + 1) * reps });
  cpus.push(nodeDays(reps) / (cpu() - c0));
  wall.push(nodeDays(reps) / (Number(process.hrtime.bigint() - t0) / 1e9));
}
const c0 = cpu();
const ceilingWall = ceilingNodeDaysPerSecond(2000) as number;
const ceilingCpu = (2195 * 26 * 365) / (cpu() - c0);   // ceiling.mjs: 200 warm-up + 7 × 285 timed replications of 26 nodes
const fmt = (x: number) => `${(x / 1e6).toFixed(2)} M`;
console.log(`wall: engine ${fmt(median(wall))} node-days/s, ceiling ${fmt(ceilingWall)}, ratio ${(median(wall) / ceilingWall).toFixed(3)}`);
console.log(`cpu:  engine ${fmt(median(cpus))} node-days/s, ceiling ${fmt(ceilingCpu)}, ratio ${(median(cpus) / ceilingCpu).toFixed(3)}`);
