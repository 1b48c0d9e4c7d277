// What compile makes of the demand sources (scenario.md "Demand", "Demand correlation"): the daily
// factor tables — factor for day t: factors[floor((t % cycle) × factors.length / cycle)] ×
// (1 + trend)^t, one table per distinct (cycle, factors, trend) — the copula groups (all sources
// of a product under `rho`, or per listed group and product), and the per-source flags the
// kernel's demand loop reads. Written out by hand on small networks.
import { describe, expect, it } from "vitest";
import type { Distribution, Scenario } from "../../../src/sim/model/index.ts";
import { hashKey } from "../../../src/sim/random/index.ts";
import { build, lane, scenario, stock, supplier } from "./fixtures.ts";

const normal = (mean: number, sd: number): Distribution => ({ type: "normal", mean, sd });
/** A supplier and these stores, each one lane away; the demand as given. */
const stores = (ids: string[], demand: Scenario["demand"], extra: Partial<Scenario> = {}) => scenario({
  nodes: [supplier, ...ids.map((id) => stock(id, 50))], lanes: ids.map((id) => lane("supplier", id, 1)), demand, ...extra,
});
const days = (H: number, f: (t: number) => number) => Array.from({ length: H }, (_, t) => f(t));

describe("compiled demand", () => {
  it("one table of daily factors per distinct cycle, factors and trend, none for a plain source", () => {
    const H = 10;
    const net = build(stores(["a", "b", "c", "d", "e", "f"], [
      { node: "a", dist: normal(10, 2), seasonality: { cycle: 4, factors: [1, 2] } },
      { node: "b", dist: normal(10, 2) },
      { node: "c", dist: normal(10, 2), trend: 0.1 },
      { node: "d", dist: normal(10, 2), seasonality: { cycle: 2, factors: [1, 2] } },   // a's factors, another cycle
      { node: "e", dist: normal(10, 2), seasonality: { cycle: 4, factors: [2, 1] } },   // a's cycle, other factors
      { node: "f", dist: normal(10, 2), trend: 0.2 },                                   // c with another trend
    ], { horizon: H }));
    expect(Array.from(net.seasonalAt)).toEqual([0, -1, H, 2 * H, 3 * H, 4 * H]);
    expect(net.seasonal.length).toBe(5 * H);
    const table = (k: number) => Array.from(net.seasonal.subarray(k * H, (k + 1) * H));
    expect(table(0)).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 1, 1]);
    expect(table(1)).toEqual(days(H, (t) => Math.pow(1 + 0.1, t)));
    expect(table(2)).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
    expect(table(3)).toEqual([2, 2, 1, 1, 2, 2, 1, 1, 2, 2]);
    expect(table(4)).toEqual(days(H, (t) => Math.pow(1 + 0.2, t)));
  });

  it("without seasonality or trend there is no table at all", () => {
    const net = build(stores(["a", "b"], [{ node: "a", dist: normal(10, 2) }, { node: "b", dist: { type: "poisson", mean: 3 } }]));
    expect(net.seasonal.length).toBe(0);
    expect(Array.from(net.seasonalAt)).toEqual([-1, -1]);
  });

  it("rho: one copula group per product over every source of it", () => {
    const both = { type: "base-stock", level: 50 } as const;
    const net = build(scenario({
      products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 1 }],
      nodes: [supplier, stock("a", 0, { policy: both }), stock("b", 0, { policy: both })],
      lanes: [lane("supplier", "a", 1), lane("supplier", "b", 1)],
      demand: [{ node: "a", product: "p", dist: normal(5, 1) }, { node: "a", product: "q", dist: normal(5, 1) }, { node: "b", product: "p", dist: normal(5, 1) }, { node: "b", product: "q", dist: normal(5, 1) }],
      demandCorrelation: { rho: 0.3 },
    }));
    expect(Array.from(net.demandGroup)).toEqual([0, 1, 0, 1]);
    expect(Array.from(net.demandRho)).toEqual([0.3, 0.3, 0.3, 0.3]);
    expect(Array.from(net.groupKey)).toEqual([hashKey("copula:*:p"), hashKey("copula:*:q")]);
    expect(Array.from(net.demandPlain)).toEqual([0, 0, 0, 0]);
  });

  it("rho 0 groups nothing", () => {
    const net = build(stores(["a", "b"], [{ node: "a", dist: normal(5, 1) }, { node: "b", dist: normal(5, 1) }], { demandCorrelation: { rho: 0 } }));
    expect(Array.from(net.demandGroup)).toEqual([-1, -1]);
    expect(Array.from(net.demandRho)).toEqual([0, 0]);
    expect(net.groupKey.length).toBe(0);
    expect(Array.from(net.demandPlain)).toEqual([1, 1]);
  });

  it("groups: a group per listed group (numbered in order of first use), none for a node outside every group", () => {
    const net = build(stores(["a", "b", "c", "d"], ["a", "b", "c", "d"].map((node) => ({ node, dist: normal(5, 1) })), {
      demandCorrelation: { groups: [{ nodes: ["c"], rho: 0.2 }, { nodes: ["a", "b"], rho: 0.4 }] },
    }));
    expect(Array.from(net.demandGroup)).toEqual([0, 0, 1, -1]);
    expect(Array.from(net.demandRho)).toEqual([0.4, 0.4, 0.2, 0]);
    expect(Array.from(net.groupKey)).toEqual([hashKey("copula:1:default"), hashKey("copula:0:default")]);
    expect(Array.from(net.demandPlain)).toEqual([0, 0, 0, 1]);
  });

  it("per source: normal or not, plain (normal, independent, unseasonal), its mean and sd, its stream key", () => {
    const net = build(stores(["a", "b", "c", "d", "e"], [
      { node: "a", dist: normal(10, 2) },
      { node: "b", dist: { type: "poisson", mean: 5 } },
      { node: "c", dist: normal(7, 1), seasonality: { cycle: 2, factors: [1, 3] } },
      { node: "d", dist: normal(6, 3) },
      { node: "e", dist: normal(4, 0.5) },
    ], { demandCorrelation: { groups: [{ nodes: ["d"], rho: 0.5 }] } }));
    expect(Array.from(net.demandNormal)).toEqual([1, 0, 1, 1, 1]);
    expect(Array.from(net.seasonalAt)).toEqual([-1, -1, 0, -1, -1]);
    expect(Array.from(net.demandGroup)).toEqual([-1, -1, -1, 0, -1]);
    expect(Array.from(net.demandPlain)).toEqual([1, 0, 0, 0, 1]);
    expect(net.demandAllPlain).toBe(false);
    expect(Array.from(net.demandMean)).toEqual([10, 0, 7, 6, 4]);
    expect(Array.from(net.demandSd)).toEqual([2, 0, 1, 3, 0.5]);
    expect(Array.from(net.demandKey)).toEqual(["a", "b", "c", "d", "e"].map((n) => hashKey(`demand:${n}:default`)));
    expect(Array.from(net.demandItem)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(net.nodeDemand)).toEqual([0, 1, 1, 1, 1, 1]);
  });

  it("every source plain: demandAllPlain", () => {
    const net = build(stores(["a", "b"], [{ node: "a", dist: normal(10, 2) }, { node: "b", dist: normal(3, 1) }]));
    expect(Array.from(net.demandPlain)).toEqual([1, 1]);
    expect(net.demandAllPlain).toBe(true);
  });
});
