// Assembly cases the lead's test/sim/kernel/assembly.test.ts does not state, each found by a
// surviving mutant (docs/testing.md, "Mutation testing"): the review calendar of a scenario with
// recipes, and an assembling node listed first.
import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import type { NodeSpec, Policy } from "../../../src/sim/model/index.ts";
import { constant, kpis, lane, scenario } from "../engine/fixtures.ts";

const parts: NodeSpec = { id: "parts", kind: "supplier" };
const products = [{ id: "truck", unitCost: 100 }, { id: "engine", unitCost: 40 }, { id: "wheel", unitCost: 5 }];
const HORIZON = 12, REVIEW = 3, OFFSET = 1;

/** A plant (listed first) makes trucks from 1 engine and 4 wheels in a day; its components review every REVIEW days from day OFFSET. */
function plant(componentPolicy: (level: number) => Policy) {
  return scenario({
    horizon: HORIZON, warmup: 0, products,
    nodes: [{
      id: "plant", kind: "plant",
      policy: { truck: { type: "base-stock", level: 15 }, engine: componentPolicy(60), wheel: componentPolicy(240) },
      bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 1 }],
    }, parts],
    lanes: [lane("parts", "plant", 2, { products: ["engine", "wheel"] })],
    demand: [{ node: "plant", product: "truck", dist: constant(10) }],
  });
}

describe("assembly with periodic review", () => {
  it("components order only on their review days (every 3 days from day 1), though assembly uses them daily", () => {
    const s = plant((level) => ({ type: "base-stock", level, review: REVIEW, offset: OFFSET }));
    const tr = traceReplication(s, 0), from = tr.nodes.indexOf("parts");
    const days = [...new Set(Array.from(tr.shipmentDepart).filter((_, j) => tr.shipmentFrom[j] === from))];
    expect(days).toEqual(Array.from({ length: HORIZON }, (_, t) => t).filter((t) => t % REVIEW === OFFSET));
  });

  it("an assembling node listed first keeps exact starved KPIs: none, with components to spare", () => {
    const k = kpis(plant((level) => ({ type: "base-stock", level })))[0];
    expect([k["node:plant:starvedDays"], k["node:plant:starvedUnits"], k["network:starvedDays"]]).toEqual([0, 0, 0]);
    expect(k["product:truck:unitsAssembled"]).toBe(10 * HORIZON);
  });
});

describe("assembly order within a node", () => {
  it("assembles a subassembly before the product made from it, whatever the order of the products", () => {
    // truck = 1 kit + 1 engine, kit = 2 screws, both in 0 days at one plant; kit is the last
    // product listed and keeps no stock (base-stock 0), so trucks can only use the kits made the
    // same day: made first, they cover every truck and nothing is starved.
    const s = scenario({
      horizon: 12, warmup: 2,
      products: [{ id: "truck", unitCost: 100 }, { id: "engine", unitCost: 40 }, { id: "screw", unitCost: 1 }, { id: "kit", unitCost: 3 }],
      nodes: [{
        id: "plant", kind: "plant",
        policy: { truck: { type: "base-stock", level: 15 }, engine: { type: "base-stock", level: 40 }, screw: { type: "base-stock", level: 80 }, kit: { type: "base-stock", level: 0 } },
        bom: [{ product: "truck", components: { kit: 1, engine: 1 }, assemblyTime: 0 }, { product: "kit", components: { screw: 2 }, assemblyTime: 0 }],
      }, parts],
      lanes: [lane("parts", "plant", 2, { products: ["engine", "screw"] })],
      demand: [{ node: "plant", product: "truck", dist: constant(10) }],
    });
    const k = kpis(s)[0];
    expect([k["network:fillRate"], k["network:starvedDays"], k["product:kit:unitsAssembled"], k["product:truck:unitsAssembled"]]).toEqual([1, 0, 100, 100]);
  });
});
