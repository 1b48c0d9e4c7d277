import { describe, expect, it } from "vitest";
import { createLeadTimeSampler } from "../../../src/sim/random/sampler.ts";
import { normalCdf } from "../../../src/sim/math/normal.ts";
import { createStream } from "../../../src/sim/random/stream.ts";
import { countChiSquare, draws, momentFailures, seeded } from "./goodness-of-fit.ts";

describe("wholeDays (lead times from continuous distributions)", () => {
  it("normal(4, 1.3) lead times are round(X), at least 0: P(k) = Φ((k + ½ − 4)/1.3) − Φ((k − ½ − 4)/1.3)", () => {
    const sm = createLeadTimeSampler({ type: "normal", mean: 4, sd: 1.3 }), s = seeded(createStream(), 1000);
    const pk = (k: number) => normalCdf((k + 0.5 - 4) / 1.3) - (k === 0 ? 0 : normalCdf((k - 0.5 - 4) / 1.3));
    let m1 = 0, m2 = 0;
    for (let k = 0; k < 30; k++) { m1 += k * pk(k); m2 += k * k * pk(k); }
    expect(sm.mean).toBeCloseTo(m1, 12);
    expect(sm.sd).toBeCloseTo(Math.sqrt(m2 - m1 * m1), 12);
    const x = draws(100_000, () => sm.sample(s, 1));
    const r = countChiSquare(x, pk, 12);
    expect(r.stat).toBeLessThan(r.critical);
    expect(momentFailures(x, sm.mean, sm.sd)).toBe("");
  });

  it("a normal lead time that is mostly negative piles up on day 0", () => {
    const sm = createLeadTimeSampler({ type: "normal", mean: -1, sd: 1 });
    expect(sm.quantile(0.5, 1)).toBe(0);
    expect(sm.quantile(0.99, 1)).toBe(1);
    let mean = 0;
    for (let k = 1; k < 10; k++) mean += k * (normalCdf(k + 1.5) - normalCdf(k + 0.5));
    expect(sm.mean).toBeCloseTo(mean, 12);
  });

  it("rounds halves up: constant 2.5 takes 3 days and discrete values are rounded one by one", () => {
    const c = createLeadTimeSampler({ type: "constant", value: 2.5 });
    expect([c.sample(createStream(), 1), c.mean, c.sd]).toEqual([3, 3, 0]);
    const d = createLeadTimeSampler({ type: "discrete", values: [1.4, 2.6], probs: [0.5, 0.5] });
    expect([d.quantile(0.2, 1), d.quantile(0.8, 1), d.mean]).toEqual([1, 3, 2]);
  });

  it("gamma lead times round to whole days with the moments of the rounded values", () => {
    const sm = createLeadTimeSampler({ type: "gamma", mean: 6, sd: 2 }), s = seeded(createStream(), 1001);
    const x = draws(100_000, () => sm.sample(s, 1));
    expect(Math.abs(sm.mean - 6)).toBeLessThan(0.01);            // rounding a smooth density barely moves the mean
    expect(Math.abs(sm.sd ** 2 - (4 + 1 / 12))).toBeLessThan(0.01); // and adds about 1/12 to the variance (Sheppard)
    expect(momentFailures(x, sm.mean, sm.sd)).toBe("");
  });

  it("the whole-day cdf is P(round(X) ≤ ⌊x⌋) = Φ((⌊x⌋ + ½ − μ)/σ), and 0 below 0", () => {
    const sm = createLeadTimeSampler({ type: "normal", mean: 4, sd: 1.3 });
    for (const k of [0, 2, 4, 7]) expect(sm.cdf(k)).toBeCloseTo(normalCdf((k + 0.5 - 4) / 1.3), 12);
    expect(sm.cdf(2.7)).toBe(sm.cdf(2));
    expect(sm.cdf(-0.2)).toBe(0);
    expect(sm.cdf(-3)).toBe(0);
  });

  it("a lead time too wide to sum day by day (10⁹ ± 10⁸ days) keeps the unrounded moments", () => {
    const sm = createLeadTimeSampler({ type: "normal", mean: 1e9, sd: 1e8 });
    expect(sm.mean).toBe(1e9);
    expect(sm.sd).toBeCloseTo(1e8, 0);
  });
});
