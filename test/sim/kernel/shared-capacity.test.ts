// Capacities shared by products (scenario.md: a lane's `capacity` and a node's `throughput` are
// "all products"): what one product's item ships today uses up the room of the next one's.
// Items of one node ship in product order (A before B). Day 0 only, worked by hand.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../../src/sim/engine/index.ts";
import { ITEM } from "../../../src/sim/kernel/index.ts";
import type { NodeSpec, Scenario } from "../../../src/sim/model/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { constant, lane, scenario } from "../engine/fixtures.ts";

const products = [{ id: "A" }, { id: "B" }];
const level8: NodeSpec["policy"] = { A: { type: "base-stock", level: 8 }, B: { type: "base-stock", level: 8 } };
const store: NodeSpec = { id: "store", kind: "store", policy: level8, initialInventory: { A: 0, B: 0 } };
const demand = [{ node: "store", product: "A", dist: constant(0) }, { node: "store", product: "B", dist: constant(0) }];

/** After day 0: each product's units in transit to the store, and what is still owed to it. */
function day0(s: Scenario): { inTransit: number[]; owed: number[] } {
  expect(validateScenario(s).ok).toBe(true);
  const sim = createSimulation(s, 0), net = sim.network;
  sim.step();
  const at = (p: number) => [...Array(net.items).keys()].find((i) => net.nodeIds[net.itemNode[i]] === "store" && net.itemProduct[i] === p)!;
  const field = (f: number) => [0, 1].map((p) => sim.state.item[at(p) * ITEM.stride + f]);
  return { inTransit: field(ITEM.inTransit), owed: field(ITEM.owedToMe) };
}

describe("capacities shared by products", () => {
  it("a lane's capacity: B gets what A left of the day's 10", () => {
    // The store (empty, level 8 of each) orders 8 A and 8 B; the lane carries 10 a day: 8 A, then 2 B.
    const s = scenario({
      horizon: 1, products,
      nodes: [{ id: "supplier", kind: "supplier" }, store],
      lanes: [lane("supplier", "store", 1, { capacity: 10 })],
      demand,
    });
    expect(day0(s)).toEqual({ inTransit: [8, 2], owed: [0, 6] });
  });

  it("a supplier's throughput: B gets what A left of the day's 10", () => {
    const s = scenario({
      horizon: 1, products,
      nodes: [{ id: "supplier", kind: "supplier", capacity: { throughput: 10 } }, store],
      lanes: [lane("supplier", "store", 1)],
      demand,
    });
    expect(day0(s)).toEqual({ inTransit: [8, 2], owed: [0, 6] });
  });

  it("a stocking node ships no more than it holds, even with throughput to spare", () => {
    // dc: throughput 10, holds 100 A and 1 B. A ships 8 (room 10); B could use 2 of the room but
    // holds 1: it ships 1.
    const s = scenario({
      horizon: 1, products,
      nodes: [
        { id: "supplier", kind: "supplier" },
        { id: "dc", kind: "dc", policy: { A: { type: "base-stock", level: 100 }, B: { type: "base-stock", level: 1 } }, capacity: { throughput: 10 } },
        store,
      ],
      lanes: [lane("supplier", "dc", 1), lane("dc", "store", 1)],
      demand,
    });
    expect(day0(s)).toEqual({ inTransit: [8, 1], owed: [0, 7] });
  });
});
