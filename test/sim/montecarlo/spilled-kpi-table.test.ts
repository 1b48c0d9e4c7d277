import { describe, expect, it } from "vitest";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { summarizeColumns } from "../../../src/sim/montecarlo/run-result.ts";
import { createMemoryValueStore, createSpilledKpiTable } from "../../../src/sim/montecarlo/spilled-kpi-table.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";
import { chunks, fakeBatch, fakeColumns, fakeValue } from "../../helpers/fake-engine.ts";

// Segments of 3 replications (5 columns × 8 bytes × 3), so 23 replications span 8 segments, the last one short.
const SEGMENT_3 = { segmentBytes: 3 * 5 * 8 };
const filled = <T extends { add: (b: ReturnType<typeof fakeBatch>) => void }>(table: T, total: number, size: number) => {
  const reqs = chunks(total, size);
  for (const req of [...reqs.filter((_, i) => i % 2), ...reqs.filter((_, i) => !(i % 2)).reverse()]) table.add(fakeBatch(req));
  return table;
};

describe("spilled-kpi-table", () => {
  it("columnBlock reads back from the store the very columns the in-memory table gives, whatever order chunks arrive in", () => {
    const store = createMemoryValueStore();
    const spilled = filled(createSpilledKpiTable(23, 5, store, 0, SEGMENT_3), 23, 4);
    const memory = filled(createKpiTable(23, 5), 23, 4);
    expect(store.length).toBe(23 * 5);
    expect(spilled.received).toBe(23);
    expect(spilled.columnBlock(1, 3)).toEqual(memory.columnBlock(1, 3));
    expect([...spilled.column(4)]).toEqual(Array.from({ length: 23 }, (_, r) => fakeValue(r, 4)));
  });

  it("summarizeColumns gives bit-identical Stats from a spilled table and an in-memory one", async () => {
    const spilled = filled(createSpilledKpiTable(97, 5, createMemoryValueStore(), 0, SEGMENT_3), 97, 7);
    const memory = filled(createKpiTable(97, 5), 97, 7);
    expect(JSON.stringify(await summarizeColumns(fakeColumns, spilled, noTick))).toBe(JSON.stringify(await summarizeColumns(fakeColumns, memory, noTick)));
  });

  it("a table that fits one segment writes it once, at the end", () => {
    const store = createMemoryValueStore();
    const table = createSpilledKpiTable(10, 5, store);
    table.add(fakeBatch({ from: 4, to: 10 }));
    expect(store.length).toBe(0);
    table.add(fakeBatch({ from: 0, to: 4 }));
    expect(store.length).toBe(50);
    expect([...table.column(0)]).toEqual(Array.from({ length: 10 }, (_, r) => fakeValue(r, 0)));
  });

  it("refuses an incomplete table, a replication received twice, outside the run or with the wrong width", () => {
    const table = createSpilledKpiTable(10, 5, createMemoryValueStore(), 0, SEGMENT_3);
    table.add(fakeBatch({ from: 0, to: 4 }));
    expect(() => table.column(0)).toThrow("only 4 of 10 replications were received");
    expect(() => table.add(fakeBatch({ from: 3, to: 5 }))).toThrow("replication 3 was received twice");
    expect(() => table.add(fakeBatch({ from: 9, to: 11 }))).toThrow(/replication 10 is outside this run/);
    expect(() => table.add(fakeBatch({ from: 5, to: 6 }, 4))).toThrow(/4 KPI columns, expected 5/);
  });

  it("dispose frees the store", () => {
    let disposed = 0;
    const store = { ...createMemoryValueStore(), dispose: () => { disposed++; } };
    createSpilledKpiTable(10, 5, store).dispose();
    expect(disposed).toBe(1);
  });
});
