import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args.ts";
import { optimizeOptions } from "../../src/cli/optimize.ts";
import { validateScenario } from "../../src/sim/validate/index.ts";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const retail = join(root, "scenarios/retail-3-echelon.json");
const tmp = mkdtempSync(join(tmpdir(), "echelon-optimize-"));

// In this process: what the command prints and its exit status (main.test.ts runs bin/echelon.mjs).
const echelon = (...args: string[]) => runEchelonHere(args);

describe("echelon optimize", () => {
  it("optimize --method gsm prints an echelon-optimization@1 document that embeds a valid scenario", async () => {
    const r = await echelon("optimize", retail, "--method", "gsm", "--service-level", "0.95");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["format", "method", "serviceLevel", "z", "nodes", "safetyStockUnits", "safetyStockCost", "scenario"]);
    expect([doc.format, doc.method, doc.serviceLevel]).toEqual(["echelon-optimization@1", "gsm", 0.95]);
    expect(doc.z).toBeCloseTo(1.6448536269514722, 12);
    expect(Object.keys(doc.nodes["dc-north"])).toEqual([
      "processingTime", "inboundServiceTime", "serviceTime", "netReplenishmentTime", "meanDemand", "sdDemand", "safetyStock", "baseStock",
    ]);
    expect(doc.nodes["dc-north"].processingTime).toBe(3); // uniform 2..4 days
    expect(validateScenario(doc.scenario).ok).toBe(true);
    expect(doc.scenario.nodes.find((n: { id: string }) => n.id === "dc-north").policy).toEqual({ type: "base-stock", level: doc.nodes["dc-north"].baseStock });
  });

  it("optimize --z and --out write the document to a file; --lead-time-variance holds more", async () => {
    const out = join(tmp, "opt.json");
    const [a, b] = await Promise.all([
      echelon("optimize", retail, "--method", "single-echelon", "--z", "2", "--out", out),
      echelon("optimize", retail, "--method", "single-echelon", "--z", "2", "--lead-time-variance"),
    ]);
    expect([a.code, a.stdout, b.code]).toEqual([0, "", 0]);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect([doc.method, doc.z]).toEqual(["single-echelon", 2]);
    expect(JSON.parse(b.stdout).safetyStockUnits).toBeGreaterThan(doc.safetyStockUnits);
  });

  it("optimize --method simulation --search scale keeps the one-factor search and its report", async () => {
    const r = await echelon("optimize", retail, "--method", "simulation", "--search", "scale", "--target-fill", "0.97", "--lead-time-variance", "--replications", "8", "--workers", "2");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.method).toBe("simulation");
    expect(Object.keys(doc.simulation)).toEqual(["targetFill", "safetyFactor", "fillRate", "reached", "evaluations", "replicationsPerEvaluation"]);
    expect(doc.simulation).toMatchObject({ targetFill: 0.97, reached: true, replicationsPerEvaluation: 8 });
    expect(doc.simulation.fillRate.mean).toBeGreaterThanOrEqual(0.97);
    expect(doc.simulation.fillRate.ci95[0]).toBeLessThanOrEqual(doc.simulation.fillRate.mean);
    expect(r.stderr).toContain("echelon optimize: safety stock × 1.0000: fill rate");
  });

  it("optimize --method simulation runs the network search on the workers and reports it, with a check on a fresh seed", async () => {
    const r = await echelon("optimize", retail, "--method", "simulation", "--target-fill", "0.97", "--lead-time-variance",
      "--replications", "6", "--max-evaluations", "20", "--check-replications", "12", "--workers", "2");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.simulation)).toEqual([
      "targetFill", "fillRate", "reached", "evaluations", "replicationsPerEvaluation",
      "search", "objective", "minimize", "targetAt", "seed", "holdingCost", "totalCost", "onHandValue", "starts", "startedFrom", "check",
    ]);
    expect(doc.simulation).toMatchObject({ targetFill: 0.97, reached: true, replicationsPerEvaluation: 6, search: "network", objective: "target-fill", seed: 42 });
    expect(doc.simulation.evaluations).toBeLessThanOrEqual(20);
    expect(doc.simulation.starts.map((s: { method: string; sameAs?: string }) => [s.method, s.sameAs])).toEqual([["single-echelon", undefined], ["gsm", "single-echelon"]]);
    expect(doc.simulation.check).toMatchObject({ seed: 43, replications: 12 });
    expect(doc.simulation.check.targetMet).toBe(doc.simulation.check.fillRate.ci95[0] >= 0.97);
    // Every stocking node gets its own level in the scenario.
    const level = (id: string) => doc.scenario.nodes.find((n: { id: string }) => n.id === id).policy.level;
    expect(level("store-north-1")).toBe(doc.nodes["store-north-1"].baseStock);
    expect(validateScenario(doc.scenario).ok).toBe(true);
    expect(r.stderr).toContain("echelon optimize: network search (target-fill), 6 replications per evaluation (seed 42), final check on 12 fresh replications (seed 43), 2 workers");
    expect(r.stderr).toMatch(/echelon optimize: start single-echelon × \d\.\d{4}: fill rate /);
    expect(r.stderr).toContain(`echelon optimize: ${doc.simulation.evaluations} evaluations × 6 replications, then 2 × 12 for the check`);
    expect(r.stderr).toContain(`echelon optimize: check: ${doc.simulation.check.verdict}`);
  });

  it("optimize --verify adds promise vs reality per node, and marks the nodes where the analytic model is optimistic", async () => {
    const r = await echelon("optimize", retail, "--method", "gsm", "--lead-time-variance", "--verify", "--check-replications", "20", "--seed", "5", "--workers", "2");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(-2)).toEqual(["verification", "scenario"]);
    const v = doc.verification;
    expect([v.seed, v.replications, v.network.promised]).toEqual([5, 20, { cycleServiceLevel: 0.95 }]);
    expect(Object.keys(v.nodes)).toHaveLength(26);
    const store = v.nodes["store-north-1"], dc = v.nodes["dc-north"];
    expect(store.promise).toEqual({ serviceTime: 0, safetyStock: doc.nodes["store-north-1"].safetyStock, cycleServiceLevel: expect.closeTo(0.95, 12) });
    expect(Object.keys(store.simulated)).toEqual(["fillRate", "cycleServiceLevel"]);
    expect(Object.keys(dc.simulated)).toEqual(["internalFillRate"]);
    // Marked exactly where the interval lies below the promise.
    for (const n of Object.values(v.nodes) as { promise: { cycleServiceLevel: number }; simulated: { cycleServiceLevel?: { ci95: number[] }; internalFillRate?: { ci95: number[] } }; optimistic: boolean }[]) {
      const measured = n.simulated.cycleServiceLevel ?? n.simulated.internalFillRate!;
      expect(n.optimistic).toBe(measured.ci95[1] < n.promise.cycleServiceLevel);
    }
    expect(v.network.optimistic).toBe(v.network.delivered.cycleServiceLevel.ci95[1] < 0.95);
    expect(r.stderr).toContain("echelon optimize: promise vs reality on 20 replications (seed 5); CSL = cycle service level");
    expect(r.stderr).toMatch(/ {2}network: promised cycle service level 0.95; delivered fill rate 0\.\d{4} \[/);
  });

  it("optimize exits 2 on a bad option and 1 on an invalid scenario, naming the problem", async () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(retail, "utf8")), horizon: -5 }));
    const rs = await Promise.all([
      echelon("optimize", retail, "--method", "magic"),
      echelon("optimize", retail),
      echelon("optimize", retail, "--method", "gsm", "--service-level", "1.2"),
      echelon("optimize", bad, "--method", "gsm"),
    ]);
    expect(rs.map((r) => r.code)).toEqual([2, 2, 2, 1]);
    expect(rs[0].stderr).toContain('--method must be one of single-echelon, gsm, simulation, got "magic"');
    expect(rs[1].stderr).toContain("--method is required");
    expect(rs[2].stderr).toContain("--service-level must be at least 0.5 and below 1, got 1.2");
    expect(rs[3].stderr).toContain(`${bad}: horizon: `);
  });
});

describe("optimizeOptions", () => {
  it("optimizeOptions defaults to service level 0.95 and rejects conflicting or out-of-range options", () => {
    expect(optimizeOptions({ method: "gsm" })).toEqual({
      method: "gsm", target: { serviceLevel: 0.95 }, targetFill: undefined, replications: undefined, leadTimeVariance: false, verify: false, seed: undefined, checkReplications: undefined,
    });
    expect(() => optimizeOptions({ method: "gsm", seed: 3 })).toThrow("--seed applies to --method simulation or --verify only");
    expect(optimizeOptions({ method: "gsm", verify: true, seed: 3, "check-replications": 50 })).toMatchObject({ verify: true, seed: 3, checkReplications: 50 });
    expect(optimizeOptions({ method: "gsm", z: 1.5 }).target).toEqual({ z: 1.5 });
    expect(() => optimizeOptions({ method: "gsm", z: 1, "service-level": 0.9 })).toThrow(UsageError);
    expect(() => optimizeOptions({ method: "gsm", "target-fill": 0.9 })).toThrow("--target-fill applies to --method simulation only");
    expect(() => optimizeOptions({ method: "simulation", "target-fill": 0 })).toThrow("--target-fill must be above 0");
    expect(() => optimizeOptions({ method: "simulation", replications: 1 })).toThrow("--replications must be at least 2");
    expect(() => optimizeOptions({ method: "gsm", objective: "total-cost" })).toThrow("--objective applies to --method simulation only");
    expect(() => optimizeOptions({ method: "simulation", objective: "cheap" })).toThrow('--objective must be one of target-fill, total-cost, got "cheap"');
    expect(() => optimizeOptions({ method: "simulation", objective: "total-cost", "target-fill": 0.9 })).toThrow("give --target-fill or --objective total-cost, not both");
    expect(() => optimizeOptions({ method: "simulation", search: "scale", "max-evaluations": 50 })).toThrow("--max-evaluations applies to the network search only");
    expect(optimizeOptions({ method: "simulation", objective: "total-cost", seed: 7 })).toMatchObject({ search: "network", objective: "total-cost", seed: 7 });
    expect(optimizeOptions({ method: "simulation", minimize: "inventory-value" })).toMatchObject({ objective: "target-fill", minimize: "inventory-value" });
    expect(() => optimizeOptions({ method: "simulation", objective: "total-cost", minimize: "inventory-value" })).toThrow("--minimize applies to the target-fill objective only");
    expect(optimizeOptions({ method: "simulation", "target-at": "lower-bound" })).toMatchObject({ targetAt: "lower-bound" });
    expect(() => optimizeOptions({ method: "simulation", "target-at": "median" })).toThrow('--target-at must be one of mean, lower-bound, got "median"');
  });
});
