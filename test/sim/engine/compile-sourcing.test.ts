// What compile makes of several sources (docs/scenario-format.md "Several sources"; kernel/network.ts
// CompiledSourcing): a channel item per inbound lane, split lanes in scenario order or the primary
// then the backups in scenario order; the rule, each channel's share (split: its fraction; primary
// 1, backups 0) and the item its arrivals go to; channels take no part in mitigations. Written out
// by hand.
import { describe, expect, it } from "vitest";
import { EXPEDITE_FROM, SOURCING } from "../../../src/sim/kernel/network.ts";
import { build, lane, one, scenario, stock, supplier } from "./fixtures.ts";

const { none, outsideSupplier } = EXPEDITE_FROM;

describe("compiled sourcing", () => {
  it("primary and backups: the primary's channel first, then the backups in scenario order; shares 1, 0, 0", () => {
    const net = build(scenario({
      nodes: [{ id: "s1", kind: "supplier" }, stock("dc", 40), { id: "s2", kind: "supplier" }, { id: "s3", kind: "supplier" }],
      lanes: [
        lane("s1", "dc", 1, { sourcing: { role: "backup" } }),
        lane("s2", "dc", 2, { sourcing: { role: "primary" } }),
        lane("s3", "dc", 3, { sourcing: { role: "backup" } }),
      ],
      demand: [{ node: "dc", dist: one }],
      mitigations: { expedite: [{ from: "s3", to: "dc", leadTime: one, when: "position-below", threshold: 5 }] },
    }));
    // items: s1, s2, s3, then at dc the channels of lanes 1 (primary), 0, 2, then dc's item
    expect(Array.from(net.itemNode)).toEqual([0, 2, 3, 1, 1, 1, 1]);
    expect(Array.from(net.itemLane)).toEqual([-1, -1, -1, 1, 0, 2, -1]);
    expect(Array.from(net.itemSupplier)).toEqual([-1, -1, -1, 1, 0, 2, -1]);
    const c = net.sourcing;
    expect(c.any).toBe(true);
    expect(Array.from(c.rule)).toEqual([0, 0, 0, 0, 0, 0, SOURCING.primaryBackup]);
    expect(Array.from(c.itemInto)).toEqual([0, 1, 2, 6, 6, 6, 6]);
    expect(Array.from(c.chanStart)).toEqual([0, 0, 0, 0, 0, 0, 0, 3]);
    expect(Array.from(c.chanList)).toEqual([3, 4, 5]);
    expect(Array.from(c.share)).toEqual([1, 1, 1, 1, 0, 0, 1]);
    // the expedite lane feeds dc's item, not its channels
    expect(Array.from(net.mitigations.expFrom)).toEqual([none, none, none, none, none, none, outsideSupplier]);
    expect(Array.from(net.mitigations.expFromNode)).toEqual([-1, -1, -1, -1, -1, -1, 3]);
  });

  it("backups listed before the primary still come after it", () => {
    const net = build(scenario({
      nodes: [{ id: "s1", kind: "supplier" }, { id: "s2", kind: "supplier" }, { id: "s3", kind: "supplier" }, stock("dc", 40)],
      lanes: [
        lane("s1", "dc", 1, { sourcing: { role: "backup" } }),
        lane("s2", "dc", 2, { sourcing: { role: "backup" } }),
        lane("s3", "dc", 3, { sourcing: { role: "primary" } }),
      ],
      demand: [{ node: "dc", dist: one }],
    }));
    expect(Array.from(net.itemLane)).toEqual([-1, -1, -1, 2, 0, 1, -1]);
    expect(Array.from(net.sourcing.chanList)).toEqual([3, 4, 5]);
    expect(Array.from(net.sourcing.share)).toEqual([1, 1, 1, 1, 0, 0, 1]);
  });

  it("split: channels in scenario order, each with its fraction; the node below is fed by the item, not a channel", () => {
    const net = build(scenario({
      nodes: [{ id: "sa", kind: "supplier" }, { id: "sb", kind: "supplier" }, stock("dc", 40), stock("store", 10)],
      lanes: [lane("sa", "dc", 2, { sourcing: { split: 0.7 } }), lane("sb", "dc", 3, { sourcing: { split: 0.3 } }), lane("dc", "store", 1)],
      demand: [{ node: "store", dist: one }],
    }));
    // sa, sb, channel of lane 0, channel of lane 1, dc, store
    expect(Array.from(net.itemNode)).toEqual([0, 1, 2, 2, 2, 3]);
    expect(Array.from(net.itemLane)).toEqual([-1, -1, 0, 1, -1, 2]);
    expect(Array.from(net.itemSupplier)).toEqual([-1, -1, 0, 1, -1, 4]);
    const c = net.sourcing;
    expect(c.any).toBe(true);
    expect(Array.from(c.rule)).toEqual([0, 0, 0, 0, SOURCING.split, 0]);
    expect(Array.from(c.itemInto)).toEqual([0, 1, 4, 4, 4, 5]);
    expect(Array.from(c.chanStart)).toEqual([0, 0, 0, 0, 0, 2, 2]);
    expect(Array.from(c.chanList)).toEqual([2, 3]);
    expect(Array.from(c.share)).toEqual([1, 1, 0.7, 0.3, 1, 1]);
  });

  it("without a rule: no channels, every item its own, no rule", () => {
    const net = build(scenario({
      nodes: [supplier, stock("dc", 40), stock("store", 10)],
      lanes: [lane("supplier", "dc", 2), lane("dc", "store", 1)],
      demand: [{ node: "store", dist: one }],
    }));
    const c = net.sourcing;
    expect(c.any).toBe(false);
    expect(Array.from(c.rule)).toEqual([0, 0, 0]);
    expect(Array.from(c.itemInto)).toEqual([0, 1, 2]);
    expect(Array.from(c.chanStart)).toEqual([0, 0, 0, 0]);
    expect(c.chanList.length).toBe(0);
    expect(Array.from(c.share)).toEqual([1, 1, 1]);
  });
});
