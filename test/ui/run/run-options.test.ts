import { describe, expect, it } from "vitest";
import { fieldsFromScenario, parseRunFields } from "../../../src/ui/run/run-options.ts";
import { scenario } from "../fixtures.ts";

const ok = { replications: "100", horizon: "365", warmup: "30", seed: "42", series: true };

describe("run-options", () => {
  it("fieldsFromScenario takes the defaults from the scenario", () => {
    expect(fieldsFromScenario(scenario())).toEqual({ replications: "50", horizon: "20", warmup: "5", seed: "7", series: false });
  });
  it("parseRunFields turns valid fields into numbers, an integer seed into a number", () => {
    expect(parseRunFields(ok)).toEqual({ ok: true, options: { replications: 100, horizon: 365, warmup: 30, seed: 42, series: true } });
    expect(parseRunFields({ ...ok, seed: " spring-2026 " })).toEqual({ ok: true, options: { replications: 100, horizon: 365, warmup: 30, seed: "spring-2026", series: true } });
  });
  it("parseRunFields reports every bad field under its name", () => {
    expect(parseRunFields({ replications: "0", horizon: "1.5", warmup: "", seed: " ", series: false })).toEqual({
      ok: false,
      errors: {
        replications: "Replications must be at least 1",
        horizon: "Horizon must be a whole number",
        warmup: "Warm-up is required",
        seed: "Seed is required (a whole number or any text)",
      },
    });
  });
  it("parseRunFields rejects a warm-up as long as the horizon", () => {
    expect(parseRunFields({ ...ok, warmup: "365" })).toEqual({ ok: false, errors: { warmup: "Warm-up must be less than the horizon (365 days)" } });
  });
  it("parseRunFields caps replications", () => {
    expect(parseRunFields({ ...ok, replications: "100001" })).toEqual({ ok: false, errors: { replications: "Replications must be at most 100,000" } });
  });
});
