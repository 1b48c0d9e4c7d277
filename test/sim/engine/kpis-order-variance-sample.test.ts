// orderVarianceRatio uses sample variances, Σ(x − x̄)² ÷ (days − 1) (docs/kpis.md), and is NaN only
// when the demand seen varies by no more than 10⁻¹² (kpis.ts). With two measured days the divisor
// is 1: a divisor of 3 would put this demand's variance under the floor and the ratio at NaN.
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { kpis, lane, scenario, stock, supplier } from "./fixtures.ts";

describe("orderVarianceRatio's sample variance", () => {
  it("two days of demand 2⁻¹⁹ then 2⁻¹⁸ vary by 2⁻³⁹ ≈ 1.8e-12, above the floor: ratio 1", () => {
    // Base-stock 30, lead time 1: the store orders each day what it sold, so orders and demand are
    // both (2⁻¹⁹, 2⁻¹⁸). Mean 1.5 · 2⁻¹⁹, deviations ±2⁻²⁰: Σ squares 2 · 2⁻⁴⁰ = 2⁻³⁹, ÷ (2 − 1).
    // Every number is exact in binary.
    const s = scenario({
      horizon: 2, warmup: 0,
      nodes: [supplier, stock("store", 30)],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: { type: "constant", value: 2 ** -19 } }],
      disruptions: [{ type: "demand-shock", node: "store", multiplier: 2, start: 1, end: 2 }],
    });
    expect(validateScenario(s).ok).toBe(true);
    expect(2 ** -39).toBeGreaterThan(1e-12);
    expect(2 ** -39 / 3).toBeLessThan(1e-12);
    expect(kpis(s)[0]["node:store:orderVarianceRatio"]).toBe(1);
  });
});
