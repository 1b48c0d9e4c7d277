import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier } from "./fixtures.ts";

// A dc holding 12 units faces same-day orders of 10 (store a) and 6 (store b).
function shortage(allocation: Scenario["allocation"]): [number, number, number] {
  const s = scenario({
    allocation,
    nodes: [supplier, stock("dc", 12, { kind: "dc" }),
      stock("a", 10, { initialInventory: 0, priority: 2 }), stock("b", 6, { initialInventory: 0, priority: 1 })],
    lanes: [lane("supplier", "dc", 5), lane("dc", "a", 1), lane("dc", "b", 1)],
    demand: [{ node: "a", dist: { type: "constant", value: 0 } }, { node: "b", dist: { type: "constant", value: 0 } }],
  });
  const sim = createSimulation(s, 0);
  sim.step();
  return [sim.inTransit("a"), sim.inTransit("b"), sim.owedDownstream("dc")];
}

describe("allocation rules on a shortage", () => {
  it("fifo serves the oldest order first (same day: in scenario order)", () => {
    expect(shortage("fifo")).toEqual([10, 2, 4]);
  });
  it("proportional gives every order the same share of what it is owed", () => {
    expect(shortage("proportional")).toEqual([7.5, 4.5, 4]);
  });
  it("priority serves the lowest priority number first", () => {
    expect(shortage("priority")).toEqual([6, 6, 4]);
  });
  it("fifo serves an order already owed before a newer one", () => {
    const s = scenario({
      nodes: [supplier, stock("dc", 12, { kind: "dc" }), stock("a", 10, { initialInventory: 0 }), stock("b", 6, { initialInventory: 6 })],
      lanes: [lane("supplier", "dc", 1), lane("dc", "a", 1), lane("dc", "b", 1)],
      demand: [{ node: "a", dist: { type: "constant", value: 0 } }, { node: "b", dist: { type: "constant", value: 6 } }],
    });
    const sim = createSimulation(s, 0);
    sim.step();          // day 0: a gets 10 of 10, b 2 of 6; the dc reorders 16 (arrives day 1)
    expect([sim.inTransit("a"), sim.inTransit("b")]).toEqual([10, 2]);
    sim.step();          // day 1: 16 arrive; b's 4 owed from day 0 go first, then b's new 6; a owes nothing new
    expect(sim.owedDownstream("dc")).toBe(0);
  });
});
