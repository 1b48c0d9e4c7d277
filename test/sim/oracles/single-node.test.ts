// A single stocking node with base-stock S, constant lead time L and backorders, against the
// closed forms of closed-form.ts (normal loss function; exact Poisson sums).
import { describe, it } from "vitest";
import type { Distribution, Scenario } from "../../../src/sim/model/index.ts";
import { baseStockSteadyState, normalDemand, poissonDemand, type BaseStockSteadyState } from "./closed-form.ts";
import { runKpis } from "./harness.ts";
import { expectInInterval } from "./interval.ts";

const h = 1, b = 9;

function singleNode(dist: Distribution, S: number, L: number, run: Partial<Scenario> = {}): Scenario {
  return {
    format: "echelon-scenario@1", name: "single node", horizon: 1000, warmup: 50, replications: 300, seed: 7,
    unmetDemand: "backorder", allocation: "fifo",
    nodes: [{ id: "supplier", kind: "supplier" }, { id: "store", kind: "store", holdingCost: h, policy: { type: "base-stock", level: S } }],
    lanes: [{ from: "supplier", to: "store", leadTime: { type: "constant", value: L } }],
    demand: [{ node: "store", dist }],
    costs: { backorderPerUnitDay: b },
    ...run,
  };
}

const KEYS = ["backorders", "onHand", "inTransit", "fillRate", "cycleServiceLevel", "holdingCost", "backorderCost", "totalCost"] as const;

function checkAgainst(scenario: Scenario, theory: BaseStockSteadyState): void {
  const kpis = runKpis(scenario);
  for (const key of KEYS) {
    expectInInterval(kpis.get("network", "", key), theory[key], `network ${key}`);
    expectInInterval(kpis.get("node", "store", key), theory[key], `store ${key}`);
  }
}

describe("base-stock node with normal demand", () => {
  // N(100, 10²): P(D < 0) = Φ(−10) ≈ 8e-24, so truncating negative draws at 0 changes nothing.
  const demand = normalDemand(100, 10);
  it("matches σ√L·L(z) backorders, S − μL + E[B] on hand and the one-day fill rate at z = 0 (S = μL)", () => {
    checkAgainst(singleNode({ type: "normal", mean: 100, sd: 10 }, 300, 3), baseStockSteadyState(demand, 300, 3, { holding: h, backorder: b }));
  });
  it("matches the closed form at z = 1 with a one-day lead time (fill rate = 1 − σL(z)/μ)", () => {
    checkAgainst(singleNode({ type: "normal", mean: 100, sd: 10 }, 110, 1, { seed: 8 }), baseStockSteadyState(demand, 110, 1, { holding: h, backorder: b }));
  });
});

describe("base-stock node with Poisson demand", () => {
  it("matches exact Poisson sums for backorders, on hand, fill rate and cycle service level", () => {
    checkAgainst(singleNode({ type: "poisson", mean: 20 }, 42, 2, { seed: 9 }), baseStockSteadyState(poissonDemand(20), 42, 2, { holding: h, backorder: b }));
  });
  it("counts only days with demand in the cycle service level (λ = 0.8, many zero days)", () => {
    checkAgainst(singleNode({ type: "poisson", mean: 0.8 }, 3, 2, { seed: 10 }), baseStockSteadyState(poissonDemand(0.8), 3, 2, { holding: h, backorder: b }));
  });
});

describe("base-stock node with lost sales and a one-day lead time", () => {
  // With L = 1 the shelf is back at S every morning (yesterday's order = yesterday's sales), so
  // sales = min(D, S): lost = E[(D − S)⁺], end-of-day on hand = E[(S − D)⁺], fill rate
  // = 1 − lost/μ, α = P(0 < D <= S)/P(D > 0), in transit = E[min(D, S)]. Poisson(10), S = 12.
  it("loses E[(D − S)⁺] a day and serves the rest at once", () => {
    const lambda = 10, S = 12, m = poissonDemand(lambda);
    const lost = m.excess(1, S), p0 = Math.exp(-lambda);
    const theory = { lostSales: lost, onHand: S - lambda + lost, fillRate: 1 - lost / lambda, inTransit: lambda - lost,
      cycleServiceLevel: (m.cdf(1, S) - p0) / (1 - p0), backorders: 0, lostSaleCost: 5 * lost };
    const kpis = runKpis(singleNode({ type: "poisson", mean: lambda }, S, 1, { seed: 11, unmetDemand: "lost", costs: { lostSalePerUnit: 5 } }));
    for (const [key, value] of Object.entries(theory)) expectInInterval(kpis.get("node", "store", key), value, `lost-sales ${key}`);
  });
});
