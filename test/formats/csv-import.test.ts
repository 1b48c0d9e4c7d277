import { describe, expect, it } from "vitest";
import { importCsv } from "../../src/formats/csv-import.ts";
import { CSV_COLUMNS, csvTemplate, detectCsvKind } from "../../src/formats/csv-columns.ts";
import type { Draft } from "../../src/formats/json.ts";

const draft: Draft = {
  nodes: [{ id: "s", kind: "supplier" }, { id: "dc", name: "DC", kind: "dc", policy: { type: "base-stock", level: 100 }, holdingCost: 0.1 }],
  lanes: [{ from: "s", to: "dc", leadTime: { type: "constant", value: 2 } }],
  demand: [],
};

describe("importCsv", () => {
  it("imports nodes: updates the node with an existing id and adds the others", () => {
    const r = importCsv(draft, "nodes.csv", "id,kind,name,policy,level,s,S,Q,review,holdingCost,storage\ndc,dc,DC Main,,250,,,,,,\nst,store,Store,sQ,,10,,20,7,0.5,400\n");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.kind, r.added, r.updated]).toEqual(["nodes", 1, 1]);
    expect(r.draft.nodes).toEqual([
      { id: "s", kind: "supplier" },
      { id: "dc", name: "DC Main", kind: "dc", policy: { type: "base-stock", level: 250 }, holdingCost: 0.1 },
      { id: "st", kind: "store", name: "Store", policy: { type: "sQ", s: 10, Q: 20, review: 7 }, holdingCost: 0.5, capacity: { storage: 400 } },
    ]);
    expect(draft.nodes).toHaveLength(2);
  });

  it("imports lanes with constant, normal and uniform lead times, replacing a lane with the same ends", () => {
    const csv = "from,to,leadTime,leadTimeType,leadTimeSd,leadTimeMin,leadTimeMax,costPerUnit\ns,dc,4,,,,,0.2\ndc,a,3,normal,1,,,\ndc,b,,uniform,,1,3,\n";
    const r = importCsv(draft, "lanes.csv", csv);
    expect(r.ok && r.draft.lanes).toEqual([
      { from: "s", to: "dc", leadTime: { type: "constant", value: 4 }, costPerUnit: 0.2 },
      { from: "dc", to: "a", leadTime: { type: "normal", mean: 3, sd: 1 } },
      { from: "dc", to: "b", leadTime: { type: "uniform", min: 1, max: 3 } },
    ]);
  });

  it("imports demand of several distribution types", () => {
    const csv = "node,dist,product,mean,sd,values,trend\nst,normal,,20,6,,\ndc,poisson,,5,,,0.001\nx,empirical,,,,3 0 7,\n";
    const r = importCsv(draft, "demand.csv", csv);
    expect(r.ok && r.draft.demand).toEqual([
      { node: "st", dist: { type: "normal", mean: 20, sd: 6 } },
      { node: "dc", dist: { type: "poisson", mean: 5 }, trend: 0.001 },
      { node: "x", dist: { type: "empirical", values: [3, 0, 7] } },
    ]);
  });

  it("reports every bad cell with the file name and line number, and changes nothing", () => {
    const csv = "from,to,leadTime\ns,dc,2\n\n# a comment\ndc,a,3\ndc,b,-1\ns,c,2\ndc,x,x\n,y,1\n";
    const r = importCsv(draft, "lanes.csv", csv);
    expect(r).toEqual({ ok: false, errors: [
      "lanes.csv line 6: leadTime must be a number >= 0, got '-1'",
      "lanes.csv line 8: leadTime must be a number >= 0, got 'x'",
      "lanes.csv line 9: from is required",
    ] });
  });

  it("quotes a long cell by its first 60 characters, … and its length", () => {
    const cell = "9x".repeat(500_000);
    const r = importCsv(draft, "lanes.csv", `from,to,leadTime\ns,dc,${cell}\n`);
    expect(r).toEqual({ ok: false, errors: [`lanes.csv line 2: leadTime must be a number >= 0, got '${"9x".repeat(30)}…' (1,000,000 characters)`] });
  });

  it("reports unknown columns, unknown tables, bad kinds and missing required values", () => {
    expect(importCsv(draft, "n.csv", "id,kind,colour\na,dc,red\n")).toEqual({ ok: false, errors: [
      `n.csv line 1: unknown column 'colour' in a nodes table (columns: ${CSV_COLUMNS.nodes.map((c) => c.name).join(", ")})`,
      "n.csv line 2: policy is required (one of base-stock, echelon-base-stock, sS, sQ)",
    ] });
    expect(importCsv(draft, "x.csv", "a,b\n1,2\n")).toMatchObject({ ok: false, errors: [expect.stringMatching(/^x\.csv line 1: unknown table/)] });
    expect(importCsv(draft, "n.csv", "id,kind,policy,S\na b,depot,sS,5\n")).toEqual({ ok: false, errors: [
      "n.csv line 2: id must be 1 to 64 letters, digits, '_', '.' or '-', other than __proto__, constructor, prototype (reserved by JavaScript), got 'a b'",
      "n.csv line 2: kind must be one of supplier, plant, dc, store, got 'depot'",
    ] });
    expect(importCsv(draft, "n.csv", "id,kind,policy,S\na,dc,sS,5\n")).toEqual({ ok: false, errors: ["n.csv line 2: s is required"] });
    expect(importCsv(draft, "e.csv", "")).toEqual({ ok: false, errors: ["e.csv line 1: the file is empty"] });
    expect(importCsv(draft, "h.csv", "from,to,leadTime\n")).toEqual({ ok: false, errors: ["h.csv: no data rows under the header"] });
  });

  it("csvTemplate writes a header that detectCsvKind recognises and rows that import cleanly", () => {
    for (const kind of ["nodes", "lanes", "demand"] as const) {
      const text = csvTemplate(kind);
      expect(detectCsvKind(text.split("\n")[0].split(","))).toBe(kind);
      const r = importCsv({ nodes: [], lanes: [], demand: [] }, `${kind}.csv`, text);
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
  });
});
