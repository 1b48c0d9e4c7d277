import { describe, expect, it } from "vitest";
import { ASSEMBLY_KPIS, assemblyKeys, assemblyNodeRows, assemblyProductRows } from "../../../src/ui/results/assembly-rows.ts";
import { KPI_BY_KEY } from "../../../src/sim/model/kpis.ts";
import { nodeRows, productRows } from "../../../src/ui/results/node-rows.ts";
import { runResult } from "../fixtures.ts";
import { assemblyResult, assemblyScenario } from "./assembly-fixture.ts";

describe("assembly-rows", () => {
  it("ASSEMBLY_KPIS are KPIs of the catalogue, for nodes and products", () => {
    for (const k of ASSEMBLY_KPIS) expect(KPI_BY_KEY.get(k)?.scopes).toEqual(["network", "node", "product"]);
  });

  it("assemblyKeys lists the assembly KPIs a result has, none for a scenario without a bill of materials", () => {
    expect(assemblyKeys(assemblyResult().network)).toEqual([...ASSEMBLY_KPIS]);
    expect(assemblyKeys(runResult().network)).toEqual([]);
    expect(assemblyKeys(undefined)).toEqual([]);
  });

  it("assemblyNodeRows keeps the nodes with a recipe; without a scenario, those with any assembly figure", () => {
    const r = assemblyResult();
    expect(assemblyNodeRows(nodeRows(r, assemblyScenario()), assemblyScenario()).map((x) => x.id)).toEqual(["dc"]);
    expect(assemblyNodeRows(nodeRows(r)).map((x) => x.id)).toEqual(["dc"]);
  });

  it("assemblyProductRows keeps the products a recipe makes or uses, in the scenario's order", () => {
    const r = assemblyResult(), sc = assemblyScenario();
    expect(assemblyProductRows(productRows(r, sc), sc).map((x) => x.id)).toEqual(["truck", "engine"]);
    expect(assemblyProductRows(productRows(r)).map((x) => x.id)).toEqual(["engine", "truck"]);
  });
});
