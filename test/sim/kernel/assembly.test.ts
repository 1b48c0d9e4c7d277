// Bills of materials (docs/scenario-format.md, "Bills of materials"; kernel/assembly.ts): a made
// item's orders are production owed; assembly starts what the scarcest component allows, consumes
// the components in the recipe's ratio, and the units are on hand after the assembly time. The
// deterministic cases are worked out by hand in each test's comments.
import { describe, expect, it } from "vitest";
import { createSimulation, runBatch } from "../../../src/sim/engine/index.ts";
import type { NodeSpec, Policy, Scenario } from "../../../src/sim/model/index.ts";
import { ASSEMBLY_SUM } from "../../../src/sim/kernel/assembly-accounting.ts";
import { constant, kpis, lane, scenario } from "../engine/fixtures.ts";

const base = (level: number): Policy => ({ type: "base-stock", level });
const parts: NodeSpec = { id: "parts", kind: "supplier" };
const products = [{ id: "truck", unitCost: 100 }, { id: "engine", unitCost: 40 }, { id: "wheel", unitCost: 5 }];

/**
 * A plant makes trucks from 1 engine and 4 wheels in `time` days; the parts come from an outside
 * supplier in 2 days; customers take 10 trucks a day at the plant.
 */
function truckPlant(o: { truck?: number; engine?: number; wheel?: number; time?: number; horizon?: number; warmup?: number; extra?: Partial<Scenario> } = {}): Scenario {
  return scenario({
    horizon: o.horizon ?? 12, warmup: o.warmup ?? 2, products,
    nodes: [parts, {
      id: "plant", kind: "plant", holdingCost: { truck: 1, engine: 0.4, wheel: 0.05 },
      policy: { truck: base(o.truck ?? 15), engine: base(o.engine ?? 25), wheel: base(o.wheel ?? 100) },
      bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: o.time ?? 1 }],
    }],
    lanes: [lane("parts", "plant", 2, { products: ["engine", "wheel"] })],
    demand: [{ node: "plant", product: "truck", dist: constant(10) }],
    ...o.extra,
  });
}

describe("assembly", () => {
  it("with enough components, makes what is ordered: exact stock, flows and costs of a steady day", () => {
    // Each day: 10 trucks sold → production of 10 owed → 10 engines and 40 wheels owed by the
    // components, which order them (arriving in 2 days); assembly starts 10 trucks (1 day).
    // End of a steady day: trucks 15 − 10 = 5 on hand and 10 in assembly; engines 25 − 2 days × 10
    // = 5 on hand, 20 in transit; wheels 100 − 80 = 20 on hand, 80 in transit.
    const k = kpis(truckPlant())[0];
    expect(k["network:fillRate"]).toBe(1);
    expect(k["product:truck:onHand"]).toBe(5);
    expect(k["product:truck:inTransit"]).toBe(10);
    expect(k["product:engine:onHand"]).toBe(5);
    expect(k["product:wheel:onHand"]).toBe(20);
    expect(k["product:wheel:inTransit"]).toBe(80);
    // 10 measured days: 100 engines and 400 wheels consumed, 100 trucks assembled
    expect(k["product:engine:unitsConsumed"]).toBe(100);
    expect(k["product:wheel:unitsConsumed"]).toBe(400);
    expect(k["product:truck:unitsConsumed"]).toBe(0);
    expect(k["node:plant:unitsConsumed"]).toBe(500);
    expect(k["node:plant:unitsAssembled"]).toBe(100);
    expect(k["product:truck:unitsAssembled"]).toBe(100);
    expect(k["node:plant:componentStock"]).toBe(25);
    expect(k["product:wheel:componentStock"]).toBe(20);
    expect(k["product:truck:componentStock"]).toBe(0);
    expect(k["network:starvedDays"]).toBe(0);
    expect(k["network:starvedUnits"]).toBe(0);
    // holding 5·1 + 5·0.4 + 20·0.05 = 8; the 10 trucks in assembly at their components' rate 1·0.4 + 4·0.05 = 0.6: 6
    expect(k["node:plant:holdingCost"]).toBeCloseTo(8, 12);
    expect(k["node:plant:pipelineCost"]).toBeCloseTo(6, 12);
    expect(k["network:totalCost"]).toBeCloseTo(14, 12);
    // days of supply in the units the node delivers: 30 on hand ÷ 10 trucks a day
    expect(k["node:plant:daysOfSupply"]).toBeCloseTo(3, 12);
  });

  it("short of the scarcest component, makes what it allows and records the starved days and units on that component only", () => {
    // Wheels at base-stock 40 cover one day of assembly while 2 days are in transit. Day 0 uses
    // the 40; day 1 has none (10 starved); from day 2 the 40 arriving each morning make 10 of the
    // 20 owed: 10 trucks starved every day. Trucks: 10 arrive, 5 pay the backorders, 5 serve
    // today's 10: 5 backordered, fill rate 0.5. Engines keep 15 on hand (never the limit).
    const k = kpis(truckPlant({ wheel: 40 }))[0];
    expect(k["network:fillRate"]).toBe(0.5);
    expect(k["node:plant:backorders"]).toBe(5);
    expect(k["node:plant:starvedDays"]).toBe(10);
    expect(k["node:plant:starvedUnits"]).toBe(10);
    expect(k["network:starvedDays"]).toBe(10);
    expect(k["product:wheel:starvedDays"]).toBe(10);
    expect(k["product:wheel:starvedUnits"]).toBe(10);
    expect(k["product:engine:starvedDays"]).toBe(0);
    expect(k["product:truck:starvedDays"]).toBe(0);
    expect(k["product:engine:componentStock"]).toBe(15);
    expect(k["product:wheel:componentStock"]).toBe(0);
    expect(k["product:truck:unitsAssembled"]).toBe(100);
  });

  it("with an assembly time of 0 the units are on hand the same day", () => {
    // Trucks: 15 − 10 sold + 10 made = 15 at the end of every day, none in assembly.
    const sim = createSimulation(truckPlant({ time: 0 }), 0);
    sim.run();
    const truck = sim.network.productIds.indexOf("truck"), plant = sim.network.nodeIds.indexOf("plant");
    const f = Array.from({ length: sim.network.items }, (_, i) => i).find((i) => sim.network.itemProduct[i] === truck && sim.network.itemNode[i] === plant)!;
    expect(sim.state.item[f * 18 + 0]).toBe(15);
    expect(sim.state.item[f * 18 + 4]).toBe(0);
    expect(kpis(truckPlant({ time: 0 }))[0]["product:truck:inTransit"]).toBe(0);
  });

  it("a plant in an outage assembles nothing, and is not counted as starved", () => {
    const s = truckPlant({ horizon: 20, warmup: 0, extra: { disruptions: [{ type: "node-outage", node: "plant", start: 5, end: 8 }] } });
    const k = kpis(s)[0];
    expect(k["network:starvedDays"]).toBe(0);
    // 20 days of 10 made, less nothing: production owed during the outage is made after it, so the
    // total still equals the trucks ordered; what it could not make during the 3 days shows as backorders.
    expect(k["node:plant:maxBackorders"]).toBeGreaterThan(0);
    const sim = createSimulation(s, 0);
    const truck = sim.network.productIds.indexOf("truck");
    const f = Array.from({ length: sim.network.items }, (_, i) => i).find((i) => sim.network.itemProduct[i] === truck)!;
    const assembled = () => sim.accumulators.assembly!.sums[f * ASSEMBLY_SUM.itemFields + ASSEMBLY_SUM.assembled];
    for (let t = 0; t < 5; t++) sim.step();
    expect(assembled()).toBe(50);            // 10 a day on days 0 … 4
    for (let t = 5; t < 8; t++) sim.step();
    expect(assembled()).toBe(50);            // nothing on the outage's days 5, 6, 7
    sim.step();
    expect(assembled()).toBe(50 + 40);       // day 8: the 30 owed from the outage and day 8's 10
  });

  it("makes a subassembly and the product it goes into at one node, and shares a component between two recipes", () => {
    // kit = 2 screws; truck = 1 kit + 1 engine; cab = 3 screws. All in 0 days, 10 trucks and 5 cabs
    // a day: screws consumed 2·10 + 3·5 = 35 a day, kits made and consumed 10 a day.
    const s = scenario({
      horizon: 12, warmup: 2,
      products: [{ id: "truck" }, { id: "cab" }, { id: "kit" }, { id: "engine" }, { id: "screw" }],
      nodes: [parts, {
        id: "plant", kind: "plant",
        policy: { truck: base(20), cab: base(10), kit: base(20), engine: base(40), screw: base(200) },
        bom: [
          { product: "truck", components: { kit: 1, engine: 1 } },
          { product: "kit", components: { screw: 2 } },
          { product: "cab", components: { screw: 3 } },
        ],
      }],
      lanes: [lane("parts", "plant", 1, { products: ["engine", "screw"] })],
      demand: [{ node: "plant", product: "truck", dist: constant(10) }, { node: "plant", product: "cab", dist: constant(5) }],
    });
    const k = kpis(s)[0];
    expect(k["network:fillRate"]).toBe(1);
    expect(k["product:screw:unitsConsumed"]).toBe(350);
    expect(k["product:kit:unitsConsumed"]).toBe(100);
    expect(k["product:kit:unitsAssembled"]).toBe(100);
    expect(k["product:truck:unitsAssembled"]).toBe(100);
    expect(k["product:cab:unitsAssembled"]).toBe(50);
    expect(k["network:starvedDays"]).toBe(0);
  });

  it("a subassembly made at the node and short itself: the node counts each made item's own shortfall once, each product the shortfall it limited", () => {
    // kit = 2 screws, truck = 1 kit + 1 engine; the screw lane carries 10 a day (its capacity) for
    // the 20 needed: kits starve for screws, and trucks for kits; engines come on their own lane.
    const s = scenario({
      horizon: 40, warmup: 5,
      products: [{ id: "truck" }, { id: "kit" }, { id: "engine" }, { id: "screw" }],
      nodes: [parts, { id: "engines", kind: "supplier" }, {
        id: "plant", kind: "plant", policy: { truck: base(20), kit: base(10), engine: base(100), screw: base(10) },
        bom: [{ product: "truck", components: { kit: 1, engine: 1 } }, { product: "kit", components: { screw: 2 } }],
      }],
      lanes: [lane("parts", "plant", 1, { products: ["screw"], capacity: 10 }), lane("engines", "plant", 1, { products: ["engine"] })],
      demand: [{ node: "plant", product: "truck", dist: constant(10) }],
    });
    const k = kpis(s)[0];
    const kit = k["product:kit:starvedUnits"], screw = k["product:screw:starvedUnits"];
    expect(kit).toBeGreaterThan(0);      // kits limited the trucks
    expect(screw).toBeGreaterThan(0);    // screws limited the kits
    expect(k["product:engine:starvedUnits"]).toBe(0);
    // one component limits each recipe, so the node's shortfall (trucks' + kits') is the two products' sum
    expect(k["node:plant:starvedUnits"]).toBeCloseTo(kit + screw, 9);
    expect(k["network:starvedUnits"]).toBe(k["node:plant:starvedUnits"]);
  });

  it("recipes sharing a scarce component are served in the order of the node's recipes, whatever the order of the products", () => {
    // trucks and cabs each need 2 screws; the screw lane carries 10 a day (its capacity) for 20 wanted
    const plant = (first: "truck" | "cab") => scenario({
      horizon: 30, warmup: 5,
      products: [{ id: "truck" }, { id: "cab" }, { id: "screw" }],
      nodes: [parts, {
        id: "plant", kind: "plant", policy: { truck: base(10), cab: base(10), screw: base(10) },
        bom: (first === "cab" ? ["cab", "truck"] : ["truck", "cab"]).map((product) => ({ product, components: { screw: 2 } })),
      }],
      lanes: [lane("parts", "plant", 1, { products: ["screw"], capacity: 10 })],
      demand: [{ node: "plant", product: "truck", dist: constant(5) }, { node: "plant", product: "cab", dist: constant(5) }],
    });
    for (const [first, second] of [["cab", "truck"], ["truck", "cab"]] as const) {
      const k = kpis(plant(first))[0];
      expect(k[`product:${first}:fillRate`]).toBe(1);                 // the first recipe gets the screws it needs
      expect(k[`product:${second}:fillRate`]).toBeLessThan(1);        // the second what is left
    }
  });

  it("at a node that assembles, the bullwhip ratio compares its production orders with its demand, not its components' orders too", () => {
    // base-stock passes demand on as production orders one for one: the ratio is exactly 1
    const k = kpis(truckPlant({ horizon: 200, warmup: 20, extra: { demand: [{ node: "plant", product: "truck", dist: { type: "poisson", mean: 10 } }] } }))[0];
    expect(k["node:plant:orderVarianceRatio"]).toBeCloseTo(1, 12);
  });

  it("echelon positions through layers of recipes sharing components stay one entry per item below (not one per path)", () => {
    // 20 layers of two products, each made from both products of the layer below: 2^20 paths from the bottom
    const layers = 20, ids = (k: number) => [`a${k}`, `b${k}`];
    const productsAll = Array.from({ length: layers }, (_, k) => ids(k)).flat();
    const policy = Object.fromEntries(productsAll.map((id, j) => [id, j < 2 ? { type: "echelon-base-stock" as const, level: 100 } : base(5)]));
    const s = scenario({
      horizon: 10, products: productsAll.map((id) => ({ id })),
      nodes: [parts, { id: "plant", kind: "plant", policy,
        bom: Array.from({ length: layers - 1 }, (_, k) => ids(k + 1).map((product) => ({ product, components: { [ids(k)[0]]: 1, [ids(k)[1]]: 1 } }))).flat() }],
      lanes: [lane("parts", "plant", 1, { products: ids(0) })],
      demand: [{ node: "plant", product: `a${layers - 1}`, dist: constant(1) }],
    });
    const sim = createSimulation(s, 0);
    // the two bottom items each see every item above them once: at most 2 × 40 entries
    expect(sim.network.echList.length).toBeLessThanOrEqual(2 * 2 * layers);
    sim.run();
    expect(sim.done()).toBe(true);
  });

  it("an expedite lane into an assembling node expedites its components at their reviews, never the product it makes", () => {
    // Wheels (base-stock 100) are expedited from the supplier in 1 day whenever their position is
    // below 200: at each review the shortfall to 200 goes on the expedite lane. The truck, made
    // here, orders from its assembly and is never expedited.
    const expedite = [{ from: "parts", to: "plant", leadTime: constant(1), costPerUnit: 1, when: "position-below" as const, threshold: 200 }];
    const k = kpis(truckPlant({ extra: { mitigations: { expedite } } }))[0];
    // Day 0 lifts the wheels' position from 100 − 40 to 200 on the expedite lane (140), and the
    // regular order is then 0; from day 1 each evening's 40 owed drop it to 160: 40 expedited a day.
    // Engines (base-stock 25, also below 200) likewise: 10 a day. Measured days 2 … 11: 50 a day.
    expect(k["node:plant:expedited"]).toBe(40 + 10);
    expect(k["node:plant:expediteCost"]).toBe(50);
    expect(k["product:truck:unitsAssembled"]).toBe(100);
    const none = kpis(truckPlant())[0];
    expect(none["node:plant:expedited"]).toBe(0);
  });

  it("a dual-sourced component: each lane brings its split, and assembly uses both", () => {
    const s = scenario({
      horizon: 22, warmup: 2, products,
      nodes: [parts, { id: "parts-b", kind: "supplier" }, {
        id: "plant", kind: "plant", policy: { truck: base(15), engine: base(25), wheel: base(160) },
        bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 1 }],
      }],
      lanes: [
        lane("parts", "plant", 2, { products: ["engine", "wheel"], sourcing: { split: 0.75 } }),
        lane("parts-b", "plant", 3, { products: ["wheel"], sourcing: { split: 0.25 } }),
      ],
      demand: [{ node: "plant", product: "truck", dist: constant(10) }],
    });
    // engines come only on the first lane, which then carries no rule for them: validation would
    // ask for one; the engine treats a product with one lane as one supplier.
    const k = kpis(s)[0];
    expect(k["network:fillRate"]).toBe(1);
    expect(k["product:wheel:unitsConsumed"]).toBe(800);
    // in transit: wheels 30 a day for 2 days + 10 a day for 3 days; engines 10 a day for 2 days
    expect(k["product:wheel:inTransit"]).toBeCloseTo(90, 9);
    expect(k["node:plant:unitsReceived"]).toBeCloseTo(20 * (10 + 40), 9);
  });

  it("balances units through assembly: received − delivered − sent − lost − consumed + assembled = stock change", () => {
    // random demand, a DC downstream, lost sales, a storage cap and an outage: the balance holds per node and network
    const s = scenario({
      horizon: 200, warmup: 30, products, unmetDemand: "lost",
      nodes: [parts, {
        id: "plant", kind: "plant", capacity: { storage: 400 },
        policy: { truck: base(40), engine: base(50), wheel: base(220) },
        bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 2 }],
      }, { id: "dc", kind: "dc", policy: { truck: base(60) } }],
      lanes: [lane("parts", "plant", { type: "uniform", min: 1, max: 4 }, { products: ["engine", "wheel"] }), lane("plant", "dc", 2, { products: ["truck"] })],
      demand: [{ node: "dc", product: "truck", dist: { type: "normal", mean: 10, sd: 4 } }],
      disruptions: [{ type: "node-outage", node: "plant", start: 80, end: 90 }],
    });
    const rows = kpis(s, 0, 5);
    for (const k of rows) {
      for (const scope of ["network:", "node:plant:", "node:dc:"]) {
        const v = (key: string) => k[scope + key] ?? 0;
        const residual = v("unitsReceived") - v("unitsDelivered") - v("unitsSent") - v("unitsLost") - v("unitsConsumed") + v("unitsAssembled") - (v("stockEnd") - v("stockStart"));
        // tolerance as flow-balance.test.ts: 8 updates × items × horizon × ε × the largest term
        expect(Math.abs(residual)).toBeLessThan(8 * 4 * 200 * Number.EPSILON * Math.max(1, v("unitsReceived"), v("unitsConsumed")));
      }
      expect(k["node:plant:unitsConsumed"]).toBeGreaterThan(0);
      expect(k["network:starvedDays"]).toBeGreaterThan(0);   // the outage leaves production owed that components then limit
    }
  });

  it("results do not depend on how replications are split into batches", () => {
    const s = truckPlant({ horizon: 60, warmup: 5, wheel: 90, extra: { demand: [{ node: "plant", product: "truck", dist: { type: "poisson", mean: 10 } }] } });
    const whole = runBatch(s, { from: 0, to: 6 }), a = runBatch(s, { from: 0, to: 2 }), b = runBatch(s, { from: 2, to: 6 });
    expect(Array.from(whole.values)).toEqual([...a.values, ...b.values]);
  });

  it("common random numbers: changing a recipe leaves the customer demand of every replication as it was", () => {
    const demand = [{ node: "plant", product: "truck", dist: { type: "normal" as const, mean: 10, sd: 3 } }];
    const a = truckPlant({ horizon: 60, warmup: 5, extra: { demand } });
    const b = { ...a, nodes: a.nodes.map((n) => (n.bom ? { ...n, bom: [{ product: "truck", components: { engine: 2, wheel: 4 }, assemblyTime: 3 }] } : n)) };
    const ka = kpis(a, 0, 4), kb = kpis(b, 0, 4);
    for (let r = 0; r < 4; r++) expect(kb[r]["node:plant:demand"]).toBe(ka[r]["node:plant:demand"]);
    expect(kb[0]["product:engine:unitsConsumed"]).not.toBe(ka[0]["product:engine:unitsConsumed"]);
  });
});

describe("assembly under echelon base-stock (Rosling 1989)", () => {
  // Two components from outside in the same lead time L, made into a product in A days, under
  // echelon base-stock with equal component levels (Rosling's balanced policy when the lead times
  // are equal): the components arrive together, so the system is the serial one of a "kit" stage
  // (lead L, holding h1 + h2) feeding the product (lead A). Same demand stream (its key is the
  // demand node and product), so each replication's costs agree to rounding, not just on average.
  const L = 3, A = 2, h1 = 0.3, h2 = 0.2, hF = 1, SC = 80, SF = 40;
  const demand = [{ node: "plant", product: "fg", dist: { type: "normal" as const, mean: 10, sd: 4 } }];
  const costs = { backorderPerUnitDay: 9 };
  const assembly = scenario({
    horizon: 400, warmup: 50, replications: 20,
    products: [{ id: "fg" }, { id: "c1" }, { id: "c2" }],
    nodes: [parts, {
      id: "plant", kind: "plant", holdingCost: { fg: hF, c1: h1, c2: h2 },
      policy: { fg: { type: "echelon-base-stock", level: SF }, c1: { type: "echelon-base-stock", level: SC }, c2: { type: "echelon-base-stock", level: SC } },
      initialInventory: { fg: SF, c1: 0, c2: 0 },
      bom: [{ product: "fg", components: { c1: 1, c2: 1 }, assemblyTime: A }],
    }],
    lanes: [lane("parts", "plant", L, { products: ["c1", "c2"] })],
    demand, costs,
  });
  const serial = scenario({
    horizon: 400, warmup: 50, replications: 20,
    products: [{ id: "fg" }],
    nodes: [parts,
      { id: "kits", kind: "dc", holdingCost: h1 + h2, policy: { type: "echelon-base-stock", level: SC }, initialInventory: 0 },
      { id: "plant", kind: "plant", holdingCost: hF, policy: { type: "echelon-base-stock", level: SF }, initialInventory: SF }],
    lanes: [lane("parts", "kits", L), lane("kits", "plant", A)],
    demand, costs,
  });

  it("costs the same as its equivalent serial system, replication by replication", () => {
    const ka = kpis(assembly, 0, 20), ks = kpis(serial, 0, 20);
    let sumA = 0, sumS = 0;
    for (let r = 0; r < 20; r++) {
      expect(ka[r]["network:fillRate"]).toBe(ks[r]["network:fillRate"]);
      expect(ka[r]["network:backorderCost"]).toBeCloseTo(ks[r]["network:backorderCost"], 9);
      // component stock c1 + c2 at h1, h2 = kits at h1 + h2; units in assembly at h1 + h2 = units in transit to the plant at the kits' rate
      expect(ka[r]["network:totalCost"]).toBeCloseTo(ks[r]["network:totalCost"], 9);
      sumA += ka[r]["network:totalCost"]; sumS += ks[r]["network:totalCost"];
    }
    expect(sumA / 20).toBeCloseTo(sumS / 20, 9);
    // balanced: the two components are always in step, so one is short exactly when the other is
    for (let r = 0; r < 20; r++) {
      expect(ka[r]["product:c1:componentStock"]).toBe(ka[r]["product:c2:componentStock"]);
      expect(ka[r]["product:c1:starvedDays"]).toBe(ka[r]["product:c2:starvedDays"]);
      expect(ka[r]["product:c1:starvedDays"]).toBe(ka[r]["network:starvedDays"]);
    }
  });

  it("the echelon position of a component counts the product's stock below it in component units", () => {
    // c1 needed twice per unit: its echelon level 2·SC keeps the same system (c2 at SC)
    const twice = { ...assembly, nodes: assembly.nodes.map((n) => (n.bom ? {
      ...n, policy: { fg: { type: "echelon-base-stock" as const, level: SF }, c1: { type: "echelon-base-stock" as const, level: 2 * SC }, c2: { type: "echelon-base-stock" as const, level: SC } },
      bom: [{ product: "fg", components: { c1: 2, c2: 1 }, assemblyTime: A }],
    } : n)) };
    const ka = kpis(assembly, 0, 5), kt = kpis(twice, 0, 5);
    for (let r = 0; r < 5; r++) {
      expect(kt[r]["network:fillRate"]).toBe(ka[r]["network:fillRate"]);
      expect(kt[r]["product:c1:unitsConsumed"]).toBeCloseTo(2 * ka[r]["product:c1:unitsConsumed"], 9);
      // in step with c2: twice its stock, in c1's units (counted in product units, c1 would pile up)
      expect(kt[r]["product:c1:componentStock"]).toBeCloseTo(2 * kt[r]["product:c2:componentStock"], 9);
      expect(kt[r]["network:starvedDays"]).toBe(ka[r]["network:starvedDays"]);
    }
  });
});
