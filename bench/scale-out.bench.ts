// `npx tsx bench/scale-out.bench.ts [--replications R] [--shards N] [--workers K]`: the cost of
// sharding the retail network (docs/scale-out.md). Runs N shards of R replications through the
// real CLI, one after another, then `echelon merge`, each in its own child process, and prints
// each one's peak resident memory (/usr/bin/time -v), the size of a part, and the merge's own time
// (read, check, KPI table, buildRunResult; measured in this process, best of 3) against the
// simulation time of the parts (the sum of their manifests' elapsedMs). Printed, never asserted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mergeParts, parsePartial } from "../src/cli/merge.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../bin/echelon.mjs", import.meta.url));
const retail = fileURLToPath(new URL("../scenarios/retail-3-echelon.json", import.meta.url));
const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i < 0 ? d : Number(process.argv[i + 1]); };
const R = arg("--replications", 10_000), N = arg("--shards", 4), K = arg("--workers", 2);
const dir = mkdtempSync(join(tmpdir(), "echelon-bench-shards-"));

function child(args: string[]): { mb: number; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`echelon ${args.join(" ")} failed:\n${r.stderr}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { mb: kb / 1024, seconds: (performance.now() - t0) / 1000 };
}

try {
  console.log(`retail, ${R.toLocaleString("en")} replications in ${N} shards of ${K} workers; load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  const files = Array.from({ length: N }, (_, k) => join(dir, `part-${k}.json`));
  files.forEach((out, k) => {
    const c = child(["run", retail, "--replications", String(R), "--shard", `${k}/${N}`, "--workers", String(K), "--out", out]);
    console.log(`shard ${k}/${N}: peak ${c.mb.toFixed(0)} MB, ${c.seconds.toFixed(2)} s, part ${(statSync(out).size / 1e6).toFixed(1)} MB`);
  });
  const m = child(["merge", ...files, "--out", join(dir, "result.json")]);
  console.log(`echelon merge: peak ${m.mb.toFixed(0)} MB, ${m.seconds.toFixed(2)} s with Node and tsx start-up`);
  let best = { total: Infinity, read: 0 }, simulated = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const parts = files.map((file) => ({ file, part: parsePartial(file, readFileSync(file, "utf8")) }));
    const t1 = performance.now();
    await mergeParts(parts);
    if (performance.now() - t0 < best.total) best = { total: performance.now() - t0, read: t1 - t0 };
    simulated = parts.reduce((a, p) => a + p.part.manifest.elapsedMs, 0);
  }
  console.log(`merge's own time ${best.total.toFixed(0)} ms (reading and parsing the parts ${best.read.toFixed(0)} ms, the rest the KPI table and ` +
    `buildRunResult, which a single run does too) against ${(simulated / 1000).toFixed(2)} s of simulation: ${((100 * best.total) / simulated).toFixed(1)}%`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
