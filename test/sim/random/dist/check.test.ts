import { describe, expect, it } from "vitest";
import { createConstant, createDiscrete, createEmpirical, createGamma, createIntermittent, createNegBin, createNormal, createPoisson, createUniform } from "../../../../src/sim/random/dist/index.ts";
import { isFiniteNumber } from "../../../../src/sim/random/dist/check.ts";

// A bad parameter must never become NaN draws: each sampler throws a RangeError that names the
// field, states the rule and shows the value ("field: rule, got value"; text values quoted).
const throwsWith = (make: () => unknown, message: string) => expect(make).toThrow(new RangeError(message));
const constant = (value: number) => createConstant({ type: "constant", value });

describe("parameter checks", () => {
  it("name the field and the rule and show a number as written and a text quoted", () => {
    throwsWith(() => constant(NaN), "constant.value: must be a finite number, got NaN");
    throwsWith(() => createNormal({ type: "normal", mean: Infinity, sd: 1 }), "normal.mean: must be a finite number, got Infinity");
    throwsWith(() => createUniform({ type: "uniform", min: "2" as never, max: 5 }), 'uniform.min: must be a finite number, got "2"');
    throwsWith(() => createGamma({ type: "gamma", mean: 0, sd: 1 }), "gamma.mean: must be a number > 0, got 0");
    throwsWith(() => createGamma({ type: "gamma", mean: 3, sd: -1 }), "gamma.sd: must be a number >= 0, got -1");
    throwsWith(() => createNegBin({ type: "negbin", mean: 0, sd: 2 }), "negbin.mean: must be a number > 0, got 0");
    throwsWith(() => createPoisson({ type: "poisson", mean: -1 }), "poisson.mean: must be a number >= 0, got -1");
    throwsWith(() => createDiscrete({ type: "discrete", values: [], probs: [] }), "discrete.values: must be a non-empty array, got []");
    throwsWith(() => createDiscrete({ type: "discrete", values: [1, NaN], probs: [0.5, 0.5] }), "discrete.values[1]: must be a finite number, got NaN");
    throwsWith(() => createDiscrete({ type: "discrete", values: [1, 2], probs: [0.5, -0.5] }), "discrete.probs[1]: must be a number >= 0, got -0.5");
    throwsWith(() => createEmpirical({ type: "empirical", values: [] }), "empirical.values: must be a non-empty array, got []");
    throwsWith(() => createEmpirical({ type: "empirical", values: [3, Infinity] }), "empirical.values[1]: must be a finite number, got Infinity");
  });

  it("negbin needs sd² > mean strictly: sd² = mean is Poisson's variance, not a negative binomial's", () => {
    throwsWith(() => createNegBin({ type: "negbin", mean: 4, sd: 2 }), "negbin.sd: must satisfy sd² > mean (4), got 2");
    expect(createNegBin({ type: "negbin", mean: 4, sd: 2.5 }).mean).toBe(4);
  });

  it("poisson accepts mean 0 (no demand): every draw and quantile is 0 and P(X <= 0) = 1", () => {
    const d = createPoisson({ type: "poisson", mean: 0 });
    expect([d.mean, d.sd, d.quantile(0.99, 1), d.cdf(0)]).toEqual([0, 0, 0, 1]);
  });

  it("intermittent's probability is any number in [0, 1], ends included", () => {
    const size = constant(3);
    for (const p of [0, 1]) expect(createIntermittent({ type: "intermittent", probability: p, size: { type: "constant", value: 3 } }, size).mean).toBe(3 * p);
    for (const p of [-0.1, 1.5, NaN]) {
      throwsWith(() => createIntermittent({ type: "intermittent", probability: p, size: { type: "constant", value: 3 } }, size), `intermittent.probability: must be a number in [0, 1], got ${p}`);
    }
  });

  it("isFiniteNumber accepts finite numbers only, not numeric text", () => {
    expect([3, -0.5, 0].every(isFiniteNumber)).toBe(true);
    expect([NaN, Infinity, "3", null, undefined].some(isFiniteNumber)).toBe(false);
  });
});
