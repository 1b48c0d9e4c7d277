import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args.ts";
import { FRONTIER_CSV_HEADER, frontierOptions, sweep } from "../../src/cli/frontier.ts";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "echelon-frontier-"));
// The retail network over 120 days, so that a whole curve runs in a few seconds.
const retail = JSON.parse(readFileSync(join(root, "scenarios/retail-3-echelon.json"), "utf8"));
const file = join(tmp, "retail-120.json");
writeFileSync(file, JSON.stringify({ ...retail, horizon: 120, warmup: 30 }));

// In this process: what the command prints and its exit status (main.test.ts runs bin/echelon.mjs).
const echelon = (...args: string[]) => runEchelonHere(args);

const small = ["--points", "3", "--targets", "0.95,0.98", "--replications", "12", "--seed", "5", "--search-replications", "8", "--max-evaluations", "10", "--workers", "2"];

describe("echelon frontier", async () => {
  const [json, csv, run] = await Promise.all([
    echelon("frontier", file, ...small),
    echelon("frontier", file, ...small, "--format", "csv"),
    echelon("run", file, "--replications", "12", "--seed", "5", "--workers", "2"),
  ]);

  it("frontier prints an echelon-frontier@1 document with three curves, the current point and the headline", () => {
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(Object.keys(doc)).toEqual(["format", "scenario", "seed", "replications", "leadTimeVariance", "search", "current", "curves", "headline", "evaluations"]);
    expect([doc.format, doc.seed, doc.replications, doc.leadTimeVariance]).toEqual(["echelon-frontier@1", 5, 12, true]);
    expect(doc.search).toEqual({ seed: 6, replications: 8, maxEvaluations: 10, minimize: "inventory-value" });
    expect(Object.keys(doc.curves)).toEqual(["single-echelon", "gsm", "simulation"]);
    expect(doc.curves["single-echelon"].map((p: { serviceLevel: number }) => p.serviceLevel)).toEqual(sweep(3));
    expect(doc.curves.simulation.map((p: { targetFill: number }) => p.targetFill)).toEqual([0.95, 0.98]);
    expect(Object.keys(doc.curves.gsm[0])).toEqual(["serviceLevel", "fillRate", "onHandValue", "holdingCost", "inventoryTurns", "onHand", "evaluations", "sameAs", "levels"]);
    expect(doc.headline.map((h: { fillRate: number; how: string }) => [h.fillRate, h.how])).toEqual([[0.95, "interpolated"], [0.98, "interpolated"]]);
    expect(Object.keys(doc.headline[0])).toEqual(["fillRate", "how", "nodeByNode", "best", "calibratedNodeByNode", "saving"]);
    const e = doc.evaluations;
    expect(e.total).toBe(e["single-echelon"] + e.gsm + e.simulation + e.current + e.calibration);
  });

  it("frontier's current-scenario point equals a plain echelon run of the file on the same seed", () => {
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(json.stdout), plain = JSON.parse(run.stdout).network;
    for (const key of ["fillRate", "onHandValue", "holdingCost", "inventoryTurns", "onHand"]) {
      expect(doc.current[key], key).toEqual({ mean: plain[key].mean, ci95: plain[key].ci95 });
    }
  });

  it("frontier reports progress per point, the evaluations used and the headline on standard error", () => {
    expect(json.stderr).toContain("echelon frontier: current: fill rate");
    expect(json.stderr).toContain("echelon frontier: simulation at target fill 0.98: fill rate");
    expect(json.stderr).toMatch(/echelon frontier: \d+ evaluations: 3 single-echelon, 0 gsm, 1 current, \d+ calibrating node by node at 12 replications; \d+ for the network optimiser/);
    expect(json.stderr).toMatch(/echelon frontier: at fill rate 0\.95/);
  });

  it("frontier --format csv writes one row per point, the current scenario first", () => {
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(FRONTIER_CSV_HEADER.join(","));
    expect(lines.length).toBe(1 + 1 + 3 + 3 + 2);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["current", ...Array(3).fill("single-echelon"), ...Array(3).fill("gsm"), "simulation", "simulation"]);
    const doc = JSON.parse(json.stdout), cells = lines[1].split(",");
    expect(Number(cells[3])).toBe(doc.current.fillRate.mean);
  });

  it("frontierOptions names a bad option", () => {
    expect(() => frontierOptions({ targets: "0.9,1.5" })).toThrow(UsageError);
    expect(() => frontierOptions({ targets: "0.9,1.5" })).toThrow(/--targets/);
    expect(() => frontierOptions({ points: 1 })).toThrow(/--points/);
    expect(() => frontierOptions({ minimize: "units" })).toThrow(/--minimize/);
    expect(() => frontierOptions({ "max-evaluations": 5 })).toThrow(/--max-evaluations/);
    expect(() => frontierOptions({ headline: "0.95,,0.98" })).toThrow(/--headline/);
    expect(frontierOptions({ textbook: true, targets: "0.98, 0.9", headline: "0.97" })).toMatchObject({ leadTimeVariance: false, targets: [0.9, 0.98], headline: [0.97] });
    expect(frontierOptions({})).toMatchObject({ leadTimeVariance: true, targets: [0.9, 0.95, 0.98, 0.99], headline: [0.95, 0.98], maxEvaluations: 40, minimize: "inventory-value" });
  });

  it("frontier with a bad option exits 2", async () => {
    const r = await echelon("frontier", file, "--targets", "2");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--targets");
  });
});
