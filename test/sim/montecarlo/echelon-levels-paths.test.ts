import { describe, expect, it } from "vitest";
import type { NodeSpec, Scenario } from "../../../src/sim/model/scenario.ts";
import { echelonLevels } from "../../../src/sim/montecarlo/echelon-levels.ts";

const node = (id: string, kind: NodeSpec["kind"]) => ({ id, kind }) as NodeSpec;
const network = (nodes: NodeSpec[], lanes: [string, string][]) => ({
  format: "echelon-scenario@1", name: "x", horizon: 2, warmup: 0, replications: 1, seed: 1, unmetDemand: "backorder", allocation: "fifo", demand: [],
  nodes, lanes: lanes.map(([from, to]) => ({ from, to, leadTime: { type: "constant", value: 1 } })),
}) as unknown as Scenario;

describe("echelonLevels: paths that meet again, levels of mixed kinds", () => {
  it("a node reached by two paths through the same node takes the longer one, whichever is walked first", () => {
    // r → b → x → c (3 lanes) and r → b → z → y → c (4 lanes): c is 4 lanes from the top, level 5.
    // c is listed first, and its short branch (through x) is walked before the long one meets b again.
    const s = network([node("c", "dc"), node("x", "dc"), node("y", "dc"), node("z", "dc"), node("b", "dc"), node("r", "dc")],
      [["r", "b"], ["b", "x"], ["x", "c"], ["b", "z"], ["z", "y"], ["y", "c"]]);
    expect(echelonLevels(s).map((l) => l.nodes)).toEqual([["r"], ["b"], ["x", "z"], ["y"], ["c"]]);
  });

  it("a level of mixed kinds is numbered, whatever kind comes first", () => {
    for (const first of ["store", "plant"] as const) {
      const s = network([node("lone", first), node("d", "dc"), node("s", "store")], [["d", "s"]]);
      expect(echelonLevels(s).map((l) => [l.label, l.nodes])).toEqual([["Echelon 1", ["lone", "d"]], ["s", ["s"]]]);
    }
  });
});
