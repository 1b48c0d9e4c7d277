import { describe, expect, it } from "vitest";
import { createMemoryValueStore, createSpilledKpiTable } from "../../../src/sim/montecarlo/spilled-kpi-table.ts";

/** A chunk of `columns` values per replication, value = 100 · replication + column. */
const batch = (from: number, to: number, columns: number) =>
  ({ from, to, columns, values: Float64Array.from({ length: (to - from) * columns }, (_, i) => 100 * (from + Math.floor(i / columns)) + (i % columns)) });
const expected = (from: number, total: number, j: number) => Array.from({ length: total }, (_, r) => 100 * (from + r) + j);

describe("spilled-kpi-table: segments at their bounds", () => {
  it("writes each segment, column-major, once its replications have all arrived in order; a short last one is packed", () => {
    // 2 columns × 8 bytes × 3 replications a segment; 7 replications: segments of 3, 3 and 1.
    const store = createMemoryValueStore();
    const t = createSpilledKpiTable(7, 2, store, 0, { segmentBytes: 48 });
    t.add(batch(0, 2, 2));
    expect(store.length).toBe(0);
    t.add(batch(2, 4, 2));
    expect(store.length).toBe(6);
    t.add(batch(4, 7, 2));
    expect(store.length).toBe(14);
    const raw = new Float64Array(14);
    store.read(0, raw);
    expect(Array.from(raw)).toEqual([0, 100, 200, 1, 101, 201, 300, 400, 500, 301, 401, 501, 600, 601]);
    expect(t.columnBlock(0, 2).map((c) => Array.from(c))).toEqual([expected(0, 7, 0), expected(0, 7, 1)]);
  });

  it("a segment smaller than a row holds one replication; a table from a later replication reads back in its order", () => {
    const store = createMemoryValueStore();
    const t = createSpilledKpiTable(4, 3, store, 20, { segmentBytes: 1 });
    t.add(batch(22, 24, 3));
    expect(store.length).toBe(0);
    t.add(batch(20, 22, 3));
    expect(store.length).toBe(12);
    expect(Array.from(t.column(2))).toEqual(expected(20, 4, 2));
    expect(t.columnBlock(1, 2).map((c) => Array.from(c))).toEqual([expected(20, 4, 1), expected(20, 4, 2)]);
  });

  it("the memory store reads across the parts appended and refuses a read past its end", () => {
    const s = createMemoryValueStore();
    s.append(Float64Array.of(1, 2, 3));
    s.append(Float64Array.of(4));
    s.append(Float64Array.of(5, 6));
    const out = new Float64Array(4);
    s.read(1, out);
    expect(Array.from(out)).toEqual([2, 3, 4, 5]);
    const one = new Float64Array(1);
    s.read(5, one);
    expect(one[0]).toBe(6);
    expect(() => s.read(4, new Float64Array(3))).toThrow("read of 3 values at 4 goes past the end (6)");
    s.dispose();
    expect(s.length).toBe(0);
  });

  it("the memory store keeps a copy of what it was given", () => {
    const s = createMemoryValueStore(), v = Float64Array.of(1, 2);
    s.append(v);
    v[0] = 9;
    const out = new Float64Array(2);
    s.read(0, out);
    expect(Array.from(out)).toEqual([1, 2]);
  });
});
