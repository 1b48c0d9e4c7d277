import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { runEchelon, runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const retail = join(root, "scenarios/retail-3-echelon.json");
const tmp = mkdtempSync(join(tmpdir(), "echelon-cli-"));

// What a command prints and its exit status, through main in this process: a child process costs
// about a second of start-up. The tests that are about the process run bin/echelon.mjs (`child`).
const echelon = (...args: string[]) => runEchelonHere(args);
const child = (...args: string[]) => runEchelon(args);
const kpis = (r: { network: unknown; nodes: unknown; products: unknown }) => ({ network: r.network, nodes: r.nodes, products: r.products });

describe("echelon CLI", () => {
  it("runs as a script through tsx (src/cli/main.ts), once, as bin/echelon.mjs does", () => {
    const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
    const out = execFileSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), "--version"], { cwd: root, encoding: "utf8" });
    expect(out).toBe(`echelon ${version}\n`);
  });

  it("run prints an echelon-result@1 document, identical for --workers 1 and --workers 2", async () => {
    const [one, two] = await Promise.all([
      echelon("run", retail, "--replications", "24", "--workers", "1"),
      echelon("run", retail, "--replications=24", "--workers=2", "--seed", "7"),
    ]);
    const twoSameSeed = await echelon("run", retail, "--replications", "24", "--workers", "2");
    expect([one.code, two.code, twoSameSeed.code]).toEqual([0, 0, 0]);
    const a = JSON.parse(one.stdout), b = JSON.parse(twoSameSeed.stdout), c = JSON.parse(two.stdout);
    expect(Object.keys(a)).toEqual(["format", "scenario", "seed", "replications", "horizon", "warmup", "network", "nodes", "products", "workers", "elapsedMs"]);
    expect([a.format, a.scenario, a.seed, a.replications, a.horizon, a.warmup, a.workers]).toEqual(["echelon-result@1", "Three-echelon retail", 42, 24, 365, 30, 1]);
    expect(Object.keys(a.network.fillRate)).toEqual(["mean", "sd", "ci95", "p05", "p50", "p95", "n"]);
    expect(a.nodes["store-north-1"].fillRate.n).toBe(24);
    expect(kpis(b)).toEqual(kpis(a));
    expect(b.workers).toBe(2);
    expect(c.seed).toBe(7);
    expect(c.network.fillRate.mean).not.toBe(a.network.fillRate.mean);
    expect(one.stderr).toMatch(/24 replications of "Three-echelon retail" in [\d.]+ s on 1 worker\n/);
  });

  it("run --series --format csv --out writes CSV rows per (scope, id, kpi) and says series are JSON only", async () => {
    const out = join(tmp, "r.csv");
    const r = await echelon("run", retail, "--replications", "4", "--format", "csv", "--out", out, "--series");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--series is not written in CSV/);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("scope,id,kpi,mean,sd,ci_lo,ci_hi,p05,p50,p95,n");
    expect(lines[1]).toMatch(/^network,,fillRate,[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]+,[\d.e-]+,4$/);
    expect(lines.some((l) => l.startsWith("node,dc-north,onHand,"))).toBe(true);
  });

  it("run --series adds per-day bands for every node and the network fill rate", async () => {
    const r = await echelon("run", retail, "--replications", "3", "--series", "--horizon", "40", "--warmup", "5");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).series;
    expect(s.firstDay).toBe(0);
    expect(Object.keys(s.nodes.plant)).toEqual(["onHand", "backorders", "inTransit"]);
    expect(Object.keys(s.nodes.plant.onHand)).toEqual(["mean", "p05", "p50", "p95"]);
    expect(s.nodes.plant.onHand.mean).toHaveLength(40);
    expect(s.network.fillRate.p50).toHaveLength(40);
  });

  it("run --replication-values adds the network's fill rate, total cost and on hand per replication (left out by default)", async () => {
    const r = await echelon("run", retail, "--replications", "5", "--horizon", "40", "--warmup", "5", "--workers", "2", "--replication-values");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(-3)).toEqual(["replicationValues", "workers", "elapsedMs"]);
    const v = doc.replicationValues.network;
    expect(Object.keys(v)).toEqual(["fillRate", "totalCost", "onHand"]);
    expect([v.fillRate.length, v.totalCost.length, v.onHand.length]).toEqual([5, 5, 5]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(v.fillRate)).toBeCloseTo(doc.network.fillRate.mean, 12);
    expect(mean(v.totalCost)).toBeCloseTo(doc.network.totalCost.mean, 9);
    expect(doc.network.onHand.p50).toBe([...v.onHand].sort((a: number, b: number) => a - b)[2]); // R-7 median of 5
  });

  it("compare prints an echelon-comparison@1 document with paired differences", async () => {
    const b = join(tmp, "b.json");
    const doc = JSON.parse(readFileSync(retail, "utf8"));
    doc.name = "More stock at DC North";
    doc.nodes.find((n: { id: string }) => n.id === "dc-north").policy.level += 200;
    writeFileSync(b, JSON.stringify(doc));
    const r = await echelon("compare", retail, b, "--replications", "12");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect([c.format, c.a, c.b, c.seed, c.replications]).toEqual(["echelon-comparison@1", "Three-echelon retail", "More stock at DC North", 42, 12]);
    const d = c.nodes["dc-north"].onHand;
    expect(Object.keys(d)).toEqual(["a", "b", "diff", "relative", "significant"]);
    expect(d.diff.mean).toBeGreaterThan(0);
    expect(d.significant).toBe(true);
    expect(Object.keys(c.network)).toContain("totalCost");
  });

  it("validate --json prints {valid: true}, or every error with its path and exit 1", async () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(retail, "utf8")), horizon: 0, allocation: "random" }));
    const [ok, no, text] = await Promise.all([echelon("validate", retail, "--json"), echelon("validate", bad, "--json"), echelon("validate", bad)]);
    expect([ok.code, JSON.parse(ok.stdout)]).toEqual([0, { valid: true }]);
    expect(no.code).toBe(1);
    const v = JSON.parse(no.stdout);
    expect(v.valid).toBe(false);
    expect(v.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["horizon", "allocation"]));
    expect(Object.keys(v.errors[0])).toEqual(["path", "message"]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`${bad}: horizon: `);
  });

  it("exits 2 on usage errors and says which", async () => {
    const rs = await Promise.all([
      echelon("run", retail, "--bogus"),
      echelon("run", retail, "--replications", "ten"),
      echelon("run"),
      echelon("compare", retail),
      echelon("frobnicate"),
      echelon("optimize", retail, "--method", "frobnicate"),
    ]);
    expect(rs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(rs[0].stderr).toContain('unknown option "--bogus"');
    expect(rs[1].stderr).toContain('--replications must be a whole number, got "ten"');
    expect(rs[2].stderr).toContain("missing FILE");
    expect(rs[3].stderr).toContain("missing B");
    expect(rs[4].stderr).toContain('unknown command "frobnicate"');
    expect(rs[5].stderr).toContain('--method must be one of single-echelon, gsm, simulation, got "frobnicate"');
  });

  it("exits 1 on invalid input, naming the path: a missing file, bad JSON, an override that breaks a rule", async () => {
    const broken = join(tmp, "broken.json");
    writeFileSync(broken, '{"format": "echelon-scenario@1",\n  "name": }');
    const rs = await Promise.all([
      echelon("run", join(tmp, "nope.json")),
      echelon("run", broken),
      echelon("run", retail, "--warmup", "400"),
      echelon("run", retail, "--replications", "0"),
    ]);
    expect(rs.map((r) => r.code)).toEqual([1, 1, 1, 1]);
    expect(rs[0].stderr).toContain("nope.json: cannot read the file (no such file)");
    expect(rs[1].stderr).toMatch(/broken\.json: .*line 2/);
    expect(rs[2].stderr).toContain("warmup: must be less than horizon (365), got 400");
    expect(rs[3].stderr).toContain("replications: ");
  });

  it("exits 1 at once on a device, a named pipe or a file over 20,000,000 bytes, saying which", async () => {
    const fifo = join(tmp, "pipe.json"), big = join(tmp, "big.json");
    execFileSync("mkfifo", [fifo]);
    writeFileSync(big, "");
    truncateSync(big, 7_500_000_000); // sparse
    // In child processes: were the check broken, reading the device or the pipe would block this process for good.
    const rs = await Promise.all([child("run", "/dev/zero"), child("validate", fifo), child("compare", retail, big)]);
    expect(rs.map((r) => [r.code, r.stderr])).toEqual([
      [1, "/dev/zero: cannot read the file (it is a device, not a regular file)\n"],
      [1, `${fifo}: cannot read the file (it is a named pipe, not a regular file)\n${fifo}: 1 problem\n`],
      [1, `${big}: cannot read the file (it is 7,500,000,000 bytes; a scenario file may be at most 20,000,000 bytes)\n`],
    ]);
  });

  it("--help and --version exit 0; bin/echelon.mjs gives the shell main's exit status (0, 2 usage, 1 invalid input)", async () => {
    const [h, rh, v, usage, invalid] = await Promise.all([echelon("--help"), echelon("run", "--help"), child("--version"), child("frobnicate"), child("run", join(tmp, "nope.json"))]);
    expect([h.code, rh.code, v.code, usage.code, invalid.code]).toEqual([0, 0, 0, 2, 1]);
    expect(usage.stderr).toContain('unknown command "frobnicate"');
    expect(invalid.stderr).toContain("nope.json: cannot read the file (no such file)");
    expect(h.stdout).toContain("Usage: echelon <command>");
    expect(v.stdout).toMatch(/^echelon \d+\.\d+\.\d+\n$/);
    expect(rh.stdout).toContain("Usage: echelon run FILE");
    expect(rh.stdout).toContain("[--replication-values]");
  });

  it("main exits 3 with a bug report message on an internal error", async () => {
    let err = "";
    const code = await main(["validate", retail], { stdout: { write: () => { throw new TypeError("stdout broke"); } }, stderr: { write: (s: string) => (err += s) } });
    expect(code).toBe(3);
    expect(err).toMatch(/^echelon: internal error \(this is a bug in echelon; please report it/);
    expect(err).toContain("stdout broke");
  });
});
