import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bullwhipChain } from "../../../src/ui/results/bullwhip-chain.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { runResult, scenario, stat } from "../fixtures.ts";

const load = (file: string): Scenario => {
  const v = validateScenario(JSON.parse(readFileSync(new URL(`../../../scenarios/${file}.json`, import.meta.url), "utf8")));
  if (!v.ok) throw new Error(file);
  return v.scenario;
};
const withRatios = (ratios: Record<string, number>) =>
  runResult({ nodes: Object.fromEntries(Object.entries(ratios).map(([id, r]) => [id, { orderVarianceRatio: stat(r, r / 100) }])) });

describe("bullwhipChain", () => {
  it("orders a serial chain from the customers upstream and compounds the ratios along it", () => {
    // Listed factory first in the file: the order comes from the lanes, not the file.
    const rows = bullwhipChain(withRatios({ factory: 2, distributor: 2.5, wholesaler: 3, retailer: 10 }), load("serial-4-stage-bullwhip"));
    expect(rows.map((r) => [r.id, r.echelon, r.compounded])).toEqual([
      ["retailer", 0, 10], ["wholesaler", 1, 30], ["distributor", 2, 75], ["factory", 3, 150],
    ]);
    expect(rows.map((r) => r.name)).toEqual(["Retailer", "Wholesaler", "Distributor", "Factory"]);
  });

  it("compounds nothing above a node that serves several nodes: the product is no longer their orders' ratio", () => {
    const rows = bullwhipChain(withRatios({ dc: 1.5, s1: 4, s2: 2 }), scenario());
    expect(rows.map((r) => [r.id, r.echelon, r.compounded])).toEqual([["s1", 0, 4], ["s2", 0, 2], ["dc", 1, null]]);
  });

  it("compounds nothing above a node that has customers of its own", () => {
    const s = scenario({ demand: [...scenario().demand, { node: "dc", dist: { type: "poisson", mean: 5 } }],
      lanes: scenario().lanes.filter((l) => l.to !== "s2"), nodes: scenario().nodes.filter((n) => n.id !== "s2") });
    const rows = bullwhipChain(withRatios({ dc: 1.5, s1: 4 }), s);
    expect(rows.map((r) => [r.id, r.compounded])).toEqual([["s1", 4], ["dc", null]]);
  });

  it("leaves out nodes without a ratio (suppliers, nodes the result does not report)", () => {
    expect(bullwhipChain(withRatios({ s1: 4 }), scenario()).map((r) => r.id)).toEqual(["s1"]);
    expect(bullwhipChain(runResult(), scenario())).toEqual([]);
  });

  it("orders the retail network's stores before its DCs and its DCs before the plant", () => {
    const s = load("retail-3-echelon");
    const stocking = s.nodes.filter((n) => n.kind !== "supplier").map((n) => n.id);
    const rows = bullwhipChain(withRatios(Object.fromEntries(stocking.map((id) => [id, 1.2]))), s);
    const kinds = rows.map((r) => s.nodes.find((n) => n.id === r.id)!.kind);
    expect(kinds.indexOf("dc")).toBeGreaterThan(kinds.lastIndexOf("store"));
    expect(kinds.indexOf("plant")).toBeGreaterThan(kinds.lastIndexOf("dc"));
    expect(rows.map((r) => r.echelon)).toEqual([...rows.map((r) => r.echelon)].sort((a, b) => a - b));
  });
});
