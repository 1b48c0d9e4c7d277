// computeFrontier (src/sim/optimize/frontier.ts) with a stand-in for the engine: the evaluator
// answers a closed form of the base-stock levels it is given, so a whole curve runs in
// milliseconds. What is pinned: the targets' bounds, the evaluations per point, per curve and in
// total (a point that reuses a simulation counts 0; the cache is shared only on the frontier's
// own seed and replications), which multi-echelon curve the headline takes, the headline's note
// for each curve that does not bracket the fill rate, the points reported as they come, and the
// analytic sweep's service levels (frontier-defaults.ts).
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import {
  computeFrontier, optimizeScenario, sweep,
  type FrontierCurve, type FrontierEvaluator, type FrontierOptions, type Replications, type RunSpec,
} from "../../../src/sim/optimize/index.ts";
import { base, bs, c, poissonStore } from "./fixtures.ts";

const RUN: RunSpec = { seed: 7, replications: 4 };
const SEARCH: RunSpec = { seed: 8, replications: 3 };
/** Base-stock levels of the nodes with a policy, in the scenario's order. */
const levelsOf = (s: Scenario) => s.nodes.filter((n) => n.policy).map((n) => (n.policy as { level: number }).level);

// One store behind a supplier (4 days), Poisson(16): single-echelon and GSM place it alike.
const store = poissonStore;
// A DC (4 days from the supplier) and a store (4 days from the DC), Poisson(16) at the store.
// At safety factor z single-echelon places (64 + 8z, 64 + 8z); GSM passes orders through the DC
// (level 0) and the store covers 8 days: 128 + 4·√8·z = 128 + 8√2·z.
const chain: Scenario = {
  ...base,
  nodes: [{ id: "sup", kind: "supplier" }, { id: "dc", kind: "dc", holdingCost: 1, policy: bs }, { id: "s", kind: "store", holdingCost: 1, policy: bs }],
  lanes: [{ from: "sup", to: "dc", leadTime: c(4) }, { from: "dc", to: "s", leadTime: c(4) }],
  demand: [{ node: "s", dist: { type: "poisson", mean: 16 } }],
};

/**
 * The stand-in. Fill rate (dc + store)/256 in every replication, on every run: single-echelon at
 * z fills 0.5 + z/16, GSM 0.5 + √2·z/32. On the search's replications the value on hand is the
 * store's level alone, so the optimiser's single-echelon start (half its stock at the DC) is the
 * cheaper of its two; on the frontier's it is `value(dc, store)` plus the replication's index.
 * Every call is kept with its run.
 */
function standIn(value: (dc: number, store: number) => number, search: RunSpec = SEARCH) {
  const calls: { levels: number[]; run: RunSpec }[] = [];
  const evaluate: FrontierEvaluator = async (s, run) => {
    const levels = levelsOf(s), store = levels[levels.length - 1], dc = levels.length > 1 ? levels[0] : 0;
    calls.push({ levels, run });
    const onSearch = run.seed === search.seed && run.replications === search.replications;
    const n = run.replications, v = onSearch ? store : value(dc, store);
    const each = (f: (r: number) => number) => Float64Array.from({ length: n }, (_, r) => f(r));
    const out: Replications = {
      fillRate: each(() => (dc + store) / 256), onHandValue: each((r) => v + r), holdingCost: each((r) => (v + r) / 2),
      totalCost: each((r) => (v + r) / 2 + 1), inventoryTurns: each(() => 1), onHand: each(() => dc + store),
    };
    return out;
  };
  return { evaluate, calls };
}

const options = (evaluate: FrontierEvaluator, o: Partial<FrontierOptions> = {}): FrontierOptions => ({
  serviceLevels: [], targets: [], leadTimeVariance: false, headline: [], evaluate, run: RUN, search: SEARCH, maxEvaluations: 0, ...o,
});

describe("computeFrontier: the targets' bounds", () => {
  it("refuses a target of 0 or above 1 with a RangeError naming the value, before any simulation", async () => {
    for (const t of [0, 1.5]) {
      const { evaluate, calls } = standIn(() => 0);
      await expect(computeFrontier(store, options(evaluate, { targets: [0.9, t] })))
        .rejects.toThrow(new RangeError(`targets: each must be above 0 and at most 1, got ${t}`));
      expect(calls).toEqual([]);
    }
  });

  it("accepts a target of exactly 1", async () => {
    const { evaluate } = standIn(() => 0);
    const r = await computeFrontier(store, options(evaluate, { targets: [1] }));
    expect(r.curves.simulation.map((p) => p.targetFill)).toEqual([1]);
  });
});

describe("computeFrontier: evaluations", () => {
  it("where GSM places stock as single-echelon does, its points reuse single-echelon's simulations: 0 each, sameAs", async () => {
    // Store alone, service levels 0.9 and 0.95, no target, no headline: the current scenario (1),
    // single-echelon's two points (1 each), GSM's two the same scenarios (0 each): 3 in all.
    const { evaluate, calls } = standIn(() => 0);
    const r = await computeFrontier(store, options(evaluate, { serviceLevels: [0.9, 0.95] }));
    expect(r.curves["single-echelon"].map((p) => [p.evaluations, p.sameAs])).toEqual([[1, undefined], [1, undefined]]);
    expect(r.curves.gsm.map((p) => [p.evaluations, p.sameAs])).toEqual([[0, "single-echelon"], [0, "single-echelon"]]);
    expect(r.current.evaluations).toBe(1);
    expect(r.evaluations).toEqual({ "single-echelon": 2, gsm: 0, simulation: 0, current: 1, calibration: 0, total: 3 });
    expect(calls.length).toBe(3);
  });

  // The current scenario holds single-echelon's placement at 0.9: that point reuses its run.
  // Single-echelon at 0.8 is new (1). GSM at 0.8 and 0.9 (DC at 0) differ from both: 1 each.
  // The optimiser at target 0.55, budget 0 (its two starts, no search): single-echelon's start
  // at k fills 0.5 + 1.645k/16: k = 1 (0.603) reaches 0.55, k = 0 (0.5) does not, then 6
  // bisections: 8 runs. GSM's: 0.5 + √2·1.645k/32: k = 1 (0.573) reaches it, k = 0 does not,
  // 6 bisections: 8 runs. Search: 16. Its point counts those and the check's two: 18. The check
  // simulates the chosen start on the frontier's replications (1 new run); the best start is
  // the same scenario (reused), and so is the point itself: the simulation curve runs 17.
  // Total: 1 (current) + 1 + 2 + 17 = 21, every run the evaluator saw.
  // The search's replications share the frontier's seed in one case and its number in the
  // other: either way they are other replications, never reused for the frontier's.
  for (const search of [{ seed: RUN.seed, replications: 3 }, { seed: 8, replications: RUN.replications }]) {
    it(`counts each simulation once, by curve, and each point's (search ${JSON.stringify(search)})`, async () => {
      const current = optimizeScenario(chain, { method: "single-echelon", serviceLevel: 0.9, leadTimeVariance: false }).scenario;
      const { evaluate, calls } = standIn((dc, s) => s, search);
      const reported: (FrontierCurve | "current")[] = [];
      const r = await computeFrontier(current, options(evaluate, {
        serviceLevels: [0.8, 0.9], targets: [0.55], search, onPoint: (curve) => reported.push(curve),
      }));
      expect(r.current.evaluations).toBe(1);
      expect(r.curves["single-echelon"].map((p) => [p.evaluations, p.sameAs])).toEqual([[1, undefined], [0, undefined]]);
      expect(r.curves.gsm.map((p) => [p.evaluations, p.sameAs])).toEqual([[1, undefined], [1, undefined]]);
      const onSearch = calls.filter((x) => x.run.seed === search.seed && x.run.replications === search.replications).length;
      expect(onSearch).toBe(16);
      expect(r.curves.simulation.map((p) => p.evaluations)).toEqual([16 + 2]);
      expect(r.evaluations).toEqual({ "single-echelon": 1, gsm: 2, simulation: 17, current: 1, calibration: 0, total: 21 });
      expect(calls.length).toBe(21);
      // The check ran on the frontier's replications: the point's fill rate reaches the target.
      expect(r.curves.simulation[0].fillRate.mean).toBeGreaterThanOrEqual(0.55);
      expect(r.curves.simulation[0].onHandValue.mean).toBeCloseTo(r.curves.simulation[0].levels!.s as number + 1.5, 9);
      // Every point reported as it came: the current scenario, 2 + 2 analytic, 1 optimised.
      expect(reported.sort()).toEqual(["current", "gsm", "gsm", "simulation", "single-echelon", "single-echelon"]);
    });
  }
});

describe("computeFrontier: the headline", () => {
  // Service levels 0.75, 0.85, 0.95 (z 0.674, 1.036, 1.645): single-echelon fills 0.542, 0.565,
  // 0.603; GSM 0.530, 0.546, 0.573. Targets 0.52 and 0.58: the optimiser's points fill each
  // target or just above (within 1/64 of a step), single-echelon's start (DC = store) chosen.
  // At F = 0.55 every curve brackets F: single-echelon between 0.75 and 0.85, GSM between 0.85
  // and 0.95, the optimiser between its two targets.
  const headline = (value: (dc: number, store: number) => number, fills: number[]) => {
    const { evaluate, calls } = standIn(value);
    return computeFrontier(chain, options(evaluate, { serviceLevels: [0.75, 0.85, 0.95], targets: [0.52, 0.58], headline: fills }))
      .then((r) => ({ r, calls }));
  };

  it("takes the multi-echelon curve with the least inventory value at F: the optimiser's when its DC and store hold half each", async () => {
    // Value = the store's level. Fill (dc + store)/256 = F: the optimiser's points (DC = store)
    // hold 128F in the store, GSM's (DC 0) 256F; both read linearly at F, plus the mean
    // replication index 1.5. Node by node (DC = store too) is 128F + 1.5 as well: saving 0.
    const { r, calls } = await headline((_dc, s) => s, [0.55]);
    const [h] = r.headline;
    expect(h.fillRate).toBe(0.55);
    expect(h.how).toBe("interpolated");
    expect(h.best!.curve).toBe("simulation");
    expect(h.best!.between).toEqual([0.52, 0.58]);
    expect(h.best!.onHandValue.mean).toBeCloseTo(128 * 0.55 + 1.5, 9);
    expect(h.nodeByNode!.between).toEqual([0.75, 0.85]);
    expect(h.nodeByNode!.onHandValue.mean).toBeCloseTo(128 * 0.55 + 1.5, 9);
    expect(h.saving!.onHandValue.mean).toBeCloseTo(0, 9);
    expect(h.note).toBeUndefined();
    expect(h.calibratedNodeByNode!.saving).not.toBeNull();
    expect(r.evaluations.total).toBe(calls.length);
  });

  it("takes GSM when its inventory value is the least (value = the DC's level: GSM holds none there)", async () => {
    const { r } = await headline((dc) => dc, [0.55]);
    const [h] = r.headline;
    expect(h.best!.curve).toBe("gsm");
    expect(h.best!.between).toEqual([0.85, 0.95]);
    expect(h.best!.onHandValue.mean).toBeCloseTo(1.5, 9);
  });

  it("on a tie takes GSM, the first listed", async () => {
    // Value 0 everywhere (and replication index too): both curves read exactly 0 at F.
    const { evaluate } = standIn(() => 0);
    const r = await computeFrontier(chain, options((s, run) => evaluate(s, run).then((v) => ({ ...v, onHandValue: v.onHandValue.map(() => 0) })), {
      serviceLevels: [0.75, 0.85, 0.95], targets: [0.52, 0.58], headline: [0.55],
    }));
    expect(r.headline[0].best!.curve).toBe("gsm");
    expect(r.headline[0].best!.onHandValue.mean).toBe(0);
  });

  it("says which curves do not bracket F, and gives no saving then", async () => {
    // 0.535: below node by node's lowest (0.542), bracketed by GSM (0.530, 0.546) and the
    // optimiser (0.52…, 0.58…). 0.59: bracketed by node by node (0.565, 0.603) only (GSM tops at
    // 0.573, the optimiser just above 0.58). 0.7: by none.
    const { r } = await headline((_dc, s) => s, [0.535, 0.59, 0.7]);
    const note = (who: string, fill: number) => `no two simulated points of ${who} bracket the fill rate ${fill} (not extrapolated): widen the service levels or targets`;
    const [a, b, d] = r.headline;
    expect(a).toMatchObject({ fillRate: 0.535, how: "interpolated", nodeByNode: null, saving: null, note: note("node by node", 0.535) });
    expect(a.best!.curve).toBe("simulation");
    expect(b).toMatchObject({ fillRate: 0.59, how: "interpolated", best: null, saving: null, note: note("gsm or simulation", 0.59) });
    expect(b.nodeByNode!.between).toEqual([0.85, 0.95]);
    // Calibrated node by node reaches 0.59 (z = 1.645 fills 0.603), but there is no curve to pair it with.
    expect(b.calibratedNodeByNode!.saving).toBeNull();
    expect(d).toMatchObject({ fillRate: 0.7, how: "interpolated", nodeByNode: null, best: null, saving: null, note: note("node by node, nor of gsm or simulation", 0.7) });
  });
});

describe("sweep", () => {
  it("2 levels: the sweep's two ends, 0.85 and 0.995", () => {
    expect(sweep(2)).toEqual([0.85, 0.995]);
  });

  it("8 levels (the default): 0.85 + 0.145·i/7, rounded to 3 decimals", () => {
    // 0.145/7 = 0.0207142…: 0.8707 → 0.871, 0.8914 → 0.891, 0.9121 → 0.912, 0.9329 → 0.933,
    // 0.9536 → 0.954, 0.9743 → 0.974.
    expect(sweep(8)).toEqual([0.85, 0.871, 0.891, 0.912, 0.933, 0.954, 0.974, 0.995]);
  });
});
