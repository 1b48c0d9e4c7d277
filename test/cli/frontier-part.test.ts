import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frontierHash, frontierProblems, frontierUnits, shardUnits, simulationKey, type FrontierJobOptions } from "../../src/cli/frontier-part.ts";
import { writeFrontierPart } from "../../src/cli/frontier-shard.ts";
import { MergeError, mergeParts, openParts } from "../../src/cli/merge.ts";
import { PARTIAL_FORMAT, ROW_ENCODING, type PartialHeader, type PartialManifest } from "../../src/cli/partial.ts";
import type { Scenario } from "../../src/sim/model/scenario.ts";

const root = join(import.meta.dirname, "../..");
const scenario: Scenario = JSON.parse(readFileSync(join(root, "scenarios/retail-3-echelon.json"), "utf8"));
const options: FrontierJobOptions = {
  serviceLevels: [0.85, 0.9, 0.995], targets: [0.95], headline: [0.95, 0.98], leadTimeVariance: true,
  run: { seed: 5, replications: 4 }, search: { seed: 6, replications: 3 }, maxEvaluations: 10, minimize: "inventory-value",
};
const units = frontierUnits(options).length;
const manifest = (index: number, count: number): PartialManifest => ({
  scenarioHash: frontierHash(scenario, options), scenario: scenario.name, seed: 5, replications: 4, horizon: scenario.horizon, warmup: scenario.warmup,
  from: 0, to: 4, shard: { index, count }, engineVersion: "test", workers: 1, elapsedMs: 0,
});
const header = (file: string, computed: number[], edit: Partial<PartialHeader> = {}) => ({
  file, header: { format: PARTIAL_FORMAT, kind: "frontier", manifest: manifest(0, 1), rows: ROW_ENCODING, runs: [], frontier: { scenario, options, units, computed }, ...edit } as PartialHeader,
});

describe("frontier units and parts", () => {
  it("the units are each calibration, target and service level, then the scenario as it is; shards deal them out in turn, each to exactly one shard", () => {
    expect(frontierUnits(options).map((u) => u.kind)).toEqual(["calibration", "calibration", "target", "level", "level", "level", "current"]);
    for (const count of [1, 2, 3, 7, 10]) {
      const dealt = Array.from({ length: count }, (_, index) => shardUnits(units, { index, count })).flat().sort((a, b) => a - b);
      expect(dealt, `${count} shards`).toEqual(Array.from({ length: units }, (_, i) => i));
    }
    expect(shardUnits(units, { index: 1, count: 3 })).toEqual([1, 4]);
    expect(shardUnits(units, { index: 8, count: 10 })).toEqual([]);
  });

  it("a simulation's key depends on the scenario and on its replications", () => {
    const key = simulationKey(scenario, options.run);
    expect(simulationKey(structuredClone(scenario), { seed: 5, replications: 4 })).toBe(key);
    expect(simulationKey(scenario, options.search)).not.toBe(key);
    expect(simulationKey({ ...scenario, horizon: scenario.horizon + 1 }, options.run)).not.toBe(key);
  });

  it("frontierProblems names an edited header, a foreign unit, and units missing or twice", () => {
    const all = Array.from({ length: units }, (_, i) => i);
    expect(frontierProblems([header("a", all)])).toEqual([]);
    expect(frontierProblems([header("a", all, { frontier: { scenario, options: { ...options, maxEvaluations: 11 }, units, computed: all } })]))
      .toEqual(["a: its scenario and options do not match its manifest's hash (the header was edited)"]);
    expect(frontierProblems([header("a", all, { frontier: undefined })])[0]).toMatch(/^a: the header has no frontier job/);
    expect(frontierProblems([header("a", [...all, 9])])).toEqual(["a: unit 9 is not one of the curve's 7"]);
    expect(frontierProblems([header("a", [0, 1, 2, 3]), header("b", [3, 4, 5])])).toEqual([
      "units 6 (the scenario as it is (current)) of the 7 of this curve are missing (no part computed them); 1 shard was made",
      "unit 3 (service level 0.85 (both analytic curves)) is in more than one part: a and b",
    ]);
  });

  it("merge refuses parts that claim every unit but lack a simulation the curve needs", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "echelon-frontier-part-")), "empty.part");
    writeFrontierPart(file, { scenario, job: options, computed: Array.from({ length: units }, (_, i) => i), units, manifest: manifest(0, 1) }, new Map());
    const parts = openParts([file]);
    try {
      const merging = mergeParts(parts);
      await expect(merging).rejects.toBeInstanceOf(MergeError);
      await expect(merging).rejects.toThrow(/echelon merge: no part holds a simulation the curve needs \(on 4 replications, seed 5\)/);
    } finally {
      for (const p of parts) p.reader.close();
    }
  });
});
