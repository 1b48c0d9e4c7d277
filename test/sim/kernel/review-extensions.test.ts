// The review loop of scenarios with recipes (kernel/review-extensions.ts): each item's orders are
// counted where they are placed (kpis.md `orders`: orders placed per day), the made item's
// production orders and its components' orders from their supplier alike.
import { describe, expect, it } from "vitest";
import { constant, kpis, lane, scenario } from "../engine/fixtures.ts";

describe("orders counted in a scenario with a recipe", () => {
  it("every item of a plant that makes what it sells orders every day: its production and each component", () => {
    // A plant makes trucks from 1 engine and 4 wheels in 1 day, parts 2 days away; customers take
    // 10 trucks a day. Day 0 on: 10 trucks sold, so 10 trucks of production ordered, and the
    // engines (25 − 10 owed) and wheels (100 − 40 owed) order 10 and 40 from the parts supplier.
    const s = scenario({
      horizon: 12, warmup: 2,
      products: [{ id: "truck" }, { id: "engine" }, { id: "wheel" }],
      nodes: [{ id: "parts", kind: "supplier" }, {
        id: "plant", kind: "plant",
        policy: { truck: { type: "base-stock", level: 15 }, engine: { type: "base-stock", level: 25 }, wheel: { type: "base-stock", level: 100 } },
        bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 1 }],
      }],
      lanes: [lane("parts", "plant", 2, { products: ["engine", "wheel"] })],
      demand: [{ node: "plant", product: "truck", dist: constant(10) }],
    });
    // The node's orders per day are its items' (kpis.md has no orders per product): 3.
    expect(kpis(s)[0]["node:plant:orders"]).toBe(3);
  });
});
