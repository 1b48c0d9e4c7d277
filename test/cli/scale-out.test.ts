import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkParts, mergeParts, openParts } from "../../src/cli/merge.ts";
import { createPartWriter, openPart, PARTIAL_FORMAT, ROW_ENCODING, scenarioHash, type PartialHeader } from "../../src/cli/partial.ts";
import { parseShard, shardFromEnv, shardRange } from "../../src/cli/shard.ts";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const retail = join(root, "scenarios/retail-3-echelon.json");
const tmp = mkdtempSync(join(tmpdir(), "echelon-scale-out-"));

// In this process: these tests are about what run, compare, impact and merge print (main.test.ts runs bin/echelon.mjs).
const echelon = runEchelonHere;
/** A result without what depends on the machines (docs/scale-out.md). */
const stable = (text: string) => {
  const { workers: _w, elapsedMs: _e, ...rest } = JSON.parse(text);
  return rest;
};

describe("echelon run --shard and echelon merge", () => {
  it("merge of 3 shards prints the echelon-result@1 of echelon run, bit for bit (the run's table in memory and spilled)", async () => {
    const common = [retail, "--replications", "25", "--seed", "11", "--workers", "1"];
    const shards = await Promise.all([0, 1, 2].map((k) => echelon(["run", ...common, "--shard", `${k}/3`, "--out", join(tmp, `part-${k}.json`)])));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    expect(shards[1].stderr).toMatch(/shard 1\/3: replications 8–15 of 25/);
    const parts = [2, 0, 1].map((k) => join(tmp, `part-${k}.json`));
    const [whole, merged] = await Promise.all([
      echelon(["run", ...common, "--replication-values"]),
      echelon(["merge", ...parts, "--replication-values"]),
    ]);
    // Alone: the variable would reach a run beside it.
    const spilled = await echelon(["run", ...common, "--replication-values"], { ECHELON_SPILL_BYTES: "0" });
    expect([whole.code, merged.code, spilled.code]).toEqual([0, 0, 0]);
    expect(JSON.stringify(stable(merged.stdout))).toBe(JSON.stringify(stable(whole.stdout)));
    expect(JSON.stringify(stable(merged.stdout))).toBe(JSON.stringify(stable(spilled.stdout)));
    expect(JSON.parse(merged.stdout).network.fillRate.n).toBe(25);
    expect(merged.stderr).toMatch(/merged 3 parts: 25 replications/);
    const manifest = openPart(parts[1]).header.manifest;
    expect([manifest.from, manifest.to, manifest.replications, manifest.seed, manifest.shard]).toEqual([0, 8, 25, 11, { index: 0, count: 3 }]);
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("merge refuses parts that are not one run, naming the problem and the files", async () => {
    const a = join(tmp, "a.json"), b = join(tmp, "b.json"), other = join(tmp, "other.json");
    const common = [retail, "--replications", "6", "--workers", "1"];
    const r = await Promise.all([
      echelon(["run", ...common, "--shard", "0/2", "--out", a]),
      echelon(["run", ...common, "--shard", "1/2", "--out", b]),
      echelon(["run", ...common, "--seed", "9", "--shard", "1/2", "--out", other]),
    ]);
    expect(r.map((x) => x.code)).toEqual([0, 0, 0]);
    const missing = await echelon(["merge", a]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("echelon merge: replications 3–5 of 6 are missing");
    const twice = await echelon(["merge", a, a, b]);
    expect(twice.stderr).toContain(`echelon merge: replications 0–2 are in more than one part: ${a} and ${a}`);
    const seeds = await echelon(["merge", a, other]);
    expect(seeds.code).toBe(1);
    expect(seeds.stderr).toContain(`the seed differs: ${a} has 42, ${other} has 9`);
    expect(seeds.stderr).toContain("the scenario (its hash, overrides included) differs");
    writeFileSync(join(tmp, "result.json"), '{"format":"echelon-result@1"}');
    const notPart = await echelon(["merge", join(tmp, "result.json")]);
    expect(notPart.stderr).toContain("not an echelon-partial@1 document");
  });

  it("compare A B --shard: merge prints the echelon-comparison@1 of echelon compare, byte for byte", async () => {
    const b = join(root, "scenarios/seasonal-peak.json");
    const common = ["compare", retail, b, "--replications", "13", "--seed", "5", "--workers", "1"];
    const files = [0, 1, 2].map((k) => join(tmp, `compare-${k}.part`));
    const shards = await Promise.all(files.map((out, k) => echelon([...common, "--shard", `${k}/3`, "--out", out])));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    expect(shards[2].stderr).toMatch(/replications 8–12 of 13 × 2 runs/);
    const [whole, merged, asRun] = await Promise.all([echelon(common), echelon(["merge", ...files]), echelon(["merge", files[0], join(tmp, "part-1.json")])]);
    expect([whole.code, merged.code]).toEqual([0, 0]);
    expect(JSON.parse(merged.stdout).format).toBe("echelon-comparison@1");
    expect(merged.stdout).toBe(whole.stdout);
    expect(asRun.stderr).toContain(`the parts come from different commands: ${files[0]} from echelon compare, ${join(tmp, "part-1.json")} from echelon run`);
  });

  it("impact --shard: merge prints the echelon-impact@1 of echelon impact, byte for byte (mitigations: three runs)", async () => {
    const lateral = join(root, "scenarios/supplier-delay-lateral.json");
    const common = ["impact", lateral, "--replications", "9", "--seed", "3", "--workers", "1"];
    const files = [0, 1].map((k) => join(tmp, `impact-${k}.part`));
    const shards = await Promise.all(files.map((out, k) => echelon([...common, "--shard", `${k}/2`, "--out", out])));
    expect(shards.map((s) => s.code)).toEqual([0, 0]);
    const [whole, merged, csvWhole, csvMerged] = await Promise.all([
      echelon(common), echelon(["merge", ...files]), echelon([...common, "--format", "csv"]), echelon(["merge", ...files, "--format", "csv"]),
    ]);
    expect([whole.code, merged.code]).toEqual([0, 0]);
    expect(JSON.parse(merged.stdout).mitigations).toEqual(JSON.parse(whole.stdout).mitigations);
    expect(JSON.parse(merged.stdout).saved).toBeDefined();
    expect(JSON.stringify(stable(merged.stdout))).toBe(JSON.stringify(stable(whole.stdout)));
    expect(csvMerged.stdout).toBe(csvWhole.stdout);
  });

  it("--shard-from-env reads SLURM_ARRAY_TASK_ID, then JOB_COMPLETION_INDEX, then AWS_BATCH_JOB_ARRAY_INDEX", async () => {
    expect(shardFromEnv(4, { SLURM_ARRAY_TASK_ID: "2", JOB_COMPLETION_INDEX: "1", AWS_BATCH_JOB_ARRAY_INDEX: "0" })).toEqual({ index: 2, count: 4 });
    expect(shardFromEnv(4, { JOB_COMPLETION_INDEX: "1", AWS_BATCH_JOB_ARRAY_INDEX: "0" })).toEqual({ index: 1, count: 4 });
    expect(shardFromEnv(4, { AWS_BATCH_JOB_ARRAY_INDEX: "3" })).toEqual({ index: 3, count: 4 });
    expect(() => shardFromEnv(4, {})).toThrow("none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set");
    expect(() => shardFromEnv(4, { SLURM_ARRAY_TASK_ID: "4" })).toThrow("from 0 to 3, got 4");
    const env = { SLURM_ARRAY_TASK_ID: "", JOB_COMPLETION_INDEX: "1" };
    const r = await echelon(["run", retail, "--replications", "4", "--workers", "1", "--shard-from-env", "2"], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.slice(0, r.stdout.indexOf("\n"))).manifest).toMatchObject({ from: 2, to: 4, shard: { index: 1, count: 2 } });
  });

  it("with --series, merge gives the series of echelon run too, bit for bit, past the exact budget (histogram bands)", async () => {
    // 300 retail replications pass the reducer's exact budget (32 MiB of float32: 280 replications).
    const common = [retail, "--replications", "300", "--series", "--workers", "1"];
    const files = [0, 1, 2].map((k) => join(tmp, `series-${k}.json`));
    const shards = await Promise.all(files.map((out, k) => echelon(["run", ...common, "--shard", `${k}/3`, "--out", out])));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    const plain = join(tmp, "plain-1.json");
    const [whole, merged, mixed] = await Promise.all([
      echelon(["run", ...common]),
      echelon(["merge", ...[...files].reverse()]),
      echelon(["run", retail, "--replications", "300", "--workers", "1", "--shard", "1/3", "--out", plain]).then(() => echelon(["merge", files[2], plain, files[0]])),
    ]);
    expect([whole.code, merged.code]).toEqual([0, 0]);
    expect(JSON.parse(merged.stdout).series.network.fillRate.p50).toHaveLength(365);
    expect(JSON.stringify(stable(merged.stdout))).toBe(JSON.stringify(stable(whole.stdout)));
    // Read one replication at a time (the CLI reads 8 MiB blocks): the same rows reach the reducer in the same order.
    const parts = openParts(files), small = await mergeParts(parts, { blockBytes: 1 });
    parts.forEach((p) => p.reader.close());
    if (small.kind !== "run") throw new Error(`merged a ${small.kind}`);
    const { replicationValues: _v, workers: _w, elapsedMs: _e, ...rest } = small.result;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(stable(whole.stdout)));
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain(`some parts have --series and some not, or different series: ${files[2]} (series), ${plain} (no series)`);
  });

  it("run --shard refuses a malformed K/N, and --shard with --shard-from-env", async () => {
    expect(() => parseShard("3/3")).toThrow("from 0 to 2, got 3");
    expect(() => parseShard("1")).toThrow("--shard must be K/N");
    const both = await echelon(["run", retail, "--shard", "0/2", "--shard-from-env", "2"]);
    expect(both.stderr).toContain("--shard and --shard-from-env cannot be used together");
  });

  it("a part cut short, from an earlier echelon, not a part or absent is refused naming the file", async () => {
    const common = [retail, "--replications", "6", "--workers", "1"];
    const a = join(tmp, "whole-a.json"), b = join(tmp, "cut-b.json");
    await Promise.all([echelon(["run", ...common, "--shard", "0/2", "--out", a]), echelon(["run", ...common, "--shard", "1/2", "--out", b])]);
    writeFileSync(b, readFileSync(b).subarray(0, readFileSync(b).length - 8));
    const cut = await echelon(["merge", a, b]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(new RegExp(`${b}: the file is [\\d,]+ bytes, expected [\\d,]+ for its header \\(a part cut short`));
    const old = join(tmp, "old.part"), text = join(tmp, "text.part");
    writeFileSync(old, `${JSON.stringify({ format: "echelon-partial@1", manifest: {}, rows: { encoding: "base64-float64le-row-major", data: "AAAA" } })}\n`);
    writeFileSync(text, "{\n  \"format\": \"echelon-result@1\"\n}\n");
    expect(() => openParts([old, text, join(tmp, "absent.part")])).toThrow([
      `${old}: a part from an earlier echelon (its rows are inside the JSON); make the parts again with this version (float64le-column-major-then-sorted)`,
      `${text}: not an echelon-partial@1 document (its first line is not a part's header); make parts with --shard K/N`,
      `${join(tmp, "absent.part")}: cannot read the file (ENOENT: no such file or directory, open '${join(tmp, "absent.part")}')`,
    ].join("\n"));
  });

  it("a shard is held to the work limit for its own block: a run too big for one machine runs as shards, other rules still apply to the whole", async () => {
    const common = [retail, "--replications", "1000000", "--horizon", "3650", "--workers", "1"];
    const out = join(tmp, "huge-7.part");
    const [whole, shard, over] = await Promise.all([
      echelon(["run", ...common]),
      echelon(["run", ...common, "--shard", "7/200000", "--out", out]),
      echelon(["run", retail, "--replications", "1000001", "--horizon", "3650", "--shard", "7/200000"]),
    ]);
    expect(whole.code).toBe(1);
    expect(whole.stderr).toContain("replications: asks for too much work");
    expect(shard.code).toBe(0);
    expect(shard.stderr).toContain("shard 7/200000: replications 35–39 of 1000000");
    expect(openPart(out).header.manifest).toMatchObject({ replications: 1_000_000, horizon: 3650, from: 35, to: 40 });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("replications: must be a whole number from 1 to 1,000,000, got 1000001");
  });

  it("shardRange splits R replications into N blocks that cover 0 … R − 1 once, sizes differing by at most one", () => {
    const blocks = [0, 1, 2, 3].map((index) => shardRange(10, { index, count: 4 }));
    expect(blocks).toEqual([{ from: 0, to: 2 }, { from: 2, to: 5 }, { from: 5, to: 7 }, { from: 7, to: 10 }]);
    expect(shardRange(2, { index: 0, count: 3 })).toEqual({ from: 0, to: 0 });
  });

  it("rows written in any order read back as columns and sorted columns, bit for bit, NaN and -0 included", () => {
    const columns = [{ scope: "network", id: "", key: "fillRate" }, { scope: "network", id: "", key: "onHand" }] as unknown as PartialHeader["runs"][0]["columns"];
    const manifest = { scenarioHash: "h", scenario: "s", seed: 1, replications: 9, horizon: 1, warmup: 0, from: 5, to: 8, shard: { index: 1, count: 2 }, engineVersion: "x", workers: 1, elapsedMs: 0 };
    const file = join(tmp, "rows.part");
    const w = createPartWriter(file, { format: PARTIAL_FORMAT, kind: "run", manifest, rows: ROW_ENCODING, runs: [{ name: "s", columns }] });
    w.writeRows(0, 7, new Float64Array([Number.MAX_VALUE, 1e-300]));
    w.writeRows(0, 5, new Float64Array([1.5, Number.NaN, -0, 2]));
    w.finish({ ...manifest, elapsedMs: 123_456_789 });
    w.close();
    const r = openPart(file);
    expect(r.header.manifest.elapsedMs).toBe(123_456_789);
    const bits = (v: Float64Array) => Array.from(new Uint8Array(v.buffer));
    expect(bits(r.readColumns(0, 0, 2))).toEqual(bits(new Float64Array([1.5, -0, Number.MAX_VALUE, Number.NaN, 2, 1e-300])));
    expect(bits(r.readColumns(0, 1, 1))).toEqual(bits(new Float64Array([Number.NaN, 2, 1e-300])));
    expect(bits(r.readSorted(0, 0, 2))).toEqual(bits(new Float64Array([-0, 1.5, Number.MAX_VALUE, 1e-300, 2, Number.NaN])));
    r.close();
  });

  it("scenarioHash ignores key order and sees every value", () => {
    expect(scenarioHash({ a: 1, b: { c: 2, d: 3 } })).toBe(scenarioHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(scenarioHash({ a: 1 })).not.toBe(scenarioHash({ a: 2 }));
  });

  it("a part whose header has no manifest, or a range outside 0 ≤ from ≤ to ≤ replications, is refused naming the file and the fields", () => {
    const columns = [{ scope: "network", id: "", key: "fillRate" }];
    const manifest = { scenarioHash: "h", scenario: "s", seed: 1, replications: 9, horizon: 1, warmup: 0, from: 5, to: 8, shard: { index: 1, count: 2 }, engineVersion: "x", workers: 1, elapsedMs: 0 };
    const write = (name: string, m: unknown) => {
      const file = join(tmp, name);
      writeFileSync(file, `${JSON.stringify({ format: PARTIAL_FORMAT, kind: "run", ...(m === undefined ? {} : { manifest: m }), rows: ROW_ENCODING, runs: [{ name: "s", columns }] })}\n`);
      return file;
    };
    const none = write("no-manifest.part", undefined), backwards = write("backwards.part", { ...manifest, from: 8, to: 5 });
    const past = write("past.part", { ...manifest, to: 12 }), text = write("text-range.part", { ...manifest, from: "5" });
    expect(() => openParts([none, backwards, past, text])).toThrow([
      `${none}: the header has no manifest (which replications of which run the part holds); make the parts again with --shard K/N`,
      `${backwards}: the manifest's range is wrong: from (8) must be at most to (5)`,
      `${past}: the manifest's range is wrong: to (12) must be at most replications (9)`,
      `${text}: the manifest's range is wrong: from must be a whole number >= 0, got "5"`,
    ].join("\n"));
  });

  it("checkParts refuses a part whose range is outside 0 ≤ from ≤ to ≤ replications, naming it", () => {
    const part = (file: string, from: number, to: number) => ({
      file, header: { kind: "run", runs: [{ name: "s", columns: [] }], manifest: { scenarioHash: "h", seed: 1, replications: 4, engineVersion: "1", from, to } } as unknown as PartialHeader,
    });
    expect(checkParts([part("x", 0, 2), part("y", 2, 6)])).toEqual(["y: the manifest's range is wrong: to (6) must be at most replications (4)"]);
    expect(checkParts([part("x", 0, 2), part("y", 3, 2), part("z", 2, 4)])).toEqual(["y: the manifest's range is wrong: from (3) must be at most to (2)"]);
    expect(checkParts([part("x", 0, 2), part("y", 2, 4)])).toEqual([]);
  });

  it("checkParts names an engine version that differs", () => {
    const part = (file: string, engineVersion: string) => ({
      file, header: { kind: "run", runs: [{ name: "s", columns: [] }], manifest: { scenarioHash: "h", seed: 1, replications: 2, engineVersion, from: file === "x" ? 0 : 1, to: file === "x" ? 1 : 2 } } as unknown as PartialHeader,
    });
    expect(checkParts([part("x", "1.0.0"), part("y", "1.1.0")])).toEqual(['the engine version differs: x has "1.0.0", y has "1.1.0"']);
    expect(checkParts([part("x", "1.0.0"), part("y", "1.0.0")])).toEqual([]);
  });
});
