// optimizeNetwork (src/sim/optimize/network-search.ts) with a stand-in for the engine: the
// evaluator answers a closed form of the base-stock levels it is given, so each search runs in
// milliseconds and every figure it reports is known in advance. What is pinned here: the target's
// bounds, each progress event with its fields, the result's fields (only those of its objective),
// which start the search takes, when two starts are the same, and the check's targetMet.
// The verdict's sentences are in network-search-verdict.test.ts.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { optimizeNetwork, type Estimate, type NetworkSearchProgress, type PlanEstimate, type RunSpec } from "../../../src/sim/optimize/index.ts";
import { base, bs, c, poissonStore } from "./fixtures.ts";

const SEARCH = { seed: 42, replications: 40 }, CHECK = { seed: 43, replications: 200 };
const est = (mean: number, lo: number, hi: number): Estimate => ({ mean, ci95: [lo, hi] });
/** The base-stock level of every node with a policy, in the scenario's order. */
const levelsOf = (s: Scenario) => s.nodes.filter((n) => n.policy).map((n) => (n.policy as { level: number }).level);

/** The stand-in: `at` answers a vector of levels on a run; the levels of every call are kept, by run. */
function standIn(at: (levels: number[], run: RunSpec) => PlanEstimate) {
  const search: number[][] = [], check: number[][] = [];
  const evaluate = async (s: Scenario, run: RunSpec) => {
    const levels = levelsOf(s);
    (run.seed === CHECK.seed ? check : search).push(levels);
    return at(levels, run);
  };
  return { evaluate, search, check };
}

// One store behind a supplier (4 days), Poisson(16), z = 2: μ·τ = 16·4 = 64 and z·σ·√τ =
// 2·4·√4 = 16, so single-echelon and GSM (one stage: it promises 0) both start at 64 + 16k.
const store = poissonStore;
// The store's fill rate rises by 1/64 per unit above 64 (0.75 at 80, k = 1); its holding cost is
// its level, its value on hand twice that. Every figure is a dyadic fraction: equalities are exact.
const storeAt = ([l]: number[]): PlanEstimate => {
  const f = Math.min(1, 0.5 + (l - 64) / 64);
  return { fillRate: est(f, f - 1 / 64, f + 1 / 64), holdingCost: est(l, l - 1, l + 1), totalCost: est(l + 1, l, l + 2), onHandValue: est(2 * l, 2 * l - 2, 2 * l + 2) };
};

// A DC (4 days from the supplier) and a store (4 days from the DC), Poisson(16) at the store, z = 2.
// Single-echelon: both τ = 4, levels (64 + 16k, 64 + 16k). GSM: the DC passes orders through
// (S = 4, τ = 0: level 0) and the store covers 8 days: 16·8 = 128 plus 2·4·√8 = 2·√128 per k.
const chain: Scenario = {
  ...base,
  nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 1, policy: bs }, { id: "s", kind: "store", holdingCost: 1, policy: bs }],
  lanes: [{ from: "sup", to: "dc", leadTime: c(4) }, { from: "dc", to: "s", leadTime: c(4) }],
  demand: [{ node: "s", dist: { type: "poisson", mean: 16 } }],
};
const GSM_SAFETY = 2 * Math.sqrt(128);

describe("optimizeNetwork: the target fill's bounds", () => {
  it("refuses a target fill of 0 with a RangeError naming the field and the value, before any simulation", async () => {
    const { evaluate, search } = standIn(storeAt);
    await expect(optimizeNetwork(store, { objective: "target-fill", targetFill: 0, target: { z: 2 }, evaluate, search: SEARCH, check: CHECK }))
      .rejects.toThrow(new RangeError("targetFill: must be above 0 and at most 1, got 0"));
    expect(search).toEqual([]);
  });

  it("accepts a target fill of exactly 1, and reports it", async () => {
    // Fill 1 everywhere: k = 1 reaches 1, so does k = 0 (the least factor), then no search (budget 0).
    const { evaluate, search } = standIn(() => ({ fillRate: est(1, 1, 1), holdingCost: est(5, 4, 6), totalCost: est(5, 4, 6), onHandValue: est(5, 4, 6) }));
    const r = await optimizeNetwork(store, { objective: "target-fill", targetFill: 1, target: { z: 2 }, evaluate, search: SEARCH, check: CHECK, maxEvaluations: 0 });
    expect(search).toEqual([[80], [64]]);
    expect(r.simulation).toMatchObject({ targetFill: 1, reached: true, starts: [{ safetyFactor: 0 }, { safetyFactor: 0 }] });
  });

  it("checks the target fill only for the target-fill objective: total cost takes a target fill of 0, or none", async () => {
    const flat = () => ({ fillRate: est(0.5, 0.4, 0.6), holdingCost: est(5, 4, 6), totalCost: est(5, 4, 6), onHandValue: est(5, 4, 6) });
    for (const targetFill of [0, undefined]) {
      const r = await optimizeNetwork(store, { objective: "total-cost", targetFill, target: { z: 2 }, evaluate: standIn(flat).evaluate, search: SEARCH, check: CHECK, maxEvaluations: 0 });
      expect(r.simulation!.objective).toBe("total-cost");
    }
  });
});

describe("optimizeNetwork on a DC and a store (target fill 31/32): every event and every field", () => {
  // Fill rate: 0.5 + (store − 64)/128, at most 1; it reaches 31/32 from a store level of 124.
  // Holding cost: DC + store; total cost: that + 1; value on hand: twice it. On the check's fresh
  // replications the fill rate is 1/64 lower (the search was tuned to its own replications).
  const at = ([dc, s]: number[], run: RunSpec = SEARCH): PlanEstimate => {
    const f = Math.min(1, 0.5 + (s - 64) / 128) - (run.seed === CHECK.seed ? 1 / 64 : 0), h = dc + s;
    return { fillRate: est(f, f - 1 / 32, f + 1 / 64), holdingCost: est(h, h - 1, h + 1), totalCost: est(h + 1, h, h + 2), onHandValue: est(2 * h, 2 * h - 2, 2 * h + 2) };
  };
  const estimates = (e: PlanEstimate) => ({ fillRate: e.fillRate, holdingCost: e.holdingCost, totalCost: e.totalCost, onHandValue: e.onHandValue });

  it("starts from both placements, takes GSM (cheaper), moves the store down one step, halves, and checks", async () => {
    const F = 31 / 32;
    const { evaluate, search, check } = standIn(at);
    const events: NetworkSearchProgress[] = [];
    const r = await optimizeNetwork(chain, {
      objective: "target-fill", targetFill: F, target: { z: 2 }, evaluate, search: SEARCH, check: CHECK, minStep: 0.5, onProgress: (e) => events.push(e),
    });
    // Single-echelon, store 64 + 16k ≥ 124 from k = 3.75: k = 1 (80) falls short, 2 (96) too,
    // 4 (128) reaches it; bisection of [2, 4]: 3 (112) no, 3.5 (120) no, 3.75 (124) yes,
    // 3.625 (122) no, 3.6875 (123) no, 3.71875 (123.5) no: k = 3.75, levels (124, 124), 9 runs.
    // GSM: k = 1 (store 128 + 2·√128) reaches it, so does k = 0 (store 128): k = 0, 2 runs.
    // GSM is the cheaper of the two that reach it (holding 128 < 248). Its groups (the DC, the
    // store) each have scale √(16·4) = 8 and step 4; with minStep 0.5 a step of 2 stops the search.
    // Round 1: the DC cannot go below 0 (no run); the store at 124 still reaches 31/32 for 4 less:
    // move (run 12). Round 2: store 120 (0.9375) falls short (run 13); up: DC 4 (run 14) gains no
    // fill, store 128 was run already; no exchange pays (the DC buys no fill): steps halved, stop.
    expect(search).toEqual([
      [80, 80], [96, 96], [128, 128], [112, 112], [120, 120], [124, 124], [122, 122], [123, 123], [123.5, 123.5],
      [0, 128 + GSM_SAFETY], [0, 128],
      [0, 124], [0, 120], [4, 124],
    ]);
    // The check: the chosen levels, then the best start's, on the fresh replications.
    expect(check).toEqual([[0, 124], [0, 128]]);
    expect(levelsOf(r.scenario)).toEqual([0, 124]);

    const evaluation = (n: number) => ({ kind: "evaluation", evaluations: n, maxEvaluations: 300 });
    expect(events).toStrictEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(evaluation),
      { kind: "start", method: "single-echelon", safetyFactor: 3.75, estimate: at([124, 124]) },
      evaluation(10), evaluation(11),
      { kind: "start", method: "gsm", safetyFactor: 0, estimate: at([0, 128]) },
      evaluation(12),
      { kind: "move", evaluations: 12, estimate: at([0, 124]), note: "s −4.00 units each" },
      evaluation(13), evaluation(14),
      { kind: "refine", evaluations: 14, estimate: at([0, 124]), note: "steps halved" },
      { kind: "check", check: r.simulation!.check },
    ]);

    // The plan on the check: fill 31/32 − 1/64 = 0.953125 with lower bound 0.921875 < 31/32: not met.
    expect(r.method).toBe("simulation");
    expect("notes" in r).toBe(false);
    expect(r.simulation).toStrictEqual({
      targetFill: F, ...estimates(at([0, 124])), reached: true, evaluations: 14, replicationsPerEvaluation: 40,
      search: "network", objective: "target-fill", minimize: "holding-cost", targetAt: "mean", seed: 42,
      starts: [{ method: "single-echelon", safetyFactor: 3.75, ...estimates(at([124, 124])) }, { method: "gsm", safetyFactor: 0, ...estimates(at([0, 128])) }],
      startedFrom: "gsm",
      check: { seed: 43, replications: 200, ...estimates(at([0, 124], CHECK)), targetMet: false, baseline: estimates(at([0, 128], CHECK)), verdict: expect.any(String) },
    });
  });
});

describe("optimizeNetwork: a GSM start the same as single-echelon's", () => {
  it("is not simulated again, is marked sameAs, and sends no start event", async () => {
    // Single-echelon at 64 + 16k: k = 1 (80: fill 0.75) reaches 0.75, k = 0 (64: 0.5) does not;
    // the bisection of [0, 1] falls short at 72, 76, 78, 79, 79.5, 79.75: k = 1 after 8 runs.
    // GSM has the same levels: no run, no event. The store's group (scale √(16·4) = 8, step 4):
    // 76 was run (falls short), 84 (run 9) reaches 0.75 for more value on hand: steps halved, stop.
    const { evaluate, search } = standIn(storeAt);
    const events: NetworkSearchProgress[] = [];
    const r = await optimizeNetwork(store, {
      objective: "target-fill", targetFill: 0.75, minimize: "inventory-value", target: { z: 2 }, evaluate, search: SEARCH, check: CHECK, minStep: 0.5, onProgress: (e) => events.push(e),
    });
    expect(search).toEqual([[80], [64], [72], [76], [78], [79], [79.5], [79.75], [84]]);
    const evaluation = (n: number) => ({ kind: "evaluation", evaluations: n, maxEvaluations: 300 });
    expect(events).toStrictEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(evaluation),
      { kind: "start", method: "single-echelon", safetyFactor: 1, estimate: storeAt([80]) },
      evaluation(9),
      { kind: "refine", evaluations: 9, estimate: storeAt([80]), note: "steps halved" },
      { kind: "check", check: r.simulation!.check },
    ]);
    const { fillRate, holdingCost, totalCost, onHandValue } = storeAt([80]);
    expect(r.simulation!.starts).toStrictEqual([
      { method: "single-echelon", safetyFactor: 1, fillRate, holdingCost, totalCost, onHandValue },
      { method: "gsm", safetyFactor: 1, fillRate, holdingCost, totalCost, onHandValue, sameAs: "single-echelon" },
    ]);
    expect(r.simulation).toMatchObject({ minimize: "inventory-value", targetAt: "mean", evaluations: 9, startedFrom: "single-echelon" });
  });
});

describe("optimizeNetwork: GSM's levels the same as single-echelon's within 1e-9 × max(1, |level|)", () => {
  // A DC (1 day from the supplier) and a store (1 day, or 2³² days, from the DC) with a tiny
  // demand: GSM lets the DC pass orders through (level 0) and the store cover both lanes, so its
  // levels differ from single-echelon's by less than a billionth of a unit. Whether they count as
  // the same is read from sameAs and from the start events (the probe's cache, keyed to 6
  // decimals, would not simulate them again either way).
  const tiny = (storeLead: number, demand: Scenario["demand"][number]["dist"]): Scenario => ({
    ...chain, lanes: [{ from: "sup", to: "dc", leadTime: c(1) }, { from: "dc", to: "s", leadTime: c(storeLead) }], demand: [{ node: "s", dist: demand }],
  });
  const flat = () => ({ fillRate: est(0.95, 0.94, 0.96), holdingCost: est(5, 4, 6), totalCost: est(5, 4, 6), onHandValue: est(5, 4, 6) });
  const starts = async (s: Scenario, z: number) => {
    const events: NetworkSearchProgress[] = [];
    const r = await optimizeNetwork(s, { objective: "target-fill", targetFill: 0.9, target: { z }, evaluate: standIn(flat).evaluate, search: SEARCH, check: CHECK, maxEvaluations: 0, onProgress: (e) => events.push(e) });
    return { sameAs: r.simulation!.starts!.map((x) => x.sameAs), started: events.flatMap((e) => (e.kind === "start" ? [e.method] : [])) };
  };
  // Poisson(2⁻⁶⁰): μ = 2⁻⁶⁰, σ = 2⁻³⁰ exactly. Single-echelon's DC (τ = 1) holds μ + z·σ; with
  // z = (10⁻⁹ − 2⁻⁶⁰)·2³⁰ that is exactly 10⁻⁹ (every step is exact in binary). GSM's DC holds 0,
  // so there the difference is 10⁻⁹ = 10⁻⁹ × max(1, 0): the tolerance itself. The store differs
  // by μ + z·σ·(√2 − 1) ≈ 0.41·10⁻⁹, within it.
  const zEdge = (1e-9 - 2 ** -60) * 2 ** 30;

  it("counts a difference of exactly the tolerance (10⁻⁹ at a level of 0) as the same", async () => {
    expect(await starts(tiny(1, { type: "poisson", mean: 2 ** -60 }), zEdge)).toEqual({ sameAs: [undefined, "single-echelon"], started: ["single-echelon"] });
  });

  it("counts a difference just above it as different: GSM is a start of its own", async () => {
    // z larger by 2⁻²⁰: the DC's single-echelon level is 10⁻⁹ + 2⁻⁵⁰ > 10⁻⁹.
    expect(await starts(tiny(1, { type: "poisson", mean: 2 ** -60 }), zEdge + 2 ** -20)).toEqual({ sameAs: [undefined, undefined], started: ["single-echelon", "gsm"] });
  });

  it("scales the tolerance with the level: at a level near 3.87 it is 3.87·10⁻⁹", async () => {
    // Normal(9·10⁻¹⁰, 2⁻³⁶), z = 1, the store 2³² days from the DC. The DC: single-echelon
    // 9·10⁻¹⁰ + 2⁻³⁶ ≈ 0.915·10⁻⁹ against GSM's 0, within 10⁻⁹. The store: GSM covers 2³² + 1
    // days, μ·(2³² + 1) ≈ 3.87, single-echelon 2³² days: they differ by about μ = 0.9·10⁻⁹ —
    // within 10⁻⁹ × 3.87, though beyond 10⁻⁹ / 3.87 and beyond 10⁻⁹ × min(1, 0) at the DC.
    expect(await starts(tiny(2 ** 32, { type: "normal", mean: 9e-10, sd: 2 ** -36 }), 1)).toEqual({ sameAs: [undefined, "single-echelon"], started: ["single-echelon"] });
  });
});

describe("optimizeNetwork: which start the search takes", () => {
  // On the DC and store, GSM's DC holds 0 at every k and single-echelon's 64 + 16k: the stand-in
  // answers each placement one flat estimate. A flat fill that reaches the target stops at k = 0
  // (k = 1, then 0); one that does not doubles to k = 8. Budget 0: no search step, the start is the plan.
  const pick = async (se: { fill: number; cost: number }, gsm: { fill: number; cost: number }) => {
    const { evaluate } = standIn(([dc]) => {
      const { fill, cost } = dc === 0 ? gsm : se;
      return { fillRate: est(fill, fill - 0.01, fill + 0.01), holdingCost: est(cost, cost - 1, cost + 1), totalCost: est(cost, cost - 1, cost + 1), onHandValue: est(cost, cost - 1, cost + 1) };
    });
    const r = await optimizeNetwork(chain, { objective: "target-fill", targetFill: 0.9, target: { z: 2 }, evaluate, search: SEARCH, check: CHECK, maxEvaluations: 0 });
    return { from: r.simulation!.startedFrom, reached: r.simulation!.reached, k: r.simulation!.starts!.map((s) => s.safetyFactor) };
  };

  it("takes the start that reaches the target over a cheaper one that does not", async () => {
    expect(await pick({ fill: 0.8, cost: 10 }, { fill: 0.95, cost: 20 })).toEqual({ from: "gsm", reached: true, k: [8, 0] });
  });

  it("of two that reach it, takes the cheaper; at the same cost the first (single-echelon)", async () => {
    expect(await pick({ fill: 0.95, cost: 20 }, { fill: 0.95, cost: 10 })).toEqual({ from: "gsm", reached: true, k: [0, 0] });
    expect(await pick({ fill: 0.95, cost: 10 }, { fill: 0.95, cost: 20 })).toEqual({ from: "single-echelon", reached: true, k: [0, 0] });
    expect(await pick({ fill: 0.95, cost: 10 }, { fill: 0.92, cost: 10 })).toEqual({ from: "single-echelon", reached: true, k: [0, 0] });
  });

  it("when none reaches it, takes the highest fill rate whatever its cost; at the same fill the first", async () => {
    expect(await pick({ fill: 0.8, cost: 20 }, { fill: 0.7, cost: 10 })).toEqual({ from: "single-echelon", reached: false, k: [8, 8] });
    expect(await pick({ fill: 0.7, cost: 10 }, { fill: 0.8, cost: 20 })).toEqual({ from: "gsm", reached: false, k: [8, 8] });
    expect(await pick({ fill: 0.8, cost: 20 }, { fill: 0.8, cost: 10 })).toEqual({ from: "single-echelon", reached: false, k: [8, 8] });
  });
});

describe("optimizeNetwork: the check's targetMet", () => {
  const withCheck = (checkFill: Estimate) => standIn(([l], run) => (run.seed === CHECK.seed ? { ...storeAt([l]), fillRate: checkFill } : storeAt([l]))).evaluate;
  const run = (checkFill: Estimate) => optimizeNetwork(store, { objective: "target-fill", targetFill: 0.75, target: { z: 2 }, evaluate: withCheck(checkFill), search: SEARCH, check: CHECK, maxEvaluations: 0 });

  it("is true when the lower bound of the fresh fill rate equals the target, false just below", async () => {
    expect((await run(est(0.8, 0.75, 0.85))).simulation!.check!.targetMet).toBe(true);
    expect((await run(est(0.8, 0.75 - 2 ** -20, 0.85))).simulation!.check!.targetMet).toBe(false);
  });
});

describe("optimizeNetwork with the total-cost objective", () => {
  it("reports no target fill, minimize, targetAt or targetMet, and no notes", async () => {
    // A flat estimate: the compass search on k never moves from 1 (k = 1, then 1 ± 1/2, 1/4, … 1/32: 11 runs).
    const flat = () => ({ fillRate: est(0.5, 0.4, 0.6), holdingCost: est(5, 4, 6), totalCost: est(7, 6, 8), onHandValue: est(9, 8, 10) });
    const r = await optimizeNetwork(store, { objective: "total-cost", target: { z: 2 }, evaluate: standIn(flat).evaluate, search: SEARCH, check: CHECK, maxEvaluations: 0 });
    const sim = r.simulation!;
    expect(Object.keys(sim).sort()).toEqual(["check", "evaluations", "fillRate", "holdingCost", "objective", "onHandValue", "reached", "replicationsPerEvaluation",
      "search", "seed", "startedFrom", "starts", "totalCost"]);
    expect(sim).toMatchObject({ objective: "total-cost", reached: true, evaluations: 11, starts: [{ safetyFactor: 1 }, { safetyFactor: 1, sameAs: "single-echelon" }] });
    expect(Object.keys(sim.check!).sort()).toEqual(["baseline", "fillRate", "holdingCost", "onHandValue", "replications", "seed", "totalCost", "verdict"]);
    expect("notes" in r).toBe(false);
  });
});
