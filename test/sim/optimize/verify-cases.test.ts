import { describe, expect, it } from "vitest";
import type { RunResult, Scenario, Stat } from "../../../src/sim/model/index.ts";
import { buildResult, optimizeBySimulation, optimizeScenario, planScenario, resolveTarget, verifyPlacement, type OptimizationResult } from "../../../src/sim/optimize/index.ts";
import { base, bs, c } from "./fixtures.ts";

// supplier → dc (4 days) → store (1 day), Poisson(16) at the store.
const chain: Scenario = {
  ...base,
  nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 1, policy: bs }, { id: "s", kind: "store", holdingCost: 2, policy: bs }],
  lanes: [{ from: "sup", to: "dc", leadTime: c(4) }, { from: "dc", to: "s", leadTime: c(1) }],
  demand: [{ node: "s", dist: { type: "poisson", mean: 16 } }],
};
const stat = (mean: number, lo: number, hi: number): Stat => ({ mean, sd: 0, ci95: [lo, hi], p05: mean, p50: mean, p95: mean, n: 100 });
const none: Stat = { mean: NaN, sd: NaN, ci95: [NaN, NaN], p05: NaN, p50: NaN, p95: NaN, n: 0 };
/** A verifying run: the network's figures as given, every listed node a demand node with `kpis`. */
function runOf(network: { fillRate?: Stat; cycleServiceLevel?: Stat }, nodes: readonly string[] = ["dc", "s"], kpis: Stat = stat(0.99, 0.98, 1)): RunResult {
  return {
    format: "echelon-result@1", scenario: "t", seed: 3, replications: 100, horizon: 100, warmup: 10, workers: 1, elapsedMs: 0,
    network, nodes: Object.fromEntries(nodes.map((id) => [id, { fillRate: kpis, cycleServiceLevel: kpis, internalFillRate: none }])), products: {},
  } as unknown as RunResult;
}
const PHI_1 = 0.8413447460685429; // Φ(1)

describe("verifyPlacement: the network", () => {
  it("reports the delivered figures of the run, and is not optimistic when the upper bound equals the promise exactly", () => {
    const r = optimizeScenario(chain, { method: "single-echelon", serviceLevel: 0.9 });
    const at = verifyPlacement(chain, r, runOf({ fillRate: stat(0.95, 0.94, 0.96), cycleServiceLevel: stat(0.88, 0.86, 0.9) }));
    expect(at.network).toStrictEqual({
      promised: { cycleServiceLevel: 0.9 },
      delivered: { fillRate: { mean: 0.95, ci95: [0.94, 0.96] }, cycleServiceLevel: { mean: 0.88, ci95: [0.86, 0.9] } },
      optimistic: false, // 0.9 is not below 0.9
    });
    const under = verifyPlacement(chain, r, runOf({ fillRate: stat(0.95, 0.94, 0.96), cycleServiceLevel: stat(0.88, 0.86, 0.8999) }));
    expect(under.network.optimistic).toBe(true);
  });

  it("gives a missing network figure as NaN with a NaN interval", () => {
    // fillRate measured in no replication (n = 0), cycleServiceLevel absent from the run.
    const r = optimizeScenario(chain, { method: "single-echelon", serviceLevel: 0.9 });
    const v = verifyPlacement(chain, r, runOf({ fillRate: none }));
    expect(v.network.delivered).toEqual({ fillRate: { mean: NaN, ci95: [NaN, NaN] }, cycleServiceLevel: { mean: NaN, ci95: [NaN, NaN] } });
    // NaN is not below the promise: no evidence of a broken promise.
    expect(v.network.optimistic).toBe(false);
  });

  it("after the simulation method promises its target fill rate and judges the delivered fill rate against it", async () => {
    // The stand-in simulator reports 0.99 at every factor, so k = 0 reaches the target 0.98.
    const r = await optimizeBySimulation(chain, { target: { z: 2 }, targetFill: 0.98, evaluate: async () => ({ mean: 0.99, ci95: [0.985, 0.995] }), replications: 4 });
    expect(r.method).toBe("simulation");
    // The cycle service level (0.5) is far below the service level of z = 2, but the fill rate is what was promised.
    const short = verifyPlacement(chain, r, runOf({ fillRate: stat(0.97, 0.968, 0.972), cycleServiceLevel: stat(0.5, 0.49, 0.51) }));
    expect(short.network.promised).toStrictEqual({ fillRate: 0.98 });
    expect(short.network.optimistic).toBe(true); // 0.972 < 0.98
    const met = verifyPlacement(chain, r, runOf({ fillRate: stat(0.979, 0.977, 0.981), cycleServiceLevel: stat(0.5, 0.49, 0.51) }));
    expect(met.network.optimistic).toBe(false); // 0.981 ≥ 0.98
  });

  it("after the simulation method without a target fill (total cost) promises nothing and judges nothing", async () => {
    const r = await optimizeBySimulation(chain, { target: { z: 2 }, targetFill: 0.98, evaluate: async () => ({ mean: 0.99, ci95: [0.985, 0.995] }), replications: 4 });
    const { targetFill: _, ...totalCost } = r.simulation!;
    const run = runOf({ fillRate: stat(0.5, 0.49, 0.51), cycleServiceLevel: stat(0.5, 0.49, 0.51) });
    const v = verifyPlacement(chain, { ...r, simulation: totalCost }, run);
    expect(v.network.promised).toStrictEqual({});
    expect(v.network.optimistic).toBeNull();
    // Nor without a simulation block at all.
    const { simulation: __, ...bare } = r;
    const w = verifyPlacement(chain, bare as OptimizationResult, run);
    expect(w.network.promised).toStrictEqual({});
    expect(w.network.optimistic).toBeNull();
  });
});

describe("verifyPlacement: the nodes", () => {
  it("with several products promises each product its own figures and judges none", () => {
    // One store, lead time 4, demand 8 or 12 of p (μ 10, σ 2) and 4 or 6 of q (μ 5, σ 1); GSM at
    // z = 1: τ = 4, safety stocks 1·2·√4 = 4 and 1·1·√4 = 2, each buying Φ(ss / (σ√τ)) = Φ(1).
    const two: Scenario = {
      ...base,
      products: [{ id: "p" }, { id: "q" }],
      nodes: [{ id: "sup", kind: "supplier" }, { id: "s", kind: "store", policy: { p: bs, q: bs }, holdingCost: 1 }],
      lanes: [{ from: "sup", to: "s", leadTime: c(4) }],
      demand: [
        { node: "s", product: "p", dist: { type: "discrete", values: [8, 12], probs: [0.5, 0.5] } },
        { node: "s", product: "q", dist: { type: "discrete", values: [4, 6], probs: [0.5, 0.5] } },
      ],
    };
    const r = optimizeScenario(two, { method: "gsm", z: 1 });
    const v = verifyPlacement(two, r, runOf({ fillRate: stat(0.99, 0.98, 1), cycleServiceLevel: stat(0.9, 0.89, 0.91) }, ["s"], stat(0.1, 0.05, 0.15)));
    expect(v.nodes.s.promise).toEqual({
      p: { serviceTime: 0, safetyStock: expect.closeTo(4, 9), cycleServiceLevel: expect.closeTo(PHI_1, 9) },
      q: { serviceTime: 0, safetyStock: expect.closeTo(2, 9), cycleServiceLevel: expect.closeTo(PHI_1, 9) },
    });
    expect(v.nodes.s.optimistic).toBeNull(); // though its 0.15 upper bound is far below Φ(1)
  });

  it("skips a stage the result has no decision for", () => {
    const r = optimizeScenario(chain, { method: "single-echelon", serviceLevel: 0.9 });
    const storeOnly = { ...r, nodes: { s: r.nodes.s } };
    const v = verifyPlacement(chain, storeOnly, runOf({ fillRate: stat(0.99, 0.98, 1), cycleServiceLevel: stat(0.9, 0.89, 0.91) }));
    expect(Object.keys(v.nodes)).toEqual(["s"]);
    expect(v.nodes.s.promise).toMatchObject({ serviceTime: 0, cycleServiceLevel: expect.closeTo(0.9, 12) });
  });

  it("with no exposure (σ = 0) promises 1 for a safety stock ≥ 0 and 0 for a negative one", () => {
    // Constant demand 16, lead time 4: μ·τ = 64 and σ_τ = 0. Level 60 holds −4: in the model
    // every day's demand over τ (64) exceeds it, a cycle service level of 0; level 64 holds 0: 1.
    const flat: Scenario = { ...base, nodes: [{ id: "sup", kind: "supplier" }, { id: "s", kind: "store", holdingCost: 1, policy: bs }], lanes: [{ from: "sup", to: "s", leadTime: c(4) }], demand: [{ node: "s", dist: c(16) }] };
    const target = resolveTarget({ serviceLevel: 0.9 }), plans = planScenario(flat, "single-echelon", target.z);
    const run = runOf({ fillRate: stat(0.99, 0.98, 1), cycleServiceLevel: stat(0.9, 0.89, 0.91) }, ["s"]);
    const below = verifyPlacement(flat, buildResult(flat, "simulation", target, plans, 1, [60]), run);
    expect(below.nodes.s.promise).toEqual({ serviceTime: 0, safetyStock: -4, cycleServiceLevel: 0 });
    const at = verifyPlacement(flat, buildResult(flat, "simulation", target, plans, 1, [64]), run);
    expect(at.nodes.s.promise).toEqual({ serviceTime: 0, safetyStock: 0, cycleServiceLevel: 1 });
  });
});
