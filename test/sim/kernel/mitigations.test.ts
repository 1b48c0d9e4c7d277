import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import { kpis, lane, scenario, stock, supplier } from "../engine/fixtures.ts";

describe("mitigations", () => {
  it("expedite sends the shortfall below the threshold on the fast lane, before the regular order", () => {
    // base-stock 30, demand 10, lead time 5: the position after demand is 20, 5 below the threshold 25
    const s = scenario({
      horizon: 30, warmup: 10,
      nodes: [supplier, stock("store", 30)],
      lanes: [lane("supplier", "store", 5)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
      mitigations: { expedite: [{ from: "supplier", to: "store", leadTime: { type: "constant", value: 1 }, costPerUnit: 2, when: "position-below", threshold: 25 }] },
    });
    const k = kpis(s)[0];
    expect(k["node:store:expedited"]).toBe(5);
    const tr = traceReplication(s, 0), fast = Array.from(tr.shipmentLane).flatMap((l, j) => (l === -1 ? [j] : []));
    expect(fast.length).toBe(30);
    for (const j of fast) {
      expect([tr.nodes[tr.shipmentFrom[j]], tr.nodes[tr.shipmentTo[j]], tr.shipmentArrive[j] - tr.shipmentDepart[j]]).toEqual(["supplier", "store", 1]);
    }
    expect(k["network:expediteCost"]).toBe(10);
    expect(k["network:demand"]).toBe(10);
  });

  it("lateral transfers move a peer's stock to a dc whose net inventory drops below zero", () => {
    const s = scenario({
      horizon: 12, warmup: 0,
      nodes: [supplier, stock("dc-a", 10, { kind: "dc" }), stock("dc-b", 100, { kind: "dc" })],
      lanes: [lane("supplier", "dc-a", 3), lane("supplier", "dc-b", 3)],
      demand: [{ node: "dc-a", dist: { type: "constant", value: 20 } }],
      mitigations: { lateralTransfers: { among: ["dc-a", "dc-b"], leadTime: { type: "constant", value: 1 }, costPerUnit: 0.5, trigger: "below-zero" } },
    });
    const k = kpis(s)[0];
    expect(k["node:dc-b:transferred"]).toBeGreaterThan(0);
    expect(k["node:dc-b:transferCost"]).toBe(k["node:dc-b:transferred"] * 0.5);
    expect(k["node:dc-a:transferred"]).toBe(0);
  });
});
