import { describe, expect, it } from "vitest";
import { normalLoss, normalQuantile } from "../../../../src/sim/math/normal.ts";
import { fillRate, pooledSdFactor, poolingSaving, poolingTheory } from "../../../../src/sim/optimize/risk-pooling/index.ts";

const base = { stores: 4, mean: 100, sd: 20, rho: 0, leadTime: 4, service: 0.95, holdingCost: 0.1 };

describe("risk-pooling theory", () => {
  it("pooledSdFactor is √(N(1 + (N − 1)ρ)): √N when independent, N when perfectly correlated", () => {
    expect(pooledSdFactor(16, 0)).toBe(4);
    expect(pooledSdFactor(16, 1)).toBe(16);
    expect(pooledSdFactor(5, 0.3)).toBe(Math.sqrt(5 * (1 + 4 * 0.3)));
    expect(pooledSdFactor(1, 0.7)).toBe(1);
  });

  it("poolingTheory: each store holds zσ√L, the pooled stock zσ√L·√N (the √N rule)", () => {
    const z = normalQuantile(0.95), t = poolingTheory(base);
    expect(t.z).toBe(z);
    expect(t.own.safetyStock).toBe(4 * z * 20 * 2);
    expect(t.pooled.safetyStock).toBe(z * 20 * 2 * 2);
    expect(t.own.level).toBe(4 * 100 * 4 + t.own.safetyStock);
    expect(t.pooled.level).toBe(4 * 100 * 4 + t.pooled.safetyStock);
    expect(t.own.cost).toBe(t.own.safetyStock * 0.1);
    expect(t.saving).toBe(0.5);
  });

  it("poolingTheory: with correlation the pooled sd is σ√L·√(N + N(N − 1)ρ)", () => {
    const t = poolingTheory({ ...base, stores: 9, rho: 0.25 });
    expect(t.pooled.leadTimeSd).toBe(20 * 2 * Math.sqrt(9 * (1 + 8 * 0.25)));
    expect(t.saving).toBe(1 - Math.sqrt(9 * 3) / 9);
  });

  it("poolingSaving fades from 1 − 1/√N at ρ = 0 to nothing at ρ = 1, and is 0 for one store", () => {
    expect(poolingSaving(16, 0)).toBe(0.75);
    expect(poolingSaving(16, 1)).toBe(0);
    expect(poolingSaving(1, 0)).toBe(0);
    const fading = [0, 0.2, 0.4, 0.6, 0.8].map((rho) => poolingSaving(8, rho));
    for (let i = 1; i < fading.length; i++) expect(fading[i]).toBeLessThan(fading[i - 1]);
  });

  it("fillRate with a one-day lead time is the textbook 1 − σG(ss/σ)/μ", () => {
    expect(fillRate(30, 100, 20, 1)).toBe(1 - 20 * normalLoss(30 / 20) / 100);
  });

  it("fillRate over L days subtracts the shortfall already owed the day before", () => {
    const s4 = 20 * 2, s3 = 20 * Math.sqrt(3);
    expect(fillRate(50, 100, 20, 4)).toBe(1 - (s4 * normalLoss(50 / s4) - s3 * normalLoss(150 / s3)) / 100);
  });
});
