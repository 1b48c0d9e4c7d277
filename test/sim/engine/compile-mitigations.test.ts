// What compile makes of the scenario's mitigations (scenario.md "mitigations"): each item's peers
// for lateral transfers (the same product at the other nodes of `among`, in item order) and the
// expedite lane that feeds it (from an outside supplier, or from the same product's item at the
// lane's origin). Written out by hand; items are named by node and product through compile's index.
import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { EXPEDITE_FROM, LATERAL_TRIGGER } from "../../../src/sim/kernel/network.ts";
import { hashKey } from "../../../src/sim/random/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, one, scenario, stock, supplier } from "./fixtures.ts";

const base: Scenario = scenario({
  products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 1 }],
  nodes: [supplier, stock("dc", 50, { kind: "dc" }), stock("a", 20), stock("b", 20), { id: "c", kind: "store", policy: { p: { type: "base-stock", level: 9 } } }],
  lanes: [lane("supplier", "dc", 2), lane("dc", "a", 1), lane("dc", "b", 1), lane("dc", "c", 1)],
  demand: [{ node: "a", product: "p", dist: one }, { node: "b", product: "q", dist: one }, { node: "c", product: "p", dist: one }],
});

describe("compiled mitigations", () => {
  it("peers of the same product among the listed nodes, and each item's expedite source", () => {
    const s: Scenario = { ...base, mitigations: {
      lateralTransfers: { among: ["c", "a", "b"], leadTime: one, costPerUnit: 0.7, trigger: "below-reorder-point" },
      expedite: [
        { from: "supplier", to: "dc", leadTime: one, costPerUnit: 3, when: "position-below", threshold: 40 },
        { from: "dc", to: "c", leadTime: one, costPerUnit: 2, when: "position-below", threshold: 5 },
      ],
    } };
    const net = compiled(s), m = net.mitigations;
    const item = (node: string, product: string) => {
      const n = net.nodeIds.indexOf(node), k = net.productIds.indexOf(product);
      const found = Array.from(net.itemNode).findIndex((x, i) => x === n && net.itemProduct[i] === k);
      expect(found, `${node}:${product}`).toBeGreaterThanOrEqual(0);
      return found;
    };
    const peersOf = (i: number) => Array.from(m.peerList.subarray(m.peerStart[i], m.peerStart[i + 1]));
    const inOrder = (...xs: number[]) => xs.sort((x, y) => x - y);
    expect(peersOf(item("a", "p"))).toEqual(inOrder(item("b", "p"), item("c", "p")));
    expect(peersOf(item("a", "q"))).toEqual([item("b", "q")]);
    expect(peersOf(item("b", "q"))).toEqual([item("a", "q")]);
    expect(peersOf(item("c", "p"))).toEqual(inOrder(item("a", "p"), item("b", "p")));
    expect(peersOf(item("dc", "p"))).toEqual([]);
    expect(m.peerStart[net.items]).toBe(m.peerList.length);
    expect(m.peerList.length).toBe(8);
    expect([m.any, m.lateral, m.lateralTrigger, m.lateralCost, m.lateralKey]).toEqual([true, true, LATERAL_TRIGGER.belowReorderPoint, 0.7, hashKey("lateral")]);
    expect(m.lateralLead).not.toBeNull();
    const dcp = item("dc", "p"), dcq = item("dc", "q"), cp = item("c", "p"), ap = item("a", "p");
    expect([m.expFrom[dcp], m.expFrom[dcq], m.expFrom[cp], m.expFrom[ap]]).toEqual([EXPEDITE_FROM.outsideSupplier, EXPEDITE_FROM.outsideSupplier, dcp, EXPEDITE_FROM.none]);
    expect([m.expFromNode[dcp], m.expFromNode[dcq], m.expFromNode[cp], m.expFromNode[ap]]).toEqual([0, 0, 1, -1]);
    expect([m.expKey[dcq], m.expKey[cp], m.expKey[ap]]).toEqual([hashKey("expedite:supplier>dc"), hashKey("expedite:dc>c"), 0]);
    expect([m.expCost[dcp], m.expCost[cp], m.expCost[ap]]).toEqual([3, 2, 0]);
    expect([m.expThreshold[dcq], m.expThreshold[cp], m.expThreshold[ap]]).toEqual([40, 5, 0]);
    expect([m.expLead[dcp] !== null, m.expLead[cp] !== null, m.expLead[ap]]).toEqual([true, true, null]);
  });

  it("lateral transfers among one node, or none, move nothing; an expedite from a node without the product feeds nothing", () => {
    const lone: Scenario = { ...base, mitigations: { lateralTransfers: { among: ["a"], leadTime: one, costPerUnit: 1, trigger: "below-zero" } } };
    const m = compiled(lone).mitigations;
    expect([m.any, m.lateral, m.lateralTrigger, m.peerList.length]).toEqual([false, false, LATERAL_TRIGGER.belowZero, 0]);
    expect(Array.from(m.expFrom).every((e) => e === EXPEDITE_FROM.none)).toBe(true);
    const none = compiled(base).mitigations;
    expect([none.any, none.lateral, none.lateralLead, none.lateralCost, none.peerList.length]).toEqual([false, false, null, 0, 0]);
    // c stocks only p: an expedite lane from c to a can feed a's p, not a's q
    const fromC: Scenario = { ...base, mitigations: { expedite: [{ from: "c", to: "a", leadTime: one, when: "position-below", threshold: 3 }, { from: "dc", to: "b", leadTime: one, when: "position-below", threshold: 3 }] } };
    const net = compiled(fromC), e = net.mitigations;
    const at = (node: string, product: string) => Array.from(net.itemNode).findIndex((x, i) => x === net.nodeIds.indexOf(node) && net.itemProduct[i] === net.productIds.indexOf(product));
    expect([e.expFrom[at("a", "p")], e.expFrom[at("a", "q")]]).toEqual([at("c", "p"), EXPEDITE_FROM.none]);
    expect([e.expFromNode[at("a", "q")], e.expCost[at("a", "p")], e.expThreshold[at("a", "q")], e.any]).toEqual([-1, 0, 0, true]);
    expect([e.expFrom[at("b", "p")], e.expFrom[at("b", "q")]]).toEqual([at("dc", "p"), at("dc", "q")]);
  });
});
