import { describe, expect, it } from "vitest";
import { createSimulation, traceReplication } from "../../../../src/sim/engine/index.ts";
import type { Trace } from "../../../../src/sim/model/index.ts";
import { lane, scenario, stock, supplier } from "../../engine/fixtures.ts";

const from = (tr: Trace, node: string) => Array.from(tr.shipmentDepart, (d, j) => [d, tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentQuantity[j]])
  .filter((x) => x[1] === node);
const constant = (value: number) => ({ type: "constant" as const, value });

// supplier → dc (lead 1, at most `cap` a day: 6 and 7 give days short in different ways) → a, b, c (lead 1). a orders 12 on day 0 (no demand);
// b, with demand 1, orders 5 on day 0 and 1 a day after; c (weekly review, offset 1, no demand) 4
// on day 1; their positions count what is owed, so that is all. c's lane carries 2 a day and is
// closed on day 3. The dc starts with 8 and orders up to 4, so it is short for days, then not.
// dc-2, out all along, stocks z, whose open orders follow the dc's children in the list of children.
const HORIZON = 8, C_ROOM = 2, C_CLOSED = 3;
const shortOf = (cap: number) => scenario({
  horizon: HORIZON, allocation: "proportional",
  nodes: [supplier, stock("dc", 4, { kind: "dc", initialInventory: 8 }), stock("dc-2", 4, { kind: "dc", initialInventory: 8 }),
    stock("a", 12, { initialInventory: 0 }), stock("b", 4, { initialInventory: 0 }),
    stock("c", 4, { initialInventory: 0, policy: { type: "base-stock", level: 4, review: 7, offset: 1 } }), stock("z", 4, { initialInventory: 0 })],
  lanes: [lane("supplier", "dc", 1, { capacity: cap }), lane("supplier", "dc-2", 1),
    lane("dc", "a", 1), lane("dc", "b", 1), lane("dc", "c", 1, { capacity: C_ROOM }), lane("dc-2", "z", 1)],
  demand: [{ node: "a", dist: constant(0) }, { node: "b", dist: constant(1) }, { node: "c", dist: constant(0) }, { node: "z", dist: constant(1) }],
  disruptions: [{ type: "lane-outage", from: "dc", to: "c", start: C_CLOSED, end: C_CLOSED + 1 }, { type: "node-outage", node: "dc-2", start: 0, end: HORIZON }],
});
const ordersOn = (t: number): [string, number][] => [...(t === 0 ? [["a", 12], ["b", 5]] as [string, number][] : [["b", 1]] as [string, number][]), ...(t === 1 ? [["c", 4]] as [string, number][] : [])];

/**
 * The rule written out: each day, what was owed before today first, then today's orders; in each
 * tier every child the same share of its debt there, within what its lane takes today (a share
 * the lane cannot take stays owed).
 */
function proportionalByHand(arrivals: number[], held: number): (string | number)[][] {
  const owedOld = new Map<string, number>(), owedToday = new Map<string, number>(), out: (string | number)[][] = [];
  for (let t = 0; t < HORIZON; t++) {
    for (const [to, q] of owedToday) owedOld.set(to, (owedOld.get(to) ?? 0) + q);
    owedToday.clear();
    for (const [to, q] of ordersOn(t)) owedToday.set(to, q);
    held += arrivals[t];
    const room = new Map([["c", t === C_CLOSED ? 0 : C_ROOM]]);
    const owedAll = [...owedOld.values(), ...owedToday.values()].reduce((x, y) => x + y, 0);
    // With stock for every open order there is nothing to share: each child gets all its lane takes, in list order.
    const tiers = held >= owedAll ? [new Map(["a", "b", "c"].map((to) => [to, (owedOld.get(to) ?? 0) + (owedToday.get(to) ?? 0)]))] : [owedOld, owedToday];
    for (const tier of tiers) {
      const total = [...tier.values()].reduce((x, y) => x + y, 0);
      if (total <= 0 || held <= 0) continue;
      const share = Math.min(1, held / total);
      for (const to of ["a", "b", "c"]) {
        const x = Math.min((tier.get(to) ?? 0) * share, room.get(to) ?? Infinity);
        if (!(x > 0)) continue;
        // the trace merges what leaves on one lane on one day (both tiers' units travel together)
        const same = out.find((e) => e[0] === t && e[2] === to);
        if (same) (same[3] as number) += x; else out.push([t, "dc", to, x]);
        tier.set(to, (tier.get(to) ?? 0) - x);
        if (room.has(to)) room.set(to, room.get(to)! - x);
        held -= x;
      }
    }
    if (tiers.length === 1) {   // what is still owed (a lane's limit) is owed from before tomorrow
      owedToday.clear();
      for (const [to, q] of tiers[0]) owedOld.set(to, q);
    }
  }
  return out;
}

describe("allocateProportional", () => {
  it.each([6, 7])("serves what was owed before today first, then today's orders, each in the same share of its debt (dc supplied %i a day)", (cap) => {
    const tr = traceReplication(shortOf(cap), 0), dc = tr.nodes.indexOf("dc");
    const arrivals = Array.from({ length: HORIZON }, (_, t) => tr.shipmentQuantity.reduce((sum, q, j) => sum + (tr.shipmentTo[j] === dc && tr.shipmentArrive[j] === t ? q : 0), 0));
    const expected = proportionalByHand(arrivals, 8);
    // Day 0: 8 for 17 → a 12 · 8/17, b 5 · 8/17. Later days: both tiers, c held to its lane.
    expect(expected.slice(0, 2)).toEqual([[0, "dc", "a", 12 * (8 / 17)], [0, "dc", "b", 5 * (8 / 17)]]);
    expect(from(tr, "dc")).toEqual(expected);
  });

  it("ships the same on days without a trace (the plain path) as with one", () => {
    const short = shortOf(6), sim = createSimulation(short, 0), traced = from(traceReplication(short, 0), "dc");
    const received = (to: string) => traced.filter((x) => x[2] === to).reduce((sum, x) => sum + (x[3] as number), 0);
    while (!sim.done()) sim.step();
    // Everything shipped by day HORIZON − 2 has arrived (lead 1); what left on the last day is in transit.
    for (const to of ["a", "c"]) {   // the stores without demand
      const last = traced.filter((x) => x[2] === to && x[0] === HORIZON - 1).reduce((sum, x) => sum + (x[3] as number), 0);
      expect([sim.onHand(to), sim.inTransit(to)]).toEqual([received(to) - last, last]);
    }
  });
});
