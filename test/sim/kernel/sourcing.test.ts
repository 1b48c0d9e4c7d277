// Several sources (docs/scenario-format.md, "Several sources"; kernel/sourcing.ts): a split
// places each order across the lanes in the given fractions; a backup takes, on the review day,
// exactly what the primary cannot ship (an outage, no free stock, a full lane).
import { describe, expect, it } from "vitest";
import { createSimulation, runBatch, traceReplication } from "../../../src/sim/engine/index.ts";
import type { Lane, Scenario } from "../../../src/sim/model/index.ts";
import { constant, kpis, lane, scenario, stock, valid } from "../engine/fixtures.ts";

const suppliers = [{ id: "sup-a", kind: "supplier" as const }, { id: "sup-b", kind: "supplier" as const }];

/** Units that departed on each lane (index) over the trace, and the days they departed. */
function byLane(s: Scenario): { units: number[]; days: number[][] } {
  const tr = traceReplication(s, 0), units = s.lanes.map(() => 0), days: number[][] = s.lanes.map(() => []);
  for (let j = 0; j < tr.shipmentLane.length; j++) {
    const l = tr.shipmentLane[j];
    if (l < 0) continue;
    units[l] += tr.shipmentQuantity[j];
    days[l].push(tr.shipmentDepart[j]);
  }
  return { units, days };
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);

describe("several sources", () => {
  it("a 70/30 split places every order 70/30: units by lane are exactly 70% and 30%, one departure per lane and day", () => {
    const s = valid(scenario({
      horizon: 40, warmup: 10,
      nodes: [...suppliers, stock("store", 100)],
      lanes: [lane("sup-a", "store", 2, { sourcing: { split: 0.7 } }), lane("sup-b", "store", 4, { sourcing: { split: 0.3 } })],
      demand: [{ node: "store", dist: constant(10) }],
    }));
    const { units, days } = byLane(s);
    // base-stock 100, demand 10 a day: an order of 10 every day, 7 on lane 0 and 3 on lane 1
    expect(days[0]).toEqual(range(0, 40));
    expect(days[1]).toEqual(range(0, 40));
    expect(units[0]).toBeCloseTo(7 * 40, 9);
    expect(units[1]).toBeCloseTo(3 * 40, 9);
    const k = kpis(s)[0];
    expect(k["node:store:fillRate"]).toBe(1);
    expect(k["node:store:orders"]).toBe(1);        // one order a day, split across two lanes
    expect(k["node:store:unitsReceived"]).toBeCloseTo(300, 9);   // the 30 measured days
    // in transit at the end of each measured day: 2 days' 7 on lane 0, 4 days' 3 on lane 1
    expect(k["node:store:inTransit"]).toBeCloseTo(7 * 2 + 3 * 4, 9);
  });

  it("the position counts what is in transit and owed on every lane: stock settles at the base-stock level less one day", () => {
    const s = scenario({
      horizon: 30,
      nodes: [...suppliers, stock("store", 100)],
      lanes: [lane("sup-a", "store", 2, { sourcing: { split: 0.5 } }), lane("sup-b", "store", 6, { sourcing: { split: 0.5 } })],
      demand: [{ node: "store", dist: constant(10) }],
    });
    const sim = createSimulation(s, 0);
    sim.run();
    // IP = on hand + in transit = 100 after each order; in transit 5·2 + 5·6 = 40 → on hand 60 at the end of the day
    expect(sim.onHand("store")).toBeCloseTo(60, 9);
    expect(sim.inTransit("store")).toBeCloseTo(40, 9);
  });

  it("a backup ships only on the days the primary's lane is out, and exactly what the primary could not", () => {
    const s = valid(scenario({
      horizon: 40,
      nodes: [...suppliers, stock("store", 100)],
      lanes: [lane("sup-a", "store", 2, { sourcing: { role: "primary" } }), lane("sup-b", "store", 5, { sourcing: { role: "backup" } })],
      demand: [{ node: "store", dist: constant(10) }],
      disruptions: [{ type: "lane-outage", from: "sup-a", to: "store", start: 10, end: 20 }],
    }));
    const { units, days } = byLane(s);
    expect(days[1]).toEqual(range(10, 20));
    expect(units[1]).toBe(100);
    expect(days[0]).toEqual([...range(0, 10), ...range(20, 40)]);
    expect(units[0]).toBe(300);
    expect(kpis(s)[0]["node:store:fillRate"]).toBe(1);
  });

  it("without the backup the same outage leaves the store short; with it nothing is short", () => {
    const base = (lanes: Lane[]) => scenario({
      horizon: 40,
      nodes: [...suppliers, stock("store", 30)],
      lanes,
      demand: [{ node: "store", dist: constant(10) }],
      disruptions: [{ type: "lane-outage", from: "sup-a", to: "store", start: 10, end: 20 }],
    });
    const alone = kpis(base([lane("sup-a", "store", 2)]))[0];
    const backed = kpis(base([lane("sup-a", "store", 2, { sourcing: { role: "primary" } }), lane("sup-b", "store", 2, { sourcing: { role: "backup" } })]))[0];
    expect(alone["node:store:unitsShort"]).toBeGreaterThan(0);
    expect(backed["node:store:unitsShort"]).toBe(0);
  });

  it("a backup takes what exceeds the primary lane's capacity, every day", () => {
    const s = valid(scenario({
      horizon: 30,
      nodes: [...suppliers, stock("store", 100)],
      lanes: [lane("sup-a", "store", 2, { capacity: 6, sourcing: { role: "primary" } }), lane("sup-b", "store", 3, { sourcing: { role: "backup" } })],
      demand: [{ node: "store", dist: constant(10) }],
    }));
    const { units, days } = byLane(s);
    expect(days[0]).toEqual(range(0, 30));
    expect(days[1]).toEqual(range(0, 30));
    expect(units[0]).toBe(6 * 30);
    expect(units[1]).toBe(4 * 30);
  });

  it("a backup takes what a stocking primary has no stock for: part on the day it runs low, all after", () => {
    // The dc starts with 35 and is never resupplied within the horizon (lead time 100): it can
    // ship 10, 10, 10, then 5, then nothing.
    const s = valid(scenario({
      horizon: 10,
      nodes: [...suppliers, stock("dc", 35, { kind: "dc" }), stock("store", 100)],
      lanes: [lane("sup-a", "dc", 100), lane("dc", "store", 1, { sourcing: { role: "primary" } }), lane("sup-b", "store", 1, { sourcing: { role: "backup" } })],
      demand: [{ node: "store", dist: constant(10) }],
    }));
    const tr = traceReplication(s, 0), perDay = (l: number) => range(0, 10).map((t) => {
      let x = 0;
      for (let j = 0; j < tr.shipmentLane.length; j++) if (tr.shipmentLane[j] === l && tr.shipmentDepart[j] === t) x += tr.shipmentQuantity[j];
      return x;
    });
    expect(perDay(1)).toEqual([10, 10, 10, 5, 0, 0, 0, 0, 0, 0]);
    expect(perDay(2)).toEqual([0, 0, 0, 5, 10, 10, 10, 10, 10, 10]);
  });

  it("a primary outage shifts volume to the backup under random demand and random outages, and the split holds its fractions", () => {
    const demand = [{ node: "store", dist: { type: "normal" as const, mean: 50, sd: 15 } }];
    const nodes = [...suppliers, stock("store", 400)];
    const lead = { type: "uniform" as const, min: 2, max: 6 };
    // Split between two stocking dcs that can run short: each replication's share of lane 0 wanders
    // from 0.7 only by what is still owed at the end, so the mean over replications sits within its interval.
    const split = valid(scenario({
      horizon: 300, warmup: 0, seed: 11,
      nodes: [...suppliers, stock("dc-a", 250, { kind: "dc" }), stock("dc-b", 120, { kind: "dc" }), stock("store", 400)],
      lanes: [lane("sup-a", "dc-a", lead), lane("sup-b", "dc-b", lead),
        lane("dc-a", "store", lead, { sourcing: { split: 0.7 } }), lane("dc-b", "store", lead, { sourcing: { split: 0.3 } })],
      demand,
    }));
    const R = 40, shares: number[] = [];
    for (let r = 0; r < R; r++) {
      const sim = createSimulation(split, r);
      sim.run();
      const lu = sim.accumulators.laneUnits;
      shares.push(lu[2] / (lu[2] + lu[3]));
    }
    const mean = shares.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(shares.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
    const halfWidth = 2.708 * sd / Math.sqrt(R);   // t(0.995, 39): a 99% interval
    expect(Math.abs(mean - 0.7)).toBeLessThanOrEqual(Math.max(halfWidth, 1e-12));
    expect(sd).toBeLessThan(0.01);

    // Primary/backup with a random outage on the primary's lane: the backup's share of the units
    // rises with the outage's share of the days, and is 0 without it.
    const backed = (mtbf: number) => scenario({
      horizon: 300, seed: 11, nodes,
      lanes: [lane("sup-a", "store", lead, { sourcing: { role: "primary" } }), lane("sup-b", "store", lead, { sourcing: { role: "backup" } })],
      demand,
      disruptions: mtbf > 0 ? [{ type: "random-outage", from: "sup-a", to: "store", mtbf, mttr: 10 }] : [],
    });
    const backupShare = (s: Scenario) => {
      let b = 0, all = 0;
      for (let r = 0; r < R; r++) { const sim = createSimulation(s, r); sim.run(); const lu = sim.accumulators.laneUnits; b += lu[1]; all += lu[0] + lu[1]; }
      return b / all;
    };
    expect(backupShare(backed(0))).toBe(0);
    const often = backupShare(backed(30)), rarely = backupShare(backed(120));
    // down 10 of every 40 days on average (mtbf 30, mttr 10) against 10 of 130: shares near 0.25 and 0.08
    expect(often).toBeGreaterThan(rarely);
    expect(often).toBeGreaterThan(0.15);
    expect(often).toBeLessThan(0.35);
    expect(rarely).toBeGreaterThan(0.02);
  });

  it("keeps the flow balance at every node and for the network, with a split between stocking sources and a backup under outages", () => {
    const lead = { type: "uniform" as const, min: 1, max: 4 };
    const s = valid(scenario({
      horizon: 200, warmup: 20, seed: 5, allocation: "proportional",
      nodes: [...suppliers, stock("dc-a", 200, { kind: "dc" }), stock("dc-b", 120, { kind: "dc", capacity: { throughput: 40 } }), stock("store-1", 150), stock("store-2", 150)],
      lanes: [lane("sup-a", "dc-a", lead), lane("sup-b", "dc-b", lead),
        lane("dc-a", "store-1", lead, { sourcing: { split: 0.6 } }), lane("dc-b", "store-1", lead, { sourcing: { split: 0.4 } }),
        lane("dc-a", "store-2", lead, { sourcing: { role: "primary" } }), lane("dc-b", "store-2", lead, { sourcing: { role: "backup" } })],
      demand: [{ node: "store-1", dist: { type: "normal", mean: 30, sd: 10 } }, { node: "store-2", dist: { type: "normal", mean: 20, sd: 8 } }],
      disruptions: [{ type: "random-outage", node: "dc-a", mtbf: 40, mttr: 6 }],
    }));
    for (const k of kpis(s, 0, 10)) {
      for (const scope of ["network:", "node:dc-a:", "node:dc-b:", "node:store-1:", "node:store-2:"]) {
        const v = (key: string) => k[scope + key] ?? 0;
        const terms = ["unitsReceived", "unitsDelivered", "unitsSent", "unitsLost", "stockStart", "stockEnd"].map(v);
        const [rec, del, sent, lost, start, end] = terms;
        expect(rec).toBeGreaterThan(0);
        // the tolerance of test/sim/engine/flow-balance.test.ts: 8 · items · horizon · ε · the largest term
        const tol = 8 * 8 * s.horizon * Number.EPSILON * Math.max(1, ...terms.map(Math.abs));
        expect(Math.abs(rec - del - sent - lost - (end - start))).toBeLessThanOrEqual(tol);
      }
    }
  });

  it("gives the same replications in one batch or split in two (worker count), and the same demand draws with or without a backup (common random numbers)", () => {
    const lead = { type: "uniform" as const, min: 2, max: 6 };
    const base = scenario({
      horizon: 120, seed: 3,
      nodes: [...suppliers, stock("store", 300)],
      lanes: [lane("sup-a", "store", lead, { sourcing: { role: "primary" } }), lane("sup-b", "store", lead, { sourcing: { role: "backup" } })],
      demand: [{ node: "store", dist: { type: "normal", mean: 40, sd: 12 } }],
      disruptions: [{ type: "random-outage", from: "sup-a", to: "store", mtbf: 20, mttr: 5 }],
    });
    const all = runBatch(base, { from: 0, to: 6 }), a = runBatch(base, { from: 0, to: 2 }), b = runBatch(base, { from: 2, to: 6 });
    expect(Array.from(all.values)).toEqual([...Array.from(a.values), ...Array.from(b.values)]);
    const alone = { ...base, lanes: [lane("sup-a", "store", lead)] };
    const demand = (s: Scenario) => kpis(s, 0, 6).map((k) => k["node:store:demand"]);
    expect(demand(alone)).toEqual(demand(base));
  });

  it("ships on at once what arrives on a channel with lead time 0, as any item does", () => {
    // The dc holds nothing (level 0): the store's daily order of 10 is ordered on by the dc, split
    // 5/5 over two lanes of lead time 0, received within the shipping step and shipped on that day.
    const s = valid(scenario({
      horizon: 20,
      nodes: [...suppliers, stock("dc", 0, { kind: "dc" }), stock("store", 10)],
      lanes: [lane("sup-a", "dc", 0, { sourcing: { split: 0.5 } }), lane("sup-b", "dc", 0, { sourcing: { split: 0.5 } }), lane("dc", "store", 0)],
      demand: [{ node: "store", dist: constant(10) }],
    }));
    const k = kpis(s)[0];
    expect(k["node:store:fillRate"]).toBe(1);
    expect(k["node:dc:onHand"]).toBe(0);
    expect(k["node:dc:unitsSent"]).toBe(200);
  });
});
