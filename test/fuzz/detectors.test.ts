// The fuzz campaign's own parts (scripts/fuzz/): a zero in its table means something only if the
// detectors see what they look for and the cases are reproducible from their numbers.
import { describe, expect, it } from "vitest";
import { generateCase, loadLibrary } from "../../scripts/fuzz/generate.ts";
import { nonFiniteStats } from "../../scripts/fuzz/kpi-rules.ts";
import { prototypeChanges, restorePrototypes, snapshotPrototypes } from "../../scripts/fuzz/prototypes.ts";
import type { RunResult, Stat } from "../../src/sim/model/result.ts";

const stat = (mean: number, n = 2): Stat => ({ mean, sd: 0, ci95: [mean, mean], p05: mean, p50: mean, p95: mean, n });
const result = (network: Record<string, Stat>, nodes: Record<string, Record<string, Stat>> = {}) =>
  ({ replications: 2, network, nodes, products: {} }) as unknown as RunResult;

describe("prototypes", () => {
  it("prototypeChanges names a key written onto Object.prototype, and restorePrototypes removes it", () => {
    const snap = snapshotPrototypes();
    (Object.prototype as Record<string, unknown>).fuzzProbe = 1;
    expect(prototypeChanges(snap)).toEqual(["Object.prototype.fuzzProbe added"]);
    restorePrototypes(snap);
    expect(prototypeChanges(snap)).toEqual([]);
    expect("fuzzProbe" in {}).toBe(false);
  });
  it("prototypeChanges sees a KPI written onto a method such as Object.prototype.toString", () => {
    const snap = snapshotPrototypes();
    (Object.prototype.toString as unknown as Record<string, unknown>).fillRate = 0.5;
    expect(prototypeChanges(snap)).toEqual(["Object.prototype.toString got fillRate"]);
    restorePrototypes(snap);
    expect(Object.hasOwn(Object.prototype.toString, "fillRate")).toBe(false);
  });
});

describe("nonFiniteStats", () => {
  it("flags a cost that is NaN or infinite", () => {
    expect(nonFiniteStats(result({ totalCost: stat(NaN, 0), holdingCost: stat(Infinity) }))).toEqual([
      "network.totalCost: undefined in 2 of 2 replications",
      "network.holdingCost: mean Infinity, ci95 [Infinity, Infinity] (n = 2)",
    ]);
  });
  it("accepts an undefined fill rate without demand, and flags one with demand", () => {
    expect(nonFiniteStats(result({ demand: stat(0), fillRate: stat(NaN, 0) }))).toEqual([]);
    expect(nonFiniteStats(result({}, { s: { demand: stat(3), fillRate: stat(NaN, 0) } }))).toEqual(['nodes["s"].fillRate: undefined although demand is 3']);
  });
});

describe("generateCase", () => {
  const library = loadLibrary();
  it("is a function of (seed, case number)", () => {
    const a = generateCase(library, 1, 42), b = generateCase(library, 1, 42), c = generateCase(library, 2, 42);
    expect(b.text).toBe(a.text);
    expect(b.ops).toEqual(a.ops);
    expect(c.text === a.text && c.ops.join() === a.ops.join()).toBe(false);
  });
  it("draws every family of mutation but the rarest (objectCycle, 1 case in 1,000) within 300 cases", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 300; n++) for (const op of generateCase(library, 1, n).ops) seen.add(op.split(/[ :]/)[0]);
    for (const family of ["delete", "typeSwap", "extremeNumber", "nanLike", "jsOnlyNumber", "renameId", "reservedKey", "longString", "unicode",
      "deepNest", "networkCycle", "missingRef", "longArray", "scaleNetwork", "manyProducts", "longLeadTime", "enrich", "text"]) {
      expect(seen, family).toContain(family);
    }
  });
});
