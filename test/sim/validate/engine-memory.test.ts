// What the engine holds for one replication is bounded by LIMITS (checks/engine-memory.ts): a file
// beyond them is refused with the fields that ask for it, and one within them runs.
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../src/sim/validate/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { issuesAfter, small } from "./fixtures.ts";

/** `stores` stores × `products` products behind one supplier; the first `long` stores' lanes take `lead` days, the others 2. */
function wide(stores: number, products: number, lead: number, long = 1, horizon = 8000): Record<string, any> {
  const ids = Array.from({ length: stores }, (_, k) => `s${k}`);
  return {
    ...small(), horizon, warmup: 0, replications: 1,
    products: Array.from({ length: products }, (_, p) => ({ id: `p${p}` })),
    nodes: [{ id: "sup", kind: "supplier" }, ...ids.map((id) => ({ id, kind: "store", policy: { type: "base-stock", level: 10 } }))],
    lanes: ids.map((id, k) => ({ from: "sup", to: id, leadTime: { type: "constant", value: k < long ? lead : 2 } })),
    demand: [{ node: "s0", product: "p0", dist: { type: "constant", value: 1 } }],
  };
}
const paths = (doc: Record<string, any>) => { const r = validateScenario(doc); return r.ok ? [] : r.errors.map((e) => e.path); };

describe("engine memory limits", () => {
  it("accepts many stores × 1,000 products with one lane of 7,990 days (the arrival calendar holds what can be in transit)", () => {
    expect(paths(wide(200, 1000, 7990))).toEqual([]);   // 199 lanes × 1,000 pairs × 2 days + 1,000 pairs × 7,990 days = 8.4e6
  });

  it("refuses a network whose lanes could hold more in transit than LIMITS.transitDays, naming the lane with the largest share", () => {
    const r = validateScenario(wide(100, 200, 7990, 20));   // 20 lanes × 200 pairs × 7,990 days = 3.2e7
    expect(r.ok ? [] : r.errors).toEqual([{
      path: "lanes[0].leadTime",
      message: `lets too much be in transit at once: stocked pairs × longest transit (days, at most the horizon) sum to 3.2e7 over the lanes, over the limit of 1.0e7 (each shipment in transit is kept until it arrives); the largest share is lanes[0] ("sup" → "s0"): 200 pairs × 7,990 days; shorten the lead time or the horizon`,
    }]);
    expect(paths(wide(100, 200, 7990, 20, 400))).toEqual([]);   // a transit counts at most the horizon
  });

  it("refuses more stocked (node, product) pairs than LIMITS.stockedPairs, at nodes", () => {
    expect(LIMITS.stockedPairs).toBe(1_000_000);
    const r = validateScenario(wide(1001, 1000, 2, 0, 10));
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      "nodes: stock 1,001,000 (node, product) pairs in all, over the limit of 1,000,000: the engine keeps about 0.6 KB of state per pair (601 MB); list fewer products in the nodes' policies, or split the network",
    ]);
  });

  it("refuses seasonality profiles × horizon beyond LIMITS.seasonalDays, at demand", () => {
    expect(issuesAfter((d) => {
      d.horizon = 36_500;
      d.demand = Array.from({ length: 500 }, (_, k) => ({ node: "store-1", dist: { type: "constant", value: 1 }, trend: 1e-6 * (k + 1) }));
    }).filter((i) => i.startsWith("demand:"))).toEqual([expect.stringContaining("500 distinct seasonality and trend profiles × horizon 36,500 = 1.8e7 daily factors, over the limit of 1.7e7")]);
    // the same profile shared by every source is one table
    expect(issuesAfter((d) => {
      d.horizon = 36_500;
      d.demand = Array.from({ length: 500 }, () => ({ node: "store-1", dist: { type: "constant", value: 1 }, trend: 1e-6 }));
    }).filter((i) => i.startsWith("demand:"))).toEqual([]);
  });

  it("refuses demand shocks that apply to more sources than LIMITS.shockSources, at disruptions", () => {
    expect(issuesAfter((d) => {
      d.demand = Array.from({ length: 20_000 }, () => ({ node: "store-1", dist: { type: "constant", value: 1 } }));
      d.disruptions = Array.from({ length: 1000 }, () => ({ type: "demand-shock", node: "*", multiplier: 1, start: 0, end: 5 }));
    }).filter((i) => i.startsWith("disruptions:"))).toEqual([expect.stringContaining("apply to 2.0e7 demand sources")]);
  });

  it("refuses lateral-transfer peers beyond LIMITS.lateralPeers, at mitigations.lateralTransfers.among", () => {
    const d = wide(1000, 20, 2, 0, 10);
    d.mitigations = { lateralTransfers: { among: d.nodes.slice(1).map((n: any) => n.id), leadTime: { type: "constant", value: 1 }, trigger: "below-zero" } };
    expect(paths(d)).toEqual(["mitigations.lateralTransfers.among"]);   // 20 products × 1,000 × 999 links
    d.mitigations.lateralTransfers.among = d.mitigations.lateralTransfers.among.slice(0, 100);
    expect(paths(d)).toEqual([]);
  });

  it("refuses echelon lists beyond LIMITS.echelonPairs, at the policy that looks furthest down", () => {
    const chain = 1999, d = small();
    d.products = Array.from({ length: 10 }, (_, p) => ({ id: `p${p}` }));
    d.nodes = [{ id: "sup", kind: "supplier" }, ...Array.from({ length: chain }, (_, k) => ({ id: `n${k}`, kind: "dc", policy: { type: "echelon-base-stock", level: 10 } }))];
    d.lanes = Array.from({ length: chain }, (_, k) => ({ from: k === 0 ? "sup" : `n${k - 1}`, to: `n${k}`, leadTime: { type: "constant", value: 1 } }));
    d.demand = [{ node: `n${chain - 1}`, product: "p0", dist: { type: "constant", value: 1 } }];
    d.horizon = 10; d.warmup = 0; d.replications = 1;
    expect(paths(d)).toEqual(["nodes[1].policy"]);   // 10 products × 1,999 × 2,000 / 2 = 2.0e7
  });

  it("refuses correlated count sources whose quantile tables exceed LIMITS.countTables, at demandCorrelation", () => {
    const correlatedPoisson = (mean: number, n: number) => issuesAfter((d) => {
      d.demand = Array.from({ length: n }, () => ({ node: "store-1", dist: { type: "poisson", mean } }));
      d.demandCorrelation = { rho: 0.3 };
    });
    expect(correlatedPoisson(5e10, 100)).toEqual([expect.stringMatching(/^demandCorrelation: makes poisson and negbin sources with large means keep tables of 4\.19e8 cumulative probabilities/)]);
    expect(correlatedPoisson(5e10, 3)).toEqual([]);
    expect(correlatedPoisson(150, 100_000)).toEqual([]);   // small means are summed from 0: no table
  });

  it("refuses random outages × horizon beyond LIMITS.outageDays, at disruptions", () => {
    expect(issuesAfter((d) => {
      d.horizon = 36_500;
      d.disruptions = Array.from({ length: 200 }, () => ({ type: "random-outage", node: "plant", mtbf: 1e-3, mttr: 1 }));
    }).filter((i) => i.startsWith("disruptions:"))).toEqual([expect.stringContaining("200 random outages × horizon 36,500 = 7.3e6 outage-days, over the limit of 4.0e6")]);
  });
});
