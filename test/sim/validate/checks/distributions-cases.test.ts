// The rules inside one distribution (docs/scenario-format.md, "Distributions"): negbin needs
// sd² > mean, uniform min <= max, discrete one probability per value summing to 1 within 1e-9;
// each checked only where the schema has read the fields as numbers and lists, so a malformed
// field is reported once, by the schema, and never a second time as a cross-reference error.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

/** `inner` wrapped in `levels` intermittent distributions, each its `size`. */
function nested(levels: number, inner: object): object {
  let d = inner;
  for (let i = 0; i < levels; i++) d = { type: "intermittent", probability: 0.5, size: d };
  return d;
}

describe("negbin: sd² > mean", () => {
  it("accepts an over-dispersed negbin with a mean above 1 (sd = 2, mean = 3: sd² = 4 > 3)", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "negbin", mean: 3, sd: 2 }))).toEqual([]);
  });

  it("refuses sd² equal to the mean (sd = 2, mean = 4), naming sd", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "negbin", mean: 4, sd: 2 }))).toEqual([
      'demand[0].dist.sd: must satisfy sd² > mean for a negative binomial (sd² = 4, mean = 4); use "poisson" when sd² = mean',
    ]);
  });

  it("leaves mean = 0, sd = 0 to the schema (both must be > 0); sd² = 0 <= 0 is not reported a second time", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "negbin", mean: 0, sd: 0 }))).toEqual([
      "demand[0].dist.mean: must be a number > 0, got 0",
      "demand[0].dist.sd: must be a number > 0, got 0",
    ]);
  });
});

describe("uniform: min <= max", () => {
  it("accepts min equal to max (a constant lead time of 2 days written as a uniform)", () => {
    expect(issuesAfter((d) => (d.lanes[1].leadTime = { type: "uniform", min: 2, max: 2 }))).toEqual([]);
  });

  it("refuses max below min, naming max", () => {
    expect(issuesAfter((d) => (d.lanes[1].leadTime = { type: "uniform", min: 3, max: 2 }))).toEqual([
      "lanes[1].leadTime.max: must be >= min (3), got 2",
    ]);
  });
});

describe("intermittent: the size distribution is checked at any depth the document may have", () => {
  it("reports a uniform with max < min inside 16 intermittent levels, at its full path", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = nested(16, { type: "uniform", min: 3, max: 2 })))).toEqual([
      `demand[0].dist${".size".repeat(16)}.max: must be >= min (3), got 2`,
    ]);
  });

  it("reports the same uniform inside 40 levels (the engine would refuse it at run time otherwise)", () => {
    // A document may nest 64 levels (LIMITS.depth); demand[0].dist is at level 4, so 40 sizes fit.
    expect(issuesAfter((d) => (d.demand[0].dist = nested(40, { type: "uniform", min: 3, max: 2 })))).toEqual([
      `demand[0].dist${".size".repeat(40)}.max: must be >= min (3), got 2`,
    ]);
  });
});

describe("discrete: one probability per value, summing to 1", () => {
  it("accepts probabilities that sum to 1 (0.25 + 0.75), and ten of 0.1 whose floating-point sum is 1 - 1.1e-16", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "discrete", values: [1, 2], probs: [0.25, 0.75] }))).toEqual([]);
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "discrete", values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], probs: Array(10).fill(0.1) }))).toEqual([]);
  });

  it("refuses probabilities summing to 0.9, naming probs", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "discrete", values: [1, 2], probs: [0.5, 0.4] }))).toEqual([
      "demand[0].dist.probs: must sum to 1, got 0.9",
    ]);
  });

  it("leaves missing values to the schema: no second complaint that 0 values do not match 2 probabilities", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "discrete", probs: [0.5, 0.5] }))).toEqual([
      "demand[0].dist.values: is required: a non-empty list",
    ]);
  });

  it("leaves empty lists to the schema: no probabilities is not also reported as a sum of 0", () => {
    expect(issuesAfter((d) => (d.demand[0].dist = { type: "discrete", values: [], probs: [] }))).toEqual([
      "demand[0].dist.values: must not be empty",
      "demand[0].dist.probs: must not be empty",
    ]);
  });
});
