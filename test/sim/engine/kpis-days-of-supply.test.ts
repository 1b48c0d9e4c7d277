// A node's daysOfSupply (docs/kpis.md): Σ on hand ÷ Σ customer demand at or below the node, where
// a source of several (split) counts its share of the demand below (docs/scenario-format.md,
// "Several sources") and a component counts the demand of what it is made into, in its own units
// (docs/kpis.md, "Components are counted in their own units"). Constant demand and lead times:
// a base-stock node with level S, lead time L and daily demand d seen ends each day with S − L·d on hand.
import { describe, expect, it } from "vitest";
import type { Policy } from "../../../src/sim/model/index.ts";
import { constant, kpis, lane, scenario, stock, supplier } from "./fixtures.ts";

describe("daysOfSupply upstream", () => {
  it("two dcs splitting a store's orders 0.75 / 0.25 each count their share of its demand", () => {
    // store demand 8: dc1 ships 6 a day (S 30, L 1: 24 on hand), dc2 ships 2 (S 10: 8 on hand)
    const k = kpis(scenario({
      horizon: 20, warmup: 4,
      nodes: [supplier, stock("dc1", 30, { kind: "dc" }), stock("dc2", 10, { kind: "dc" }), stock("store", 40)],
      lanes: [lane("supplier", "dc1", 1), lane("supplier", "dc2", 1), lane("dc1", "store", 2, { sourcing: { split: 0.75 } }), lane("dc2", "store", 2, { sourcing: { split: 0.25 } })],
      demand: [{ node: "store", dist: constant(8) }],
    }))[0];
    expect([k["node:dc1:onHand"], k["node:dc2:onHand"]]).toEqual([24, 8]);
    expect(k["node:dc1:daysOfSupply"]).toBe(4);   // 24 ÷ (0.75 · 8)
    expect(k["node:dc2:daysOfSupply"]).toBe(4);   // 8 ÷ (0.25 · 8)
    // The store orders 8 a day (6 + 2), both lanes 2 days: it ends each day with 40 − 2 · 8 = 24,
    // and its own demand is 8 — the shares it places upstream are not demand served through it.
    expect(k["node:store:onHand"]).toBe(24);
    expect(k["node:store:daysOfSupply"]).toBe(3);
  });

  it("a store with a primary and a backup source counts its own demand once", () => {
    // The backup ships only while the primary's lane is out, which it never is here: the store
    // ends each day with 40 − 2 · 8 = 24 on hand, 3 days of its demand of 8.
    const k = kpis(scenario({
      horizon: 20, warmup: 4,
      nodes: [supplier, stock("dc1", 30, { kind: "dc" }), stock("dc2", 10, { kind: "dc" }), stock("store", 40)],
      lanes: [lane("supplier", "dc1", 1), lane("supplier", "dc2", 1), lane("dc1", "store", 2, { sourcing: { role: "primary" } }), lane("dc2", "store", 2, { sourcing: { role: "backup" } })],
      demand: [{ node: "store", dist: constant(8) }],
    }))[0];
    expect(k["node:store:onHand"]).toBe(24);
    expect(k["node:store:daysOfSupply"]).toBe(3);
    // dc1 ships all 8 a day over a 1-day lane: 30 − 8 = 22 on hand, 22 ÷ 8 days of the demand below it.
    expect(k["node:dc1:daysOfSupply"]).toBe(2.75);
  });

  it("a dc holding a component counts the demand for it: 4 wheels a truck × 10 trucks a day", () => {
    // parts → dc (wheels, L 1, S 60) → plant (L 2), which makes trucks from 1 engine and 4 wheels;
    // the plant sells 10 trucks a day, so it orders 40 wheels a day: the dc ends each day with 20
    const base = (level: number): Policy => ({ type: "base-stock", level });
    const k = kpis(scenario({
      horizon: 14, warmup: 4,
      products: [{ id: "truck", unitCost: 100 }, { id: "engine", unitCost: 40 }, { id: "wheel", unitCost: 5 }],
      nodes: [
        { id: "parts", kind: "supplier" }, { id: "dc", kind: "dc", policy: { wheel: base(60) } },
        { id: "plant", kind: "plant", policy: { truck: base(15), engine: base(25), wheel: base(100) }, bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 1 }] },
      ],
      lanes: [lane("parts", "plant", 2, { products: ["engine"] }), lane("parts", "dc", 1, { products: ["wheel"] }), lane("dc", "plant", 2, { products: ["wheel"] })],
      demand: [{ node: "plant", product: "truck", dist: constant(10) }],
    }))[0];
    expect(k["node:dc:onHand"]).toBe(20);
    expect(k["node:dc:daysOfSupply"]).toBe(0.5);   // 20 ÷ 40
  });
});
