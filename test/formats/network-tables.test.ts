// The network as CSV tables: what the export writes, the CSV import reads back to the same scenario.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCsv } from "../../src/formats/csv-import.ts";
import { canonical, networkTables, tableCsv } from "../../src/formats/network-tables.ts";
import type { Draft } from "../../src/formats/json.ts";

const dir = join(import.meta.dirname, "..", "..", "scenarios");
const builtins = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("schema"));

describe("networkTables + tableCsv", () => {
  it.each(builtins)("%s: nodes.csv, lanes.csv and demand.csv import back into an empty scenario as the same network", (file) => {
    const scenario = JSON.parse(readFileSync(join(dir, file), "utf8")) as Draft;
    const tables = networkTables(scenario);
    let draft: Draft = { ...scenario, nodes: [], lanes: [], demand: [] };
    for (const kind of ["nodes", "lanes", "demand"] as const) {
      if (!tables[kind].rows.length) continue;
      const r = importCsv(draft, `${kind}.csv`, tableCsv(tables[kind]));
      expect(r.ok ? [] : r.errors).toEqual([]);
      if (r.ok) draft = r.draft;
    }
    expect(draft).toEqual(scenario);
  });

  it("keeps what the columns cannot say in extra: an intermittent demand, seasonality, a discrete lead time, a note", () => {
    const scenario: Draft = {
      nodes: [{ id: "s", kind: "supplier", "x-notes": "a, \"quoted\" note" }, { id: "d", kind: "dc", policy: { type: "sQ", s: 4, Q: 10, review: 7, offset: 2 } }],
      lanes: [{ from: "s", to: "d", leadTime: { type: "discrete", values: [1, 3], probs: [0.5, 0.5] }, overtaking: true, products: ["a", "b"] }],
      demand: [{ node: "d", dist: { type: "intermittent", probability: 0.2, size: { type: "poisson", mean: 3 } }, seasonality: { cycle: 7, factors: [1, 2] } }],
    };
    const t = networkTables(scenario);
    const extra = (kind: "nodes" | "lanes" | "demand", i: number) => t[kind].rows[i][t[kind].header.indexOf("extra")];
    expect([extra("nodes", 0), extra("nodes", 1)]).toEqual(['{"x-notes":"a, \\"quoted\\" note"}', undefined]);
    expect(extra("lanes", 0)).toBe('{"leadTime":{"type":"discrete","values":[1,3],"probs":[0.5,0.5]}}');
    expect(t.lanes.rows[0][t.lanes.header.indexOf("products")]).toBe("a b");
    expect(JSON.parse(String(extra("demand", 0)))).toEqual({ dist: scenario.demand && (scenario.demand as Draft[])[0].dist, seasonality: { cycle: 7, factors: [1, 2] } });
    let draft: Draft = { nodes: [], lanes: [], demand: [] };
    for (const kind of ["nodes", "lanes", "demand"] as const) {
      const r = importCsv(draft, `${kind}.csv`, tableCsv(t[kind]));
      expect(r.ok ? [] : r.errors).toEqual([]);
      if (r.ok) draft = r.draft;
    }
    expect(canonical(draft)).toBe(canonical(scenario));
  });
});
