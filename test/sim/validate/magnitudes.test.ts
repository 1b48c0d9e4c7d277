// Huge but finite numbers: each field is bounded (LIMITS.amount, LIMITS.horizon for days), and so
// is the daily demand their product can reach, so that no valid file gives Infinity or NaN statistics.
import { describe, expect, it } from "vitest";
import { kpiColumns, runBatch } from "../../../src/sim/engine/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { issuesAfter, retail, small } from "./fixtures.ts";

describe("magnitudes", () => {
  it("refuses a backorder cost of 1e308, naming the field", () => {
    expect(issuesAfter((d) => { d.costs = { backorderPerUnitDay: 1e308 }; }))
      .toEqual(["costs.backorderPerUnitDay: must be at most 1e12, got 1e+308"]);
  });

  it("refuses amounts so small the engine cannot count in them (the fuzz campaign's 1e-320 demand and Q), naming each field", () => {
    expect(issuesAfter((d) => {
      d.demand[0].dist = { type: "normal", mean: 1e-320, sd: 0 };
      d.nodes[4].policy.Q = 5e-324;
      d.lanes[0].costPerUnit = 1e-12;
    })).toEqual([
      "nodes[4].policy.Q: must be 0 or at least 1e-9 (a smaller amount is below what the engine can count in), got 5e-324",
      "lanes[0].costPerUnit: must be 0 or at least 1e-9 (a smaller amount is below what the engine can count in), got 1e-12",
      "demand[0].dist.mean: must be 0 or at least 1e-9 (a smaller amount is below what the engine can count in), got 1e-320",
    ]);
    // 0 and the smallest amount itself are fine.
    expect(issuesAfter((d) => { d.demand[0].dist = { type: "normal", mean: 1e-9, sd: 0 }; d.lanes[0].costPerUnit = 0; })).toEqual([]);
  });

  it("refuses a level of 1e300 and a capacity of 1e13, naming each field", () => {
    expect(issuesAfter((d) => { d.nodes[2].policy.level = 1e300; d.nodes[2].capacity = { storage: 1e13 }; })).toEqual([
      "nodes[2].policy.level: must be at most 1e12, got 1e+300",
      "nodes[2].capacity.storage: must be at most 1e12, got 10000000000000",
    ]);
  });

  it("refuses demand parameters, costs per unit and gamma parameters above 1e12", () => {
    expect(issuesAfter((d) => {
      d.demand[0].dist = { type: "gamma", mean: 5, sd: 1e200 };
      d.lanes[0].costPerUnit = 2e12;
      d.products = [{ id: "default", unitCost: Number.MAX_VALUE }];
    }).map((i) => i.split(":")[0]).sort()).toEqual(["demand[0].dist.sd", "lanes[0].costPerUnit", "products[0].unitCost"]);
  });

  it("refuses lead times, reviews and delays beyond 36,500 days, which would not fit a day counter", () => {
    expect(issuesAfter((d) => {
      d.lanes[0].leadTime = { type: "constant", value: 3e9 };
      d.lanes[1].leadTime = { type: "normal", mean: 1e9, sd: 1 };
      d.nodes[1].policy.review = 2 ** 40;
      d.disruptions = [{ type: "lane-delay", from: "supplier", to: "plant", extraDays: 1e10, start: 0, end: 5 }];
    }).sort()).toEqual([
      "disruptions[0].extraDays: must be at most 36,500 days (the longest horizon), got 10000000000",
      "lanes[0].leadTime.value: must be at most 36,500 days (the longest horizon), got 3000000000",
      "lanes[1].leadTime.mean: must be at most 36,500 days (the longest horizon), got 1000000000",
      "nodes[1].policy.review: must be at most 36,500 days (the longest horizon), got 1099511627776",
    ]);
  });

  it("accepts numbers at the bounds", () => {
    const d = small();
    d.costs = { backorderPerUnitDay: 1e12, lostSalePerUnit: 1e12, orderFixed: 1e12 };
    d.lanes[0].leadTime = { type: "constant", value: 36_500 };
    expect(validateScenario(d).ok).toBe(true);
  });

  it("refuses a trend, seasonality or demand shocks that take a source's daily mean above 1e12, naming the source", () => {
    expect(issuesAfter((d) => { d.horizon = 3650; d.demand[0].trend = 0.01; })).toEqual([
      "demand[0]: can reach a daily mean of 2.94e16 units (mean 5.00e0 × trend growth (1 + 0.01)^3649 = 5.87e15), over the limit of 1.00e12 units a day, beyond which totals over the horizon lose their precision or overflow; lower the trend",
    ]);
    expect(issuesAfter((d) => { d.demand[1].seasonality = { cycle: 2, factors: [1, 1e12] }; })[0]).toMatch(/^demand\[1\]: can reach a daily mean of 4\.00e12 units \(mean 4\.00e0 × largest seasonality factor 1\.00e12\)/);
    expect(issuesAfter((d) => {
      d.disruptions = Array.from({ length: 13 }, () => ({ type: "demand-shock", node: "*", multiplier: 10, start: 0, end: 5 }));
    }).map((i) => i.split(":")[0])).toEqual(["demand[0]", "demand[1]"]);
  });

  it("gives finite statistics for every KPI of a run with costs and quantities at the bounds", () => {
    const d = retail();
    d.horizon = 120; d.warmup = 10;
    d.costs = { backorderPerUnitDay: 1e12, lostSalePerUnit: 1e12, orderFixed: 1e12 };
    d.nodes = d.nodes.map((n: any) => (n.policy ? { ...n, holdingCost: 1e12, policy: { ...n.policy, level: n.kind === "store" ? 1e11 : 1e12 } } : n));
    d.demand = d.demand.map((x: any) => ({ ...x, dist: { type: "normal", mean: 3e10, sd: 1e10 } }));
    d.lanes = d.lanes.map((l: any) => ({ ...l, costPerUnit: 1e12, costPerShipment: 1e12 }));
    const r = validateScenario(d);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const columns = kpiColumns(d as never), batch = runBatch(d as never, { from: 0, to: 3 });
    const infinite = columns.filter((_, c) => [0, 1, 2].some((k) => Math.abs(batch.values[k * batch.columns + c]) === Infinity));
    expect(infinite).toEqual([]);
  });
});
