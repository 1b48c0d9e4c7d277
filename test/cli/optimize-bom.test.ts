import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../src/sim/validate/index.ts";
import { cameraScenario, truckWithSpareHub } from "../sim/optimize/bom-fixtures.ts";
import { runEchelonHere } from "../helpers/echelon-cli.ts";

const root = join(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "echelon-optimize-bom-"));

// In this process: what the command prints and its exit status (main.test.ts runs bin/echelon.mjs).
const echelon = (...args: string[]) => runEchelonHere(args);

describe("echelon optimize on a scenario with bills of materials", () => {
  it("optimize --method gsm plans every item and reaches Snyder & Shen's Figure 6.14 optimum (promise 2: 18.8240044725922)", async () => {
    const file = join(tmp, "camera.json");
    writeFileSync(file, JSON.stringify(cameraScenario(2)));
    const r = await echelon("optimize", file, "--method", "gsm", "--z", "1.6448536269514722");
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.safetyStockCost).toBeCloseTo(18.8240044725922, 10);
    expect(Object.keys(doc.nodes.final)).toEqual(["imager", "body", "board", "parts", "camera"]);
    expect(doc.nodes.final.camera.serviceTime).toBe(2);
    expect(validateScenario(doc.scenario).ok).toBe(true);
  });

  it("optimize --method simulation searches every item of the three-level assembly on the worker pool", async () => {
    const r = await echelon("optimize", join(root, "scenarios/assembly-3-level.json"), "--method", "simulation", "--target-fill", "0.95",
      "--replications", "4", "--check-replications", "4", "--max-evaluations", "40", "--workers", "1");
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.simulation.search).toBe("network");
    expect(Object.keys(doc.nodes["final-assembly"])).toEqual(["truck", "engine", "chassis"]);
    expect(validateScenario(doc.scenario).ok).toBe(true);
  });

  it("optimize --method gsm exits 1 and names the item when the items are not a spanning tree; single-echelon plans it", async () => {
    const file = join(tmp, "spare-hub.json");
    writeFileSync(file, JSON.stringify(truckWithSpareHub));
    const gsm = await echelon("optimize", file, "--method", "gsm");
    expect(gsm.code).toBe(1);
    expect(gsm.stderr).toMatch(/spare-hub\.json: gsm: item \(plant, wheel\) is joined to \(plant, hub\) by its recipe/);
    expect(gsm.stdout).toBe("");
    const single = await echelon("optimize", file, "--method", "single-echelon");
    expect(single.code, single.stderr).toBe(0);
    expect(Object.keys(JSON.parse(single.stdout).nodes.plant)).toEqual(["truck", "engine", "wheel", "hub"]);
  });
});
