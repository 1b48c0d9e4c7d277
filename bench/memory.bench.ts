// `npm run bench:memory`: the peak resident memory of `echelon run` on the retail network at
// 10,000, 100,000 and 1,000,000 replications (the limit), without and with --series, each run in
// its own child process through the real CLI (bin/echelon.mjs), measured by /usr/bin/time -v
// (or the child's process.resourceUsage().maxRSS where there is no /usr/bin/time). The target is
// under 1 GB for any run within the limits (issue 8, docs/statistics.md "Memory at the limits").
// Figures are printed, never asserted; docs/benchmarks.md records what was measured.
//
//   npm run bench:memory                          all six runs (1,000,000 replications take minutes)
//   npm run bench:memory -- --counts 10000,100000 chosen replication counts
//   npm run bench:memory -- --no-series           without the --series runs
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../bin/echelon.mjs", import.meta.url));
const retail = fileURLToPath(new URL("../scenarios/retail-3-echelon.json", import.meta.url));
const RETAIL_COLUMNS = 799;   // kpiColumns(retail).length

const arg = (name: string) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
const counts = (arg("--counts") ?? "10000,100000,1000000").split(",").map(Number);
const variants = process.argv.includes("--no-series") ? [[]] : [[], ["--series"]];
const fmt = (x: number, d = 0) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");

/** Peak RSS (MB), wall time and exit status of one CLI run in a child process. */
function peakRss(args: string[]): { mb: number; seconds: number; code: number | null; stderr: string } {
  const t0 = performance.now();
  if (existsSync("/usr/bin/time")) {
    const r = spawnSync("/usr/bin/time", ["-v", process.execPath, cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
    return { mb: kb / 1024, seconds: (performance.now() - t0) / 1000, code: r.status, stderr: r.stderr };
  }
  const probe = `process.on("exit",()=>process.stderr.write("maxrss "+process.resourceUsage().maxRSS+"\\n"));`;
  const r = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(probe)}`, cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  const kb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { mb: kb / 1024, seconds: (performance.now() - t0) / 1000, code: r.status, stderr: r.stderr };
}

console.log(`echelon memory benchmark — Node ${process.version}, ${new Date().toISOString()}, load average ${load()} (1, 5, 15 min)`);
console.log(`echelon run scenarios/retail-3-echelon.json --workers 2 --out /dev/null; ${existsSync("/usr/bin/time") ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS"}\n`);
console.log("replications | options  | peak RSS  | wall      | KPI values (in a temporary file above 128 MiB) | exit | load after");
for (const n of counts) {
  for (const extra of variants) {
    const r = peakRss(["run", retail, "--replications", String(n), "--workers", "2", "--out", "/dev/null", ...extra]);
    const kpiMb = (8 * RETAIL_COLUMNS * n) / 1e6;
    console.log(`${fmt(n).padStart(12)} | ${(extra.join(" ") || "—").padEnd(8)} | ${`${fmt(r.mb)} MB`.padStart(9)} | ${`${fmt(r.seconds, 1)} s`.padStart(9)} | ` +
      `${`${fmt(kpiMb)} MB`.padEnd(46)} | ${String(r.code).padStart(4)} | ${load()}${r.mb >= 1000 ? "   ← over the 1 GB target" : ""}`);
    if (r.code !== 0) console.log(r.stderr.split("\n").filter((l) => !/^\s+\S.*: /.test(l) || /echelon/.test(l)).slice(0, 8).join("\n"));
  }
}
