// What compile makes of the lanes and the nodes' capacities (scenario.md "Lanes", "Nodes";
// kernel/network.ts LANE_DRAW): how each lane's daily lead time is drawn — a constant as laneLo, a
// uniform as whole days laneLo + ⌊u · laneN⌋ over min..max inclusive, anything else by its sampler
// — and whether any lane or node can refuse units. Written out by hand.
import { describe, expect, it } from "vitest";
import { LANE_DRAW } from "../../../src/sim/kernel/network.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { hashKey } from "../../../src/sim/random/index.ts";
import { build, lane, one, scenario, stock, supplier } from "./fixtures.ts";

const stores = ["a", "b", "c", "d"];
const fan = (extra: Partial<Scenario> = {}, lanes = stores.map((id) => lane("supplier", id, 1))) => scenario({
  nodes: [supplier, ...stores.map((id) => stock(id, 20))], lanes, demand: stores.map((node) => ({ node, dist: one })), ...extra,
});

describe("compiled lanes", () => {
  it("constant: laneLo; uniform min..max: laneLo min and laneN max − min + 1 days; others: the sampler", () => {
    const net = build(fan({}, [
      lane("supplier", "a", 3),
      lane("supplier", "b", { type: "uniform", min: 2, max: 5 }),
      lane("supplier", "c", { type: "normal", mean: 4, sd: 1 }),
      lane("supplier", "d", { type: "uniform", min: 0, max: 0 }),
    ]));
    expect(Array.from(net.laneDraw)).toEqual([LANE_DRAW.constant, LANE_DRAW.uniformDays, LANE_DRAW.sampler, LANE_DRAW.uniformDays]);
    expect(Array.from(net.laneLo)).toEqual([3, 2, 0, 0]);
    expect(Array.from(net.laneN)).toEqual([0, 4, 0, 1]);
    expect(Array.from(net.laneFrom)).toEqual([0, 0, 0, 0]);
    expect(Array.from(net.laneTo)).toEqual([1, 2, 3, 4]);
    expect(Array.from(net.laneKey)).toEqual(stores.map((id) => hashKey(`lead:supplier>${id}`)));
  });

  it("costs, capacity and overtaking default to 0, unlimited and no", () => {
    const net = build(fan({}, [
      lane("supplier", "a", 1, { costPerUnit: 0.4, costPerShipment: 7, capacity: 30, overtaking: true }),
      lane("supplier", "b", 1), lane("supplier", "c", 1), lane("supplier", "d", 1, { overtaking: false }),
    ]));
    expect(Array.from(net.laneCostUnit)).toEqual([0.4, 0, 0, 0]);
    expect(Array.from(net.laneCostShipment)).toEqual([7, 0, 0, 0]);
    expect(Array.from(net.laneCapacity)).toEqual([30, Infinity, Infinity, Infinity]);
    expect(Array.from(net.laneOvertaking)).toEqual([1, 0, 0, 0]);
    expect(net.laneLimits).toBe(true);
  });

  it("laneLimits: only a lane capacity or a lane outage (windowed or random) can refuse units", () => {
    expect(build(fan()).laneLimits).toBe(false);
    expect(build(fan({ disruptions: [{ type: "node-outage", node: "a", start: 2, end: 4 }] })).laneLimits).toBe(false);
    expect(build(fan({ disruptions: [{ type: "lane-delay", from: "supplier", to: "a", extraDays: 2, start: 2, end: 4 }] })).laneLimits).toBe(false);
    expect(build(fan({ disruptions: [{ type: "lane-outage", from: "supplier", to: "a", start: 2, end: 4 }] })).laneLimits).toBe(true);
    expect(build(fan({ disruptions: [{ type: "random-outage", from: "supplier", to: "b", mtbf: 30, mttr: 2 }] })).laneLimits).toBe(true);
  });
});

describe("compiled node capacities", () => {
  it("unlimited unless given; anyThroughput and anyStorage say whether any node has one", () => {
    const none = build(fan());
    expect([none.anyThroughput, none.anyStorage]).toEqual([false, false]);
    expect(Array.from(none.nodeStorage)).toEqual([Infinity, Infinity, Infinity, Infinity, Infinity]);
    const through = build(scenario({ ...fan(), nodes: [supplier, stock("a", 20, { capacity: { throughput: 15 } }), ...stores.slice(1).map((id) => stock(id, 20))] }));
    expect([through.anyThroughput, through.anyStorage]).toEqual([true, false]);
    expect(Array.from(through.nodeThroughput)).toEqual([Infinity, 15, Infinity, Infinity, Infinity]);
    const storage = build(scenario({ ...fan(), nodes: [supplier, ...stores.slice(0, 3).map((id) => stock(id, 20)), stock("d", 20, { capacity: { storage: 90 } })] }));
    expect([storage.anyThroughput, storage.anyStorage]).toEqual([false, true]);
    expect(Array.from(storage.nodeStorage)).toEqual([Infinity, Infinity, Infinity, Infinity, 90]);
  });
});
