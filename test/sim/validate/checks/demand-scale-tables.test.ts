// Correlated count sources (docs/scenario-format.md, "Size limits"): a correlated poisson or negbin
// source with a large mean keeps a table of cumulative probabilities for its exact quantile, about
// 20 sd long (ceil(20 sd) + 1 entries, at most 2²² per source); a poisson source with a mean up to
// 200, or a negbin one whose mean + 6 sd is at most 400, is summed from 0 and keeps none. The mean
// and sd are those of the source's largest day (× seasonality, trend growth and shocks). All the
// correlated sources' tables together may hold at most LIMITS.countTables = 2²⁴ = 16,777,216 entries.
import { describe, expect, it } from "vitest";
import { issuesAfter } from "../fixtures.ts";

/**
 * The refusal, with the entries and the limit 2²⁴ at one precision: two digits after the point, or
 * more where two would print both as 1.68e7 (the limit then reads 1.6777e7 or 1.6777216e7).
 */
const TOO_MANY = (tables: string, limit = "1.68e7") =>
  `demandCorrelation: makes poisson and negbin sources with large means keep tables of ${tables} cumulative probabilities in all for their exact quantiles ` +
  `(about 20 sd each, 8 bytes an entry), over the limit of ${limit}; correlate fewer of them, or use normal or gamma demand for the large ones`;
/** 2²⁴ + 285 to 2²⁴ + 1,001 entries: the capped sources and one small table. */
const JUST_OVER = TOO_MANY("1.6778e7", "1.6777e7");

/** A poisson source at `node` with a mean of 1e12: sd 1e6, 20 sd = 2e7 entries, capped at 2²² = 4,194,304. */
const capped = (node = "store-2") => ({ node, dist: { type: "poisson", mean: 1e12 } });

/**
 * The demand: `n` capped sources at store-2 (4 of them fill the limit exactly: 4 × 2²² = 2²⁴) and
 * `extra` sources, all correlated unless `correlation` says otherwise.
 */
const tables = (extra: object[], n = 4, correlation: unknown = { rho: 0.5 }) => (d: Record<string, any>) => {
  d.demand = [...Array.from({ length: n }, () => capped()), ...extra];
  d.demandCorrelation = correlation;
};
const at1 = (dist: unknown, more: object = {}) => ({ node: "store-1", dist, ...more });

describe("the limit on the entries of the tables", () => {
  it("accepts tables exactly at the limit, refuses one entry more", () => {
    expect(issuesAfter(tables([]))).toEqual([]);
    expect(issuesAfter(tables([], 5))).toEqual([TOO_MANY("2.10e7")]);   // 5 × 2²² = 20,971,520
  });

  it("counts ceil(20 sd) + 1 entries for each source", () => {
    // 3 capped sources (12,582,912) and five poisson ones of mean 41943² = 1,759,215,249: sd 41943,
    // 20 sd = 838,860, each 838,861 entries, 4,194,305 in all: 16,777,217, one over the limit
    expect(issuesAfter(tables(Array.from({ length: 5 }, () => at1({ type: "poisson", mean: 1_759_215_249 })), 3))).toEqual([TOO_MANY("1.6777217e7", "1.6777216e7")]);
    // sd 41942 (mean 41942² = 1,759,131,364): 5 × 838,841 = 4,194,205, under the limit
    expect(issuesAfter(tables(Array.from({ length: 5 }, () => at1({ type: "poisson", mean: 1_759_131_364 })), 3))).toEqual([]);
  });
});

describe("which sources keep a table", () => {
  it("poisson: a mean over 200 (201: sd 14.18, 285 entries)", () => {
    expect(issuesAfter(tables([at1({ type: "poisson", mean: 200 })]))).toEqual([]);
    expect(issuesAfter(tables([at1({ type: "poisson", mean: 201 })]))).toEqual([JUST_OVER]);
  });

  it("negbin: a mean + 6 sd over 400 (101 + 6 × 50 = 401: 1,001 entries)", () => {
    expect(issuesAfter(tables([at1({ type: "negbin", mean: 100, sd: 50 })]))).toEqual([]);   // 100 + 300 = 400
    expect(issuesAfter(tables([at1({ type: "negbin", mean: 101, sd: 50 })]))).toEqual([JUST_OVER]);
  });

  it("negbin: its own sd, not the square root of its mean", () => {
    // mean 1e6, sd 1e6: 2²² entries each, 5 of them over the limit; sd √1e6 = 1,000 would keep 20,001 each
    expect(issuesAfter(tables(Array.from({ length: 5 }, () => at1({ type: "negbin", mean: 1e6, sd: 1e6 })), 0))).toEqual([TOO_MANY("2.10e7")]);
  });

  it("intermittent: its size's", () => {
    expect(issuesAfter(tables([at1({ type: "intermittent", probability: 0.5, size: { type: "poisson", mean: 200 } })]))).toEqual([]);
    expect(issuesAfter(tables([at1({ type: "intermittent", probability: 0.5, size: { type: "poisson", mean: 201 } })]))).toEqual([JUST_OVER]);
  });

  it("normal, gamma, constant and the others: none, whatever their mean and sd", () => {
    expect(issuesAfter(tables([
      at1({ type: "normal", mean: 1e6, sd: 1e6 }), at1({ type: "gamma", mean: 1e6, sd: 1e6 }), at1({ type: "constant", value: 1e6 }),
    ]))).toEqual([]);
  });

  it("a correlated source without a distribution is left to the schema", () => {
    expect(issuesAfter(tables([{ node: "store-1" }]))).toEqual(["demand[4].dist: is required: a distribution object"]);
  });
});

describe("the mean and sd of the largest day", () => {
  it("poisson: × the largest seasonality factor (100 × 3 = 300 > 200; 100 × 2 = 200)", () => {
    expect(issuesAfter(tables([at1({ type: "poisson", mean: 100 }, { seasonality: { cycle: 1, factors: [2] } })]))).toEqual([]);
    expect(issuesAfter(tables([at1({ type: "poisson", mean: 100 }, { seasonality: { cycle: 1, factors: [3] } })]))).toEqual([JUST_OVER]);
  });

  it("poisson: × the trend's growth (100 × 1.01^99 = 267.8 > 200; 100 × 1.007^99 = 199.5)", () => {
    expect(issuesAfter(tables([at1({ type: "poisson", mean: 100 }, { trend: 0.007 })]))).toEqual([]);
    expect(issuesAfter(tables([at1({ type: "poisson", mean: 100 }, { trend: 0.01 })]))).toEqual([JUST_OVER]);
  });

  it("poisson: × the shocks that may apply (100 × 3 = 300 > 200; 100 × 2 = 200)", () => {
    const shocked = (multiplier: number) => (d: Record<string, any>) => {
      tables([at1({ type: "poisson", mean: 100 })])(d);
      d.disruptions = [{ type: "demand-shock", node: "store-1", multiplier, start: 0, end: 5 }];
    };
    expect(issuesAfter(shocked(2))).toEqual([]);
    expect(issuesAfter(shocked(3))).toEqual([JUST_OVER]);
  });

  it("negbin: mean and sd both scaled (50.5 and 25 × 2: 101 + 6 × 50 = 401 > 400; 50 and 25 × 2: 400)", () => {
    const season2 = { seasonality: { cycle: 1, factors: [2] } };
    expect(issuesAfter(tables([at1({ type: "negbin", mean: 50, sd: 25 }, season2)]))).toEqual([]);
    expect(issuesAfter(tables([at1({ type: "negbin", mean: 50.5, sd: 25 }, season2)]))).toEqual([JUST_OVER]);
  });
});

describe("which sources are correlated", () => {
  // five capped sources (2.10e7 entries) are over the limit only when correlated
  it("none without demandCorrelation, or with rho 0", () => {
    expect(issuesAfter((d) => { tables([], 5)(d); delete d.demandCorrelation; })).toEqual([]);
    expect(issuesAfter(tables([], 5, { rho: 0 }))).toEqual([]);
  });

  it("the nodes of groups with rho > 0, and no others", () => {
    const five1 = Array.from({ length: 5 }, () => capped("store-1"));
    expect(issuesAfter(tables(five1, 0, { groups: [{ nodes: ["store-1"], rho: 0.5 }] }))).toEqual([TOO_MANY("2.10e7")]);
    expect(issuesAfter(tables(five1, 0, { groups: [{ nodes: ["store-2"], rho: 0 }, { nodes: ["store-1"], rho: 0.5 }] }))).toEqual([TOO_MANY("2.10e7")]);
    expect(issuesAfter(tables(five1, 0, { groups: [{ nodes: ["store-1"], rho: 0 }] }))).toEqual([]);
    expect(issuesAfter(tables([], 5, { groups: [{ nodes: ["store-1"], rho: 0.5 }] }))).toEqual([]);   // the five are at store-2
  });
});
