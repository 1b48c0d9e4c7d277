import { describe, expect, it } from "vitest";
import { createGamma, gammaVariate } from "../../../../src/sim/random/dist/gamma.ts";
import { gammaP } from "../../../../src/sim/math/special.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { draws, ks, momentFailures, seeded } from "../goodness-of-fit.ts";

describe("gammaVariate", () => {
  it("gammaVariate(1) is exponential: KS against 1 − e^(−x) at α = 0.001", () => {
    const s = seeded(createStream(), 300), x = draws(100_000, () => gammaVariate(s, 1));
    const r = ks(x, (v) => -Math.expm1(-v));
    expect(r.d).toBeLessThan(r.critical);
  });

  // shapes 0.111 (the U^(1/a) boost), 0.5, 6.25 and 100
  for (const [a, tag] of [[0.111, 1], [0.5, 2], [6.25, 3], [100, 4]]) {
    it(`gammaVariate(${a}) fits P(${a}, x) (KS at α = 0.001) with mean and variance ${a}`, () => {
      const s = seeded(createStream(), 300 + tag), x = draws(100_000, () => gammaVariate(s, a));
      const r = ks(x, (v) => gammaP(a, v));
      expect(r.d).toBeLessThan(r.critical);
      expect(momentFailures(x, a, Math.sqrt(a))).toBe("");
    });
  }
});

describe("createGamma", () => {
  it("has the given mean and sd, and scaled draws have both × scale", () => {
    const g = createGamma({ type: "gamma", mean: 10, sd: 4 }), s = seeded(createStream(), 310);
    expect([g.mean, g.sd]).toEqual([10, 4]);
    expect(momentFailures(draws(200_000, () => g.sample(s, 1)), 10, 4)).toBe("");
    expect(momentFailures(draws(200_000, () => g.sample(s, 0.5)), 5, 2)).toBe("");
  });

  it("quantile inverts cdf (shape k = (mean/sd)², scale θ = sd²/mean) and scales linearly", () => {
    for (const [m, sd] of [[10, 4], [1, 3], [100, 5]]) {
      const g = createGamma({ type: "gamma", mean: m, sd });
      for (const u of [1e-6, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-6]) {
        expect(Math.abs(g.cdf(g.quantile(u, 1)) - u)).toBeLessThan(1e-12 * Math.min(u, 1 - u) + 1e-14);
        expect(g.quantile(u, 2.5)).toBeCloseTo(2.5 * g.quantile(u, 1), 10);
      }
    }
  });

  it("with sd 0 is the constant mean", () => {
    const g = createGamma({ type: "gamma", mean: 7, sd: 0 });
    expect([g.sample(createStream(), 2), g.quantile(0.3, 1), g.mean, g.sd]).toEqual([14, 7, 7, 0]);
  });

  it("rejects a mean <= 0 or a negative sd, naming the field", () => {
    expect(() => createGamma({ type: "gamma", mean: 0, sd: 1 })).toThrow(/gamma\.mean/);
    expect(() => createGamma({ type: "gamma", mean: 3, sd: -1 })).toThrow(/gamma\.sd/);
  });
});
