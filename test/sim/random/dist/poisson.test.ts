import { describe, expect, it } from "vitest";
import { createPoisson, poissonVariate } from "../../../../src/sim/random/dist/poisson.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { countChiSquare, draws, momentFailures, seeded } from "../goodness-of-fit.ts";

/** Poisson pmf straight from its definition, in log space. */
const pmf = (mu: number) => (k: number) => {
  let lf = 0;
  for (let i = 2; i <= k; i++) lf += Math.log(i);
  return Math.exp(-mu + k * Math.log(mu) - lf);
};

describe("poissonVariate", () => {
  // 3.5 and 9.99 use inversion, 10, 40 and 250 the PTRS rejection method.
  for (const [mu, tag] of [[3.5, 1], [9.99, 2], [10, 3], [40, 4], [250, 5]]) {
    it(`poissonVariate(${mu}) fits the Poisson pmf (chi-square at α = 0.001) with mean and variance ${mu}`, () => {
      const s = seeded(createStream(), 100 + tag), x = draws(200_000, () => poissonVariate(s, mu));
      expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      const r = countChiSquare(x, pmf(mu), Math.ceil(mu + 8 * Math.sqrt(mu) + 10));
      expect(r.stat).toBeLessThan(r.critical);
      expect(momentFailures(x, mu, Math.sqrt(mu))).toBe("");
    });
  }

  it("poissonVariate(0) is 0", () => {
    expect(poissonVariate(createStream(), 0)).toBe(0);
  });
});

describe("createPoisson", () => {
  it("has mean μ and sd √μ, and a scaled draw has mean μ·scale and sd √(μ·scale)", () => {
    const p = createPoisson({ type: "poisson", mean: 12 });
    expect([p.mean, p.sd]).toEqual([12, Math.sqrt(12)]);
    const s = seeded(createStream(), 110);
    expect(momentFailures(draws(200_000, () => p.sample(s, 1.5)), 18, Math.sqrt(18))).toBe("");
  });

  it("quantile(u) is the smallest k with P(X <= k) >= u, for small (summed) and large (tabled) means", () => {
    for (const mu of [0.3, 3.5, 40, 199.9, 200.1, 1000]) {
      const p = createPoisson({ type: "poisson", mean: mu }), f = pmf(mu);
      let F = 0;
      for (let k = 0; k < mu + 6 * Math.sqrt(mu) + 5; k++) {
        const F0 = F;
        F += f(k);
        if (f(k) < 1e-9) continue;                      // steps this small are within rounding of u
        expect(p.quantile(F0 + 0.25 * f(k), 1)).toBe(k);
        expect(p.quantile(F - 0.01 * f(k), 1)).toBe(k);
      }
    }
  });

  it("quantile(u, scale) is the quantile of Poisson(μ·scale)", () => {
    const p = createPoisson({ type: "poisson", mean: 150 }), q = createPoisson({ type: "poisson", mean: 300 });
    for (const u of [0.001, 0.2, 0.5, 0.9, 0.999]) expect(p.quantile(u, 2)).toBe(q.quantile(u, 1));
  });

  it("cdf(quantile(u)) >= u > cdf(quantile(u) − 1)", () => {
    for (const mu of [2, 60, 500]) {
      const p = createPoisson({ type: "poisson", mean: mu });
      for (const u of [0.01, 0.3, 0.5, 0.77, 0.99]) {
        const k = p.quantile(u, 1);
        expect(p.cdf(k)).toBeGreaterThanOrEqual(u);
        expect(p.cdf(k - 1)).toBeLessThan(u);
      }
    }
  });

  it("rejects a negative or missing mean, naming the field", () => {
    expect(() => createPoisson({ type: "poisson", mean: -1 })).toThrow(/poisson\.mean/);
    expect(() => createPoisson({ type: "poisson", mean: NaN })).toThrow(/poisson\.mean/);
  });
});
