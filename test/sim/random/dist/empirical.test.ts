import { describe, expect, it } from "vitest";
import { createEmpirical } from "../../../../src/sim/random/dist/empirical.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { countChiSquare, draws, momentFailures, seeded } from "../goodness-of-fit.ts";

const values = [4, 8, 1, 9, 3, 4];

describe("createEmpirical", () => {
  it("resamples the values with replacement, each with probability 1/n (chi-square at α = 0.001)", () => {
    const sm = createEmpirical({ type: "empirical", values }), s = seeded(createStream(), 700);
    const x = draws(100_000, () => sm.sample(s, 1));
    const r = countChiSquare(x, (k) => values.filter((v) => v === k).length / values.length, 9);
    expect(r.stat).toBeLessThan(r.critical);
    expect(sm.mean).toBeCloseTo(29 / 6, 14);
    expect(sm.sd).toBeCloseTo(Math.sqrt(values.reduce((a, v) => a + v * v, 0) / 6 - (29 / 6) ** 2), 14);
    expect(momentFailures(x, sm.mean, sm.sd)).toBe("");
  });

  it("quantile(u) is the ⌈u·n⌉-th smallest value, × scale", () => {
    const sm = createEmpirical({ type: "empirical", values });   // sorted: 1 3 4 4 8 9
    expect([0.01, 1 / 6, 0.2, 0.5, 0.51, 0.99].map((u) => sm.quantile(u, 1))).toEqual([1, 1, 3, 4, 4, 9]);
    expect(sm.quantile(0.99, 1.5)).toBe(13.5);
    expect(sm.cdf(4)).toBeCloseTo(4 / 6, 15);
  });

  it("rejects an empty or non-numeric history, naming the field", () => {
    expect(() => createEmpirical({ type: "empirical", values: [] })).toThrow(/empirical\.values/);
    expect(() => createEmpirical({ type: "empirical", values: [1, NaN] })).toThrow(/empirical\.values\[1\]/);
  });
});
