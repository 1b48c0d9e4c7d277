// The accounting's per-product days (kernel/accounting.ts closeProductDays): with several products
// each product counts its own stock-out days and largest end-of-day backorders, the node and the
// network theirs over all products. A store with three products whose every day follows from
// timeline.md by hand (kpis.test.ts checks the one-product case).
import { describe, expect, it } from "vitest";
import { constant, kpis, lane, scenario, supplier } from "../engine/fixtures.ts";

describe("stock-outs and backorders per product", () => {
  it("each product counts its own; the node and the network count a day short in any product once", () => {
    // Demand 10 a day of each, lead time 2: a base-stock level S leaves S − 20 net each evening
    // from day 1 on (d0: S − 10 on hand). p0 (S 15): 5 backordered every day from d1; p1 (S 12):
    // 8; p2 (S 30): never short. Measured days 2 … 11: 10 days short for p0, p1, the node and the
    // network; the largest backorders 5, 8, 0 and 5 + 8 = 13.
    const s = scenario({
      horizon: 12, warmup: 2,
      products: [{ id: "p0" }, { id: "p1" }, { id: "p2" }],
      nodes: [supplier, { id: "store", kind: "store", policy: { p0: { type: "base-stock", level: 15 }, p1: { type: "base-stock", level: 12 }, p2: { type: "base-stock", level: 30 } } }],
      lanes: [lane("supplier", "store", 2)],
      demand: ["p0", "p1", "p2"].map((product) => ({ node: "store", product, dist: constant(10) })),
    });
    const k = kpis(s)[0], get = (scope: string, key: string) => k[`${scope}:${key}`];
    expect(["product:p0", "product:p1", "product:p2", "node:store", "network"].map((x) => [get(x, "stockoutDays"), get(x, "maxBackorders")]))
      .toEqual([[10, 5], [10, 8], [0, 0], [10, 13], [10, 13]]);
  });
});
