// The risk-pooling lab's two networks as scenarios (risk-pooling/scenarios.ts): the ids and names a
// planner sees, and the correlation the format needs only when there is something to correlate;
// and the theory's lead-time spread and its zero-variance case.
import { describe, expect, it } from "vitest";
import { fillRate, poolingScenario, poolingTheory, POOL_NODE } from "../../../../src/sim/optimize/risk-pooling/index.ts";
import { validateScenario } from "../../../../src/sim/validate/index.ts";

const inputs = { stores: 3, mean: 100, sd: 20, rho: 0.2, leadTime: 4, service: 0.95, holdingCost: 0.1 };
const run = { horizon: 50, warmup: 10, replications: 5, seed: 1 };

describe("poolingScenario", () => {
  it("names its nodes store-1 … store-N, the supplier \"Supplier\" and the pool \"Pooled stock\", and says which layout it is", () => {
    const own = poolingScenario("own", inputs, run), pooled = poolingScenario("pooled", inputs, run);
    expect(validateScenario(own).ok && validateScenario(pooled).ok).toBe(true);
    expect(own.nodes.map((n) => n.id)).toEqual(["supplier", "store-1", "store-2", "store-3"]);
    expect(own.nodes[0].name).toBe("Supplier");
    expect(pooled.nodes.map((n) => n.id)).toEqual(["supplier", POOL_NODE, "store-1", "store-2", "store-3"]);
    expect(pooled.nodes[1].name).toBe("Pooled stock");
    expect(own.name).toBe("Risk-pooling lab: 3 stores, own stock, ρ = 0.2");
    expect(pooled.name).toBe("Risk-pooling lab: 3 stores, pooled stock, ρ = 0.2");
  });

  it("correlates the stores' demand only when ρ > 0 and there are at least two stores", () => {
    expect(poolingScenario("own", inputs, run).demandCorrelation).toEqual({ rho: 0.2 });
    expect(poolingScenario("own", { ...inputs, rho: 0 }, run).demandCorrelation).toBeUndefined();
    // One store has no other to correlate with.
    expect(poolingScenario("own", { ...inputs, stores: 1 }, run).demandCorrelation).toBeUndefined();
    expect(poolingScenario("own", { ...inputs, stores: 2 }, run).demandCorrelation).toEqual({ rho: 0.2 });
  });
});

describe("poolingTheory and fillRate at their edges", () => {
  it("a store's lead-time demand spreads as σ√L: 20 × √4 = 40", () => {
    expect(poolingTheory(inputs).own.leadTimeSd).toBe(40);
  });

  it("with no variance and no safety stock, nothing is ever short: fill rate 1", () => {
    // Demand is exactly μ every day and the level covers L days of it: units short (D_L − S)⁺ = 0.
    expect(fillRate(0, 5, 0, 2)).toBe(1);
  });
});
