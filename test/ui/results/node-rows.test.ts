import { describe, expect, it } from "vitest";
import { demandNodeIds, nodeColumns, nodeRows, productRows, sortRows } from "../../../src/ui/results/node-rows.ts";
import { runResult, scenario, stat } from "../fixtures.ts";
import { twoProductResult, twoProductScenario } from "./products-fixture.ts";

describe("node-rows", () => {
  it("nodeRows lists nodes in scenario order with their display names", () => {
    expect(nodeRows(runResult(), scenario()).map((r) => [r.id, r.name])).toEqual([["dc", "Central DC"], ["s1", "Store North"], ["s2", "Store South"]]);
  });
  it("nodeColumns keeps node-scope KPIs present in a row, in catalogue order", () => {
    expect(nodeColumns(nodeRows(runResult(), scenario())).map((d) => d.key)).toEqual([
      "fillRate", "cycleServiceLevel", "internalFillRate", "onHand", "backorders", "demand", "holdingCost", "backorderCost", "totalCost",
    ]);
  });
  it("sortRows sorts by a KPI's mean either way, missing values last", () => {
    const rows = nodeRows(runResult(), scenario());
    expect(sortRows(rows, { key: "fillRate", descending: true }).map((r) => r.id)).toEqual(["s1", "s2", "dc"]);
    expect(sortRows(rows, { key: "fillRate", descending: false }).map((r) => r.id)).toEqual(["s2", "s1", "dc"]);
    expect(sortRows(rows, { key: "", descending: false }).map((r) => r.id)).toEqual(["dc", "s1", "s2"]);
    expect(sortRows(rows, { key: "name", descending: true }).map((r) => r.name)).toEqual(["Store South", "Store North", "Central DC"]);
  });
  it("sortRows puts NaN means last", () => {
    const r = runResult({ nodes: { a: { onHand: stat(NaN) }, b: { onHand: stat(2) }, c: { onHand: stat(1) } } });
    expect(sortRows(nodeRows(r), { key: "onHand", descending: false }).map((x) => x.id)).toEqual(["c", "b", "a"]);
  });
  it("demandNodeIds names the nodes with customer demand", () => {
    expect(demandNodeIds(runResult(), scenario())).toEqual(["s1", "s2"]);
    expect(demandNodeIds(runResult())).toEqual(["s1", "s2"]);
  });
});

describe("productRows", () => {
  it("lists products in scenario order with their display names, ids standing in for missing names", () => {
    expect(productRows(twoProductResult(), twoProductScenario()).map((r) => [r.id, r.name, r.kind])).toEqual([["widget", "Widget", ""], ["gadget", "gadget", ""]]);
    expect(productRows(twoProductResult()).map((r) => r.id)).toEqual(["gadget", "widget"]);
  });
  it("nodeColumns(rows, \"product\") keeps the product-scope KPIs present, in catalogue order", () => {
    const rows = productRows(twoProductResult(), twoProductScenario());
    expect(nodeColumns(rows, "product").map((d) => d.key)).toEqual(["fillRate", "onHand", "demand", "totalCost"]);
    const withNodeOnly = [{ ...rows[0], stats: { ...rows[0].stats, internalFillRate: stat(0.5) } }];
    expect(nodeColumns(withNodeOnly, "product").map((d) => d.key)).not.toContain("internalFillRate");
  });
});
