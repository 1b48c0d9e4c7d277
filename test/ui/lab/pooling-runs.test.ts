import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunResult, Stat } from "../../../src/sim/model/result.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import type { PoolingInputs } from "../../../src/sim/optimize/risk-pooling/index.ts";
import type { RunOptions, SimClientLike } from "../../../src/ui/run/sim-client.ts";
import { DEBOUNCE_MS, PoolingRuns, SWEEP_RHOS, type LabSimulation, type SweepPoint } from "../../../src/ui/lab/pooling-runs.ts";

const stat = (mean: number): Stat => ({ mean, sd: 0, ci95: [mean, mean], p05: mean, p50: mean, p95: mean, n: 16 });

/** A client whose runs finish when the test says, and that rejects like the pool when aborted. */
function fakeClient() {
  const pending: { scenario: Scenario; resolve: (r: RunResult) => void }[] = [];
  const client: SimClientLike = {
    run: (scenario: Scenario, options: RunOptions) => new Promise<RunResult>((resolve, reject) => {
      options.signal?.addEventListener("abort", () => reject(Object.assign(new Error("cancelled"), { name: "AbortError" })));
      pending.push({ scenario, resolve });
    }),
    compare: () => Promise.reject(new Error("unused")),
    trace: () => Promise.reject(new Error("unused")),
  };
  const finishAll = async () => {
    while (pending.length) {
      const { scenario, resolve } = pending.shift()!;
      const onHand = scenario.nodes.some((n) => n.id === "pool") ? 50 : 100;
      resolve({ replications: 16, network: { onHand: stat(onHand), backorders: stat(0), fillRate: stat(0.99) }, nodes: { pool: { internalFillRate: stat(0.995) } } } as unknown as RunResult);
      await vi.advanceTimersByTimeAsync(0);
    }
  };
  return { client, pending, finishAll };
}

const inputs = (rho: number, stores = 4): PoolingInputs => ({ stores, mean: 100, sd: 30, rho, leadTime: 4, service: 0.95, holdingCost: 0.1 });

describe("PoolingRuns", () => {
  let sims: LabSimulation[], points: SweepPoint[], errors: string[], runs: PoolingRuns;
  beforeEach(() => {
    vi.useFakeTimers();
    sims = []; points = []; errors = [];
    runs = new PoolingRuns({ onSimulation: (s) => sims.push(s), onSweepPoint: (_, p) => points.push(p), onBusy: () => {}, onError: (m) => errors.push(m) });
  });
  afterEach(() => vi.useRealTimers());

  it("waits for the sliders to settle, then simulates only the last settings", async () => {
    const { client, pending, finishAll } = fakeClient();
    runs.request(client, inputs(0.1));
    runs.request(client, inputs(0.2));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(pending.length).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(pending.map((p) => p.scenario.demandCorrelation)).toEqual([{ rho: 0.2 }, { rho: 0.2 }]);
    await finishAll();
    expect(sims.map((s) => s.inputs.rho)).toEqual([0.2]);
    expect(sims[0].saving.mean).toBe(0.5);
    expect(points.map((p) => p.rho)).toEqual(SWEEP_RHOS);
    expect(errors).toEqual([]);
  });

  it("a new request aborts the runs still going, whose results are never reported", async () => {
    const { client, pending, finishAll } = fakeClient();
    runs.request(client, inputs(0.1));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    const stale = pending.splice(0);
    runs.request(client, inputs(0.3));
    for (const p of stale) p.resolve({} as RunResult);   // too late: already aborted
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await finishAll();
    expect(sims.map((s) => s.inputs.rho)).toEqual([0.3]);
    expect(errors).toEqual([]);
  });

  it("moving only ρ does not simulate the chart's points again", async () => {
    const { client, pending, finishAll } = fakeClient();
    runs.request(client, inputs(0.1));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await finishAll();
    runs.request(client, inputs(0.4));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(pending.length).toBe(2);
    await finishAll();
    expect(points.length).toBe(SWEEP_RHOS.length);
    runs.request(client, inputs(0.4, 5));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await finishAll();
    expect(points.length).toBe(2 * SWEEP_RHOS.length);
  });
});
