import { describe, expect, it } from "vitest";
import { traceReplication } from "../../../src/sim/engine/index.ts";
import type { Disruption, Scenario, Trace } from "../../../src/sim/model/index.ts";
import { kpis, lane, scenario, singleNode, stock, supplier } from "./fixtures.ts";

// supplier → store, demand 10 a day, lead time 2, base-stock 40
const base = (disruptions: Disruption[], extra: Partial<Scenario> = {}) =>
  singleNode(40, 10, 2, { horizon: 20, disruptions, ...extra });
const departures = (tr: Trace) => Array.from(tr.shipmentDepart);
const shipmentOn = (tr: Trace, day: number) => {
  const k = Array.from(tr.shipmentDepart).indexOf(day);
  return k < 0 ? null : [tr.shipmentArrive[k], tr.shipmentQuantity[k]];
};

describe("windowed disruptions", () => {
  it("lane-outage: nothing departs in the window; the orders wait and leave together after it", () => {
    const tr = traceReplication(base([{ type: "lane-outage", from: "supplier", to: "store", start: 5, end: 8 }]), 0);
    expect(departures(tr).filter((d) => d >= 5 && d < 8)).toEqual([]);
    expect(shipmentOn(tr, 8)).toEqual([10, 40]);     // the orders of days 5, 6, 7 and 8
  });

  it("lane-delay: shipments departing in the window take extraDays longer, and later ones do not overtake them", () => {
    const tr = traceReplication(base([{ type: "lane-delay", from: "supplier", to: "store", extraDays: 3, start: 5, end: 6 }]), 0);
    expect(shipmentOn(tr, 4)).toEqual([6, 10]);
    expect(shipmentOn(tr, 5)).toEqual([10, 10]);
    expect(shipmentOn(tr, 6)).toEqual([10, 10]);     // due day 8, raised to day 10
    expect(shipmentOn(tr, 9)).toEqual([11, 10]);
  });

  it("node-outage of a supplier: it ships nothing in the window", () => {
    const tr = traceReplication(base([{ type: "node-outage", node: "supplier", start: 3, end: 6 }]), 0);
    expect(departures(tr).filter((d) => d >= 3 && d < 6)).toEqual([]);
    expect(shipmentOn(tr, 6)).toEqual([8, 40]);
  });

  it("node-outage of a store: it receives nothing in the window; arrivals wait on the lane", () => {
    const tr = traceReplication(base([{ type: "node-outage", node: "store", start: 6, end: 9 }]), 0);
    const n = tr.nodes.indexOf("store"), N = tr.nodes.length;
    const onHand = Array.from({ length: 12 }, (_, t) => tr.onHand[t * N + n]);
    // steady on hand 20; days 6–8 no arrivals (−10 a day, then a backorder of 10); day 9 receives
    // the 40 due on days 6–9, serves the backorder first, then the day's demand
    expect(onHand.slice(4, 11)).toEqual([20, 20, 10, 0, 0, 20, 20]);
    expect(tr.backorders[8 * N + n]).toBe(10);
  });

  it("demand-shock: the demand mean is multiplied in the window", () => {
    const tr = traceReplication(base([{ type: "demand-shock", node: "*", multiplier: 2.5, start: 4, end: 7 }]), 0);
    const n = tr.nodes.indexOf("store"), N = tr.nodes.length;
    expect(Array.from({ length: 9 }, (_, t) => tr.demand[t * N + n])).toEqual([10, 10, 10, 10, 25, 25, 25, 10, 10]);
  });

  it("capacity-cut: lane capacity and node throughput are multiplied by the factor in the window", () => {
    const laneCut = traceReplication(singleNode(40, 10, 2, {
      horizon: 12, lanes: [lane("supplier", "store", 2, { capacity: 12 })],
      disruptions: [{ type: "capacity-cut", from: "supplier", to: "store", factor: 0.5, start: 3, end: 5 }],
    }), 0);
    expect([shipmentOn(laneCut, 3)![1], shipmentOn(laneCut, 4)![1], shipmentOn(laneCut, 5)![1], shipmentOn(laneCut, 6)![1]]).toEqual([6, 6, 12, 12]);
    const nodeCut = traceReplication(scenario({
      horizon: 12,
      nodes: [supplier, stock("dc", 100, { kind: "dc", capacity: { throughput: 8 } }), stock("store", 40)],
      lanes: [lane("supplier", "dc", 1), lane("dc", "store", 2)],
      demand: [{ node: "store", dist: { type: "constant", value: 6 } }],
      disruptions: [{ type: "capacity-cut", node: "dc", factor: 0.25, start: 2, end: 4 }],
    }), 0);
    const fromDc = (d: number) => {
      const k = Array.from(nodeCut.shipmentDepart).findIndex((x, j) => x === d && nodeCut.shipmentFrom[j] === 1);
      return k < 0 ? 0 : nodeCut.shipmentQuantity[k];
    };
    expect([1, 2, 3, 4, 5].map(fromDc)).toEqual([6, 2, 2, 8, 8]);
  });

  it("random-outage: outages come and go, reproducibly per replication", () => {
    const s = base([{ type: "random-outage", node: "supplier", mtbf: 10, mttr: 4 }], { horizon: 200 });
    const a = traceReplication(s, 1), b = traceReplication(s, 1);
    expect(departures(a)).toEqual(departures(b));
    const idle = 200 - new Set(departures(a)).size;
    expect(idle).toBeGreaterThan(0);
    expect(idle).toBeLessThan(200);
  });

  it("recoveryDays counts the days from a windowed disruption's start until service is back", () => {
    const s = base([{ type: "lane-outage", from: "supplier", to: "store", start: 30, end: 35 }], { horizon: 80, warmup: 10 });
    const k = kpis(s)[0];
    // arrivals stop from day 32; on hand 20 covers days 32–33; days 34–36 are stock-outs until the
    // shipment of day 35 lands on day 37. The 7-day moving fill rate bottoms at 4/7 and is back to 1
    // on the first day whose window starts at 37: day 43
    expect(k["network:recoveryDays"]).toBe(43 - 30);
    expect(k["network:serviceTrough"]).toBe(4 / 7);
    expect(k["node:store:serviceTrough"]).toBe(4 / 7);
    expect(kpis(base([], { horizon: 80, warmup: 10 }))[0]["network:recoveryDays"]).toBeNaN();
  });
});

describe("lead times", () => {
  const random = (overtaking: boolean) => singleNode(80, 10, { type: "discrete", values: [1, 6], probs: [0.5, 0.5] }, {
    horizon: 120, lanes: [lane("supplier", "store", { type: "discrete", values: [1, 6], probs: [0.5, 0.5] }, { overtaking })],
  });
  it("never lets a shipment overtake an earlier one on the same lane by default", () => {
    const tr = traceReplication(random(false), 0);
    for (let k = 1; k < tr.shipmentArrive.length; k++) expect(tr.shipmentArrive[k]).toBeGreaterThanOrEqual(tr.shipmentArrive[k - 1]);
  });
  it("lets shipments overtake with overtaking: true", () => {
    const tr = traceReplication(random(true), 0);
    let overtaken = 0;
    for (let k = 1; k < tr.shipmentArrive.length; k++) if (tr.shipmentArrive[k] < tr.shipmentArrive[k - 1]) overtaken++;
    expect(overtaken).toBeGreaterThan(0);
  });
});

describe("serviceTrough exactly", () => {
  it("is exactly 0 when a week serves nothing, and never float noise outside [0, 1] (retail, DC North out for 40 days)", async () => {
    const { readFileSync } = await import("node:fs");
    const { kpiColumns, runBatch } = await import("../../../src/sim/engine/index.ts");
    const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
    const s = { ...retail, disruptions: [{ type: "node-outage", node: "dc-north", start: 100, end: 140 }] } as Scenario;
    const cols = kpiColumns(s), b = runBatch(s, { from: 0, to: 8 });
    const trough = (id: string) => cols.findIndex((c) => c.key === "serviceTrough" && c.id === id);
    const all = cols.flatMap((c, j) => (c.key === "serviceTrough" ? Array.from({ length: 8 }, (_, r) => b.values[r * cols.length + j]) : []));
    expect(all.filter((x) => !Number.isNaN(x)).every((x) => x >= 0 && x <= 1)).toBe(true);
    // Its stores sell nothing for at least a week in every replication: their trough is 0, not −2e-15.
    for (const id of ["store-north-1", "store-north-5"]) {
      for (let r = 0; r < 8; r++) expect(Object.is(b.values[r * cols.length + trough(id)], 0)).toBe(true);
    }
  });
});

describe("unitsShort", () => {
  it("counts customer demand not served on its day: the 3 stock-out days of a lane outage, per measured day", () => {
    // As for recoveryDays above: days 34–36 serve none of their 10 units; 70 measured days.
    const s = base([{ type: "lane-outage", from: "supplier", to: "store", start: 30, end: 35 }], { horizon: 80, warmup: 10 });
    const k = kpis(s)[0];
    expect(k["network:unitsShort"]).toBe(30 / 70);
    expect(k["node:store:unitsShort"]).toBe(30 / 70);
    expect(k["product:default:unitsShort"]).toBe(30 / 70);
    expect(kpis(base([], { horizon: 80, warmup: 10 }))[0]["network:unitsShort"]).toBe(0);
  });

  it("is what was lost when customers leave, and backorders + lost together otherwise (retail with DC North out)", async () => {
    const lost = kpis(base([{ type: "lane-outage", from: "supplier", to: "store", start: 30, end: 35 }], { horizon: 80, warmup: 10, unmetDemand: "lost" }))[0];
    expect(lost["network:unitsShort"]).toBe(lost["network:lostSales"]);
    expect(lost["network:unitsShort"]).toBeGreaterThan(0);
    const { readFileSync } = await import("node:fs");
    const retail = JSON.parse(readFileSync(new URL("../../../scenarios/retail-3-echelon.json", import.meta.url), "utf8")) as Scenario;
    const r = kpis({ ...retail, disruptions: [{ type: "node-outage", node: "dc-north", start: 100, end: 140 }] } as Scenario, 0, 3);
    for (const k of r) {
      // Σ (demand − served) ÷ D = demand × (1 − fill rate), to rounding.
      expect(k["network:unitsShort"]).toBeCloseTo(k["network:demand"] * (1 - k["network:fillRate"]), 9);
      expect(k["node:store-north-1:unitsShort"]).toBeGreaterThan(0);
      expect(k["node:dc-north:unitsShort"]).toBe(0);   // no customers of its own
    }
  });
});
