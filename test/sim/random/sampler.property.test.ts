// Property tests: for any valid distribution, the samplers' quantile is a non-decreasing inverse
// of their cdf, scale families scale, lead times are whole days, and streams depend on their
// keys only. Parameters are drawn from ranges that keep every quantile within double range.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Distribution } from "../../../src/sim/model/distribution.ts";
import { createDemandSampler, createLeadTimeSampler } from "../../../src/sim/random/sampler.ts";
import { createStream } from "../../../src/sim/random/stream.ts";

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const simple: fc.Arbitrary<Distribution> = fc.oneof(
  num(0, 1000).map((value): Distribution => ({ type: "constant", value })),
  // sd 0 or at least 1e-6 (a subnormal sd makes (x − μ)/σ meaningless)
  fc.tuple(num(0, 1000), fc.oneof(fc.constant(0), num(1e-6, 300))).map(([mean, sd]): Distribution => ({ type: "normal", mean, sd })),
  num(0, 2000).map((mean): Distribution => ({ type: "poisson", mean })),
  // shape (mean/sd)² from 0.05 to 10,000
  fc.tuple(num(0.01, 1000), num(0.2236, 100)).map(([mean, ratio]): Distribution => ({ type: "gamma", mean, sd: mean / ratio })),
  fc.tuple(num(0.1, 500), num(0.01, 10)).map(([mean, f]): Distribution => ({ type: "negbin", mean, sd: Math.sqrt(mean) * (1 + f) })),
  fc.tuple(num(0, 100), fc.oneof(fc.constant(0), num(1e-6, 100))).map(([min, w]): Distribution => ({ type: "uniform", min, max: min + w })),
  fc.array(fc.tuple(num(0, 100), num(0.001, 1)), { minLength: 1, maxLength: 8 })
    .map((vp): Distribution => ({ type: "discrete", values: vp.map((x) => x[0]), probs: vp.map((x) => x[1]) })),
  fc.array(num(0, 100), { minLength: 1, maxLength: 30 }).map((values): Distribution => ({ type: "empirical", values })),
);
const any: fc.Arbitrary<Distribution> = fc.oneof(
  simple,
  fc.tuple(num(0, 1), simple).map(([probability, size]): Distribution => ({ type: "intermittent", probability, size })),
);
const u01 = num(1e-9, 1 - 1e-9);
const SCALE_FAMILIES = new Set(["constant", "normal", "gamma", "uniform", "discrete", "empirical"]);

describe("samplers, for any valid distribution", () => {
  it("quantile(u, scale) is non-decreasing in u, >= 0, and cdf(quantile(u)) >= u", () => {
    fc.assert(fc.property(any, u01, u01, (d, a, b) => {
      const sm = createDemandSampler(d), [lo, hi] = a < b ? [a, b] : [b, a];
      const qa = sm.quantile(lo, 1), qb = sm.quantile(hi, 1);
      expect(qa).toBeLessThanOrEqual(qb);
      expect(qa).toBeGreaterThanOrEqual(0);
      expect(sm.cdf(qb)).toBeGreaterThanOrEqual(hi - 1e-9);
      expect(Number.isFinite(sm.mean) && Number.isFinite(sm.sd) && sm.sd >= 0).toBe(true);
    }), { numRuns: 300 });
  });

  it("scale families scale: quantile(u, s) = s·quantile(u, 1)", () => {
    fc.assert(fc.property(simple.filter((d) => SCALE_FAMILIES.has(d.type)), u01, num(0.1, 5), (d, u, s) => {
      const sm = createDemandSampler(d), q1 = sm.quantile(u, 1);
      expect(Math.abs(sm.quantile(u, s) - s * q1)).toBeLessThanOrEqual(1e-9 * Math.max(1, s * q1));
    }), { numRuns: 200 });
  });

  it("draws are >= 0, and whole numbers for poisson and negbin", () => {
    const s = createStream();
    fc.assert(fc.property(any, fc.nat(), num(0.1, 5), (d, rep, scale) => {
      s.reseed(1, rep, 2);
      const sm = createDemandSampler(d);
      for (let i = 0; i < 20; i++) {
        const x = sm.sample(s, scale);
        expect(x).toBeGreaterThanOrEqual(0);
        if (d.type === "poisson" || d.type === "negbin") expect(Number.isInteger(x)).toBe(true);
      }
    }), { numRuns: 200 });
  });

  it("lead times are whole days >= 0, drawn and by quantile", () => {
    const s = createStream();
    fc.assert(fc.property(any, u01, fc.nat(), (d, u, rep) => {
      const sm = createLeadTimeSampler(d);
      s.reseed(3, rep, 4);
      const x = sm.sample(s, 1), q = sm.quantile(u, 1);
      expect(Number.isInteger(x) && x >= 0).toBe(true);
      expect(Number.isInteger(q) && q >= 0).toBe(true);
    }), { numRuns: 150 });
  });
});

describe("streams, for any keys", () => {
  it("reseed gives the same draws for the same keys and different ones for different keys", () => {
    const a = createStream(), b = createStream();
    const key = fc.tuple(fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 1e6 }), fc.nat({ max: 2 ** 32 - 1 }));
    fc.assert(fc.property(key, key, ([s1, r1, k1], [s2, r2, k2]) => {
      a.reseed(s1, r1, k1); b.reseed(s1, r1, k1);
      const x = [a.uniform(), a.normal(), a.uniform()], y = [b.uniform(), b.normal(), b.uniform()];
      expect(x).toEqual(y);
      if (s1 !== s2 || r1 !== r2 || k1 !== k2) {
        b.reseed(s2, r2, k2);
        expect([b.uniform(), b.normal(), b.uniform()]).not.toEqual(x);
      }
    }), { numRuns: 500 });
  });
});
