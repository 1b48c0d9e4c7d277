import { describe, expect, it } from "vitest";
import type { RunResult, Stat } from "../../../src/sim/model/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { optimizeScenario, verifyPlacement } from "../../../src/sim/optimize/index.ts";
import { base, bs, c } from "./fixtures.ts";

// supplier → dc (4 days) → store (1 day), Poisson(16) at the store.
const chain: Scenario = {
  ...base,
  nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 1, policy: bs }, { id: "s", kind: "store", holdingCost: 2, policy: bs }],
  lanes: [{ from: "sup", to: "dc", leadTime: c(4) }, { from: "dc", to: "s", leadTime: c(1) }],
  demand: [{ node: "s", dist: { type: "poisson", mean: 16 } }],
};
const stat = (mean: number, half: number): Stat => ({ mean, sd: 0, ci95: [mean - half, mean + half], p05: mean, p50: mean, p95: mean, n: 100 });
const none: Stat = { mean: NaN, sd: NaN, ci95: [NaN, NaN], p05: NaN, p50: NaN, p95: NaN, n: 0 };
function runOf(store: { csl: number; fill: number }, dcInternal: number, network = store): RunResult {
  return {
    format: "echelon-result@1", scenario: "t", seed: 3, replications: 100, horizon: 100, warmup: 10, workers: 1, elapsedMs: 0,
    network: { fillRate: stat(network.fill, 0.002), cycleServiceLevel: stat(network.csl, 0.002) },
    nodes: { dc: { fillRate: none, cycleServiceLevel: none, internalFillRate: stat(dcInternal, 0.002) }, s: { fillRate: stat(store.fill, 0.002), cycleServiceLevel: stat(store.csl, 0.002), internalFillRate: none } },
    products: {},
  } as RunResult;
}

describe("verifyPlacement", () => {
  it("verifyPlacement promises each node the cycle service level its safety stock buys in the model, Φ(ss / σ_τ)", () => {
    const r = optimizeScenario(chain, { method: "single-echelon", serviceLevel: 0.9 });
    const v = verifyPlacement(chain, r, runOf({ csl: 0.95, fill: 0.99 }, 0.97));
    expect(v.nodes.s.promise).toEqual({ serviceTime: 0, safetyStock: (r.nodes.s as { safetyStock: number }).safetyStock, cycleServiceLevel: expect.closeTo(0.9, 12) });
    expect(v.nodes.dc.simulated).toEqual({ internalFillRate: { mean: 0.97, ci95: [0.968, 0.972] } });
    expect(v.nodes.s.simulated).toEqual({ fillRate: { mean: 0.99, ci95: [0.988, 0.992] }, cycleServiceLevel: { mean: 0.95, ci95: [0.948, 0.952] } });
    expect([v.nodes.dc.optimistic, v.nodes.s.optimistic, v.network.optimistic]).toEqual([false, false, false]);
    expect(v.network.promised).toEqual({ cycleServiceLevel: 0.9 });
    expect([v.seed, v.replications]).toEqual([3, 100]);
  });

  it("verifyPlacement marks a node optimistic when the upper bound of what it delivers is below its promise", () => {
    const r = optimizeScenario(chain, { method: "single-echelon", serviceLevel: 0.95 });
    const v = verifyPlacement(chain, r, runOf({ csl: 0.94, fill: 0.99 }, 0.945));
    expect([v.nodes.dc.optimistic, v.nodes.s.optimistic, v.network.optimistic]).toEqual([true, true, true]);
    // Within the interval is not optimistic: 0.949 + 0.002 ≥ 0.95.
    const w = verifyPlacement(chain, r, runOf({ csl: 0.949, fill: 0.99 }, 0.949));
    expect([w.nodes.dc.optimistic, w.nodes.s.optimistic]).toEqual([false, false]);
  });

  it("verifyPlacement cannot judge a node that promises more than 0 days", () => {
    const quoting = { ...chain, nodes: chain.nodes.map((n) => (n.id === "dc" ? { ...n, holdingCost: 3 } : n)) };
    const r = optimizeScenario(quoting, { method: "gsm", serviceLevel: 0.95 });
    expect((r.nodes.dc as { serviceTime: number }).serviceTime).toBe(4); // the dear DC passes orders through
    const v = verifyPlacement(quoting, r, runOf({ csl: 0.5, fill: 0.6 }, 0.1));
    expect(v.nodes.dc.optimistic).toBeNull();
    // τ = 0: no stock, no exposure; in the model it always keeps its promise.
    expect(v.nodes.dc.promise).toEqual({ serviceTime: 4, safetyStock: 0, cycleServiceLevel: 1 });
    expect(v.nodes.s.optimistic).toBe(true);
  });
});
