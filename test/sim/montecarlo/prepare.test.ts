import { describe, expect, it } from "vitest";
import { prepareScenario, ScenarioError } from "../../../src/sim/montecarlo/prepare.ts";
import { fakeScenario } from "../../helpers/fake-engine.ts";

describe("prepare", () => {
  it("ScenarioError lists every issue on its own line, path first", () => {
    const e = new ScenarioError([{ path: "warmup", message: "must be less than horizon (5), got 5" }, { path: "seed", message: "must be an integer or a string, got 1.5" }]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("ScenarioError");
    expect(e.message).toBe("The scenario cannot run with these options:\n  warmup: must be less than horizon (5), got 5\n  seed: must be an integer or a string, got 1.5");
    expect(e.issues).toHaveLength(2);
  });

  it("checks the per-day series' size only for a run with series", () => {
    // 3 nodes: (3 × 3 + 1) × 30,000 = 300,000 series cells a replication, over 250,000.
    const long = { ...fakeScenario("F", 2), horizon: 30_000 };
    expect(prepareScenario(long, {}).horizon).toBe(30_000);
    expect(() => prepareScenario(long, { series: true })).toThrow(ScenarioError);
    expect(() => prepareScenario(long, { series: true })).toThrow(/horizon: is too long for per-day series/);
    expect(prepareScenario(long, { series: true, horizon: 25_000 }).horizon).toBe(25_000);
  });

  it("applies the overrides and returns the validated scenario", () => {
    const s = prepareScenario(fakeScenario("F", 2), { replications: 7, seed: "x" });
    expect([s.replications, s.seed, s.name]).toEqual([7, "x", "F"]);
    expect(() => prepareScenario(fakeScenario("F", 2), { replications: 0 })).toThrow("The scenario cannot run with these options:\n  replications: must be an integer >= 1, got 0");
  });
});
