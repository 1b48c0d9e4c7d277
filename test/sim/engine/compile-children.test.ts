// What compile builds below each item (kernel/network.ts): its downstream items (CSR; under
// "priority" sorted by node priority, then item), the shippers (items with a downstream item), what
// the accounting reads of each stocking item (STOCKING bits), and the echelon lists — the items at
// or below each echelon-base-stock item, itself first; with recipes, weighted by the units of the
// echelon item one unit of each holds (the product of the recipe quantities on the way, 1 below
// lanes). Written out by hand.
import { describe, expect, it } from "vitest";
import { STOCKING } from "../../../src/sim/kernel/network.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { build, lane, one, scenario, stock, supplier } from "./fixtures.ts";

const { demand, downstream, demandNode } = STOCKING;

describe("compiled children", () => {
  it("a dc's stores in item order, or under priority by node priority (lower first), then item", () => {
    const net = (allocation: Scenario["allocation"]) => build(scenario({
      allocation,
      nodes: [supplier, stock("dc", 40), stock("a", 10, { priority: 2 }), stock("b", 10, { priority: 1 }), stock("c", 10, { priority: 2 })],
      lanes: [lane("supplier", "dc", 2), lane("dc", "a", 1), lane("dc", "b", 1), lane("dc", "c", 1)],
      demand: ["a", "b", "c"].map((node) => ({ node, dist: one })),
    }));
    const fifo = net("fifo");
    expect(Array.from(fifo.childStart)).toEqual([0, 1, 4, 4, 4, 4]);
    expect(Array.from(fifo.childList)).toEqual([1, 2, 3, 4]);
    expect(Array.from(fifo.itemPriority)).toEqual([1, 1, 2, 1, 2]);
    const priority = net("priority");
    expect(Array.from(priority.childStart)).toEqual([0, 1, 4, 4, 4, 4]);
    expect(Array.from(priority.childList)).toEqual([1, 3, 2, 4]);
  });

  it("shippers and what the accounting reads of each stocking item", () => {
    // p and q: supplier → dc → store; demand for p at dc, for q at the store
    const net = build(scenario({
      products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 1 }],
      nodes: [supplier, stock("dc", 40), stock("store", 10)],
      lanes: [lane("supplier", "dc", 2), lane("dc", "store", 1)],
      demand: [{ node: "dc", product: "p", dist: one }, { node: "store", product: "q", dist: one }],
    }));
    // supplier p, q; dc p, q; store p, q
    expect(Array.from(net.itemNode)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(Array.from(net.childStart)).toEqual([0, 1, 2, 3, 4, 4, 4]);
    expect(Array.from(net.childList)).toEqual([2, 3, 4, 5]);
    expect(Array.from(net.shippers)).toEqual([0, 1, 2, 3]);
    expect(Array.from(net.stockingItems)).toEqual([2, 3, 4, 5]);
    expect(Array.from(net.stockingKind)).toEqual([demand | downstream | demandNode, downstream | demandNode, demandNode, demand | demandNode]);
    expect(Array.from(net.nodeDemand)).toEqual([0, 1, 1]);
  });
});

describe("compiled echelon lists", () => {
  it("along lanes: each echelon item, then the items below it, depth first; empty for the others", () => {
    const ech = (level: number) => ({ type: "echelon-base-stock", level }) as const;
    const net = build(scenario({
      nodes: [supplier, stock("dc", 0, { policy: ech(60) }), stock("a", 0, { policy: ech(20) }), stock("b", 10)],
      lanes: [lane("supplier", "dc", 2), lane("dc", "a", 1), lane("dc", "b", 1)],
      demand: [{ node: "a", dist: one }, { node: "b", dist: one }],
    }));
    expect(Array.from(net.echStart)).toEqual([0, 0, 3, 4, 4]);
    expect(Array.from(net.echList)).toEqual([1, 2, 3, 2]);
    expect(net.assembly.echWeight.length).toBe(0);
  });

  it("through a recipe: the made item and what lies below it, weighted by the units of the component each holds", () => {
    // plant makes t from 2 e and 4 w and ships t to dc; e at plant and t at dc run echelon base stock
    const net = build(scenario({
      products: [{ id: "e", unitCost: 1 }, { id: "w", unitCost: 1 }, { id: "t", unitCost: 10 }],
      nodes: [supplier,
        { id: "plant", kind: "plant", policy: { e: { type: "echelon-base-stock", level: 30 }, w: { type: "base-stock", level: 80 }, t: { type: "base-stock", level: 20 } },
          bom: [{ product: "t", components: { e: 2, w: 4 }, assemblyTime: 1 }] },
        { id: "dc", kind: "dc", policy: { t: { type: "echelon-base-stock", level: 10 } } }],
      lanes: [lane("supplier", "plant", 1, { products: ["e", "w"] }), lane("plant", "dc", 1, { products: ["t"] })],
      demand: [{ node: "dc", product: "t", dist: one }],
    }));
    // supplier e, w; plant e, w, t (made after its components); dc t
    expect(Array.from(net.itemNode)).toEqual([0, 0, 1, 1, 1, 2]);
    expect(Array.from(net.itemProduct)).toEqual([0, 1, 0, 1, 2, 2]);
    expect(Array.from(net.childStart)).toEqual([0, 1, 2, 2, 2, 3, 3]);
    expect(Array.from(net.childList)).toEqual([2, 3, 5]);
    // plant e: itself (1), plant t (2 e per t), dc t (2, one lane below plant t); not plant w. dc t: itself.
    expect(Array.from(net.echStart)).toEqual([0, 0, 0, 3, 3, 3, 4]);
    expect(Array.from(net.echList)).toEqual([2, 4, 5, 5]);
    expect(Array.from(net.assembly.echWeight)).toEqual([1, 2, 2, 1]);
  });
});
