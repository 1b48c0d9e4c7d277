// Per-product KPIs (docs/kpis.md "Definitions as computed") on a two-stage network carrying two
// products with constant demand and lead times, every figure derived by hand from the steady state.
//
// Network: supplier → dc (L 1) → store (L 2). Reviews are daily and a node sees its downstream
// orders the day they are placed, so a base-stock node with level S, lead time L and daily demand
// d ends each day with S − L·d on hand (negative: that many backordered) and L·d in transit to it.
// Product p (unit cost 3): store S 30, d 10 → store on hand 10, 20 in transit; dc S 20 → on hand 10.
// Product q (unit cost 5): store S 6, d 4 → store net −2; dc S 8 → dc on hand 4.
// Holding costs per unit-day: dc p 1, q 2; store p 2, q 3. Pipeline holding is charged at the
// shipping node's rate (the dc's for dc → store; nothing for what the supplier ships).
import { beforeEach, describe, expect, it } from "vitest";
import type { NodeSpec, Scenario } from "../../../src/sim/model/index.ts";
import { kpis, lane, scenario, singleNode, supplier } from "./fixtures.ts";

const node = (id: string, kind: NodeSpec["kind"], p: number, q: number, hp: number, hq: number): NodeSpec =>
  ({ id, kind, policy: { p: { type: "base-stock", level: p }, q: { type: "base-stock", level: q } }, holdingCost: { p: hp, q: hq } });

function twoProducts(unmetDemand: Scenario["unmetDemand"]): Scenario {
  return scenario({
    horizon: 46, warmup: 6, unmetDemand,
    products: [{ id: "p", unitCost: 3 }, { id: "q", unitCost: 5 }],
    nodes: [supplier, node("dc", "dc", 20, 8, 1, 2), node("store", "store", 30, 6, 2, 3)],
    lanes: [lane("supplier", "dc", 1), lane("dc", "store", 2)],
    demand: [{ node: "store", product: "p", dist: { type: "constant", value: 10 } }, { node: "store", product: "q", dist: { type: "constant", value: 4 } }],
    costs: { backorderPerUnitDay: 3, lostSalePerUnit: 4, orderFixed: 0 },
  });
}

describe("per-product KPIs with backorders", () => {
  // q at the store: every morning 4 arrive, 2 clear yesterday's backorders, 2 of the day's 4 are
  // served at once and 2 are backordered: on hand 0, backorders 2, 4 delivered a day.
  // Run inside each test (beforeEach), so that mutation testing sees which tests reach the KPI code.
  let k: Record<string, number>;
  beforeEach(() => { k = kpis(twoProducts("backorder"))[0]; });

  it("inventoryTurns: delivered value × 365 ÷ on-hand value, per product", () => {
    // p: 10 delivered × 3 × 365 ÷ ((10 + 10) × 3); q: 4 × 5 × 365 ÷ (4 × 5)
    expect(k["product:p:inventoryTurns"]).toBe(182.5);
    expect(k["product:q:inventoryTurns"]).toBe(365);
  });

  it("daysOfSupply: on hand ÷ customer demand, per product", () => {
    expect(k["product:p:daysOfSupply"]).toBe(2);   // (10 + 10) ÷ 10
    expect(k["product:q:daysOfSupply"]).toBe(1);   // 4 ÷ 4
  });

  it("totalCost: holding + pipeline + backorder (+ lost-sale), per product", () => {
    // p: holding 10·1 + 10·2, pipeline 20·1 (dc's rate), no backorders
    expect(k["product:p:totalCost"]).toBe(50);
    // q: holding 4·2 + 0·3, pipeline 8·2, backorders 2·3
    expect(k["product:q:totalCost"]).toBe(30);
    expect([k["product:q:holdingCost"], k["product:q:pipelineCost"], k["product:q:backorderCost"]]).toEqual([8, 16, 6]);
  });

  it("a backordering product loses nothing (lostSales 0) though it is short 2 a day", () => {
    expect(k["product:q:lostSales"]).toBe(0);
    expect(k["product:q:unitsShort"]).toBe(2);
    expect(k["network:lostSales"]).toBe(0);
    expect(k["node:store:lostSales"]).toBe(0);
  });

  it("node inventoryTurns counts what a dc ships downstream (outflow) at each product's unit cost", () => {
    // dc: ships 10 p and 4 q a day: (10·3 + 4·5) × 365 ÷ (10·3 + 4·5) on-hand value
    expect(k["node:dc:inventoryTurns"]).toBe(365);
    // store: delivers 10 p and 4 q: (30 + 20) × 365 ÷ (10·3 + 0·5)
    expect(k["node:store:inventoryTurns"]).toBeCloseTo(50 * 365 / 30, 10);
    expect(k["network:inventoryTurns"]).toBeCloseTo(50 * 365 / (60 + 20), 10);
  });
});

describe("per-product KPIs with lost sales", () => {
  // q at the store (S 6, L 2, d 4, lost): orders alternate 4 (even days) and 2 (odd days); on odd
  // days only 2 arrive, 2 are sold and 2 lost; on hand is 0 every evening. The dc (S 8) ends a day
  // with 8 − that day's order: 4 and 6, mean 5; 4 + 2 = 6 are always in transit to the store.
  // 40 measured days from day 6: 20 even, 20 odd.
  // Run inside each test (beforeEach), so that mutation testing sees which tests reach the KPI code.
  let k: Record<string, number>;
  beforeEach(() => { k = kpis(twoProducts("lost"))[0]; });

  it("totalCost adds the lost-sale cost: holding 5·2 + pipeline 6·2 + lost 1·4", () => {
    expect(k["product:q:lostSales"]).toBe(1);
    expect(k["product:q:totalCost"]).toBe(26);
    expect(k["product:p:totalCost"]).toBe(50);   // p is never short
  });

  it("inventoryTurns and daysOfSupply of the short product", () => {
    expect(k["product:q:inventoryTurns"]).toBe(219);   // 3 delivered × 5 × 365 ÷ (5 × 5)
    expect(k["product:q:daysOfSupply"]).toBe(1.25);    // 5 ÷ 4
  });
});

describe("ratios with a zero denominator are NaN", () => {
  it("a store that ends every day with nothing on hand (S 20 = lead-time demand) has no inventoryTurns, 0 days of supply", () => {
    // day 0 sells 10 of 20 and orders 10; from day 1 each morning's 10 arrive and sell out
    const k = kpis(singleNode(20, 10, 2, { horizon: 30, warmup: 2 }))[0];
    expect(k["network:fillRate"]).toBe(1);
    expect(k["network:onHand"]).toBe(0);
    expect(k["network:inventoryTurns"]).toBeNaN();
    expect(k["node:store:inventoryTurns"]).toBeNaN();
    expect(k["product:default:inventoryTurns"]).toBeNaN();
    expect(k["node:store:daysOfSupply"]).toBe(0);
  });
});
