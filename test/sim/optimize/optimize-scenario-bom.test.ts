import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { optimizeScenario, type NodeOptimum, type OptimizationResult } from "../../../src/sim/optimize/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { cameraScenario, cameraStages, problem69Scenario, problem69Stages } from "./bom-fixtures.ts";
import { base, bs, c } from "./fixtures.ts";

// The published optima are Snyder & Shen's (2nd ed., 2019, ch. 6), as the book's author checks
// them in stockpyl's test suite (tests/test_gsm_tree.py); the data are the book's, written as
// scenarios with bills of materials in bom-fixtures.ts. Costs are Σ h·z·σ·√τ per period.

const Z_95 = 1.6448536269514722;
const at = (r: OptimizationResult, node: string, product: string) => (r.nodes[node] as { [p: string]: NodeOptimum })[product];

describe("optimizeScenario(gsm) on scenarios with bills of materials", () => {
  it.each([
    [2, 18.8240044725922, [0, 3, 5, 4, 7, 0, 0, 0, 0, 2]],
    [5, 12.4686888061037, [0, 3, 5, 4, 0, 3, 3, 3, 3, 5]],
    [8, 3.25788236403285, [0, 3, 1, 1, 3, 6, 6, 4, 3, 8]],
    [12, 0.232617430735335, [0, 3, 5, 4, 7, 10, 6, 4, 3, 12]],
  ])("reaches the published optimum of Snyder & Shen Figure 6.14 (camera, after Graves & Willems) with the end item promising %i days: cost %f", (promise, cost, s) => {
    const r = optimizeScenario(cameraScenario(promise), { method: "gsm", z: Z_95 });
    expect(Object.values(cameraStages).map(([node, product]) => at(r, node, product).serviceTime)).toEqual(s);
    expect(r.safetyStockCost).toBeCloseTo(cost, 10);
  });

  it("quotes each assembly the largest of its components' service times (Figure 6.14, promise 2)", () => {
    const r = optimizeScenario(cameraScenario(2), { method: "gsm", z: Z_95 });
    expect(at(r, "imaging", "imager").inboundServiceTime).toBe(Math.max(at(r, "imaging", "wafer").serviceTime, at(r, "imaging", "base").serviceTime));
    expect(at(r, "final", "imager").inboundServiceTime).toBe(7);
    expect(at(r, "final", "camera").inboundServiceTime).toBe(Math.max(...["imager", "body", "board", "parts"].map((p) => at(r, "final", p).serviceTime)));
    // Every item serves the end item's demand, one unit each: σ = 10 all the way up.
    for (const [node, product] of Object.values(cameraStages)) expect(at(r, node, product).sdDemand).toBeCloseTo(10, 12);
  });

  it.each([
    [3, 3, 15.649530249501, [3, 3, 0, 0, 0, 2]],
    [0, 7, 13.121240238718, [0, 7, 0, 0, 0, 2]],
    [21, 5, 10.5811190103555, [7, 5, 0, 0, 0, 2]],
  ])("reaches the published optimum of Snyder & Shen Problem 6.9 (s1 = %i, s2 = %i): cost %f", (s1, s2, cost, s) => {
    const r = optimizeScenario(problem69Scenario(s1, s2), { method: "gsm", z: 4 });
    expect(problem69Stages.map(([node, product]) => at(r, node, product).serviceTime)).toEqual(s);
    expect(r.safetyStockCost).toBeCloseTo(cost, 10);
    const assembly = at(r, "plant", "finished");
    expect(assembly.processingTime).toBe(21);
    expect(assembly.meanDemand).toBeCloseTo(37.3, 12);
    expect(assembly.sdDemand).toBeCloseTo(Math.hypot(4.1, 6.2), 12);
  });

  it("writes a base-stock policy for every item, made products and components alike, at μ·τ + z·σ·√τ", () => {
    const r = optimizeScenario(problem69Scenario(3, 3), { method: "gsm", z: 4 });
    const plant = r.scenario.nodes.find((n) => n.id === "plant")!;
    expect(Object.keys(plant.policy!)).toEqual(["finished", "c4", "c5"]);
    for (const product of ["finished", "c4", "c5"]) {
      const o = at(r, "plant", product);
      expect((plant.policy as Record<string, unknown>)[product]).toEqual({ type: "base-stock", level: o.baseStock });
      expect(o.baseStock).toBeCloseTo(o.meanDemand * o.netReplenishmentTime + 4 * o.sdDemand * Math.sqrt(o.netReplenishmentTime), 9);
    }
    expect(plant.bom).toEqual(problem69Scenario(3, 3).nodes.find((n) => n.id === "plant")!.bom);
    expect(validateScenario(problem69Scenario(3, 3)).ok).toBe(true);
    expect(validateScenario(r.scenario).ok).toBe(true);
    const camera = optimizeScenario(cameraScenario(5), { method: "gsm", z: Z_95 });
    expect(validateScenario(cameraScenario(5)).ok && validateScenario(camera.scenario).ok).toBe(true);
  });
});

/** A plant makes trucks (1 engine, 4 wheels) and vans (2 wheels); both sell at a store. */
const trucksAndVans = (wheelDemand?: "also-made"): Scenario => ({
  ...base,
  products: [{ id: "truck" }, { id: "van" }, { id: "engine" }, { id: "wheel" }, { id: "hub" }],
  nodes: [
    { id: "sup", kind: "supplier", serviceTime: 1 },
    {
      id: "plant", kind: "plant", processingTime: 1,
      policy: { truck: bs, van: bs, engine: bs, wheel: bs, ...(wheelDemand ? { hub: bs } : {}) },
      holdingCost: { truck: 5, van: 4, engine: 2, wheel: 0.5, hub: 0.1 },
      bom: [
        { product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 2 },
        { product: "van", components: { wheel: 2, ...(wheelDemand ? { hub: 1 } : {}) }, assemblyTime: 1 },
        ...(wheelDemand ? [{ product: "wheel", components: { hub: 1 } }] : []),
      ],
    },
    { id: "store", kind: "store", policy: { truck: bs, van: bs }, holdingCost: { truck: 6, van: 5 } },
  ],
  lanes: [
    { from: "sup", to: "plant", leadTime: c(5), products: ["engine", ...(wheelDemand ? ["hub"] : ["wheel"])] },
    { from: "plant", to: "store", leadTime: c(2), products: ["truck", "van"] },
  ],
  demand: [
    { node: "store", product: "truck", dist: { type: "discrete", values: [7, 13], probs: [0.5, 0.5] } },
    { node: "store", product: "van", dist: { type: "discrete", values: [2, 6], probs: [0.5, 0.5] } },
  ],
});

describe("optimizeScenario with bills of materials: demand and refusals", () => {
  it("propagates demand through the quantities: a wheel item serves 4·trucks + 2·vans (μ 48, σ √(12² + 4²))", () => {
    const r = optimizeScenario(trucksAndVans(), { method: "single-echelon", z: 1 });
    expect(at(r, "plant", "engine").meanDemand).toBeCloseTo(10, 12);
    expect(at(r, "plant", "engine").sdDemand).toBeCloseTo(3, 12);
    expect(at(r, "plant", "wheel").meanDemand).toBeCloseTo(4 * 10 + 2 * 4, 12);
    expect(at(r, "plant", "wheel").sdDemand).toBeCloseTo(Math.hypot(4 * 3, 2 * 2), 12);
    // T: lane lead time (or assembly time) + the node's processingTime.
    expect(at(r, "plant", "truck").processingTime).toBe(3);
    expect(at(r, "plant", "van").processingTime).toBe(2);
    expect(at(r, "plant", "wheel").processingTime).toBe(6);
    expect(at(r, "store", "truck").processingTime).toBe(2);
  });

  it("refuses, naming the item, a network whose items are not a spanning tree, and plans it node by node", () => {
    // Hubs make wheels, and vans use hubs directly too: (plant, hub) reaches (plant, van) two ways,
    // and the wheel's recipe is the arc that closes the cycle.
    const diamond = trucksAndVans("also-made");
    expect(() => optimizeScenario(diamond, { method: "gsm", z: 1 }))
      .toThrow(/^gsm: item \(plant, wheel\) is joined to \(plant, hub\) by its recipe and also through other items \(a cycle once directions are ignored\)/);
    const single = optimizeScenario(diamond, { method: "single-echelon", z: 1 });
    // Each van uses a hub directly and two through its wheels: 3 hubs a van, 4 a truck.
    expect(at(single, "plant", "hub").meanDemand).toBeCloseTo(4 * 10 + 3 * 4, 12);
  });
});
