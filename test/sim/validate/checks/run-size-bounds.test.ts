// The run's size (docs/scenario-format.md, "Limits"): total work replications × horizon × stocked
// (node, product) pairs at most 2 × 10¹⁰ node-days, and per-replication KPI values replications ×
// KPI columns (32 for the network + 35 per stocking node + 18 per product) at most 10⁹. Both are
// "at most": a run exactly at a limit is accepted. Neither is checked when the schema refuses
// replications or when nothing is stocked.
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../../../src/sim/validate/index.ts";

/** A supplier and `stores` stores (with a policy unless `policy` is false), `products` products (the default one when 1). */
function net(stores: number, products: number, replications: number, horizon: number, policy = true): Record<string, any> {
  const nodes: unknown[] = [{ id: "plant", kind: "supplier" }], lanes: unknown[] = [];
  for (let i = 0; i < stores; i++) {
    nodes.push({ id: `s${i}`, kind: "store", ...(policy ? { policy: { type: "base-stock", level: 10 } } : {}) });
    lanes.push({ from: "plant", to: `s${i}`, leadTime: { type: "constant", value: 1 } });
  }
  const doc: Record<string, any> = {
    format: "echelon-scenario@1", name: "net", seed: 1, replications, horizon, warmup: 0,
    unmetDemand: "backorder", allocation: "fifo", nodes, lanes, demand: [{ node: "s0", dist: { type: "poisson", mean: 1 } }],
  };
  if (products > 1) {
    doc.products = Array.from({ length: products }, (_, i) => ({ id: `p${i}` }));
    doc.demand[0].product = "p0";
  }
  return doc;
}

const errors = (doc: unknown) => {
  const v = validateScenario(doc);
  return v.ok ? [] : v.errors;
};

describe("total work at most 2e10 node-days", () => {
  it("accepts exactly 2e10 (1,000,000 × 20,000 days × 1 pair), refuses one day more", () => {
    expect(errors(net(1, 1, 1_000_000, 20_000))).toEqual([]);
    // 1,000,000 × 20,001 × 1 = 2.0001e10 (2.00e10 at two digits, like the limit, hence four); at most floor(2e10 / 20,001) = floor(999,950.002) = 999,950 replications
    expect(errors(net(1, 1, 1_000_000, 20_001))).toEqual([{
      path: "replications",
      message: "asks for too much work: replications × horizon × stocked (node, product) pairs = 1,000,000 × 20,001 × 1 = 2.0001e10 node-days, " +
        "over the limit of 2.0000e10; use at most 999,950 replications with this horizon and network, or shorten the horizon",
    }]);
  });

  it("checks a single replication too (here with a horizon the schema also refuses: 1 × 1e11 × 1 = 1e11)", () => {
    expect(errors(net(1, 1, 1, 1e11))).toEqual([
      { path: "horizon", message: "must be a whole number from 1 to 36,500, got 100000000000" },
      {
        path: "replications",
        message: "asks for too much work: replications × horizon × stocked (node, product) pairs = 1 × 100,000,000,000 × 1 = 1.00e11 node-days, " +
          "over the limit of 2.00e10; use at most 1 replications with this horizon and network, or shorten the horizon",
      },
    ]);
  });

  it("does not check fewer than one replication (the schema's issue): 0.5 × 1e11 × 1 = 5e10 is not reported", () => {
    expect(errors(net(1, 1, 0.5, 1e11))).toEqual([
      { path: "horizon", message: "must be a whole number from 1 to 36,500, got 100000000000" },
      { path: "replications", message: "must be a whole number from 1 to 1,000,000, got 0.5" },
    ]);
  });
});

describe("per-replication KPI values at most 1e9", () => {
  it("accepts exactly 1e9 (400,000 × (32 + 70 × 35 + 1 × 18 = 2,500 columns)), refuses one replication more", () => {
    expect(errors(net(70, 1, 400_000, 100))).toEqual([]);
    // 400,001 × 2,500 = 1.0000025e9 (1.000003e9 at the first precision that tells it from 1e9); at most floor(1e9 / 2,500) = 400,000
    expect(errors(net(70, 1, 400_001, 100))).toEqual([{
      path: "replications",
      message: "keeps too many per-replication KPI values: replications × KPI columns = 400,001 × 2,500 " +
        "(32 for the network + 70 stocking nodes × 35 + 1 product × 18) = 1.000003e9, over the limit of 1.000000e9 (8 bytes each, kept for exact percentiles); " +
        "use at most 400,000 replications with this network, or split the run into smaller ones",
    }]);
  });

  it("says \"1 stocking node\" and \"60 products\" (singular and plural)", () => {
    // 32 + 1 × 35 + 60 × 18 = 1,147 columns; 1,000,000 × 1,147 = 1.147e9; at most floor(1e9 / 1,147) = floor(871,839.6) = 871,839
    // (work 1,000,000 × 100 × 60 pairs = 6e9 is within its limit)
    expect(errors(net(1, 60, 1_000_000, 100))).toEqual([{
      path: "replications",
      message: "keeps too many per-replication KPI values: replications × KPI columns = 1,000,000 × 1,147 " +
        "(32 for the network + 1 stocking node × 35 + 60 products × 18) = 1.15e9, over the limit of 1.00e9 (8 bytes each, kept for exact percentiles); " +
        "use at most 871,839 replications with this network, or split the run into smaller ones",
    }]);
  });

  it("is not checked when nothing is stocked: 30 stores without a policy report the missing policies only", () => {
    // were it checked: 1,000,000 × (32 + 30 × 35 + 18 = 1,100) = 1.1e9 > 1e9
    const policy = (i: number) => ({ path: `nodes[${i}].policy`, message: 'is required: a stocking node (kind "store") needs an inventory policy' });
    expect(errors(net(30, 1, 1_000_000, 100, false))).toEqual(Array.from({ length: 30 }, (_, i) => policy(i + 1)));
  });
});
