import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { applyOverrides, checkOverrides } from "../../../src/sim/montecarlo/overrides.ts";

const base = { name: "S", seed: 1, replications: 10, horizon: 100, warmup: 10 } as Scenario;

describe("overrides", () => {
  it("applyOverrides replaces only the given fields in a new scenario", () => {
    const s = applyOverrides(base, { replications: 5, seed: "x" });
    expect([s.replications, s.seed, s.horizon, s.warmup]).toEqual([5, "x", 100, 10]);
    expect(base.replications).toBe(10);
  });

  it("checkOverrides names the field of each broken rule", () => {
    expect(checkOverrides(applyOverrides(base, { warmup: 100 }))).toEqual([{ path: "warmup", message: "must be less than horizon (100), got 100" }]);
    expect(checkOverrides(applyOverrides(base, { replications: 0, horizon: 2.5 })).map((e) => e.path)).toEqual(["replications", "horizon"]);
    expect(checkOverrides(base)).toEqual([]);
  });
});
