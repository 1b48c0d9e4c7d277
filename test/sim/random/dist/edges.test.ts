import { describe, expect, it } from "vitest";
import { createConstant, createGamma, createIntermittent, createNegBin, createNormal, createPoisson, createUniformDays } from "../../../../src/sim/random/dist/index.ts";
import { normalQuantile } from "../../../../src/sim/math/normal.ts";
import { gammaQuantile } from "../../../../src/sim/math/special.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { seeded } from "../goodness-of-fit.ts";

// Degenerate parameters and the ends of each range, stated from the definitions in the samplers'
// documentation (mean, sd, quantile = the smallest x with P(X <= x) >= u, cdf = P(X <= x)).
const U_MAX = 1 - 2 ** -53;

describe("uniform lead times (whole days lo..hi)", () => {
  it("cdf of uniform(2, 5) days is (⌊x⌋ − 1)/4 on [2, 5], 0 below and 1 above", () => {
    const d = createUniformDays({ type: "uniform", min: 2, max: 5 });
    expect([1.9, 2, 2.5, 3, 4.99, 5, 9].map((x) => d.cdf(x))).toEqual([0, 0.25, 0.25, 0.5, 0.75, 1, 1]);
  });

  it("scaled by 2, uniform(2, 5) days draws every whole day 4..10 and nothing else; unscaled 2..5", () => {
    const d = createUniformDays({ type: "uniform", min: 2, max: 5 }), s = seeded(createStream(), 901);
    // 2,000 draws miss one of 7 equally likely days with probability below 7·(6/7)^2000 ≈ 1e-133.
    const days = (scale: number) => [...new Set(Array.from({ length: 2000 }, () => d.sample(s, scale)))].sort((a, b) => a - b);
    expect(days(2)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(days(1)).toEqual([2, 3, 4, 5]);
  });
});

describe("gamma with sd 0", () => {
  it("is the constant mean: draws, quantiles and cdf of a point mass at 5, scaled by 2 to 10", () => {
    const d = createGamma({ type: "gamma", mean: 5, sd: 0 }), s = createStream();
    expect([d.mean, d.sd, d.sample(s, 2), d.quantile(0.3, 2)]).toEqual([5, 0, 10, 10]);
    expect([d.cdf(4.99), d.cdf(5), d.cdf(6)]).toEqual([0, 1, 1]);
  });

  it("reads u = 1 as 1 − 2⁻⁵³, so the quantile stays finite", () => {
    const d = createGamma({ type: "gamma", mean: 4, sd: 2 }); // k = 4, θ = 1
    expect(d.quantile(1, 1)).toBe(gammaQuantile(4, U_MAX));
    expect(Number.isFinite(d.quantile(1, 1))).toBe(true);
  });
});

describe("normal demand, censored at 0", () => {
  it("with sd 0 is the point max(0, mean)", () => {
    const neg = createNormal({ type: "normal", mean: -3, sd: 0 }), pos = createNormal({ type: "normal", mean: 5, sd: 0 });
    expect([neg.mean, neg.sd, pos.mean, pos.sd]).toEqual([0, 0, 5, 0]);
  });

  it("draws scale·(μ + σz) for the stream's own normal z, and 0 where that is negative", () => {
    const d = createNormal({ type: "normal", mean: 1, sd: 2 });
    const a = seeded(createStream(), 902), b = seeded(createStream(), 902);
    for (let i = 0; i < 200; i++) expect(d.sample(a, 3)).toBe(Math.max(0, 3 * (1 + 2 * b.normal())));
  });

  it("cdf is 0 below 0 and Φ((x − μ)/σ) from 0 up (½ at the mean); u = 1 gives a finite quantile", () => {
    const d = createNormal({ type: "normal", mean: 5, sd: 2 });
    expect([d.cdf(-1), d.cdf(5)]).toEqual([0, 0.5]);
    expect(d.quantile(1, 1)).toBe(5 + 2 * normalQuantile(U_MAX));
  });
});

describe("intermittent", () => {
  it("P(X <= x) is 0 below 0, and u = 1 − p is still the zero day", () => {
    const size = createConstant({ type: "constant", value: 3 });
    const d = createIntermittent({ type: "intermittent", probability: 0.25, size: { type: "constant", value: 3 } }, size);
    expect([d.cdf(-1), d.cdf(0), d.cdf(3)]).toEqual([0, 0.75, 1]);
    expect([d.quantile(0.75, 1), d.quantile(0.76, 1)]).toEqual([0, 3]);
  });
});

describe("counts summed up from 0 (poisson, negbin with mean + 6 sd <= 400)", () => {
  it("the quantile at u = P(X = 0) exactly is 0, the smallest k with P(X <= k) >= u", () => {
    expect(createPoisson({ type: "poisson", mean: 1.5 }).quantile(Math.exp(-1.5), 1)).toBe(0);
    // negbin(5, 3): r = 5²/(9 − 5) = 6.25, p = 5/9, P(X = 0) = p^r
    expect(createNegBin({ type: "negbin", mean: 5, sd: 3 }).quantile(Math.pow(5 / 9, 6.25), 1)).toBe(0);
  });

  it("poisson's quantile at u = 1 ends (where the pmf underflows) although the rounded sum never reaches 1", () => {
    const d = createPoisson({ type: "poisson", mean: 1.5 });
    const q = d.quantile(1, 1);
    expect(Number.isFinite(q)).toBe(true);
    expect(q).toBeGreaterThanOrEqual(d.quantile(1 - 1e-15, 1));
  });
});
