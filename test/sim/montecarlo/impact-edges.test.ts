import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { buildImpact, impactScenarios, mitigationNames } from "../../../src/sim/montecarlo/impact.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";
import { col, side } from "../../helpers/impact-sides.ts";

const s = { name: "S", seed: 1, replications: 4, horizon: 12, warmup: 2 } as Scenario;
const expedite = [{ from: "s", to: "a", leadTime: { type: "constant", value: 1 }, when: "position-below", threshold: 1 }];
const lateral = { among: ["a", "b"], leadTime: { type: "constant", value: 1 }, trigger: "below-zero" };

describe("impact: the edges of the report", () => {
  it("mitigationNames lists lateral transfers and a non-empty expedite list, in that order", () => {
    expect(mitigationNames({ ...s, mitigations: { lateralTransfers: lateral, expedite } } as Scenario)).toEqual(["lateralTransfers", "expedite"]);
    expect(mitigationNames({ ...s, mitigations: { expedite } } as Scenario)).toEqual(["expedite"]);
    expect(mitigationNames({ ...s, mitigations: {} } as Scenario)).toEqual([]);
    expect(mitigationNames({ ...s, mitigations: { expedite: [] } } as Scenario)).toEqual([]);
    expect(mitigationNames(s)).toEqual([]);
    expect("unmitigated" in impactScenarios(s)).toBe(false);
  });

  it("without a network total cost column, every cost is NaN and not significant", async () => {
    const cols = [col("network", "", "onHand")];
    const r = await buildImpact({ scenario: s, baseline: side(cols, (r) => r), disrupted: side(cols, (r) => r + 1), workers: 1, elapsedMs: 0 }, noTick);
    expect(r.cost).toEqual({ perDay: { mean: NaN, ci95: [NaN, NaN] }, total: { mean: NaN, ci95: [NaN, NaN] }, significant: false });
    expect(r.network.onHand.disruptedVsBaseline.diff.mean).toBe(1);
    expect(["costUnmitigated" in r, "saved" in r, r.disruptions, r.measuredDays]).toEqual([false, false, 0, 10]);
  });

  it("a node's total cost is not the network's; the saving is the unmitigated cost less the disrupted, its interval mirrored", async () => {
    // The node's column after the network's, so that it would overwrite a cost taken by key alone.
    const cols = [col("network", "", "totalCost"), col("node", "a", "totalCost")];
    // Differences from the baseline: disrupted 2 + r (a spread), unmitigated 7 every replication.
    const r = await buildImpact({
      scenario: s, workers: 1, elapsedMs: 0,
      baseline: side(cols, (r, j) => 10 * j + r * r), disrupted: side(cols, (r, j) => 10 * j + r * r + 2 + r + j), unmitigated: side(cols, (r, j) => 10 * j + r * r + 7 + j),
    }, noTick);
    // Network column (j = 0): disrupted − baseline = 2 + r, mean 3.5; per day over 10 measured days.
    expect(r.cost.perDay.mean).toBeCloseTo(3.5, 12);
    expect(r.cost.total.mean).toBeCloseTo(35, 12);
    expect(r.costUnmitigated!.perDay).toEqual({ mean: 7, ci95: [7, 7] });
    const dU = r.network.totalCost.disruptedVsUnmitigated!.diff;
    expect(r.saved!.perDay.mean).toBeCloseTo(7 - 3.5, 12);
    expect(r.saved!.perDay.ci95).toEqual([-dU.ci95[1], -dU.ci95[0]]);
    expect(r.saved!.total.ci95).toEqual([-dU.ci95[1] * 10, -dU.ci95[0] * 10]);
    expect(r.cost.total.ci95).toEqual(r.network.totalCost.disruptedVsBaseline.diff.ci95.map((x) => x * 10));
    expect(r.saved!.significant).toBe(r.network.totalCost.disruptedVsUnmitigated!.significant);
    // The node's own total cost sits under the node, with its verdict: a higher cost is worse.
    expect(r.nodes.a.totalCost.disruptedVsBaseline.diff.mean).toBeCloseTo(4.5, 12);
    expect(r.nodes.a.totalCost.disruptedVsBaseline.verdict).toBe("worse");
    expect(r.nodes.a.totalCost.unmitigatedVsBaseline!.verdict).toBe("worse");
  });

  it("leaves out a KPI the disrupted or the unmitigated run lacks, and pauses after each KPI it pairs", async () => {
    const all = [col("network", "", "onHand"), col("node", "a", "onHand"), col("product", "p", "onHand")];
    let ticks = 0;
    const r = await buildImpact({
      scenario: s, workers: 2, elapsedMs: 9,
      baseline: side(all, (r) => r), disrupted: side([all[2], all[0]], (r) => r), unmitigated: side([all[0], all[1], all[2]], (r) => r),
    }, () => { ticks++; });
    expect(Object.keys(r.network)).toEqual(["onHand"]);
    expect(Object.keys(r.nodes)).toEqual([]);
    expect(Object.keys(r.products)).toEqual(["p"]);
    expect(ticks).toBe(2);
    expect([r.workers, r.elapsedMs]).toEqual([2, 9]);
    const r2 = await buildImpact({ scenario: s, workers: 1, elapsedMs: 0, baseline: side(all, (r) => r), disrupted: side(all, (r) => r), unmitigated: side([all[0]], (r) => r) }, noTick);
    expect([Object.keys(r2.network), Object.keys(r2.nodes), Object.keys(r2.products)]).toEqual([["onHand"], [], []]);
  });
});
