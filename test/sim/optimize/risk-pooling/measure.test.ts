import { describe, expect, it } from "vitest";
import type { RunResult, Stat } from "../../../../src/sim/model/result.ts";
import type { Scenario } from "../../../../src/sim/model/scenario.ts";
import * as engine from "../../../../src/sim/engine/index.ts";
import { validateScenario } from "../../../../src/sim/validate/index.ts";
import { measureSide, poolingScenario, poolingTheory, simulatedSaving, POOL_NODE, type PoolingInputs } from "../../../../src/sim/optimize/risk-pooling/index.ts";
import { createClientOnPool } from "../../../../src/workers/client.ts";
import { createPool } from "../../../../src/workers/pool.ts";
import { inProcessWorkers } from "../../../helpers/in-process-workers.ts";

const stat = (mean: number, lo: number, hi: number): Stat => ({ mean, sd: 0, ci95: [lo, hi], p05: lo, p50: mean, p95: hi, n: 10 });

describe("measureSide", () => {
  it("safety stock is on hand − backorders, with the interval both intervals allow", () => {
    const result = { replications: 10, network: { onHand: stat(120, 110, 130), backorders: stat(3, 2, 5), fillRate: stat(0.98, 0.97, 0.99) }, nodes: {} } as unknown as RunResult;
    const m = measureSide("own", result, 0.5);
    expect(m.safetyStock).toEqual({ mean: 117, lo: 105, hi: 128 });
    expect(m.cost).toEqual({ mean: 58.5, lo: 52.5, hi: 64 });
    expect(m.fillRate).toEqual({ mean: 0.98, lo: 0.97, hi: 0.99 });
  });

  it("the pooled stock's fill rate is its internal fill rate (what it ships the day the stores order)", () => {
    const result = { replications: 10, network: { onHand: stat(50, 40, 60), backorders: stat(0, 0, 0), fillRate: stat(0, 0, 0) }, nodes: { [POOL_NODE]: { internalFillRate: stat(0.99, 0.985, 0.995) } } } as unknown as RunResult;
    expect(measureSide("pooled", result, 1).fillRate).toEqual({ mean: 0.99, lo: 0.985, hi: 0.995 });
  });

  it("simulatedSaving bounds 1 − pooled/own by the two intervals", () => {
    expect(simulatedSaving({ mean: 200, lo: 180, hi: 250 }, { mean: 100, lo: 90, hi: 120 })).toEqual({ mean: 0.5, lo: 1 - 120 / 180, hi: 1 - 90 / 250 });
  });
});

describe("the lab's simulation agrees with theory", () => {
  const inputs: PoolingInputs = { stores: 8, mean: 100, sd: 30, rho: 0.4, leadTime: 3, service: 0.95, holdingCost: 0.1 };
  const run = { horizon: 730, warmup: 30, replications: 40, seed: 7 };
  const simulate = async (scenarios: Scenario[]) => {
    const client = createClientOnPool(createPool(2, inProcessWorkers(engine).factory));
    try { return await Promise.all(scenarios.map((s) => client.run(s, {}))); } finally { client.dispose(); }
  };

  it("builds scenarios that validate", () => {
    for (const layout of ["own", "pooled"] as const) {
      for (const stores of [1, 16]) expect(validateScenario(poolingScenario(layout, { ...inputs, stores }, run)).ok).toBe(true);
    }
  });

  it("pooled and own safety stock, and the fill rate each delivers, fall within the simulation's 95% intervals", async () => {
    const theory = poolingTheory(inputs);
    const [own, pooled] = (await simulate([poolingScenario("own", inputs, run), poolingScenario("pooled", inputs, run)]))
      .map((r, i) => measureSide(i === 0 ? "own" : "pooled", r, inputs.holdingCost));
    for (const [sim, th] of [[pooled, theory.pooled], [own, theory.own]] as const) {
      expect(th.safetyStock).toBeGreaterThanOrEqual(sim.safetyStock.lo);
      expect(th.safetyStock).toBeLessThanOrEqual(sim.safetyStock.hi);
      expect(th.fillRate).toBeGreaterThanOrEqual(sim.fillRate.lo);
      expect(th.fillRate).toBeLessThanOrEqual(sim.fillRate.hi);
    }
    const saving = simulatedSaving(own.safetyStock, pooled.safetyStock);
    expect(theory.saving).toBeGreaterThanOrEqual(saving.lo);
    expect(theory.saving).toBeLessThanOrEqual(saving.hi);
  }, 60_000);

  it("a pooled stock sized by the √N rule while the stores are correlated delivers less than theory promises", async () => {
    const independent = poolingTheory({ ...inputs, rho: 0 });
    const s = poolingScenario("pooled", inputs, run);
    const undersized: Scenario = { ...s, nodes: s.nodes.map((n) => (n.id === POOL_NODE ? { ...n, policy: { type: "base-stock", level: independent.pooled.level } } : n)) };
    const [r] = await simulate([undersized]);
    expect(measureSide("pooled", r, inputs.holdingCost).fillRate.hi).toBeLessThan(poolingTheory(inputs).pooled.fillRate);
  }, 60_000);
});
