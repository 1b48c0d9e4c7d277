import { describe, expect, it } from "vitest";
import { createNormal } from "../../../../src/sim/random/dist/normal.ts";
import { normalCdf, normalLoss } from "../../../../src/sim/math/normal.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { draws, ks, momentFailures, seeded, Z } from "../goodness-of-fit.ts";

describe("createNormal (demand, censored at 0)", () => {
  it("normal(20, 6) fits N(20, 6²) (KS at α = 0.001) with mean 20 and sd 6", () => {
    const d = createNormal({ type: "normal", mean: 20, sd: 6 }), s = seeded(createStream(), 400);
    const x = draws(200_000, () => d.sample(s, 1));
    const r = ks(x, (v) => normalCdf((v - 20) / 6));
    expect(r.d).toBeLessThan(r.critical);
    // the mass censored at 0 is Φ(−3.33) = 4e-4: the mean rises by σL(μ/σ) = 6.7e-4
    expect(d.mean).toBeCloseTo(20 + 6 * normalLoss(20 / 6), 12);
    expect(d.mean - 20).toBeCloseTo(6.7e-4, 5);
    expect(momentFailures(x, d.mean, d.sd)).toBe("");
  });

  it("normal(2, 3) puts Φ(−⅔) on 0 and reports the censored mean μ + σL(μ/σ) and sd", () => {
    const d = createNormal({ type: "normal", mean: 2, sd: 3 }), s = seeded(createStream(), 401);
    const x = draws(200_000, () => d.sample(s, 1)), p0 = normalCdf(-2 / 3);
    const zeros = x.filter((v) => v === 0).length / x.length;
    expect(Math.abs(zeros - p0)).toBeLessThan(Z * Math.sqrt((p0 * (1 - p0)) / x.length));
    expect(x.every((v) => v >= 0)).toBe(true);
    // E[max(0, X)] by the trapezoid rule on a fine grid, independent of the loss function
    let m1 = 0, m2 = 0;
    const h = 1e-3;
    for (let t = h / 2; t < 40; t += h) { const w = Math.exp(-0.5 * ((t - 2) / 3) ** 2) / (3 * Math.sqrt(2 * Math.PI)) * h; m1 += t * w; m2 += t * t * w; }
    expect(d.mean).toBeCloseTo(m1, 6);
    expect(d.sd).toBeCloseTo(Math.sqrt(m2 - m1 * m1), 6);
    expect(momentFailures(x, d.mean, d.sd)).toBe("");
  });

  it("quantile(u, scale) = max(0, scale·(μ + σΦ⁻¹(u)))", () => {
    const d = createNormal({ type: "normal", mean: 2, sd: 3 });
    expect(d.quantile(0.975, 1)).toBeCloseTo(2 + 3 * 1.959963984540054, 12);
    expect(d.quantile(0.975, 2)).toBeCloseTo(2 * (2 + 3 * 1.959963984540054), 12);
    expect(d.quantile(0.1, 1)).toBe(0);
    for (const u of [0.3, 0.5, 0.9]) expect(d.cdf(d.quantile(u, 1))).toBeCloseTo(u, 14);
  });

  it("a scaled draw has mean and sd × scale", () => {
    const d = createNormal({ type: "normal", mean: 50, sd: 5 }), s = seeded(createStream(), 402);
    expect(momentFailures(draws(200_000, () => d.sample(s, 1.4)), 70, 7)).toBe("");
  });

  it("rejects a negative sd, naming the field", () => {
    expect(() => createNormal({ type: "normal", mean: 1, sd: -2 })).toThrow(/normal\.sd: must be a number >= 0, got -2/);
  });
});
