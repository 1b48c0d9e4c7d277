import { describe, expect, it } from "vitest";
import { createMemoryValueStore, createSpilledKpiTable } from "../../../src/sim/montecarlo/spilled-kpi-table.ts";

describe("spilled KPI table: its default segment", () => {
  it("transposes rows through a 16 MiB buffer: 2,097,152 one-column rows a segment", () => {
    // 16 MiB / (8 bytes × 1 column) = 2^21 rows; one more row makes a second segment of 1.
    const total = 2 ** 21 + 1, appended: number[] = [];
    const m = createMemoryValueStore();
    const t = createSpilledKpiTable(total, 1, { ...m, append: (v) => { appended.push(v.length); m.append(v); } });
    t.add({ from: 0, to: total, columns: 1, values: Float64Array.from({ length: total }, (_, r) => r) });
    expect(appended).toEqual([2 ** 21, 1]);
    const col = t.column(0);
    expect([col[0], col[2 ** 21 - 1], col[2 ** 21]]).toEqual([0, 2 ** 21 - 1, 2 ** 21]);
  });
});
