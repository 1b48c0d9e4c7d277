import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/sim/model/scenario.ts";
import * as engine from "../../src/sim/engine/index.ts";
import { impactMonteCarlo, runMonteCarlo } from "../../src/workers/monte-carlo.ts";
import { createPool } from "../../src/workers/pool.ts";
import { inProcessWorkers } from "../helpers/in-process-workers.ts";

// The retail network with a two-week supplier delay (days 120–133); a short horizon keeps it quick.
const delay = { ...JSON.parse(readFileSync(new URL("../../scenarios/supplier-delay.json", import.meta.url), "utf8")), horizon: 220, warmup: 30 } as Scenario;
// The response: the plant may expedite from the supplier in 1 day when its position runs low.
const withExpedite = {
  ...delay, name: "Delay with expedite",
  mitigations: { expedite: [{ from: "supplier", to: "plant", leadTime: { type: "constant", value: 1 }, costPerUnit: 0.5, when: "position-below", threshold: 1500 }] },
} as Scenario;
const pool = () => createPool(2, inProcessWorkers(engine).factory);
const opts = { replications: 16, chunkSize: 5 };

describe("impactMonteCarlo", () => {
  it("runs the baseline, the scenario and the unmitigated scenario on the same replications as `run` would", async () => {
    const r = await impactMonteCarlo(pool(), withExpedite, opts);
    const { disruptions: _d, ...noDisruption } = withExpedite;
    const { mitigations: _m, ...noMitigation } = withExpedite;
    const [base, as, un] = await Promise.all([noDisruption, withExpedite, noMitigation].map((s) => runMonteCarlo(pool(), s as Scenario, opts)));
    for (const key of ["fillRate", "totalCost", "backorders"]) {
      expect(r.network[key].baseline).toEqual(base.network[key]);
      expect(r.network[key].disrupted).toEqual(as.network[key]);
      expect(r.network[key].unmitigated).toEqual(un.network[key]);
    }
    expect(r.nodes["store-east-2"].fillRate.baseline).toEqual(base.nodes["store-east-2"].fillRate);
    expect(r.products.default.totalCost.disrupted).toEqual(as.products.default.totalCost);
    expect([r.format, r.scenario, r.replications, r.horizon, r.warmup, r.measuredDays, r.disruptions]).toEqual(["echelon-impact@1", "Delay with expedite", 16, 220, 30, 190, 1]);
    expect(r.mitigations).toEqual(["expedite"]);
  });

  it("prices the disruption and the response as paired differences in total cost, per day and over the measured days", async () => {
    const r = await impactMonteCarlo(pool(), withExpedite, opts);
    const tc = r.network.totalCost;
    expect(r.cost.perDay).toEqual(tc.disruptedVsBaseline.diff);
    expect(r.cost.total.mean).toBeCloseTo(tc.disruptedVsBaseline.diff.mean * 190, 6);
    expect(r.cost.total.ci95[1]).toBeCloseTo(tc.disruptedVsBaseline.diff.ci95[1] * 190, 6);
    expect(r.costUnmitigated!.perDay).toEqual(tc.unmitigatedVsBaseline!.diff);
    // Saved = unmitigated − disrupted: the response's own difference with its sign turned.
    expect(r.saved!.perDay.mean).toBe(-tc.disruptedVsUnmitigated!.diff.mean);
    expect(r.saved!.perDay.ci95).toEqual([-tc.disruptedVsUnmitigated!.diff.ci95[1], -tc.disruptedVsUnmitigated!.diff.ci95[0]]);
    expect(r.saved!.perDay.mean).toBeCloseTo(tc.unmitigated!.mean - tc.disrupted.mean, 9);
    // The delay costs money and service, beyond the interval; the expedite lane changes the outcome.
    expect(r.cost.perDay.ci95[0]).toBeGreaterThan(0);
    expect(r.network.fillRate.disruptedVsBaseline.verdict).toBe("worse");
    expect(r.network.expedited.disruptedVsUnmitigated!.diff.ci95[0]).toBeGreaterThan(0);
    expect(r.saved!.perDay.mean).not.toBe(0);
  });

  it("with series, returns each run's daily bands, the same as run would give on the same replications", async () => {
    const r = await impactMonteCarlo(pool(), withExpedite, { ...opts, series: true });
    const { disruptions: _d, ...noDisruption } = withExpedite;
    const { mitigations: _m, ...noMitigation } = withExpedite;
    const [base, as, un] = await Promise.all([noDisruption, withExpedite, noMitigation].map((s) => runMonteCarlo(pool(), s as Scenario, { ...opts, series: true })));
    expect(r.series!.baseline).toEqual(base.series);
    expect(r.series!.disrupted).toEqual(as.series);
    expect(r.series!.unmitigated).toEqual(un.series);
    expect(r.series!.disrupted.network.fillRate.mean).not.toEqual(base.series!.network.fillRate.mean);
    expect((await impactMonteCarlo(pool(), delay, opts)).series).toBeUndefined();
  });

  it("pairs the runs: the paired interval of the cost is narrower than the two runs' own intervals", async () => {
    const r = await impactMonteCarlo(pool(), delay, opts);
    const tc = r.network.totalCost, width = (ci: readonly number[]) => ci[1] - ci[0];
    expect(width(tc.disruptedVsBaseline.diff.ci95)).toBeLessThan(width(tc.disrupted.ci95) + width(tc.baseline.ci95));
  });

  it("reports one progress over all three runs", async () => {
    const seen: { done: number; total: number; elapsedMs: number }[] = [];
    await impactMonteCarlo(pool(), withExpedite, { ...opts, onProgress: (p) => seen.push(p) });
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([48]));
    expect(seen.at(-1)!.done).toBe(48);
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k].done).toBeGreaterThanOrEqual(seen[k - 1].done);
      expect(seen[k].elapsedMs).toBeGreaterThanOrEqual(seen[k - 1].elapsedMs);
    }
  });

  it("without mitigations runs twice, and says recovery is not defined in the baseline", async () => {
    const r = await impactMonteCarlo(pool(), delay, opts);
    expect(r.mitigations).toEqual([]);
    expect("saved" in r || "costUnmitigated" in r).toBe(false);
    expect(Object.keys(r.network.fillRate)).toEqual(["baseline", "disrupted", "disruptedVsBaseline"]);
    expect(r.network.recoveryDays.baseline.n).toBe(0);
    expect(r.network.recoveryDays.disruptedVsBaseline.verdict).toBe("undefined");
    expect(Object.getPrototypeOf(r.nodes)).toBeNull();
    expect(Object.getPrototypeOf(r.nodes["dc-east"])).toBeNull();
    expect(Object.getPrototypeOf(r.products)).toBeNull();
  });
});
