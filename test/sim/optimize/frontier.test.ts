// The service–inventory trade-off curve on the engine (in this thread; the CLI runs the same on
// its worker pool), on the retail network over a shorter horizon so the file runs in seconds.
// Tolerances are the 95% intervals the frontier reports, or exact where the test recomputes the
// same numbers from the same replications.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import {
  computeFrontier, FRONTIER_KEYS, interpolateAt, optimizeScenario, pairedSaving,
  type FrontierEvaluator, type FrontierPoint, type Replications,
} from "../../../src/sim/optimize/index.ts";
import { summarize } from "../../../src/sim/stats/index.ts";
import { networkValues } from "./engine-evaluator.ts";

const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
const short: Scenario = { ...retail, horizon: 150, warmup: 30 };
const run = { seed: 7, replications: 30 };

const replications = (s: Scenario, seed: number | string, n: number): Replications => {
  const v = networkValues(s, seed, n, FRONTIER_KEYS);
  return Object.fromEntries(FRONTIER_KEYS.map((k, i) => [k, v[i]])) as unknown as Replications;
};
const calls: Scenario[] = [];
const evaluate: FrontierEvaluator = async (s, r) => { calls.push(s); return replications(s, r.seed, r.replications); };

/** True when no point at a higher parameter lies wholly below an earlier one (`key`'s 95% intervals). */
const monotoneWithin = (points: readonly FrontierPoint[], key: "fillRate" | "onHandValue" | "inventoryTurns", sign = 1) =>
  points.every((p, i) => points.slice(i + 1).every((q) => (sign > 0 ? q[key].ci95[1] >= p[key].ci95[0] : q[key].ci95[0] <= p[key].ci95[1])));
const byFill = (points: readonly FrontierPoint[]) => [...points].sort((a, b) => a.fillRate.mean - b.fillRate.mean);

describe("computeFrontier on the retail network (150 days)", () => {
  // One test, the computation inside it: run at describe level it would run before Stryker
  // switches a mutant on, and no test would be credited with it (docs/testing.md, "Reading a
  // survivor"); run before each of several tests it would cost seconds each. Each block below
  // states one property. The timeout is 5 minutes: instrumented by Stryker, it runs 20–50× slower.
  it("computeFrontier on the retail network (150 days): every property below", async () => {
    const serviceLevels = [0.85, 0.9, 0.95, 0.99], targets = [0.9, 0.95, 0.98, 0.99];
    calls.length = 0;
    const result = await computeFrontier(short, {
      serviceLevels, targets, leadTimeVariance: true, headline: [0.95, 0.98], evaluate, run,
      search: { seed: 8, replications: 10 }, maxEvaluations: 20,
    });

    { // computeFrontier simulates the current scenario on the frontier's replications, as a plain run
      const v = replications(short, run.seed, run.replications);
      expect(result.current.fillRate).toEqual({ mean: summarize(v.fillRate).mean, ci95: summarize(v.fillRate).ci95 });
      expect(result.current.onHandValue.mean).toBe(summarize(v.onHandValue).mean);
      expect(result.current.inventoryTurns.mean).toBe(summarize(v.inventoryTurns).mean);
      expect(result.current.levels).toBeUndefined();
    }

    { // computeFrontier gives each analytic curve one simulated point per service level, the placement's levels with it
      const single = result.curves["single-echelon"];
      expect(single.map((p) => p.serviceLevel)).toEqual(serviceLevels);
      const placed = optimizeScenario(short, { method: "single-echelon", serviceLevel: 0.95, leadTimeVariance: true });
      expect(single[2].levels!["store-north-1"]).toBe((placed.nodes["store-north-1"] as { baseStock: number }).baseStock);
      const v = replications(placed.scenario, run.seed, run.replications);
      expect(single[2].onHandValue.mean).toBe(summarize(v.onHandValue).mean);
    }

    { // computeFrontier simulates gsm once per distinct placement (on retail gsm = single-echelon)
      expect(result.curves.gsm.every((p) => p.sameAs === "single-echelon" && p.evaluations === 0)).toBe(true);
      expect(result.evaluations.gsm).toBe(0);
      expect(result.evaluations["single-echelon"]).toBe(serviceLevels.length);
      expect(result.evaluations.total).toBe(calls.length);
    }

    { // computeFrontier: each curve is monotone within its intervals, and spans a real range
      for (const [curve, points] of Object.entries(result.curves)) {
        expect(monotoneWithin(points, "fillRate"), `${curve}: fill rate against its parameter`).toBe(true);
        expect(monotoneWithin(byFill(points), "onHandValue"), `${curve}: inventory value against fill rate`).toBe(true);
        // The second view: turns fall as the fill rate rises (more stock for the same sales).
        expect(monotoneWithin(byFill(points), "inventoryTurns", -1), `${curve}: turns against fill rate`).toBe(true);
        const [low, high] = [points[0], points[points.length - 1]];
        // The highest target holds significantly more stock and serves significantly better than the lowest.
        expect(high.onHandValue.ci95[0], curve).toBeGreaterThan(low.onHandValue.ci95[1]);
        expect(high.fillRate.ci95[0], curve).toBeGreaterThan(low.fillRate.ci95[1]);
      }
    }

    { // computeFrontier runs the network optimiser at each target and checks it on the frontier's replications
      const sim = result.curves.simulation;
      expect(sim.map((p) => p.targetFill)).toEqual(targets);
      for (const p of sim) {
        expect(p.evaluations).toBeGreaterThan(2);
        // Tuned on 10 search replications, measured on 30 others: near its target, not necessarily at it.
        expect(Math.abs(p.fillRate.mean - p.targetFill!)).toBeLessThan(0.02);
      }
      expect(result.search).toEqual({ seed: 8, replications: 10, maxEvaluations: 20, minimize: "inventory-value" });
    }

    { // computeFrontier's headline saving is the paired interval of the interpolated curves, replication by replication
      for (const h of result.headline) {
        expect(h.saving, h.note).not.toBeNull();
        const side = (curve: "single-echelon" | "gsm" | "simulation", between: readonly [number, number]) => {
          const points = result.curves[curve].filter((p) => between.includes(p.serviceLevel ?? p.targetFill!));
          const values = points.map((p) => replications(scenarioOf(p, curve), run.seed, run.replications));
          return interpolateAt(values, h.fillRate)!;
        };
        const nbn = side("single-echelon", h.nodeByNode!.between), best = side(h.best!.curve, h.best!.between);
        const diffs = nbn.onHandValue.map((x, r) => x - best.onHandValue[r]);
        const expected = summarize(diffs);
        expect(h.saving!.onHandValue.mean).toBeCloseTo(expected.mean, 6);
        expect(h.saving!.onHandValue.ci95[0]).toBeCloseTo(expected.ci95[0], 6);
        expect(h.saving!.onHandValue.ci95[1]).toBeCloseTo(expected.ci95[1], 6);
        // Paired: far narrower than the two curves' own intervals would allow (they share the draws).
        const unpaired = (h.nodeByNode!.onHandValue.ci95[1] - h.nodeByNode!.onHandValue.ci95[0]) + (h.best!.onHandValue.ci95[1] - h.best!.onHandValue.ci95[0]);
        expect(h.saving!.onHandValue.ci95[1] - h.saving!.onHandValue.ci95[0]).toBeLessThan(unpaired / 2);
      }
    }

    { // computeFrontier calibrates node by node by one safety factor to each headline fill rate, and pairs the saving against it
      for (const h of result.headline) {
        const c = h.calibratedNodeByNode!;
        expect(c, `${h.fillRate}`).not.toBeNull();
        // The two bracketing textbook placements, simulated again here: their fill rates straddle F …
        const [lo, hi] = c.z.map((z) => replications(optimizeScenario(short, { method: "single-echelon", z }).scenario, run.seed, run.replications));
        expect(summarize(lo.fillRate).mean).toBeLessThan(h.fillRate);
        expect(summarize(hi.fillRate).mean).toBeGreaterThanOrEqual(h.fillRate);
        // … and the baseline at F and the saving are read from them replication by replication.
        const at = interpolateAt([lo, hi], h.fillRate)!;
        expect(c.onHandValue.mean).toBeCloseTo(summarize(at.onHandValue).mean, 6);
        const points = result.curves[h.best!.curve].filter((p) => h.best!.between.includes(p.serviceLevel ?? p.targetFill!));
        const best = interpolateAt(points.map((p) => replications(scenarioOf(p, h.best!.curve), run.seed, run.replications)), h.fillRate)!;
        const expected = summarize(at.onHandValue.map((x, r) => x - best.onHandValue[r]));
        expect(c.saving!.onHandValue.ci95[0]).toBeCloseTo(expected.ci95[0], 6);
        expect(c.saving!.onHandValue.ci95[1]).toBeCloseTo(expected.ci95[1], 6);
      }
      expect(result.evaluations.calibration).toBeGreaterThan(2 * 2);
    }
  }, 300_000);
});

/** The scenario a point was simulated as: the base-stock levels it reports, on every node. */
function scenarioOf(p: FrontierPoint, _curve: string): Scenario {
  return {
    ...short,
    nodes: short.nodes.map((n) => {
      const level = p.levels?.[n.id];
      if (typeof level !== "number") return n;
      const { initialInventory: _, ...rest } = n;
      return { ...rest, policy: { type: "base-stock", level } };
    }),
  };
}

describe("interpolateAt and pairedSaving", () => {
  const point = (fill: number[], value: number[]) => ({ fillRate: Float64Array.from(fill), onHandValue: Float64Array.from(value), holdingCost: Float64Array.from(value.map((v) => v / 10)) });
  const curve = [point([0.9, 0.9], [100, 110]), point([0.99, 0.99], [300, 330]), point([0.95, 0.95], [200, 210])];

  it("interpolateAt reads the curve between the two points that bracket the fill rate, replication by replication", () => {
    const at = interpolateAt(curve, 0.97)!;
    expect(at.between).toEqual([2, 1]);
    expect(at.weight).toBeCloseTo(0.5, 12);
    expect([...at.onHandValue]).toEqual([250, 270]);
    expect(at.holdingCost[1]).toBeCloseTo(27, 12);
  });

  it("interpolateAt never extrapolates", () => {
    expect(interpolateAt(curve, 0.995)).toBeNull();
    expect(interpolateAt(curve, 0.85)).toBeNull();
    expect(interpolateAt(curve, 0.9)!.onHandValue[0]).toBe(100);
  });

  it("pairedSaving is the Student-t interval of the per-replication differences", () => {
    const from = Float64Array.from([10, 20, 30, 40]), to = Float64Array.from([9, 18.5, 29, 38]);
    const s = pairedSaving(from, to), d = summarize([1, 1.5, 1, 2]);
    expect(s.mean).toBeCloseTo(d.mean, 12);
    expect(s.ci95).toEqual(d.ci95.map((x) => expect.closeTo(x, 12)));
    expect(s.relative).toBeCloseTo(1.375 / 25, 12);
  });
});
