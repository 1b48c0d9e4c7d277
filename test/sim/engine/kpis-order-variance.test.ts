// orderVarianceRatio at its edges (docs/kpis.md: sample variance of the node's daily orders ÷
// sample variance of the daily demand it sees, over the measured days; NaN if that demand has no
// variance).
import { describe, expect, it } from "vitest";
import { kpis, lane, scenario, singleNode, stock, supplier, valid } from "./fixtures.ts";

describe("orderVarianceRatio", () => {
  it("is defined from two measured days: demand 10 then 20 (a shock ×2 on day 1), base-stock orders the same, ratio 1", () => {
    // S 30, L 1: day 0 sells 10 and orders 10; day 1 receives them, sells 20, orders 20.
    // Orders and demand are both (10, 20): sample variance 50 each.
    const s = scenario({
      horizon: 2, warmup: 0,
      nodes: [supplier, stock("store", 30)],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
      disruptions: [{ type: "demand-shock", node: "store", multiplier: 2, start: 1, end: 2 }],
    });
    const k = kpis(s)[0];
    expect([k["network:demand"], k["network:orders"]]).toEqual([15, 1]);
    expect(k["node:store:orderVarianceRatio"]).toBe(1);
  });

  it("is NaN when the demand seen has no variance, even if the orders vary (sS batches against constant demand)", () => {
    // s 10, S 40, L 1, demand 10, starting with 40 on hand: the position after demand is 30, 20,
    // then 10 ≤ s on day 2 — an order of 30, received on day 3 — and so on: orders on days 2, 5,
    // …, 29, 10 of them over 30 days, against constant demand 10.
    const s = valid(scenario({
      horizon: 30, warmup: 0,
      nodes: [supplier, stock("store", 0, { policy: { type: "sS", s: 10, S: 40 } })],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
    }));
    const k = kpis(s)[0];
    expect(k["network:orders"]).toBe(10 / 30);   // orders on some days, not all: their variance is > 0
    expect(k["node:store:orderVarianceRatio"]).toBeNaN();
  });

  it("is NaN for constant fractional demand: the rounding left in Σx² − (Σx)²/n is not variance", () => {
    // 0.1 a day for 1,000 days: Σx and Σx² are rounded sums, so their difference is ~1e-13, not 0;
    // divided by n − 1 it is ~1e-16, below the 1e-12 under which the engine calls a variance 0.
    const k = kpis(singleNode(5, 0.1, 1, { horizon: 1000, warmup: 0 }))[0];
    expect(k["network:demand"]).toBeCloseTo(0.1, 12);
    expect(k["node:store:orderVarianceRatio"]).toBeNaN();
  });
});
