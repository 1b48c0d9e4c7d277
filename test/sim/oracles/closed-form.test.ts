// The closed forms are checked here against a 20-line day-by-day model of shared/spec/timeline.md
// written for this test only (no engine code), so a disagreement between the engine and theory can
// be pinned on one side: if this file passes, the formulas encode the timeline.
import { describe, expect, it } from "vitest";
import { baseStockSteadyState, normalDemand, poissonDemand, type DemandModel } from "./closed-form.ts";
import { expectInInterval } from "./interval.ts";

/** mulberry32: a small seeded generator, good enough for a reference model. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const normal = (u: () => number, m: number, s: number) => () => Math.max(0, m + s * Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()));
const poisson = (u: () => number, m: number) => () => { let k = 0, p = Math.exp(-m), c = p; const x = u(); while (x > c) { k++; p *= m / k; c += p; } return k; };

/** One replication of the timeline: arrivals (pay backorders) → demand → order S − position → ship. */
function replicate(draw: () => number, S: number, L: number, days: number, warmup: number) {
  let onHand = S, backorders = 0;
  const pipe = new Float64Array(L + 1);          // pipe[t % (L+1)] arrives on day t
  let served = 0, demanded = 0, full = 0, withDemand = 0, sumOn = 0, sumBack = 0;
  for (let t = 0; t < days; t++) {
    onHand += pipe[t % (L + 1)]; pipe[t % (L + 1)] = 0;
    const pay = Math.min(onHand, backorders); onHand -= pay; backorders -= pay;
    const d = draw(), s = Math.min(d, onHand);
    onHand -= s; backorders += d - s;
    let inTransit = 0; for (const q of pipe) inTransit += q;
    pipe[(t + L) % (L + 1)] += Math.max(0, S - (onHand + inTransit - backorders));
    if (t >= warmup) { served += s; demanded += d; if (d > 0) { withDemand++; if (s === d) full++; } sumOn += onHand; sumBack += backorders; }
  }
  const n = days - warmup;
  return { fillRate: served / demanded, cycleServiceLevel: full / withDemand, onHand: sumOn / n, backorders: sumBack / n };
}

function check(model: DemandModel, draw: (u: () => number) => () => number, S: number, L: number) {
  const theory = baseStockSteadyState(model, S, L);
  const keys = ["fillRate", "cycleServiceLevel", "onHand", "backorders"] as const;
  const reps = keys.map(() => new Float64Array(200));
  for (let r = 0; r < 200; r++) {
    const out = replicate(draw(rng(1000 + r)), S, L, 1500, 50);
    keys.forEach((k, i) => (reps[i][r] = out[k]));
  }
  keys.forEach((k, i) => expectInInterval(reps[i], theory[k], k));
}

describe("baseStockSteadyState", () => {
  it("gives fill rate 0.5 for S = 15, constant demand 10, L = 2 (5 backordered, 5 served each day)", () => {
    const constant: DemandModel = { mean: 10, zeroProbability: 0, excess: (k, S) => Math.max(10 * k - S, 0), cdf: (k, S) => (10 * k <= S ? 1 : 0) };
    expect(baseStockSteadyState(constant, 15, 2)).toMatchObject({ backorders: 5, onHand: 0, fillRate: 0.5, cycleServiceLevel: 0, inTransit: 20 });
  });
  it("agrees with a day-by-day model of the timeline for normal demand", () => {
    check(normalDemand(100, 10), (u) => normal(u, 100, 10), 300, 3);
  });
  it("agrees with a day-by-day model of the timeline for Poisson demand with zero-demand days", () => {
    check(poissonDemand(0.8), (u) => poisson(u, 0.8), 3, 2);
  });
  it("rejects a lead time below 1", () => {
    expect(() => baseStockSteadyState(poissonDemand(1), 3, 0)).toThrow(/lead time/);
  });
});
