import { describe, expect, it } from "vitest";
import type { KpiColumn } from "../../../src/sim/model/batch.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { createKpiTable, type KpiTable } from "../../../src/sim/montecarlo/kpi-table.ts";
import { buildComparison, replicationValues, roundingScale, summarizeColumns } from "../../../src/sim/montecarlo/run-result.ts";
import { noTick } from "../../../src/sim/montecarlo/tick.ts";

const col = (scope: KpiColumn["scope"], id: string, key: string): KpiColumn => ({ scope, id, key });

/** A table of `total` replications that only records which blocks of columns were read (each read gives 1-value columns). */
function recordingTable(total: number) {
  const reads: [number, number][] = [];
  const table = { total, columns: 0, received: total, add() {}, dispose() {},
    column: (j: number) => new Float64Array([j]),
    columnBlock: (j0: number, count: number) => { reads.push([j0, count]); return Array.from({ length: count }, (_, k) => new Float64Array([j0 + k])); } } as KpiTable;
  return { table, reads };
}
const networkColumns = (n: number) => Array.from({ length: n }, (_, j) => col("network", "", `k${j}`));
const firstValue = (_j: number, v: Float64Array) => ({ mean: v[0] }) as never;

describe("run-result: reading columns in blocks of at most 32 and 64 MiB", () => {
  it("reads 32 columns at a time when columns are short", async () => {
    const { table, reads } = recordingTable(10);
    const g = await summarizeColumns(networkColumns(40), table, noTick, firstValue);
    expect(reads).toEqual([[0, 32], [32, 8]]);
    expect((g.network.k33 as unknown as { mean: number }).mean).toBe(33);
  });

  it("fewer when columns are long: 8 columns of 1,000,000 replications are 64 MiB; 3,000,000 allow 2; never fewer than 1", async () => {
    for (const [total, width] of [[1_000_000, 8], [3_000_000, 2], [1e9, 1]] as const) {
      const { table, reads } = recordingTable(total);
      await summarizeColumns(networkColumns(9), table, noTick, firstValue);
      expect(reads[0]).toEqual([0, width]);
      expect(reads.reduce((n, [, c]) => n + c, 0)).toBe(9);
    }
  });

  it("pauses at the tick after every column, waiting when it gives a promise", async () => {
    const { table } = recordingTable(10);
    // The 2nd tick's pause has ended by the 3rd: what each tick saw of it.
    let waited = 0;
    const seen: number[] = [];
    await summarizeColumns(networkColumns(5), table, () => { seen.push(waited); return seen.length === 2 ? Promise.resolve().then(() => { waited++; }) : undefined; }, firstValue);
    expect(seen).toEqual([0, 0, 1, 1, 1]);
  });

  it("places each column under its scope: network by key, nodes and products by id then key", async () => {
    const { table } = recordingTable(10);
    const g = await summarizeColumns([col("node", "n1", "onHand"), col("product", "p1", "onHand"), col("node", "n1", "fillRate")], table, noTick, firstValue);
    expect(JSON.parse(JSON.stringify(g))).toEqual({ network: {}, nodes: { n1: { onHand: { mean: 0 }, fillRate: { mean: 2 } } }, products: { p1: { onHand: { mean: 1 } } } });
  });

  it("replicationValues takes only the network's columns, in the order fill rate, total cost, on hand", () => {
    const columns = [col("network", "", "onHand"), col("node", "x", "fillRate"), col("network", "", "totalCost")];
    const t = createKpiTable(2, 3);
    t.add({ from: 0, to: 2, columns: 3, values: Float64Array.of(1, 2, 3, 4, 5, 6) });
    const v = replicationValues(columns, t).network;
    expect(Object.keys(v)).toEqual(["totalCost", "onHand"]);
    expect(v).toEqual({ totalCost: [3, 6], onHand: [1, 4] });
  });

  it("roundingScale is 1 for a share in 0…1 and 0 otherwise (kpis.md units)", () => {
    expect([roundingScale("fillRate"), roundingScale("onHand"), roundingScale("no such KPI")]).toEqual([1, 0, 0]);
  });

  it("buildComparison pairs only the network and node KPIs both sides have, pausing after each", async () => {
    const table = (values: number[][]) => {
      const t = createKpiTable(values.length, values[0].length);
      t.add({ from: 0, to: values.length, columns: values[0].length, values: Float64Array.from(values.flat()) });
      return t;
    };
    const s = { name: "A", seed: 1, replications: 3 } as Scenario;
    const a = { scenario: s, columns: [col("network", "", "onHand"), col("product", "p", "onHand"), col("node", "n", "onHand"), col("node", "m", "onHand")], table: table([[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]]) };
    // B lists its columns in another order and lacks node m's.
    const b = { scenario: { ...s, name: "B" }, columns: [col("node", "n", "onHand"), col("product", "p", "onHand"), col("network", "", "onHand")], table: table([[11, 0, 5], [12, 0, 7], [13, 0, 9]]) };
    let ticks = 0;
    const c = await buildComparison(a, b, () => { ticks++; });
    expect(c.network.onHand.diff.mean).toBeCloseTo(5, 12);     // (5 − 1 + 7 − 2 + 9 − 3) / 3
    expect(c.nodes.n.onHand.diff.mean).toBeCloseTo(10, 12);
    expect(Object.keys(c.nodes)).toEqual(["n"]);
    expect("products" in c).toBe(false);
    expect(ticks).toBe(2);
  });
});
