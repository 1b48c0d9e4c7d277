import { describe, expect, it } from "vitest";
import { compiled, createSimulation, traceReplication } from "../../../src/sim/engine/index.ts";
import { kpis, lane, scenario, singleNode, stock, supplier } from "./fixtures.ts";

describe("createSimulation", () => {
  it("step() on a single node (demand 10, lead time 2, base-stock 20) follows the timeline day by day", () => {
    const sim = createSimulation(singleNode(20, 10, 2), 0);
    const seen: [number, number, number][] = [];
    for (let t = 0; t < 5; t++) { sim.step(); seen.push([sim.onHand("store"), sim.backorders("store"), sim.inTransit("store")]); }
    // day 0: 20 − 10 = 10 on hand, order 10 due day 2; day 1: 0 on hand, 20 in transit; then steady
    expect(seen).toEqual([[10, 0, 10], [0, 0, 20], [0, 0, 20], [0, 0, 20], [0, 0, 20]]);
    expect(sim.day).toBe(5);
  });

  it("holds L days of exposure: net inventory on day t + L is S minus the demand of days t + 1 … t + L", () => {
    const s = singleNode(60, 0, 3, { horizon: 80, demand: [{ node: "store", dist: { type: "poisson", mean: 12 } }] });
    const tr = traceReplication(s, 3), n = tr.nodes.indexOf("store"), N = tr.nodes.length, L = 3;
    for (let t = 0; t + L < tr.horizon; t++) {
      let d = 0;
      for (let k = t + 1; k <= t + L; k++) d += tr.demand[k * N + n];
      expect(tr.onHand[(t + L) * N + n] - tr.backorders[(t + L) * N + n]).toBe(60 - d);
    }
  });

  it("receives at once with lead time 0, never in transit overnight", () => {
    const sim = createSimulation(singleNode(15, 10, 0), 0);
    for (let t = 0; t < 4; t++) { sim.step(); expect([sim.onHand("store"), sim.inTransit("store")]).toEqual([15, 0]); }
  });

  it("a step() loop gives the same KPIs as run()", () => {
    const s = singleNode(45, 0, 2, { horizon: 60, warmup: 5, demand: [{ node: "store", dist: { type: "normal", mean: 10, sd: 4 } }] });
    const a = createSimulation(s, 2), b = createSimulation(s, 2);
    while (!a.done()) a.step();
    b.run();
    expect(Array.from(a.kpis())).toEqual(Array.from(b.kpis()));
    expect(Array.from(b.kpis())).toEqual(Object.values(kpis(s, 2, 3)[0]));
  });

  it("passes stock received with lead time 0 on in the same shipping step", () => {
    const s = scenario({
      nodes: [supplier, stock("dc", 0, { kind: "dc" }), stock("store", 10)],
      lanes: [lane("supplier", "dc", 0), lane("dc", "store", 1)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
    });
    const sim = createSimulation(s, 0);
    sim.step();
    expect([sim.onHand("dc"), sim.inTransit("store"), sim.owedDownstream("dc")]).toEqual([0, 10, 0]);
  });
});

describe("growing buffers", () => {
  it("keeps every unit when open orders pile up in a long outage and when a lead time outruns the arrival ring", () => {
    const s = singleNode(60, 0, 0, {
      horizon: 150,
      lanes: [lane("supplier", "store", { type: "discrete", values: [1, 90], probs: [0.995, 0.005] })],
      demand: [{ node: "store", dist: { type: "poisson", mean: 10 } }],
      disruptions: [{ type: "node-outage", node: "supplier", start: 10, end: 50 }],
    });
    const tr = traceReplication(s, 3), n = tr.nodes.indexOf("store"), N = tr.nodes.length;   // replication 3 draws a 90-day lead time
    let demand = 0;
    for (let t = 0; t < tr.horizon; t++) {
      demand += tr.demand[t * N + n];
      let received = 0;
      for (let k = 0; k < tr.shipmentArrive.length; k++) if (tr.shipmentArrive[k] <= t) received += tr.shipmentQuantity[k];
      expect(tr.onHand[t * N + n] - tr.backorders[t * N + n]).toBe(60 - demand + received);
    }
    const longest = Math.max(...Array.from(tr.shipmentArrive, (a, k) => a - tr.shipmentDepart[k]));
    expect(longest).toBeGreaterThanOrEqual(64);   // past the initial ring of 64 days
  });
});

describe("createSimulation's bounds", () => {
  it("is done exactly at the horizon, and step() past it changes nothing", () => {
    const sim = createSimulation(singleNode(20, 10, 2, { horizon: 6 }), 0);
    for (let t = 0; t < 5; t++) sim.step();
    expect([sim.day, sim.done()]).toEqual([5, false]);
    sim.step();
    expect([sim.day, sim.done()]).toEqual([6, true]);
    const k = sim.kpis();
    sim.step(); sim.run();
    expect(sim.day).toBe(6);
    expect(sim.kpis()).toEqual(k);
  });

  it("sums a node's products, and names a node it does not know", () => {
    // products a (base-stock 20) and b (30), demand 10 of each, lead time 2: day 0 ends with
    // 10 + 20 on hand and 10 + 10 on order, owed nothing downstream
    const s = scenario({
      products: [{ id: "a", unitCost: 1 }, { id: "b", unitCost: 1 }],
      nodes: [supplier, { id: "store", kind: "store", policy: { a: { type: "base-stock", level: 20 }, b: { type: "base-stock", level: 30 } } }],
      lanes: [lane("supplier", "store", 2)],
      demand: [{ node: "store", product: "a", dist: { type: "constant", value: 10 } }, { node: "store", product: "b", dist: { type: "constant", value: 10 } }],
    });
    const sim = createSimulation(s, 0);
    sim.step();
    expect([sim.onHand("store"), sim.inTransit("store"), sim.backorders("store"), sim.owedDownstream("store")]).toEqual([30, 20, 0, 0]);
    expect(() => sim.onHand("shop")).toThrow('node: unknown node id "shop"');
    expect([sim.onHand("supplier"), sim.inTransit("supplier")]).toEqual([0, 0]);   // a supplier, the first node, stocks nothing
  });

  it("compiles a scenario object once, and a trace lists its lanes", () => {
    const s = singleNode(20, 10, 2);
    expect(compiled(s)).toBe(compiled(s));
    expect(compiled({ ...s })).not.toBe(compiled(s));
    expect(traceReplication(s, 0).lanes).toEqual([{ from: "supplier", to: "store" }]);
  });
});
