import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { buildComparison, buildRunResult } from "../../../src/sim/montecarlo/run-result.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";
import { summarize } from "../../../src/sim/stats/stat.ts";
import { chunks, fakeBatch, fakeColumns, fakeValue } from "../../helpers/fake-engine.ts";

const scenario = { name: "Fake", seed: 7, replications: 30, horizon: 5, warmup: 1 } as Scenario;
const table = (total: number, shift = 0) => {
  const t = createKpiTable(total, fakeColumns.length);
  for (const req of chunks(total, 8)) {
    const b = fakeBatch(req);
    t.add({ ...b, values: b.values.map((v) => v + shift) });
  }
  return t;
};

describe("run-result", () => {
  it("buildRunResult puts each KPI column's Stat under its scope in an echelon-result@1 document", async () => {
    const r = await buildRunResult({ scenario, columns: fakeColumns, table: table(30), workers: 2, elapsedMs: 5 }, noTick);
    expect(Object.keys(r)).toEqual(["format", "scenario", "seed", "replications", "horizon", "warmup", "network", "nodes", "products", "workers", "elapsedMs"]);
    expect(r.format).toBe("echelon-result@1");
    expect(r.scenario).toBe("Fake");
    expect(Object.keys(r.network)).toEqual(["fillRate", "onHand"]);
    expect(Object.keys(r.nodes)).toEqual(["a", "b"]);
    expect(r.nodes.b.onHand).toEqual(summarize(Array.from({ length: 30 }, (_, i) => fakeValue(i, 3))));
    expect(r.products.p.fillRate.n).toBe(26);
  });

  it("buildComparison pairs every network and node KPI of A and B", async () => {
    const c = await buildComparison({ scenario, columns: fakeColumns, table: table(30) }, { scenario: { ...scenario, name: "B" }, columns: fakeColumns, table: table(30, 1) }, noTick);
    expect(c.format).toBe("echelon-comparison@1");
    expect([c.a, c.b, c.seed, c.replications]).toEqual(["Fake", "B", 7, 30]);
    expect(Object.keys(c.network)).toEqual(["fillRate", "onHand"]);
    expect(Object.keys(c.nodes)).toEqual(["a", "b"]);
    expect(c.nodes.a.onHand.diff.mean).toBeCloseTo(1, 12);
    expect(c.nodes.a.onHand.diff.ci95[0]).toBeCloseTo(1, 12);
    expect(c.nodes.a.onHand.significant).toBe(true);
  });
});
