import { describe, expect, it } from "vitest";
import { createUniform, createUniformDays } from "../../../../src/sim/random/dist/uniform.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";
import { countChiSquare, draws, ks, momentFailures, seeded } from "../goodness-of-fit.ts";

describe("createUniform (demand)", () => {
  it("uniform(2, 5) fits U[2, 5] (KS at α = 0.001) with mean 3.5 and sd 3/√12", () => {
    const d = createUniform({ type: "uniform", min: 2, max: 5 }), s = seeded(createStream(), 500);
    expect([d.mean, d.sd]).toEqual([3.5, 3 / Math.sqrt(12)]);
    const x = draws(100_000, () => d.sample(s, 1));
    expect(ks(x, (v) => d.cdf(v)).d).toBeLessThan(ks(x, (v) => d.cdf(v)).critical);
    expect(momentFailures(x, 3.5, 3 / Math.sqrt(12))).toBe("");
  });

  it("quantile(u, scale) = scale·(min + u(max − min))", () => {
    const d = createUniform({ type: "uniform", min: 2, max: 5 });
    expect(d.quantile(0.5, 1)).toBe(3.5);
    expect(d.quantile(0.25, 2)).toBe(5.5);
  });

  it("rejects max < min, naming the field", () => {
    expect(() => createUniform({ type: "uniform", min: 5, max: 2 })).toThrow(/uniform\.max: must be a number >= min \(5\), got 2/);
  });
});

describe("createUniformDays (lead times)", () => {
  it("draws the whole days min..max inclusive with equal probability", () => {
    const d = createUniformDays({ type: "uniform", min: 2, max: 5 }), s = seeded(createStream(), 501);
    const x = draws(100_000, () => d.sample(s, 1));
    expect(new Set(x)).toEqual(new Set([2, 3, 4, 5]));
    const r = countChiSquare(x, (k) => (k >= 2 && k <= 5 ? 0.25 : 0), 6);
    expect(r.stat).toBeLessThan(r.critical);
    expect([d.mean, d.sd]).toEqual([3.5, Math.sqrt(15 / 12)]);
    expect(momentFailures(x, 3.5, Math.sqrt(15 / 12))).toBe("");
  });

  it("quantile(u) is the ⌈4u⌉-th of 2..5, and scaling scales both ends (rounded)", () => {
    const d = createUniformDays({ type: "uniform", min: 2, max: 5 });
    expect([0.01, 0.25, 0.26, 0.5, 0.75, 0.99].map((u) => d.quantile(u, 1))).toEqual([2, 2, 3, 3, 4, 5]);
    expect(d.quantile(0.99, 2)).toBe(10);
    expect(d.quantile(0.01, 2)).toBe(4);
  });

  it("a single day min = max is constant", () => {
    const d = createUniformDays({ type: "uniform", min: 3, max: 3 });
    expect([d.sample(createStream(), 1), d.mean, d.sd]).toEqual([3, 3, 0]);
  });
});
