import { describe, expect, it } from "vitest";
import type { NodeSpec, Scenario } from "../../../src/sim/model/scenario.ts";
import { echelonLevels } from "../../../src/sim/montecarlo/echelon-levels.ts";

const node = (id: string, kind: NodeSpec["kind"], name?: string) => ({ id, kind, ...(name === undefined ? {} : { name }) }) as NodeSpec;
const network = (nodes: NodeSpec[], lanes: [string, string][]) => ({
  format: "echelon-scenario@1", name: "x", horizon: 2, warmup: 0, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo", demand: [],
  nodes, lanes: lanes.map(([from, to]) => ({ from, to, leadTime: { type: "constant", value: 1 } })),
}) as unknown as Scenario;
const levels = (s: Scenario) => echelonLevels(s).map((l) => [l.level, l.label, l.nodes]);

describe("echelonLevels: lanes that do not make a level", () => {
  it("a lane from a supplier, to a node not in the network, or from a node to itself adds no level", () => {
    const s = network([node("s", "supplier"), node("d", "dc"), node("e", "dc"), node("x", "store"), node("y", "store")],
      [["s", "d"], ["d", "x"], ["e", "y"], ["d", "d"], ["d", "ghost"]]);
    expect(levels(s)).toEqual([[1, "DCs", ["d", "e"]], [2, "Stores", ["x", "y"]]]);
  });

  it("a cycle (which validation refuses) still ends", () => {
    const s = network([node("a", "dc"), node("b", "dc")], [["a", "b"], ["b", "a"]]);
    expect(echelonLevels(s).flatMap((l) => l.nodes).sort()).toEqual(["a", "b"]);
  });

  it("a node's level is its longest lane path from the top; a store that supplies another store keeps its own level", () => {
    // p → d1 → d2 → s1 and p → s2 (a store two levels above the last) ; s1 → s3 (store to store).
    const s = network([node("p", "plant"), node("d1", "dc"), node("d2", "dc"), node("s1", "store"), node("s2", "store"), node("s3", "store")],
      [["p", "d1"], ["d1", "d2"], ["d2", "s1"], ["p", "s2"], ["s1", "s3"]]);
    expect(levels(s)).toEqual([[1, "p", ["p"]], [2, "d1", ["d1"]], [3, "d2", ["d2"]], [4, "s1", ["s1"]], [5, "Stores", ["s2", "s3"]]]);
  });

  it("a store nobody supplies stays where its lanes put it", () => {
    const s = network([node("d", "dc"), node("lone", "store"), node("s", "store")], [["d", "s"]]);
    expect(levels(s)).toEqual([[1, "Echelon 1", ["d", "lone"]], [2, "s", ["s"]]]);
  });

  it("labels: a lone node's trimmed name, else its id; plural kinds; DCs when one level holds them", () => {
    const s = network([node("p1", "plant"), node("p2", "plant"), node("d1", "dc", "  "), node("d2", "dc", " Hub "), node("c", "store")],
      [["p1", "d1"], ["p2", "d2"], ["d1", "c"], ["d2", "c"]]);
    expect(levels(s)).toEqual([[1, "Plants", ["p1", "p2"]], [2, "DCs", ["d1", "d2"]], [3, "c", ["c"]]]);
    const named = network([node("p1", "plant"), node("d1", "dc", " Hub ")], [["p1", "d1"]]);
    expect(levels(named)[1]).toEqual([2, "Hub", ["d1"]]);
    const unnamed = network([node("p1", "plant"), node("d1", "dc", "  ")], [["p1", "d1"]]);
    expect(levels(unnamed)[1]).toEqual([2, "d1", ["d1"]]);
  });

  it("with several DC levels, the most upstream is Central and the last Regional, even with a level of stores between", () => {
    const s = network([node("a1", "dc"), node("a2", "dc"), node("b1", "dc"), node("b2", "dc"), node("r", "store"), node("q", "store")],
      [["a1", "b1"], ["a2", "b2"], ["b1", "r"], ["b2", "q"]]);
    expect(levels(s).map((l) => l[1])).toEqual(["Central DCs", "Regional DCs", "Stores"]);
  });
});
