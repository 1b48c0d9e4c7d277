// `npx tsx bench/product-shards.bench.ts [--products P] [--shards S] [--replications R]`: the cost of
// product shards (docs/scale-out.md, "Product shards"). Printed, never asserted.
//
// The retail network with P products (1,000) in whole units (Poisson demand of the same means,
// fifo allocation) and lanes that allow overtaking: what a product shard needs, R replications (8): the whole run on one worker,
// then S product shards (4) one after another and `echelon merge`, each in its own child process:
// peak resident memory (/usr/bin/time -v), CPU time, the size of a part; and whether the merged
// document is the whole run's, byte for byte (workers and elapsedMs aside).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../bin/echelon.mjs", import.meta.url));
const retail = fileURLToPath(new URL("../scenarios/retail-3-echelon.json", import.meta.url));
const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i < 0 ? d : Number(process.argv[i + 1]); };
const P = arg("--products", 1000), S = arg("--shards", 4), R = arg("--replications", 8);
const dir = mkdtempSync(join(tmpdir(), "echelon-bench-products-"));
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");

function child(args: string[]): { mb: number; cpu: number; stdout: string } {
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`echelon ${args.join(" ")} failed:\n${r.stderr}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const time = (what: string) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return { mb: kb / 1024, cpu: time("User") + time("System"), stdout: r.stdout };
}

/** The retail network with `count` products in whole units. */
function wholeUnitRetail(count: number): string {
  const base = JSON.parse(readFileSync(retail, "utf8"));
  const products = Array.from({ length: count }, (_, i) => ({ id: `sku${String(i + 1).padStart(4, "0")}`, unitCost: 25 }));
  const demand = base.demand.flatMap((d: { dist: { mean: number } }) => products.map((p) => ({ ...d, product: p.id, dist: { type: "poisson", mean: d.dist.mean } })));
  const file = join(dir, `retail-${count}-products.json`);
  const lanes = base.lanes.map((l: object) => ({ ...l, overtaking: true }));
  writeFileSync(file, JSON.stringify({ ...base, name: `Three-echelon retail, ${count} products`, allocation: "fifo", lanes, products, demand }));
  return file;
}

const stable = (text: string) => { const { workers: _w, elapsedMs: _e, ...rest } = JSON.parse(text); return JSON.stringify(rest); };

const file = wholeUnitRetail(P);
console.log(`retail, ${P.toLocaleString("en")} products in whole units, ${R} replications; load ${load()}`);
const common = ["run", file, "--replications", String(R), "--workers", "1"];
const whole = child([...common, "--out", join(dir, "whole.json")]);
console.log(`   whole run, 1 worker: peak ${whole.mb.toFixed(0)} MB, ${whole.cpu.toFixed(2)} s of CPU; load ${load()}`);
const parts = Array.from({ length: S }, (_, k) => join(dir, `part-${k}.part`));
let shardCpu = 0;
parts.forEach((out, k) => {
  const c = child([...common, "--product-shard", `${k}/${S}`, "--out", out]);
  shardCpu += c.cpu;
  console.log(`   product shard ${k}/${S}: peak ${c.mb.toFixed(0)} MB, ${c.cpu.toFixed(2)} s of CPU, part ${(statSync(out).size / 1e6).toFixed(1)} MB; load ${load()}`);
});
const merge = child(["merge", ...parts, "--out", join(dir, "merged.json")]);
console.log(`   echelon merge: peak ${merge.mb.toFixed(0)} MB, ${merge.cpu.toFixed(2)} s of CPU (the shards: ${shardCpu.toFixed(2)} s); load ${load()}`);
const same = stable(readFileSync(join(dir, "merged.json"), "utf8")) === stable(readFileSync(join(dir, "whole.json"), "utf8"));
console.log(`   merged document ${same ? "is" : "IS NOT"} the whole run's, byte for byte`);
rmSync(dir, { recursive: true, force: true });
