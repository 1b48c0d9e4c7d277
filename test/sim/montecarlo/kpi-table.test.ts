import { describe, expect, it } from "vitest";
import { createKpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { chunks, fakeBatch, fakeValue } from "../../helpers/fake-engine.ts";

describe("kpi-table", () => {
  it("column returns values in replication order whatever order chunks arrive in", () => {
    const table = createKpiTable(23, 5);
    for (const req of chunks(23, 4).reverse()) table.add(fakeBatch(req));
    expect(table.received).toBe(23);
    expect([...table.column(2)]).toEqual(Array.from({ length: 23 }, (_, r) => fakeValue(r, 2)));
  });

  it("column refuses an incomplete table and says how many replications arrived", () => {
    const table = createKpiTable(10, 5);
    table.add(fakeBatch({ from: 0, to: 4 }));
    expect(() => table.column(0)).toThrow("only 4 of 10 replications were received");
  });

  it("add rejects a replication received twice, outside the run, or with the wrong width", () => {
    const table = createKpiTable(10, 5);
    table.add(fakeBatch({ from: 0, to: 4 }));
    expect(() => table.add(fakeBatch({ from: 3, to: 5 }))).toThrow("replication 3 was received twice");
    expect(() => table.add(fakeBatch({ from: 9, to: 11 }))).toThrow(/replication 10 is outside this run/);
    expect(() => table.add(fakeBatch({ from: 5, to: 6 }, 4))).toThrow(/4 KPI columns, expected 5/);
  });
});
