// Random lead times with overtaking, against the exact convolution of random-lead-time.ts.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { baseStockSteadyState, poissonDemand } from "./closed-form.ts";
import { runKpis } from "./harness.ts";
import { expectInInterval, expectOutsideInterval } from "./interval.ts";
import { randomLeadTimeSteadyState } from "./random-lead-time.ts";

describe("randomLeadTimeSteadyState", () => {
  it("reduces to the Poisson(λL) closed form for a constant lead time", () => {
    const exact = baseStockSteadyState(poissonDemand(6), 20, 3, { holding: 1, backorder: 4 });
    const conv = randomLeadTimeSteadyState(6, [0, 0, 0, 1], 20, { holding: 1, backorder: 4 });
    for (const key of Object.keys(exact) as (keyof typeof exact)[]) expect(conv[key]).toBeCloseTo(exact[key], 12);
  });
});

describe("base-stock node with uniform 1–5 day lead times that may overtake", () => {
  // Poisson(6) a day, S = 24, E[L] = 3. The outstanding quantity has mean 18 and variance
  // λΣp_k + λ²Σp_k(1 − p_k) = 18 + 28.8 (p_k = P(L > k)), against 18 for a constant 3-day lead
  // time. 300 replications × 1000 days after a 50-day warm-up; 99.9% intervals.
  const pmf = [0, 0.2, 0.2, 0.2, 0.2, 0.2];
  const scenario: Scenario = {
    format: "echelon-scenario@1", name: "random lead time", horizon: 1050, warmup: 50, replications: 300, seed: 123,
    unmetDemand: "backorder", allocation: "fifo",
    nodes: [{ id: "supplier", kind: "supplier" }, { id: "store", kind: "store", holdingCost: 1, policy: { type: "base-stock", level: 24 } }],
    lanes: [{ from: "supplier", to: "store", leadTime: { type: "uniform", min: 1, max: 5 }, overtaking: true }],
    demand: [{ node: "store", dist: { type: "poisson", mean: 6 } }],
    costs: { backorderPerUnitDay: 4 },
  };
  it("matches the exact outstanding-order distribution (whole days travel together)", () => {
    const theory = randomLeadTimeSteadyState(6, pmf, 24, { holding: 1, backorder: 4 });
    const kpis = runKpis(scenario);
    for (const key of ["backorders", "onHand", "inTransit", "fillRate", "cycleServiceLevel", "totalCost"] as const) {
      expectInInterval(kpis.get("node", "store", key), theory[key], key);
    }
    // Lead-time variability matters: the constant-lead-time answer (or a Poisson(λE[L]) pipeline) is rejected.
    const constantL = baseStockSteadyState(poissonDemand(6), 24, 3);
    expectOutsideInterval(kpis.get("node", "store", "backorders"), constantL.backorders, "backorders with L ≡ 3");
  });
});
