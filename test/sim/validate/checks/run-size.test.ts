import { describe, expect, it } from "vitest";
import { kpiColumns } from "../../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../../src/sim/model/index.ts";
import { validateScenario } from "../../../../src/sim/validate/index.ts";

/** A plant and `stores` stores with one lane each: 29 KPI columns per store. */
function stores(count: number, replications: number) {
  const nodes: unknown[] = [{ id: "plant", kind: "supplier" }], lanes: unknown[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push({ id: `s${i}`, kind: "store", policy: { type: "base-stock", level: 10 } });
    lanes.push({ from: "plant", to: `s${i}`, leadTime: { type: "constant", value: 1 } });
  }
  return {
    format: "echelon-scenario@1", name: "stores", seed: 1, replications, horizon: 1, warmup: 0,
    unmetDemand: "backorder", allocation: "fifo", nodes, lanes, demand: [{ node: "s0", dist: { type: "poisson", mean: 1 } }],
  };
}

describe("checkRunSize", () => {
  it("refuses a run whose per-replication KPI values would need 280 GB, naming replications and the network's size", () => {
    const v = validateScenario(stores(1000, 1_000_000));
    expect(v.ok ? [] : v.errors).toEqual([{
      path: "replications",
      message: "keeps too many per-replication KPI values: replications × KPI columns = 1,000,000 × 35,050 " +
        "(32 for the network + 1,000 stocking nodes × 35 + 1 product × 18) = 3.51e10, over the limit of 1.00e9 (8 bytes each, kept for exact percentiles); " +
        "use at most 28,530 replications with this network, or split the run into smaller ones",
    }]);
  });

  it("accepts the largest run within the limit", () => {
    expect(validateScenario(stores(1000, 28_530)).ok).toBe(true);
    expect(validateScenario(stores(1000, 28_531)).ok).toBe(false);
  });

  it("counts the assembly KPIs' columns in a scenario with a bill of materials, as the engine lays them out", () => {
    // a plant making trucks from wheels, and 100 dealers: enough KPI columns to reach the limit at 1,000,000 replications
    const dealers = Array.from({ length: 100 }, (_, k) => `dealer-${k}`);
    const plant = (replications: number) => ({
      format: "echelon-scenario@1", name: "plant", seed: 1, replications, horizon: 1, warmup: 0, unmetDemand: "backorder", allocation: "fifo",
      products: [{ id: "truck" }, { id: "wheel" }],
      nodes: [{ id: "parts", kind: "supplier" }, { id: "plant", kind: "plant", policy: { truck: { type: "base-stock", level: 1 }, wheel: { type: "base-stock", level: 4 } },
        bom: [{ product: "truck", components: { wheel: 4 } }] },
      ...dealers.map((id) => ({ id, kind: "store", policy: { truck: { type: "base-stock", level: 1 } } }))],
      lanes: [{ from: "parts", to: "plant", leadTime: { type: "constant", value: 1 }, products: ["wheel"] },
        ...dealers.map((id) => ({ from: "plant", to: id, leadTime: { type: "constant", value: 1 }, products: ["truck"] }))],
      demand: dealers.map((node) => ({ node, product: "truck", dist: { type: "poisson", mean: 1 } })),
    });
    const small = validateScenario(plant(1));
    if (!small.ok) throw new Error(JSON.stringify(small.errors));
    const columns = kpiColumns(small.scenario as Scenario).length;
    const big = validateScenario(plant(1_000_000));
    const message = big.ok ? "" : big.errors.find((e) => e.path === "replications")?.message ?? "";
    expect(message).toContain(`replications × KPI columns = 1,000,000 × ${columns.toLocaleString("en")} (`);
  });
});
