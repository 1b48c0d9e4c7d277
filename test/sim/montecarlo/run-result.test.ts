import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { buildComparison, buildRunResult, replicationValues } from "../../../src/sim/montecarlo/run-result.ts";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
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
    expect(Object.keys(r)).toEqual(["format", "scenario", "seed", "replications", "horizon", "warmup", "network", "nodes", "products", "replicationValues", "workers", "elapsedMs"]);
    expect(r.format).toBe("echelon-result@1");
    expect(r.scenario).toBe("Fake");
    expect(Object.keys(r.network)).toEqual(["fillRate", "onHand"]);
    expect(Object.keys(r.nodes)).toEqual(["a", "b"]);
    expect(r.nodes.b.onHand).toEqual(summarize(Array.from({ length: 30 }, (_, i) => fakeValue(i, 3))));
    expect(r.products.p.fillRate.n).toBe(26);
  });

  it("buildRunResult carries the network's fill rate, total cost and on hand per replication, in replication order", async () => {
    // Column 4 (NaN in every 7th replication from 3) read as the network's total cost.
    const columns: KpiColumn[] = [...fakeColumns.slice(0, 4), { scope: "network", id: "", key: "totalCost" }];
    const r = await buildRunResult({ scenario, columns, table: table(30), workers: 2, elapsedMs: 5 }, noTick);
    const expected = (col: number) => Array.from({ length: 30 }, (_, i) => fakeValue(i, col));
    expect(Object.keys(r.replicationValues!.network)).toEqual(["fillRate", "totalCost", "onHand"]);
    expect(r.replicationValues!.network.fillRate).toEqual(expected(0));
    expect(r.replicationValues!.network.onHand).toEqual(expected(1));
    expect(r.replicationValues!.network.totalCost).toEqual(expected(4));
    expect(r.replicationValues!.network.totalCost!.filter(Number.isNaN).length).toBe(4);
  });

  it("replicationValues leaves out a KPI the run does not report", () => {
    expect(Object.keys(replicationValues(fakeColumns, table(30)).network)).toEqual(["fillRate", "onHand"]);
  });

  it("buildRunResult is identical for one worker (chunks in order) and two (chunks interleaved), whatever the chunk size", async () => {
    const oneWorker = createKpiTable(30, fakeColumns.length);
    for (const req of chunks(30, 30)) oneWorker.add(fakeBatch(req));
    // Two workers finishing out of step: the second worker's chunks of 4 arrive before the first's.
    const twoWorkers = createKpiTable(30, fakeColumns.length);
    const reqs = chunks(30, 4);
    for (const req of [...reqs.filter((_, i) => i % 2 === 1), ...reqs.filter((_, i) => i % 2 === 0).reverse()]) twoWorkers.add(fakeBatch(req));
    const build = (t: typeof oneWorker) => buildRunResult({ scenario, columns: fakeColumns, table: t, workers: 1, elapsedMs: 0 }, noTick);
    expect(await build(twoWorkers)).toEqual(await build(oneWorker));
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
