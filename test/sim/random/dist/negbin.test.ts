import { describe, expect, it } from "vitest";
import { createNegBin } from "../../../../src/sim/random/dist/negbin.ts";
import { createPoisson } from "../../../../src/sim/random/dist/poisson.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { countChiSquare, draws, momentFailures, seeded } from "../goodness-of-fit.ts";

/** Negative binomial pmf from its definition with r = μ²/(σ² − μ), p = μ/σ². */
const pmf = (mu: number, sd: number) => {
  const r = (mu * mu) / (sd * sd - mu), p = mu / (sd * sd), out: number[] = [];
  let pk = Math.pow(p, r);
  for (let k = 0; k < 5000; k++) { out.push(pk); pk *= ((k + r) / (k + 1)) * (1 - p); }
  return (k: number) => out[k];
};

describe("createNegBin", () => {
  // r = 2.27, 0.17 (a shape below 1) and 80.6
  for (const [mu, sd, tag] of [[5, 4, 1], [2, 5, 2], [50, 9, 3]]) {
    it(`negbin(${mu}, ${sd}) fits the negative binomial pmf (chi-square at α = 0.001) with mean ${mu} and sd ${sd}`, () => {
      const nb = createNegBin({ type: "negbin", mean: mu, sd });
      expect([nb.mean, nb.sd]).toEqual([mu, sd]);
      const s = seeded(createStream(), 200 + tag), x = draws(200_000, () => nb.sample(s, 1));
      expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      const r = countChiSquare(x, pmf(mu, sd), Math.ceil(mu + 10 * sd));
      expect(r.stat).toBeLessThan(r.critical);
      expect(momentFailures(x, mu, sd)).toBe("");
    });
  }

  it("a scaled draw has mean and sd × scale", () => {
    const nb = createNegBin({ type: "negbin", mean: 5, sd: 4 }), s = seeded(createStream(), 210);
    expect(momentFailures(draws(200_000, () => nb.sample(s, 3)), 15, 12)).toBe("");
  });

  it("a scale that leaves sd² <= mean draws Poisson(mean·scale)", () => {
    const nb = createNegBin({ type: "negbin", mean: 10, sd: 3.5 }), s = seeded(createStream(), 211);
    // at scale 0.5: mean 5, sd 1.75, sd² = 3.06 < 5
    expect(momentFailures(draws(200_000, () => nb.sample(s, 0.5)), 5, Math.sqrt(5))).toBe("");
    const p = createPoisson({ type: "poisson", mean: 5 });
    for (const u of [0.05, 0.5, 0.95]) expect(nb.quantile(u, 0.5)).toBe(p.quantile(u, 1));
  });

  it("quantile(u) is the smallest k with P(X <= k) >= u, summed or tabled", () => {
    for (const [mu, sd] of [[5, 4], [2, 5], [50, 9], [300, 40], [1000, 400]]) {
      const nb = createNegBin({ type: "negbin", mean: mu, sd }), f = pmf(mu, sd);
      let F = 0;
      for (let k = 0; k < mu + 6 * sd; k++) {
        const F0 = F;
        F += f(k);
        if (f(k) < 1e-9) continue;
        expect(nb.quantile(F0 + 0.25 * f(k), 1)).toBe(k);
        expect(nb.quantile(F - 0.01 * f(k), 1)).toBe(k);
      }
    }
  });

  it("cdf(quantile(u)) >= u > cdf(quantile(u) − 1)", () => {
    for (const [mu, sd] of [[5, 4], [300, 40]]) {
      const nb = createNegBin({ type: "negbin", mean: mu, sd });
      for (const u of [0.01, 0.3, 0.5, 0.77, 0.99]) {
        const k = nb.quantile(u, 1);
        expect(nb.cdf(k)).toBeGreaterThanOrEqual(u);
        expect(nb.cdf(k - 1)).toBeLessThan(u);
      }
    }
  });

  it("rejects sd² <= mean, naming the field", () => {
    expect(() => createNegBin({ type: "negbin", mean: 10, sd: 3 })).toThrow(/negbin\.sd: must satisfy sd² > mean \(10\), got 3/);
    expect(() => createNegBin({ type: "negbin", mean: 0, sd: 3 })).toThrow(/negbin\.mean/);
  });
});

describe("negbin quantile at the top of [0, 1]", () => {
  it("returns for u = 1 and for a u beyond what the CDF's floating-point sum reaches (it looped forever when q > ½)", () => {
    // mean 0.5, sd 3: p = 0.5 / 9, q ≈ 0.94 — the least subnormal term × q rounded back to itself
    const nb = createNegBin({ type: "negbin", mean: 0.5, sd: 3 });
    const top = nb.quantile(1, 1);
    expect(Number.isInteger(top)).toBe(true);
    // no lower count reaches u = 1, and every u the sum can reach gives a count no higher
    expect(nb.cdf(top - 1)).toBeLessThan(1);
    expect(nb.quantile(0.999999, 1)).toBeLessThanOrEqual(top);
  });
});
