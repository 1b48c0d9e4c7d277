import { describe, expect, it } from "vitest";
import { createDiscrete } from "../../../../src/sim/random/dist/discrete.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { countChiSquare, draws, momentFailures, seeded } from "../goodness-of-fit.ts";

const d = { type: "discrete", values: [5, 1, 3, 0], probs: [0.2, 0.5, 0.25, 0.05] } as const;
const mean = 5 * 0.2 + 1 * 0.5 + 3 * 0.25, m2 = 25 * 0.2 + 0.5 + 9 * 0.25;

describe("createDiscrete", () => {
  it("draws each value with its probability (chi-square at α = 0.001), in any order given", () => {
    const sm = createDiscrete(d), s = seeded(createStream(), 600), x = draws(100_000, () => sm.sample(s, 1));
    const p = [0.05, 0.5, 0, 0.25, 0, 0.2];
    const r = countChiSquare(x, (k) => p[k], 5);
    expect(r.stat).toBeLessThan(r.critical);
    expect(sm.mean).toBeCloseTo(mean, 15);
    expect(sm.sd).toBeCloseTo(Math.sqrt(m2 - mean * mean), 15);
    expect(momentFailures(x, sm.mean, sm.sd)).toBe("");
  });

  it("quantile(u) is the smallest value whose cumulative probability reaches u, × scale", () => {
    const sm = createDiscrete(d);
    expect([0.01, 0.05, 0.06, 0.55, 0.56, 0.8, 0.81, 0.999].map((u) => sm.quantile(u, 1))).toEqual([0, 0, 1, 1, 3, 3, 5, 5]);
    expect(sm.quantile(0.9, 2)).toBe(10);
    expect([sm.cdf(-1), sm.cdf(0), sm.cdf(2.5), sm.cdf(5)]).toEqual([0, 0.05, 0.55, 1]);
  });

  it("renormalises probabilities that do not sum to exactly 1", () => {
    const sm = createDiscrete({ type: "discrete", values: [1, 2], probs: [1, 3] });
    expect(sm.mean).toBe(1.75);
  });

  it("rejects mismatched, negative or all-zero probabilities, naming the field", () => {
    expect(() => createDiscrete({ type: "discrete", values: [1, 2], probs: [1] })).toThrow(/discrete\.probs: must have one probability per value \(2\)/);
    expect(() => createDiscrete({ type: "discrete", values: [1, 2], probs: [1, -1] })).toThrow(/discrete\.probs\[1\]/);
    expect(() => createDiscrete({ type: "discrete", values: [1, 2], probs: [0, 0] })).toThrow(/discrete\.probs: must not all be 0/);
    expect(() => createDiscrete({ type: "discrete", values: [], probs: [] })).toThrow(/discrete\.values/);
  });
});
