import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { applyOverrides, checkOverrides } from "../../../src/sim/montecarlo/overrides.ts";

const base = { name: "S", seed: 1, replications: 10, horizon: 100, warmup: 10 } as Scenario;
const paths = (o: Parameters<typeof applyOverrides>[1]) => checkOverrides(applyOverrides(base, o));

describe("overrides: each rule at its bounds (cli.md: replications ≥ 1, horizon ≥ 1, 0 ≤ warmup < horizon, an integer or string seed)", () => {
  it("applyOverrides sets each given field, horizon and warmup included, and keeps the rest", () => {
    const s = applyOverrides(base, { horizon: 7, warmup: 3 });
    expect([s.replications, s.seed, s.horizon, s.warmup, s.name]).toEqual([10, 1, 7, 3, "S"]);
    expect(applyOverrides(base, {})).toEqual(base);
    expect(applyOverrides(base, { seed: 0, warmup: 0 })).toMatchObject({ seed: 0, warmup: 0 });
  });

  it("accepts the least values: 1 replication, a horizon of 1 with no warm-up", () => {
    expect(paths({ replications: 1, horizon: 1, warmup: 0 })).toEqual([]);
  });

  it("refuses values below each least value, or not whole, naming the field and the value", () => {
    expect(paths({ replications: 0 })).toEqual([{ path: "replications", message: "must be an integer >= 1, got 0" }]);
    // A horizon of 0 also leaves no day after a warm-up of 0.
    expect(paths({ horizon: 0, warmup: 0 })).toEqual([{ path: "horizon", message: "must be an integer >= 1, got 0" }, { path: "warmup", message: "must be less than horizon (0), got 0" }]);
    expect(paths({ warmup: -1 })).toEqual([{ path: "warmup", message: "must be an integer >= 0, got -1" }]);
    expect(paths({ replications: 2.5 })).toEqual([{ path: "replications", message: "must be an integer >= 1, got 2.5" }]);
  });

  it("compares warm-up with horizon only when both are whole numbers", () => {
    expect(paths({ warmup: 99 })).toEqual([]);
    expect(paths({ warmup: 101 })).toEqual([{ path: "warmup", message: "must be less than horizon (100), got 101" }]);
    expect(paths({ warmup: 100.5 }).map((e) => e.message)).toEqual(["must be an integer >= 0, got 100.5"]);
    expect(paths({ horizon: 5.5, warmup: 6 }).map((e) => e.path)).toEqual(["horizon"]);
  });

  it("a seed is an integer or a string", () => {
    expect(paths({ seed: 1.5 })).toEqual([{ path: "seed", message: "must be an integer or a string, got 1.5" }]);
    expect(paths({ seed: "1.5" })).toEqual([]);
    expect(paths({ seed: -3 })).toEqual([]);
  });
});
