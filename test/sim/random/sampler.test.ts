import { describe, expect, it } from "vitest";
import type { Distribution } from "../../../src/sim/model/distribution.ts";
import { createDemandSampler, createLeadTimeSampler } from "../../../src/sim/random/sampler.ts";
import { createStream } from "../../../src/sim/random/stream.ts";
import { chiSquareCritical, draws, momentFailures, seeded } from "./goodness-of-fit.ts";

const ALL: Distribution[] = [
  { type: "constant", value: 3 },
  { type: "normal", mean: 20, sd: 6 },
  { type: "poisson", mean: 4 },
  { type: "gamma", mean: 10, sd: 4 },
  { type: "negbin", mean: 5, sd: 4 },
  { type: "uniform", min: 2, max: 5 },
  { type: "discrete", values: [1, 2, 4], probs: [0.5, 0.3, 0.2] },
  { type: "empirical", values: [3, 1, 4, 1, 5, 9, 2, 6] },
  { type: "intermittent", probability: 0.25, size: { type: "poisson", mean: 6 } },
];

describe("createDemandSampler", () => {
  ALL.forEach((d, i) => {
    it(`createDemandSampler(${d.type}): draws have the sampler's mean and sd; quantile(U) has the same law as sample`, () => {
      const sm = createDemandSampler(d), s = seeded(createStream(), 900 + i);
      const x = draws(100_000, () => sm.sample(s, 1));
      expect(momentFailures(x, sm.mean, sm.sd)).toBe("");
      // The copula's route: quantile of a uniform. Compare both samples bin by bin (a two-sample
      // chi-square, 2 × k table, at α = 0.001) on 10 bins cut at the sampler's own deciles.
      const y = draws(100_000, () => sm.quantile(1 - s.uniform(), 1));
      if (sm.sd === 0) { expect(y.every((v) => v === sm.mean)).toBe(true); return; }
      const cuts = [...new Set(Array.from({ length: 9 }, (_, k) => sm.quantile((k + 1) / 10, 1)))];
      const bin = (v: number) => { let b = 0; while (b < cuts.length && v > cuts[b]) b++; return b; };
      const cx = new Float64Array(cuts.length + 1), cy = new Float64Array(cuts.length + 1);
      for (const v of x) cx[bin(v)]++;
      for (const v of y) cy[bin(v)]++;
      // Homogeneity statistic Σ (O − E)²/E over both rows, E from the pooled proportions; df = bins − 1.
      let stat = 0, bins = 0;
      for (let k = 0; k < cx.length; k++) {
        const p = (cx[k] + cy[k]) / (x.length + y.length);
        if (p === 0) continue;
        bins++;
        stat += (cx[k] - p * x.length) ** 2 / (p * x.length) + (cy[k] - p * y.length) ** 2 / (p * y.length);
      }
      expect(stat).toBeLessThan(chiSquareCritical(bins - 1));
    });
  });

  it("createDemandSampler gives integers for poisson and negbin", () => {
    const s = seeded(createStream(), 950);
    for (const d of [ALL[2], ALL[4]]) {
      const sm = createDemandSampler(d);
      expect(draws(1000, () => sm.sample(s, 1.37)).every(Number.isInteger)).toBe(true);
    }
  });

  it("createDemandSampler rejects an unknown type, naming the field", () => {
    expect(() => createDemandSampler({ type: "lognormal" } as unknown as Distribution)).toThrow(/type: unknown distribution type "lognormal"/);
  });
});

describe("createLeadTimeSampler", () => {
  ALL.forEach((d, i) => {
    it(`createLeadTimeSampler(${d.type}) gives whole days >= 0 with the sampler's mean and sd`, () => {
      const sm = createLeadTimeSampler(d), s = seeded(createStream(), 960 + i);
      const x = draws(100_000, () => sm.sample(s, 1));
      expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      expect(momentFailures(x, sm.mean, sm.sd)).toBe("");
      for (const u of [0.05, 0.5, 0.95]) expect(Number.isInteger(sm.quantile(u, 1))).toBe(true);
    });
  });
});
