import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import { kpis, lane, scenario, stock, supplier } from "./fixtures.ts";

// The copula's statistical check (4,000 days of 4 stores) is demand-correlation.test.ts, so that
// this file stays fast enough for the kernel's mutation run (scripts/mutate/folders.ts).

describe("customer demand", () => {
  it("seasonality and trend multiply the mean: factor × (1 + trend)^t", () => {
    const s = scenario({
      horizon: 8,
      nodes: [supplier, stock("store", 100)],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 }, seasonality: { cycle: 4, factors: [1, 2] }, trend: 0.5 }],
    });
    const tr = traceReplication(s, 0), n = tr.nodes.indexOf("store"), N = tr.nodes.length;
    const expected = [0, 1, 2, 3, 4, 5, 6, 7].map((t) => 10 * (t % 4 < 2 ? 1 : 2) * 1.5 ** t);
    Array.from({ length: 8 }, (_, t) => tr.demand[t * N + n]).forEach((d, t) => expect(d).toBeCloseTo(expected[t], 9));
  });

  it("serves several products per node, each with its own policy, supplier lane and KPIs", () => {
    const s = scenario({
      horizon: 30, warmup: 5,
      products: [{ id: "a", unitCost: 2 }, { id: "b", unitCost: 5 }],
      nodes: [supplier, { id: "store", kind: "store", holdingCost: { a: 1, b: 3 },
        policy: { a: { type: "base-stock", level: 25 }, b: { type: "base-stock", level: 8 } } }],
      lanes: [lane("supplier", "store", 2)],
      demand: [{ node: "store", product: "a", dist: { type: "constant", value: 10 } }, { node: "store", product: "b", dist: { type: "constant", value: 4 } }],
    });
    const k = kpis(s)[0];
    expect([k["product:a:onHand"], k["product:b:onHand"], k["node:store:onHand"]]).toEqual([5, 0, 5]);
    expect(k["product:b:fillRate"]).toBe(1);
    expect(k["node:store:holdingCost"]).toBe(5);
    expect(k["network:onHandValue"]).toBe(10);
  });

  it("storage capacity makes arrivals beyond it wait on the lane until space frees", () => {
    const s = scenario({
      horizon: 6,
      nodes: [supplier, stock("store", 50, { initialInventory: 0, capacity: { storage: 30 } })],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
    });
    const tr = traceReplication(s, 0), n = tr.nodes.indexOf("store"), N = tr.nodes.length;
    // day 0: backorder 10, order 60 (arrives day 1); day 1: 30 fit → 10 to the backorder, 10 sold, 10 left; 30 wait
    expect([tr.onHand[1 * N + n], tr.inTransit[1 * N + n]]).toEqual([10, 30 + 10]);
    // day 2: of the 30 waiting + day 1's 10, 20 fit (space 30 − 10), 10 sold → 20 on hand;
    // 20 still wait, and the day's order of 10 is on the way
    expect([tr.onHand[2 * N + n], tr.inTransit[2 * N + n]]).toEqual([20, 30]);
  });
});
