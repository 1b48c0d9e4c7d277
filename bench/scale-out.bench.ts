// `npx tsx bench/scale-out.bench.ts [--replications R] [--shards N] [--workers K] [--products P] [--product-replications Q]`:
// the cost of sharding (docs/scale-out.md). Printed, never asserted.
//
// 1. The retail network, R replications (10,000) in N shards of K workers, through the real CLI,
//    one after another, then `echelon merge`, each in its own child process: each one's peak
//    resident memory (/usr/bin/time -v), the size of a part, and the merge's own time (open, check,
//    KPI table, buildRunResult; measured in this process, best of 3) against the simulation it
//    merges (the sum of the parts' elapsedMs), as a ratio.
// 2. The retail network with P products (1,000): node-days per second on one worker and the peak
//    memory of a shard of Q replications, whose rows stream to its part.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mergeParts, openParts } from "../src/cli/merge.ts";
import { openPart } from "../src/cli/partial.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../bin/echelon.mjs", import.meta.url));
const retail = fileURLToPath(new URL("../scenarios/retail-3-echelon.json", import.meta.url));
const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i < 0 ? d : Number(process.argv[i + 1]); };
const R = arg("--replications", 10_000), N = arg("--shards", 4), K = arg("--workers", 2), P = arg("--products", 1000), Q = arg("--product-replications", 8);
const dir = mkdtempSync(join(tmpdir(), "echelon-bench-shards-"));
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");

/** A child's peak memory, wall time and CPU time (user + system: what it used of the cores, whatever the load). */
function child(args: string[]): { mb: number; seconds: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`echelon ${args.join(" ")} failed:\n${r.stderr}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const time = (what: string) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return { mb: kb / 1024, seconds: (performance.now() - t0) / 1000, cpu: time("User") + time("System") };
}

const manifestOf = (file: string) => { const p = openPart(file); p.close(); return p.header.manifest; };

/** The retail network with `count` products, each with the original demand and policies (as bench/engine.bench.ts builds 100). */
function retailWithProducts(count: number): string {
  const base = JSON.parse(readFileSync(retail, "utf8"));
  const products = Array.from({ length: count }, (_, i) => ({ id: `sku${String(i + 1).padStart(4, "0")}`, unitCost: 25 }));
  const demand = base.demand.flatMap((d: object) => products.map((p) => ({ ...d, product: p.id })));
  const file = join(dir, `retail-${count}-products.json`);
  writeFileSync(file, JSON.stringify({ ...base, name: `Three-echelon retail, ${count} products`, products, demand }));
  return file;
}

async function shardsAndMerge() {
  console.log(`1. retail, ${R.toLocaleString("en")} replications in ${N} shards of ${K} workers; load ${load()}`);
  const files = Array.from({ length: N }, (_, k) => join(dir, `part-${k}.part`));
  let shardCpu = 0;
  files.forEach((out, k) => {
    const c = child(["run", retail, "--replications", String(R), "--shard", `${k}/${N}`, "--workers", String(K), "--out", out]);
    shardCpu += c.cpu;
    console.log(`   shard ${k}/${N}: peak ${c.mb.toFixed(0)} MB, ${c.seconds.toFixed(2)} s (${c.cpu.toFixed(2)} s of CPU), part ${(statSync(out).size / 1e6).toFixed(1)} MB; load ${load()}`);
  });
  const m = child(["merge", ...files, "--out", join(dir, "result.json")]);
  console.log(`   echelon merge: peak ${m.mb.toFixed(0)} MB, ${m.seconds.toFixed(2)} s with Node and tsx start-up; load ${load()}`);
  const simulated = files.reduce((a, f) => a + manifestOf(f).elapsedMs, 0);
  let best = Infinity, bestCpu = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now(), c0 = process.cpuUsage(), parts = openParts(files);
    await mergeParts(parts);
    parts.forEach((p) => p.reader.close());
    const c = process.cpuUsage(c0);
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  console.log(`   merge's own time ${best.toFixed(0)} ms (open, check, columns from the files, buildRunResult) against ${(simulated / 1000).toFixed(2)} s ` +
    `of simulation on ${K} workers a shard (the parts' elapsedMs): ${((100 * best) / simulated).toFixed(2)}% (target under 2%); load ${load()}`);
  console.log(`   in CPU time, which the load does not stretch: merge ${bestCpu.toFixed(0)} ms against ${shardCpu.toFixed(1)} s for the shards' processes: ${((100 * bestCpu) / (1000 * shardCpu)).toFixed(2)}%`);
}

function bigCatalogue() {
  const file = retailWithProducts(P), out = join(dir, "products.part");
  console.log(`2. retail × ${P.toLocaleString("en")} products, a shard of ${Q} replications on 1 worker; load ${load()}`);
  const c = child(["run", file, "--replications", String(Q), "--shard", "0/1", "--workers", "1", "--out", out]);
  const m = manifestOf(out), p = openPart(out);
  p.close();
  const s = JSON.parse(readFileSync(file, "utf8")), stocking = s.nodes.filter((n: { kind: string }) => n.kind !== "supplier").length;
  const nodeDays = Q * stocking * P * s.horizon;
  console.log(`   ${(nodeDays / (m.elapsedMs / 1000) / 1e6).toFixed(1)} million node-days a second on one worker, ${(nodeDays / c.cpu / 1e6).toFixed(1)} million per second of CPU ` +
    `(${stocking} stocking nodes × ${P} products × ${s.horizon} days × ${Q} replications in ${(m.elapsedMs / 1000).toFixed(1)} s, ${c.cpu.toFixed(1)} s of CPU with start-up); ` +
    `${p.header.runs[0].columns.length.toLocaleString("en")} KPI columns, part ${(statSync(out).size / 1e6).toFixed(1)} MB; shard peak ${c.mb.toFixed(0)} MB; load ${load()}`);
}

try {
  if (R > 0) await shardsAndMerge();
  if (P > 0) bigCatalogue();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
