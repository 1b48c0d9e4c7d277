import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kpiColumns, runBatch, seriesLayout } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";

const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
const small: Scenario = { ...retail, horizon: 120, warmup: 20 };

describe("runBatch", () => {
  it("returns (to − from) × columns values in kpiColumns order", () => {
    const r = runBatch(small, { from: 3, to: 5 });
    expect(r.columns).toBe(kpiColumns(small).length);
    expect(r.values.length).toBe(2 * r.columns);
    expect([r.from, r.to]).toEqual([3, 5]);
  });

  it("gives bit-identical values for the same seed and replications", () => {
    expect(runBatch(small, { from: 0, to: 4 }).values).toEqual(runBatch({ ...small }, { from: 0, to: 4 }).values);
  });

  it("runBatch(0..N) equals runBatch(0..k) ++ runBatch(k..N), so the worker count cannot matter", () => {
    const all = runBatch(small, { from: 0, to: 6 }).values;
    const a = runBatch(small, { from: 0, to: 2 }).values, b = runBatch(small, { from: 2, to: 6 }).values;
    expect(Array.from(all)).toEqual([...a, ...b]);
  });

  it("a different seed gives different values", () => {
    const a = runBatch(small, { from: 0, to: 1 }).values, b = runBatch({ ...small, seed: "other" }, { from: 0, to: 1 }).values;
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it("changing one node's policy or adding a node elsewhere leaves every replication's demand draws unchanged", () => {
    const pick = (s: Scenario) => {
      const demandCols = kpiColumns(s).flatMap((c, j) => (c.scope === "node" && c.key === "demand" ? [j] : []));
      const r = runBatch(s, { from: 0, to: 5 });
      return Array.from({ length: 5 }, (_, k) => demandCols.map((j) => r.values[k * r.columns + j]));
    };
    const base = pick(small);
    const nodes = small.nodes.map((n) => (n.id === "dc-north" ? { ...n, policy: { type: "base-stock" as const, level: 50 } } : n));
    expect(pick({ ...small, nodes })).toEqual(base);
    const extra: Scenario = {
      ...small,
      nodes: [...small.nodes, { id: "outlet", kind: "store", policy: { type: "base-stock", level: 40 } }],
      lanes: [...small.lanes, { from: "central-dc", to: "outlet", leadTime: { type: "uniform", min: 1, max: 3 } }],
      demand: [{ node: "outlet", dist: { type: "poisson", mean: 9 } }, ...small.demand],
    };
    const grown = pick(extra);
    expect(grown.map((row) => row.slice(0, -1))).toEqual(base);   // same columns plus the outlet's last
  });

  it("with series: true returns one Float32Array row of seriesLayout cells per replication", () => {
    const layout = seriesLayout(small), r = runBatch(small, { from: 0, to: 2, series: true });
    expect(layout.cells).toBe((3 * small.nodes.length + 1) * small.horizon);
    expect(r.series!.length).toBe(2 * layout.cells);
    const fill = r.series!.subarray(3 * layout.nodes.length * layout.horizon, layout.cells);
    for (const f of fill) expect(f >= 0 && f <= 1).toBe(true);
  });
});

describe("runBatch's range", () => {
  it("gives no rows for from = to and refuses a negative, fractional or reversed range", () => {
    expect(runBatch(small, { from: 2, to: 2 }).values.length).toBe(0);
    for (const [from, to] of [[-1, 2], [0.5, 2], [0, 2.5], [3, 2]]) {
      expect(() => runBatch(small, { from, to })).toThrow(`from/to: expected integers 0 <= from <= to, got from=${from}, to=${to}`);
    }
  });
});

