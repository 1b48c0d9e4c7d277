import { describe, expect, it } from "vitest";
import type { Stat } from "../../../src/sim/model/result.ts";
import { summarize } from "../../../src/sim/stats/stat.ts";
import { kpiDelta, type Baseline } from "../../../src/ui/results/kpi-delta.ts";

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

  it("falls back to Welch for another seed, and for a baseline without per-replication values", () => {
    // Means 2.5 and 3.5; variances 5/3 and 3 over n = 4: se² = 0.416667 + 0.75 = 1.166667;
    // df = 1.361111 / (0.173611/3 + 0.5625/3) = 5.5447; t(0.975, 5.5447) = 2.497 → half = 2.697.
    for (const d of [kpiDelta("fillRate", run(8, now), baseline)!, kpiDelta("fillRate", run(7, now), { ...baseline, values: undefined })!]) {
      expect(d.method).toBe("welch");
      expect(d.mean).toBeCloseTo(1, 12);
      expect(d.ci95[1] - d.mean).toBeCloseTo(2.697, 2);
    }
  });

  it("says nothing for a KPI one side lacks or cannot define", () => {
    expect(kpiDelta("totalCost", run(7, now), baseline)).toBeUndefined();
    expect(kpiDelta("fillRate", run(7, now), { label: "b", network: { fillRate: stat(NaN, 0, 0) } })).toBeUndefined();
  });
});
