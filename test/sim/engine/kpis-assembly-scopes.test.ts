// Assembly KPIs across scopes (docs/kpis.md, assembly): unitsConsumed and unitsAssembled are
// totals over the measured days, componentStock a mean, starvedDays a count of days, starvedUnits
// a mean per day; the network's figures add up its nodes'. The truck plant of
// test/sim/kernel/assembly.test.ts, listed before its supplier (so the plant is node 0) and run
// long enough that the starved days and the starved units a day differ.
import { describe, expect, it } from "vitest";
import type { Policy, Scenario } from "../../../src/sim/model/index.ts";
import { constant, kpis, lane, scenario } from "./fixtures.ts";

const base = (level: number): Policy => ({ type: "base-stock", level });

/** Trucks from 1 engine and 4 wheels in 1 day; parts in 2 days; 10 trucks a day sold at the plant. */
function plant(wheel: number, horizon: number): Scenario {
  return scenario({
    horizon, warmup: 2,
    products: [{ id: "truck", unitCost: 100 }, { id: "engine", unitCost: 40 }, { id: "wheel", unitCost: 5 }],
    nodes: [
      { id: "plant", kind: "plant", policy: { truck: base(15), engine: base(25), wheel: base(wheel) }, bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 1 }] },
      { id: "parts", kind: "supplier" },
    ],
    lanes: [lane("parts", "plant", 2, { products: ["engine", "wheel"] })],
    demand: [{ node: "plant", product: "truck", dist: constant(10) }],
  });
}

describe("assembly KPIs of the network", () => {
  it("with enough wheels: 10 trucks a day from 10 engines and 40 wheels; components on hand 5 + 20", () => {
    // steady from day 2: engines 25 − 2 days × 10 = 5 on hand, wheels 100 − 80 = 20 (assembly.test.ts)
    const k = kpis(plant(100, 12))[0];
    expect([k["network:unitsConsumed"], k["network:unitsAssembled"], k["network:componentStock"]]).toEqual([500, 100, 25]);
    expect([k["node:plant:unitsConsumed"], k["node:plant:unitsAssembled"], k["node:plant:componentStock"]]).toEqual([500, 100, 25]);
  });

  it("short of wheels (S 40): starved on each of 20 measured days by 10 trucks a day", () => {
    // Wheels at 40 cover one day of assembly while 2 days are in transit: from day 1 on, 10 of the
    // 20 trucks owed are made each day and 10 are starved (assembly.test.ts works the days out).
    const k = kpis(plant(40, 22))[0];
    expect([k["network:starvedDays"], k["node:plant:starvedDays"], k["product:wheel:starvedDays"]]).toEqual([20, 20, 20]);
    expect([k["network:starvedUnits"], k["node:plant:starvedUnits"], k["product:wheel:starvedUnits"]]).toEqual([10, 10, 10]);
    // 200 trucks made from 200 engines and 800 wheels
    expect([k["network:unitsConsumed"], k["network:unitsAssembled"]]).toEqual([1000, 200]);
  });
});
