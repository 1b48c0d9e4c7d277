import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { buildImpact, impactScenarios, mitigationNames } from "../../../src/sim/montecarlo/impact.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";

const columns: KpiColumn[] = [
  { scope: "network", id: "", key: "totalCost" },
  { scope: "node", id: "toString", key: "onHand" },
  { scope: "product", id: "p", key: "fillRate" },
];
/** A table whose replication r holds column c = f(r, c). */
function table(f: (r: number, c: number) => number, n = 6) {
  const t = createKpiTable(n, columns.length);
  const values = new Float64Array(n * columns.length);
  for (let r = 0; r < n; r++) for (let c = 0; c < columns.length; c++) values[r * columns.length + c] = f(r, c);
  t.add({ from: 0, to: n, columns: columns.length, values });
  return { columns, table: t };
}
const s = { name: "S", seed: 1, replications: 6, horizon: 40, warmup: 10, disruptions: [{ type: "node-outage", node: "a", start: 5, end: 9 }],
  mitigations: { lateralTransfers: { among: ["a", "b"], leadTime: { type: "constant", value: 1 }, trigger: "below-zero" } } } as unknown as Scenario;

describe("impact", () => {
  it("impactScenarios drops the disruptions for the baseline and the mitigations for the unmitigated run", () => {
    const v = impactScenarios(s);
    expect("disruptions" in v.baseline).toBe(false);
    expect(v.baseline.mitigations).toBe(s.mitigations);
    expect(v.disrupted).toBe(s);
    expect("mitigations" in v.unmitigated!).toBe(false);
    expect(v.unmitigated!.disruptions).toBe(s.disruptions);
    expect(impactScenarios({ ...s, mitigations: { expedite: [] } }).unmitigated).toBeUndefined();
    expect(mitigationNames(s)).toEqual(["lateralTransfers"]);
  });

  it("buildImpact pairs each run with the baseline replication by replication, and scales cost to the measured days", async () => {
    // Disrupted costs 3 more every replication (+ r/10 noise), unmitigated 5 more.
    const r = await buildImpact({
      scenario: s, workers: 1, elapsedMs: 0,
      baseline: table((r, c) => 100 + c + r * r), disrupted: table((r, c) => 103 + c + r * r + r / 10), unmitigated: table((r, c) => 105 + c + r * r),
    }, noTick);
    expect(r.cost.perDay.mean).toBeCloseTo(3.25, 12);
    expect(r.cost.total.mean).toBeCloseTo(3.25 * 30, 10);
    expect(r.saved!.perDay.mean).toBeCloseTo(5 - 3.25, 12);
    expect(r.saved!.total.ci95[0]).toBeCloseTo(-r.network.totalCost.disruptedVsUnmitigated!.diff.ci95[1] * 30, 10);
    // Every paired difference is 5: the interval has no width.
    expect(r.costUnmitigated!.perDay.ci95[0]).toBeCloseTo(5, 12);
    expect(r.costUnmitigated!.perDay.ci95[1]).toBeCloseTo(5, 12);
    expect(r.network.totalCost.disruptedVsBaseline.verdict).toBe("worse");
    expect(r.network.totalCost.disruptedVsUnmitigated!.verdict).toBe("better");
    expect(r.nodes["toString"]!.onHand.disrupted.mean).toBeCloseTo(104 + 55 / 6 + 0.25, 10);
    expect(Object.getPrototypeOf(r.nodes)).toBeNull();
    expect(r.products.p.fillRate.unmitigated!.n).toBe(6);
  });
});
