import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { echelonLevels } from "../../../src/sim/montecarlo/echelon-levels.ts";

const library = (file: string) => JSON.parse(readFileSync(new URL(`../../../scenarios/${file}`, import.meta.url), "utf8")) as Scenario;
const labels = (s: Scenario) => echelonLevels(s).map((l) => `${l.level} ${l.label} (${l.nodes.length})`);

describe("echelonLevels", () => {
  it("names the retail network's levels as planners do: plant, central DC, regional DCs, stores", () => {
    expect(labels(library("retail-3-echelon.json"))).toEqual(["1 Plant (1)", "2 Central DC (1)", "3 Regional DCs (4)", "4 Stores (20)"]);
  });

  it("a level of one node takes its name; stores served straight from a supplier stand with the other stores", () => {
    expect(labels(library("beer-game.json"))).toEqual(["1 Factory (1)", "2 Distributor (1)", "3 Wholesaler (1)", "4 Retailer (1)"]);
    expect(labels(library("risk-pooling-demo.json"))).toEqual(["1 Pooling DC (1)", "2 Stores (8)"]);
  });

  it("levels of mixed kinds, or DCs between the central and the regional ones, are numbered", () => {
    const s: Scenario = {
      format: "echelon-scenario@1", name: "x", horizon: 2, warmup: 0, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo", demand: [],
      nodes: [
        { id: "s", kind: "supplier" },
        ...["a1", "a2", "b1", "b2", "c1", "c2", "d1", "d2"].map((id) => ({ id, kind: "dc" as const })),
        { id: "p", kind: "plant" },
      ],
      lanes: [["s", "a1"], ["s", "a2"], ["a1", "b1"], ["a2", "b2"], ["b1", "c1"], ["b2", "c2"], ["c1", "d1"], ["c2", "d2"], ["s", "p"]].map(([from, to]) => ({ from, to, leadTime: { type: "constant", value: 1 } as const })),
    };
    expect(labels(s)).toEqual(["1 Echelon 1 (3)", "2 Central DCs (2)", "3 Echelon 3 (2)", "4 Regional DCs (2)"]);
  });
});
