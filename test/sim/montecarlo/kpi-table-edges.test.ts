import { describe, expect, it } from "vitest";
import { acceptChunk, createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { createInOrder } from "../../../src/sim/montecarlo/in-order.ts";

/** A chunk of `columns` values per replication, value = 100 · replication + column. */
const batch = (from: number, to: number, columns: number) =>
  ({ from, to, columns, values: Float64Array.from({ length: (to - from) * columns }, (_, i) => 100 * (from + Math.floor(i / columns)) + (i % columns)) });

describe("kpi-table: a table that starts at a later replication (a shard's), its checks at their bounds", () => {
  it("keeps replications from … from + total − 1 and reads blocks of columns back in replication order", () => {
    const t = createKpiTable(5, 3, 10);
    t.add(batch(13, 15, 3));
    expect(t.received).toBe(2);
    t.add(batch(10, 13, 3));
    expect(t.received).toBe(5);
    expect(t.columnBlock(1, 2).map((c) => Array.from(c))).toEqual([[1001, 1101, 1201, 1301, 1401], [1002, 1102, 1202, 1302, 1402]]);
    expect(Array.from(t.column(0))).toEqual([1000, 1100, 1200, 1300, 1400]);
  });

  it("refuses replications just before and just after the run", () => {
    const t = createKpiTable(5, 3, 10);
    expect(() => t.add(batch(9, 10, 3))).toThrow("replication 9 is outside this run (10–14)");
    expect(() => t.add(batch(15, 16, 3))).toThrow("replication 15 is outside this run (10–14)");
  });

  it("acceptChunk checks the values' count, marks the replications it brings and returns how many", () => {
    const seen = new Uint8Array(4);
    expect(() => acceptChunk({ ...batch(0, 2, 3), values: new Float64Array(5) }, 3, 0, seen)).toThrow("chunk 0–2 has 5 values, expected 6");
    expect(acceptChunk(batch(1, 3, 3), 3, 0, seen)).toBe(2);
    expect(Array.from(seen)).toEqual([0, 1, 1, 0]);
  });

  it("createInOrder starts at its first replication: nothing before it is released, and a gap holds back what follows", () => {
    const seen: number[] = [];
    const push = createInOrder<{ from: number; to: number }>(5, (c) => seen.push(c.from));
    push({ from: 0, to: 5 });
    push({ from: 8, to: 9 });
    expect(seen).toEqual([]);
    push({ from: 5, to: 8 });
    expect(seen).toEqual([5, 8]);
    push({ from: 10, to: 11 });
    expect(seen).toEqual([5, 8]);
  });
});
