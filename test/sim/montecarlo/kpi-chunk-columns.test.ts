import { describe, expect, it } from "vitest";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { summarizeColumns } from "../../../src/sim/montecarlo/run-result.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";

describe("KPI chunks and columns", () => {
  it("a chunk of the wrong size names the values it should have: rows to − from, times the columns", () => {
    const t = createKpiTable(10, 3, 0);
    // Chunk 2–4 holds replications 2 and 3: 2 rows × 3 columns = 6 values.
    expect(() => t.add({ from: 2, to: 4, columns: 3, values: new Float64Array(5) })).toThrow("chunk 2–4 has 5 values, expected 6");
  });

  it("summarizeColumns hands each column's statistic its own column index with its values", async () => {
    const columns: KpiColumn[] = ["a", "b", "c"].map((id) => ({ scope: "node", id, key: "onHand" }));
    const t = createKpiTable(2, 3);
    // Column j holds 10·j + r.
    t.add({ from: 0, to: 2, columns: 3, values: Float64Array.from([0, 10, 20, 1, 11, 21]) });
    const calls: [number, number[]][] = [];
    await summarizeColumns(columns, t, noTick, (j, v) => { calls.push([j, Array.from(v)]); return { mean: j } as never; });
    expect(calls).toEqual([[0, [0, 1]], [1, [10, 11]], [2, [20, 21]]]);
  });
});
