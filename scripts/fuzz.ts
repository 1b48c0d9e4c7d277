/**
 * `npm run fuzz`: the fuzz campaign of issue 8 (docs/testing.md). Mutates the library's scenarios,
 * validates every mutant, runs the accepted ones for two replications each in a child process
 * with a timeout and a memory cap, and prints what must never happen — every column should be 0.
 *
 *   npm run fuzz -- [--cases 10000] [--seed 1] [--from 0] [--workers 2] [--timeout 10000]
 *                   [--rss-cap 1536] [--cli-every 50] [--out report.json]
 *   npm run fuzz -- --case K [--seed 1] [--save mutant.json]    (one case, verbosely, in this process)
 *
 * Exit status: 0 when every column is 0, 1 otherwise, 2 for a usage error.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { runCampaign, type Failure, type Report } from "./fuzz/campaign.ts";
import { CATEGORIES, checkCase, type Category } from "./fuzz/check-case.ts";
import { generateCase, loadLibrary } from "./fuzz/generate.ts";
import { snapshotPrototypes } from "./fuzz/prototypes.ts";

const LABELS: Record<Category, string> = {
  uncaught: "uncaught errors (validator threw or died)",
  pathless: "validation errors without a path",
  longMessage: "messages over 1,000 characters",
  crash: "runs that crash (or pass the memory cap)",
  hang: "cases that hang (timeout)",
  nonFinite: "runs with non-finite statistics",
  incomplete: "runs missing a node or product",
  prototype: "prototype changes",
};

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "10000" }, seed: { type: "string", default: "1" }, from: { type: "string", default: "0" },
    workers: { type: "string" }, timeout: { type: "string", default: "10000" }, "rss-cap": { type: "string", default: "1536" },
    "cli-every": { type: "string", default: "50" }, out: { type: "string" }, case: { type: "string" }, save: { type: "string" },
  },
});
const int = (name: string, v: string | undefined) => {
  const x = Number(v);
  if (!Number.isInteger(x) || x < 0) { console.error(`fuzz: --${name} must be a whole number >= 0, got ${v}`); process.exit(2); }
  return x;
};

async function oneCase(n: number, seed: number) {
  const c = generateCase(loadLibrary(), seed, n);
  console.log(`case ${n} (seed ${seed}) from ${c.base}: ${c.text.length.toLocaleString("en")} characters of JSON`);
  for (const op of c.ops) console.log(`  - ${op}`);
  if (values.save) { writeFileSync(values.save, c.text); console.log(`text written to ${values.save}`); }
  const out = await checkCase(c, snapshotPrototypes(), { cli: true, series: true, verbose: (l) => console.log(l) });
  console.log(`accepted: text ${out.textAccepted}, object ${out.objectAccepted}; ran ${out.ran}${out.capped ? " (horizon capped)" : ""}; ${out.ms} ms`);
  for (const f of out.findings) console.log(`FINDING ${f.category}: ${f.detail}`);
  if (out.findings.length === 0) console.log("no findings");
  return out.findings.length === 0 ? 0 : 1;
}

function printTable(r: Report) {
  const w = Math.max(...Object.values(LABELS).map((l) => l.length));
  console.log(`\nfuzz: ${r.cases.toLocaleString("en")} cases (seed ${r.seed}, from ${r.from}) on ${r.workers} processes in ${(r.elapsedMs / 1000).toFixed(1)} s; load average ${r.loadAverage.join(", ")}`);
  console.log(`  accepted: ${r.info.textAccepted} as text, ${r.info.objectAccepted} as objects; ran ${r.info.ran} (${r.info.series} with series, ${r.info.cli} also through echelon run); ` +
    `horizon cut to fit ${r.workCap.toExponential(0)} node-days in ${r.info.capped}; ${r.info.runRefused} refused by the run's own checks; ${r.info.restarts} process restarts; ${r.info.generatorErrors} cases the generator failed to make\n`);
  for (const c of CATEGORIES) console.log(`  ${LABELS[c].padEnd(w)}  ${String(r.columns[c]).padStart(6)}`);
  console.log(`\nslowest cases (CPU time of the case's process):`);
  for (const t of r.slowest) console.log(`  ${String(t.cpuMs).padStart(7)} ms CPU ${String(t.ms).padStart(7)} ms wall  case ${String(t.n).padStart(6)}  ${t.base}: ${t.ops.join("; ").slice(0, 110)}`);
  if (r.failures.length > 0) {
    console.log(`\nfailures (${r.failures.length}; first 40; rerun one with: npm run fuzz -- --seed ${r.seed} --case K):`);
    const ops = (f: Failure) => f.ops.map((o) => (o.length > 90 ? `${o.slice(0, 87)}...` : o)).join("; ");
    for (const f of r.failures.slice(0, 40)) console.log(`  case ${String(f.n).padStart(6)}  ${f.category.padEnd(11)} ${f.detail.slice(0, 150)}\n${" ".repeat(22)}${f.base}: ${ops(f)}`);
  }
}

async function campaign() {
  const seed = int("seed", values.seed);
  const workers = values.workers ? int("workers", values.workers) : Math.min(2, availableParallelism());
  let last = 0;
  const r = await runCampaign({
    cases: int("cases", values.cases), seed, from: int("from", values.from), workers,
    timeoutMs: int("timeout", values.timeout), rssCapMb: int("rss-cap", values["rss-cap"]), cliEvery: int("cli-every", values["cli-every"]),
    onProgress: (done, total, cols) => {
      if (done - last < 500 && done !== total) return;
      last = done;
      process.stderr.write(`fuzz: ${done}/${total} ${CATEGORIES.map((c) => `${c} ${cols[c]}`).join(", ")}\n`);
    },
  });
  printTable(r);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(r, null, 2)}\n`);
  return CATEGORIES.some((c) => r.columns[c] > 0) ? 1 : 0;
}

process.exit(values.case !== undefined ? await oneCase(int("case", values.case), int("seed", values.seed)) : await campaign());
