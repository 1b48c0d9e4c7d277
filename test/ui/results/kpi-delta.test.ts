import { describe, expect, it } from "vitest";
import type { Stat } from "../../../src/sim/model/result.ts";
import { summarize } from "../../../src/sim/stats/stat.ts";
import { METHOD_TEXT, kpiDelta, methodText, type Baseline } from "../../../src/ui/results/kpi-delta.ts";

const run = (seed: number, fillRate: number[]) => ({ seed, network: { fillRate: summarize(fillRate) }, replicationValues: { network: { fillRate } } });
const stat = (mean: number, sd: number, n: number): Stat => ({ mean, sd, n, ci95: [mean, mean], p05: mean, p50: mean, p95: mean });

describe("kpiDelta", () => {
  const before = [1, 2, 3, 4], now = [2, 2, 5, 5];
  const baseline: Baseline = { label: "b", network: { fillRate: summarize(before) }, seed: 7, values: { fillRate: before } };

  it("pairs runs with the same seed and replications (hand-computed)", () => {
    // Differences 1, 0, 2, 1: mean 1, sd √(2/3), half = t(0.975, 3) · sd / 2 = 3.182446 · 0.408248 = 1.299228.
    const d = kpiDelta("fillRate", run(7, now), baseline)!;
    expect(d.method).toBe("paired");
    expect(d.mean).toBeCloseTo(1, 12);
    expect(d.ci95[0]).toBeCloseTo(1 - 1.299228, 5);
    expect(d.ci95[1]).toBeCloseTo(1 + 1.299228, 5);
  });

  it("centres a paired change on the mean difference over the replications both define (fill rate NaN without demand)", () => {
    // Replication 2 has no demand before, replication 3 none now: the pairs are r = 0 and 1 only,
    // differences 0.1 and 0.3: mean 0.2, sd 0.141421, half = t(0.975, 1) · 0.141421 / √2 = 12.706205 · 0.1 = 1.2706205.
    // The two means over their own replications differ by 0.8 − 0.7 = 0.1: not the centre.
    const before = [0.5, 0.7, NaN, 0.9], now = [0.6, 1, 0.8, NaN];
    const d = kpiDelta("fillRate", run(7, now), { label: "b", network: { fillRate: summarize(before) }, seed: 7, values: { fillRate: before } })!;
    expect(d.method).toBe("paired");
    expect(d.mean).toBeCloseTo(0.2, 12);
    expect((d.ci95[0] + d.ci95[1]) / 2).toBeCloseTo(d.mean, 12);
    expect(d.ci95[1] - d.mean).toBeCloseTo(1.2706205, 6);
  });

  it("pairs a run with the same seed and more replications over the first ones, which share their random numbers", () => {
    // The first four of now6 are `now`: differences 1, 0, 2, 1 as above; replications 5 and 6 have no partner.
    const now6 = [...now, 100, -100];
    const d = kpiDelta("fillRate", run(7, now6), baseline)!;
    expect(d).toMatchObject({ method: "paired-prefix", replications: 4 });
    expect(d.mean).toBeCloseTo(1, 12);
    expect(d.ci95[1] - d.mean).toBeCloseTo(1.299228, 5);
    expect(methodText(d)).toBe(`${METHOD_TEXT["paired-prefix"]} (the first 4)`);
    const shorter = kpiDelta("fillRate", run(7, now.slice(0, 3)), baseline)!;
    expect(shorter).toMatchObject({ method: "paired-prefix", replications: 3 });
    expect(shorter.mean).toBeCloseTo(1, 12);   // differences 1, 0, 2
  });

  it("says Welch's interval is for runs that share random numbers when the seed is the same but values are missing", () => {
    const d = kpiDelta("fillRate", run(7, now), { ...baseline, values: undefined })!;
    expect(d.method).toBe("welch-shared");
    expect(METHOD_TEXT[d.method]).toMatch(/share random numbers/);
  });

  it("falls back to Welch for another seed, and for a baseline without per-replication values", () => {
    // Means 2.5 and 3.5; variances 5/3 and 3 over n = 4: se² = 0.416667 + 0.75 = 1.166667;
    // df = 1.361111 / (0.173611/3 + 0.5625/3) = 5.5447; t(0.975, 5.5447) = 2.497 → half = 2.697.
    for (const d of [kpiDelta("fillRate", run(8, now), baseline)!, kpiDelta("fillRate", run(7, now), { ...baseline, values: undefined })!]) {
      expect(d.method).toMatch(/^welch/);
      expect(d.mean).toBeCloseTo(1, 12);
      expect(d.ci95[1] - d.mean).toBeCloseTo(2.697, 2);
    }
  });

  it("says nothing for a KPI one side lacks or cannot define", () => {
    expect(kpiDelta("totalCost", run(7, now), baseline)).toBeUndefined();
    expect(kpiDelta("fillRate", run(7, now), { label: "b", network: { fillRate: stat(NaN, 0, 0) } })).toBeUndefined();
  });
});
