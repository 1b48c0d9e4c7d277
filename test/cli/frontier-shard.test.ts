import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "echelon-frontier-shard-"));
// The retail network over 120 days and a small curve, so that the whole curve and its shards run in seconds.
const retail = JSON.parse(readFileSync(join(root, "scenarios/retail-3-echelon.json"), "utf8"));
const file = join(tmp, "retail-120.json");
writeFileSync(file, JSON.stringify({ ...retail, horizon: 120, warmup: 30 }));
const small = ["--points", "3", "--targets", "0.95,0.98", "--replications", "12", "--seed", "5", "--search-replications", "8", "--max-evaluations", "10", "--workers", "1"];

// echelon in this process (main.test.ts runs bin/echelon.mjs): a child process costs about a second of start-up.
const echelon = runEchelonHere, here = runEchelonHere;

describe("echelon frontier --shard and echelon merge", async () => {
  const parts = [0, 1, 2].map((k) => join(tmp, `part-${k}.part`)), other = join(tmp, "other-seed.part"), runPart = join(tmp, "run.part");
  // Shard 1 goes to standard output with its index from the environment, as a Slurm array task's
  // would; alone, since the variable is set in this process.
  const s1 = await echelon(["frontier", file, ...small, "--shard-from-env", "3"], { SLURM_ARRAY_TASK_ID: "1" });
  const [whole, wholeCsv, s0, s2, foreign, run] = await Promise.all([
    echelon(["frontier", file, ...small]),
    echelon(["frontier", file, ...small, "--format", "csv"]),
    echelon(["frontier", file, ...small, "--shard", "0/3", "--out", parts[0]]),
    echelon(["frontier", file, ...small, "--shard", "2/3", "--out", parts[2]]),
    // Of 8 shards, the last computes only the scenario as it is: one simulation.
    echelon(["frontier", file, ...small, "--seed", "9", "--shard", "7/8", "--out", other]),
    echelon(["run", file, "--replications", "12", "--seed", "5", "--workers", "1", "--shard", "0/2", "--out", runPart]),
  ]);
  writeFileSync(parts[1], s1.bytes);
  const shuffled = [parts[2], parts[0], parts[1]];
  const [json, csv] = await Promise.all([echelon(["merge", ...shuffled]), echelon(["merge", ...shuffled, "--format", "csv"])]);

  it("every shard computes its own units and writes a part", () => {
    expect([whole, wholeCsv, s0, s1, s2, foreign, run].map((r) => r.code), [s0, s1, s2].map((r) => r.stderr).join("\n")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // 2 headline calibrations, 2 targets, 3 service levels and the scenario as it is: 8 units dealt in turn.
    expect(s1.stderr).toContain("shard 1/3: 3 of the curve's 8 units: the calibrated node-by-node baseline at fill rate 0.98; service level 0.85 (both analytic curves); the scenario as it is (current)");
    expect(s0.stderr).toContain("the network optimiser at target fill 0.98");
    expect(s0.stderr).not.toContain("current: fill rate");
  });

  it("merge of the parts, in any order, prints echelon frontier's JSON and CSV byte for byte", () => {
    expect([json.code, csv.code], json.stderr + csv.stderr).toEqual([0, 0]);
    expect(JSON.parse(json.stdout).format).toBe("echelon-frontier@1");
    expect(json.stdout).toBe(whole.stdout);
    expect(csv.stdout).toBe(wholeCsv.stdout);
    expect(json.stderr).toContain(`merged 3 parts: the trade-off curve of "${retail.name}" (${JSON.parse(whole.stdout).evaluations.total} evaluations)`);
    expect(json.stderr).toMatch(/echelon frontier: at fill rate 0\.98 \(interpolated/);
  });

  it("merge refuses missing, duplicate, foreign and mixed-kind parts, naming the problem and the files", async () => {
    const missing = await here(["merge", parts[0], parts[2]]), twice = await here(["merge", ...parts, parts[1]]);
    const seeds = await here(["merge", parts[0], parts[1], other]), mixed = await here(["merge", parts[0], runPart]);
    expect([missing.code, twice.code, seeds.code, mixed.code]).toEqual([1, 1, 1, 1]);
    expect(missing.stderr).toContain("echelon merge: units 1 (the calibrated node-by-node baseline at fill rate 0.98), 4 (service level 0.85 (both analytic curves)), 7 (the scenario as it is (current)) of the 8 of this curve are missing (no part computed them)");
    expect(twice.stderr).toContain(`echelon merge: unit 1 (the calibrated node-by-node baseline at fill rate 0.98) is in more than one part: ${parts[1]} and ${parts[1]}`);
    expect(seeds.stderr).toContain(`echelon merge: the seed differs: ${parts[0]} has 5, ${other} has 9`);
    expect(seeds.stderr).toContain("the scenario or the curve's options (their hash, overrides included) differs");
    expect(mixed.stderr).toContain(`echelon merge: the parts come from different commands: ${parts[0]} from echelon frontier, ${runPart} from echelon run`);
    for (const r of [missing, twice, seeds, mixed]) expect(r.stdout).toBe("");
  });

  it("a shard refuses --format csv and a shard index out of range", async () => {
    const csv = await here(["frontier", file, ...small, "--shard", "0/2", "--format", "csv"]);
    const range = await here(["frontier", file, ...small, "--shard-from-env", "3"], { SLURM_ARRAY_TASK_ID: "3" });
    expect([csv.code, range.code]).toEqual([2, 2]);
    expect(csv.stderr).toContain("a shard writes an echelon-partial@1; give --format to echelon merge");
    expect(range.stderr).toContain("the shard index must be a whole number from 0 to 2, got 3");
  });
});
