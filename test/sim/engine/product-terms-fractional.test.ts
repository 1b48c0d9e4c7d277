// Product shards add the products' daily shares back up, which is exact only for whole numbers of
// units (product-terms.ts). `runProductTerms` checks every share it writes and refuses the first
// fractional one with a FractionalUnitsError that names the replication, the day and the share.
// Each scenario below makes exactly one kind of share fractional, by hand.
import { describe, expect, it } from "vitest";
import { FractionalUnitsError, runProductTerms } from "../../../src/sim/engine/product-terms.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { constant, lane, scenario, stock, supplier } from "./fixtures.ts";

const TAIL = ", not a whole number of units, so the products' shares cannot be added back exactly; run this scenario with replication shards (--shard) instead";

/** The error runProductTerms throws for replication 1 (from 1 to 2), or null. */
function refusal(s: Scenario, series = false): { name: string; message: string; isFractional: boolean } | null {
  try {
    runProductTerms(s, { from: 1, to: 2, series }, () => {});
    return null;
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message, isFractional: e instanceof FractionalUnitsError };
  }
}

const store = (extra: Partial<Scenario> & Pick<Scenario, "nodes">): Scenario =>
  scenario({ horizon: 10, warmup: 0, lanes: [lane("supplier", "store", 1)], demand: [{ node: "store", dist: constant(4) }], ...extra });

describe("runProductTerms refuses fractional shares", () => {
  it("customer demand: 3 a day × 1.5 on days 4 and 5 (warmup 2) is 4.5 on day 4", () => {
    const s = scenario({
      horizon: 10, warmup: 2, nodes: [supplier, stock("store", 20)], lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: constant(3) }], disruptions: [{ type: "demand-shock", node: "store", multiplier: 1.5, start: 4, end: 6 }],
    });
    expect(refusal(s)).toEqual({ name: "FractionalUnitsError", isFractional: true, message: `replication 1, day 4: the demand at "store" is 4.5${TAIL}` });
  });

  it("demand served: 2.5 on hand at the start, 4 demanded, the rest lost", () => {
    const s = store({ unmetDemand: "lost", nodes: [supplier, stock("store", 10, { initialInventory: 2.5 })] });
    expect(refusal(s)?.message).toBe(`replication 1, day 0: the demand served at "store" is 2.5${TAIL}`);
  });

  it("backorders: 2.5 on hand, 4 demanded, 1.5 backordered", () => {
    const s = store({ nodes: [supplier, stock("store", 10, { initialInventory: 2.5 })] });
    expect(refusal(s)?.message).toBe(`replication 1, day 0: the backorders at "store" is 1.5${TAIL}`);
  });

  it("a node's orders: sQ with Q 2.5", () => {
    const s = store({ nodes: [supplier, stock("store", 0, { policy: { type: "sQ", s: 5, Q: 2.5 } })] });
    expect(refusal(s)?.message).toBe(`replication 1, day 0: the units "store" ordered is 2.5${TAIL}`);
  });

  it("the orders a dc receives: the store orders 2.5 while the dc (sQ 50 / 10, starting at 60) orders nothing yet", () => {
    const s = scenario({
      horizon: 10, warmup: 0,
      nodes: [supplier, stock("dc", 0, { kind: "dc", policy: { type: "sQ", s: 50, Q: 10 } }), stock("store", 0, { policy: { type: "sQ", s: 5, Q: 2.5 } })],
      lanes: [lane("supplier", "dc", 1), lane("dc", "store", 1)], demand: [{ node: "store", dist: constant(4) }],
    });
    expect(refusal(s)?.message).toBe(`replication 1, day 0: the units ordered from "dc" is 2.5${TAIL}`);
  });

  it("units departed on a lane: the dc (base-stock 2.5) ships the 2.5 it has of the store's 4 and orders a whole 4", () => {
    const s = scenario({
      horizon: 10, warmup: 0,
      nodes: [supplier, stock("dc", 2.5, { kind: "dc" }), stock("store", 10)],
      lanes: [lane("supplier", "dc", 1), lane("dc", "store", 1)], demand: [{ node: "store", dist: constant(4) }],
    });
    expect(refusal(s)?.message).toBe(`replication 1, day 0: the units departed on the lane dc>store is 2.5${TAIL}`);
  });

  it("the network's daily demand in the warmup, which no measured share sees: 3 × 1.5 on day 0", () => {
    const s = scenario({
      horizon: 10, warmup: 3, nodes: [supplier, stock("store", 100)], lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: constant(3) }], disruptions: [{ type: "demand-shock", node: "store", multiplier: 1.5, start: 0, end: 1 }],
    });
    expect(refusal(s)?.message).toBe(`replication 1: the network's daily demand or demand served is 4.5${TAIL}`);
  });

  it("with series only, a node's daily stock: base-stock 10.5 less 4 sold leaves 6.5 on hand", () => {
    const s = store({ nodes: [supplier, stock("store", 10.5)] });
    expect(refusal(s, true)?.message).toBe(`replication 1: a node's daily stock (series) is 6.5${TAIL}`);
    expect(refusal(s, false)).toBeNull();   // every share is whole: orders replace the 4 sold
  });
});
