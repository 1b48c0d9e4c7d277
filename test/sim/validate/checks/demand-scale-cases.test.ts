// A source's largest daily demand (docs/scenario-format.md, "Bounds on numbers": at most 1e12,
// counting its largest seasonality factor, its trend's growth (1 + trend)^(horizon − 1) and every
// demand shock that may apply to it, as if they overlapped): what each distribution contributes
// (its mean, or its largest value when it draws from listed values or a range), which shocks
// apply to which source, and the message that names the factors and the one to lower.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

/** The issue at demand[k] for a largest daily mean `largest` made of `terms`, asking to lower `what`. */
const over = (k: number, largest: string, terms: string, what: string) =>
  `demand[${k}]: can reach a daily mean of ${largest} units (${terms}), over the limit of 1.00e12 units a day, ` +
  `beyond which totals over the horizon lose their precision or overflow; lower the ${what}`;

/** demand[0] (store-1) draws from `dist`, with a largest seasonality factor of 1e12. */
const seasonal = (dist: unknown) => (d: Record<string, any>) => {
  d.demand[0].dist = dist;
  d.demand[0].seasonality = { cycle: 1, factors: [1e12] };
};
const shock = (target: Record<string, unknown>, multiplier: number) => ({ type: "demand-shock", ...target, multiplier, start: 0, end: 5 });

describe("what each distribution contributes", () => {
  it("constant: its value (1.5 × 1e12 is over the limit, 1 × 1e12 is at it)", () => {
    expect(issuesAfter(seasonal({ type: "constant", value: 1.5 }))).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
    expect(issuesAfter(seasonal({ type: "constant", value: 1 }))).toEqual([]);
  });

  it("uniform: its max, not its mean (0.75 here)", () => {
    expect(issuesAfter(seasonal({ type: "uniform", min: 0, max: 1.5 }))).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
    expect(issuesAfter(seasonal({ type: "uniform", min: 0, max: 1 }))).toEqual([]);
  });

  it("discrete and empirical: their largest value, wherever it is listed, not their mean (1 here)", () => {
    // discrete mean: 0.5 × 0.25 + 1.5 × 0.25 + 1 × 0.5 = 1, at the limit once × 1e12; the largest value, 1.5, is over it
    expect(issuesAfter(seasonal({ type: "discrete", values: [0.5, 1.5, 1], probs: [0.25, 0.25, 0.5] }))).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
    expect(issuesAfter(seasonal({ type: "empirical", values: [0.5, 1.5, 1] }))).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
    expect(issuesAfter(seasonal({ type: "empirical", values: [0.5, 1, 0.25] }))).toEqual([]);
  });

  it("intermittent: its size's, whatever the probability of a demand", () => {
    expect(issuesAfter(seasonal({ type: "intermittent", probability: 0.1, size: { type: "constant", value: 1.5 } }))).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
    expect(issuesAfter(seasonal({ type: "intermittent", probability: 0.1, size: { type: "uniform", min: 0, max: 1.5 } }))).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
  });

  it("poisson, normal and the others: their mean", () => {
    expect(issuesAfter(seasonal({ type: "poisson", mean: 1.5 }))).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
    expect(issuesAfter(seasonal({ type: "normal", mean: 1.5, sd: 0.1 }))).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
    expect(issuesAfter(seasonal({ type: "gamma", mean: 1, sd: 5 }))).toEqual([]);
  });
});

describe("trend", () => {
  it("a falling trend never raises the largest mean: the seasonality alone is reported", () => {
    // (1 − 0.5)^99 would take 1.5e12 far below the limit; the largest day is the first, growth 1
    expect(issuesAfter((d) => { seasonal({ type: "constant", value: 1.5 })(d); d.demand[0].trend = -0.5; })).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
  });

  it("with seasonality, names both and asks to lower the trend", () => {
    // 1.01^99 = e^(99 × 0.0099503) = e^0.98508 = 2.678
    expect(issuesAfter((d) => { seasonal({ type: "constant", value: 1 })(d); d.demand[0].trend = 0.01; })).toEqual([
      over(0, "2.68e12", "mean 1.00e0 × largest seasonality factor 1.00e12 × trend growth (1 + 0.01)^99 = 2.68e0", "trend"),
    ]);
  });

  it("a growth beyond the largest double is reported as Infinity", () => {
    // 2^1099 > 1.8e308
    expect(issuesAfter((d) => { d.horizon = 1100; d.demand[0].trend = 1; })).toEqual([
      over(0, "Infinity", "mean 5.00e0 × trend growth (1 + 1)^1099 = Infinity", "trend"),
    ]);
  });
});

describe("demand shocks", () => {
  // demand[0]: a constant 1e12 at store-1, exactly at the limit until a shock applies to it
  const atLimit = (d: Record<string, any>) => { d.demand[0].dist = { type: "constant", value: 1e12 }; };

  it("each shock that may apply multiplies: on every source, on its product, on its node, on both", () => {
    expect(issuesAfter((d) => {
      atLimit(d);
      d.disruptions = [
        shock({ node: "*" }, 2), shock({ node: "*", product: "default" }, 3),
        shock({ node: "store-1" }, 5), shock({ node: "store-1", product: "default" }, 7),
      ];
    })).toEqual([
      // 2 × 3 × 5 × 7 = 210; store-2's poisson 4 takes only the "*" shocks: 4 × 6 = 24
      over(0, "2.10e14", "mean 1.00e12 × demand-shock multipliers 2.10e2, if they overlap", "shock multipliers"),
    ]);
  });

  it("each target alone, and two shocks on one target multiply", () => {
    const expected = over(0, "1.50e12", "mean 1.00e12 × demand-shock multipliers 1.50e0, if they overlap", "shock multipliers");
    for (const target of [{ node: "*" }, { node: "*", product: "default" }, { node: "store-1" }, { node: "store-1", product: "default" }]) {
      expect(issuesAfter((d) => { atLimit(d); d.disruptions = [shock(target, 1.5)]; })).toEqual([expected]);
    }
    expect(issuesAfter((d) => { atLimit(d); d.disruptions = [shock({ node: "store-1" }, 2), shock({ node: "store-1" }, 3)]; })).toEqual([
      over(0, "6.00e12", "mean 1.00e12 × demand-shock multipliers 6.00e0, if they overlap", "shock multipliers"),
    ]);
  });

  it("a shock on another node does not apply", () => {
    expect(issuesAfter((d) => { atLimit(d); d.disruptions = [shock({ node: "store-2" }, 1.5)]; })).toEqual([]);
  });

  it("a shock that lowers demand (multiplier below 1) is not counted: the largest day is without it", () => {
    expect(issuesAfter((d) => { seasonal({ type: "constant", value: 1.5 })(d); d.disruptions = [shock({ node: "*" }, 0.5)]; })).toEqual([
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
  });

  it("a shock without a multiplier is left to the schema and counted as none", () => {
    expect(issuesAfter((d) => {
      seasonal({ type: "constant", value: 1.5 })(d);
      d.disruptions = [{ type: "demand-shock", node: "*", start: 0, end: 5 }];
    })).toEqual([
      "disruptions[0].multiplier: is required: a number >= 0",
      over(0, "1.50e12", "mean 1.50e0 × largest seasonality factor 1.00e12", "seasonality factors"),
    ]);
  });

  it("only demand shocks multiply demand: a multiplier on another disruption is an unknown key, not a shock", () => {
    expect(issuesAfter((d) => {
      atLimit(d);
      d.disruptions = [{ type: "node-outage", node: "store-1", start: 0, end: 5, multiplier: 2 }];
    })).toEqual(['disruptions[0].multiplier: unknown key; notes go in keys that start with "x-"']);
  });
});

describe("which product a source is, for the shocks on a product", () => {
  const twoProducts = (d: Record<string, any>) => {
    d.products = [{ id: "a" }, { id: "b" }];
    d.demand[0].dist = { type: "constant", value: 1e12 };
    d.demand[1].product = "a";
  };

  it("its own product when it names one", () => {
    expect(issuesAfter((d) => { twoProducts(d); d.demand[0].product = "b"; d.disruptions = [shock({ node: "*", product: "b" }, 2)]; })).toEqual([
      over(0, "2.00e12", "mean 1.00e12 × demand-shock multipliers 2.00e0, if they overlap", "shock multipliers"),
    ]);
    expect(issuesAfter((d) => { twoProducts(d); d.demand[0].product = "b"; d.disruptions = [shock({ node: "*", product: "a" }, 2)]; })).toEqual([]);
  });

  it("none when it names none among several products (the missing product is the one issue)", () => {
    expect(issuesAfter((d) => { twoProducts(d); d.disruptions = [shock({ node: "*", product: "a" }, 2)]; })).toEqual([
      'demand[0].product: is required when there are several products: one of "a", "b"',
    ]);
  });

  it("none among several, so the shocks on every product count once, not once more for its own product", () => {
    // Shocks on every product (key "*" or store-1, no product): ×2 each, so 1e12 × 2 at either.
    for (const node of ["*", "store-1"]) {
      expect(issuesAfter((d) => { twoProducts(d); d.disruptions = [shock({ node }, 2)]; })).toEqual([
        'demand[0].product: is required when there are several products: one of "a", "b"',
        over(0, "2.00e12", "mean 1.00e12 × demand-shock multipliers 2.00e0, if they overlap", "shock multipliers"),
      ]);
    }
  });

  it("the only product when there is one", () => {
    expect(issuesAfter((d) => { d.products = [{ id: "a" }]; d.demand[0].dist = { type: "constant", value: 1e12 }; d.disruptions = [shock({ node: "*", product: "a" }, 2)]; })).toEqual([
      over(0, "2.00e12", "mean 1.00e12 × demand-shock multipliers 2.00e0, if they overlap", "shock multipliers"),
    ]);
  });
});
