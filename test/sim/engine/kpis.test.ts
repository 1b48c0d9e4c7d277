import { describe, expect, it } from "vitest";
import { kpis, lane, scenario, singleNode, stock, supplier } from "./fixtures.ts";

describe("KPIs of deterministic runs", () => {
  it("a single node (demand 10, lead time 2, base-stock 25) holds 5 units and pays exact costs", () => {
    const k = kpis(singleNode(25, 10, 2, { horizon: 40, warmup: 2 }))[0];
    expect(k["node:store:onHand"]).toBe(5);
    expect(k["node:store:inTransit"]).toBe(20);
    expect(k["node:store:holdingCost"]).toBe(5);
    expect(k["node:store:transportCost"]).toBe(5);
    expect(k["node:store:pipelineCost"]).toBe(0);          // shipped by a supplier
    expect(k["network:totalCost"]).toBe(10);
    expect(k["network:fillRate"]).toBe(1);
    expect(k["network:cycleServiceLevel"]).toBe(1);
    expect(k["network:orders"]).toBe(1);
    expect(k["network:demand"]).toBe(10);
    expect(k["node:store:daysOfSupply"]).toBe(0.5);
    expect(k["network:inventoryTurns"]).toBe(730);           // 10 × 365 / 5
    expect(k["node:store:orderVarianceRatio"]).toBeNaN();   // constant demand: no variance
  });

  it("a single node below its lead-time demand backorders exactly the shortfall", () => {
    // S = 15, L = 2, demand 10: net inventory S − 20 = −5 every day after day 1
    const k = kpis(singleNode(15, 10, 2, { horizon: 40, warmup: 5, costs: { backorderPerUnitDay: 3 } }))[0];
    expect(k["network:backorders"]).toBe(5);
    expect(k["network:backorderCost"]).toBe(15);
    expect(k["network:fillRate"]).toBe(0.5);
    expect(k["network:cycleServiceLevel"]).toBe(0);
    expect(k["network:stockoutDays"]).toBe(35);
    expect(k["network:maxBackorders"]).toBe(5);
  });

  it("loses the shortfall under unmetDemand lost and charges the penalty", () => {
    // S = 15, L = 2: days alternate between receiving 10 (all 10 sold) and receiving 5 (5 sold, 5 lost)
    const k = kpis(singleNode(15, 10, 2, { horizon: 40, warmup: 10, unmetDemand: "lost", costs: { lostSalePerUnit: 4 } }))[0];
    expect(k["network:backorders"]).toBe(0);
    expect(k["network:lostSales"]).toBe(2.5);
    expect(k["network:lostSaleCost"]).toBe(10);
    expect(k["network:fillRate"]).toBe(0.75);
  });

  it("a two-stage serial system (dc L 1 base-stock 20, store L 2 base-stock 30, demand 10) costs 50 a day", () => {
    const s = scenario({
      horizon: 40, warmup: 5,
      nodes: [supplier, stock("dc", 20, { kind: "dc", holdingCost: 1 }), stock("store", 30, { holdingCost: 2 })],
      lanes: [lane("supplier", "dc", 1), lane("dc", "store", 2)],
      demand: [{ node: "store", dist: { type: "constant", value: 10 } }],
    });
    const k = kpis(s)[0];
    expect([k["node:dc:onHand"], k["node:dc:inTransit"], k["node:store:onHand"], k["node:store:inTransit"]]).toEqual([10, 10, 10, 20]);
    expect(k["node:dc:holdingCost"]).toBe(10);
    expect(k["node:store:holdingCost"]).toBe(20);
    expect(k["node:dc:pipelineCost"]).toBe(20);   // 20 units in transit to the store at the dc's rate 1
    expect(k["network:totalCost"]).toBe(50);
    expect(k["node:dc:internalFillRate"]).toBe(1);
    expect(k["node:dc:orderVarianceRatio"]).toBeNaN();
    expect(k["node:dc:daysOfSupply"]).toBe(1);
  });

  it("charges fixed order costs per order placed and sQ orders in batches", () => {
    const s = singleNode(0, 10, 1, { horizon: 40, warmup: 0, costs: { orderFixed: 7 } });
    const nodes = [supplier, stock("store", 0, { policy: { type: "sQ", s: 9, Q: 40 } })];
    const k = kpis({ ...s, nodes })[0];
    expect(k["network:orders"]).toBeCloseTo(10 / 40, 12);   // one batch of 40 every 4 days
    expect(k["network:orderCost"]).toBeCloseTo(7 / 4, 12);
    expect(k["network:fillRate"]).toBe(1);
  });
});

describe("KPIs across scopes", () => {
  it("node and product figures add up to the network's (costs, on hand, demand, lost sales)", async () => {
    const { readFileSync } = await import("node:fs");
    const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8"));
    const s = { ...retail, horizon: 150, warmup: 20, unmetDemand: "lost" as const, costs: { backorderPerUnitDay: 1, lostSalePerUnit: 3, orderFixed: 2 } };
    const k = kpis(s, 0, 2)[1];
    const nodes = s.nodes.filter((n: { kind: string }) => n.kind !== "supplier").map((n: { id: string }) => n.id);
    const sum = (key: string) => nodes.reduce((a: number, id: string) => a + k[`node:${id}:${key}`], 0);
    for (const key of ["totalCost", "holdingCost", "pipelineCost", "transportCost", "orderCost", "lostSaleCost", "onHand", "inTransit", "demand", "lostSales", "orders"]) {
      expect(sum(key)).toBeCloseTo(k[`network:${key}`], 6);
    }
    for (const key of ["onHand", "demand", "lostSales", "holdingCost", "fillRate"]) expect(k[`product:default:${key}`]).toBeCloseTo(k[`network:${key}`], 9);
    expect(k["network:lostSales"]).toBeGreaterThan(0);
  });

  it("an sS store amplifies order variability upstream (orderVarianceRatio > 1) while base-stock passes demand on (≈ 1)", () => {
    const make = (policy: Parameters<typeof stock>[2]) => scenario({
      horizon: 400, warmup: 50,
      nodes: [supplier, stock("store", 0, policy)],
      lanes: [lane("supplier", "store", 2)],
      demand: [{ node: "store", dist: { type: "poisson", mean: 10 } }],
    });
    const sS = kpis(make({ policy: { type: "sS", s: 30, S: 90 } }))[0]["node:store:orderVarianceRatio"];
    const bs = kpis(make({ policy: { type: "base-stock", level: 40 } }))[0]["node:store:orderVarianceRatio"];
    expect(sS).toBeGreaterThan(2);
    expect(bs).toBeCloseTo(1, 12);   // with daily review each order equals the day's demand
  });
});
