import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../../src/sim/engine/index.ts";
import type { Trace } from "../../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier } from "../../engine/fixtures.ts";

const from = (tr: Trace, node: string) => Array.from(tr.shipmentDepart, (d, j) => [d, tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentQuantity[j]])
  .filter((x) => x[1] === node);
const constant = (value: number) => ({ type: "constant" as const, value });

describe("allocatePriority", () => {
  it("serves the lowest priority class first, oldest order first within a class, though the list puts a newer order first", () => {
    // The dc holds 12 and is out on days 0–1. a and b (priority 1) review weekly, b on day 0 (orders
    // its 5 of demand), a on day 1 (10); c (priority 2) orders 5 a day. On day 2 class 1 goes first,
    // oldest first: b its 5, a the other 7 of its 10; c nothing. (List order would give a 10, b 2.)
    const s = scenario({
      horizon: 3, allocation: "priority",
      nodes: [supplier, stock("dc", 0, { kind: "dc", initialInventory: 12 }),
        stock("a", 20, { priority: 1, policy: { type: "base-stock", level: 20, review: 7, offset: 1 } }),
        stock("b", 20, { priority: 1, policy: { type: "base-stock", level: 20, review: 7, offset: 0 } }),
        stock("c", 20, { priority: 2 })],
      lanes: [lane("supplier", "dc", 20), lane("dc", "a", 1), lane("dc", "b", 1), lane("dc", "c", 1)],
      demand: ["a", "b", "c"].map((node) => ({ node, dist: constant(5) })),
      disruptions: [{ type: "node-outage", node: "dc", start: 0, end: 2 }],
    });
    expect(from(traceReplication(s, 0), "dc")).toEqual([[2, "dc", "b", 5], [2, "dc", "a", 7]]);
  });

  it("ships only to the shipper's own children when units are left after every class", () => {
    // dc-1 ships at most 10 a day of its 1,000, less than it owes: x (lane of 5 a day, a large first
    // order) gets 5 and y its daily 3, every day; 2 units stay. dc-2 is out all along, so its stores'
    // orders stay open just after dc-1's in the list of children, in y's priority class: none may come from dc-1.
    const HORIZON = 12;
    const s = scenario({
      horizon: HORIZON, allocation: "priority",
      nodes: [supplier,
        stock("dc-1", 0, { kind: "dc", initialInventory: 1000, capacity: { throughput: 10 } }),
        stock("dc-2", 0, { kind: "dc", initialInventory: 1000 }),
        stock("x", 200, { initialInventory: 0, priority: 1 }), stock("y", 20, { priority: 2 }),
        stock("z", 20, { priority: 2 }), stock("w", 20, { priority: 2 })],
      lanes: [lane("supplier", "dc-1", 100), lane("supplier", "dc-2", 100),
        lane("dc-1", "x", 1, { capacity: 5 }), lane("dc-1", "y", 1), lane("dc-2", "z", 1), lane("dc-2", "w", 1)],
      demand: [{ node: "x", dist: constant(1) }, { node: "y", dist: constant(3) }, { node: "z", dist: constant(2) }, { node: "w", dist: constant(2) }],
      disruptions: [{ type: "node-outage", node: "dc-2", start: 0, end: HORIZON }],
    });
    const expected = Array.from({ length: HORIZON }, (_, t) => [[t, "dc-1", "x", 5], [t, "dc-1", "y", 3]]).flat();
    expect(from(traceReplication(s, 0), "dc-1")).toEqual(expected);
  });
});
