// The order compile puts items in (kernel/network.ts: "Items are in topological order, upstream
// first"): by the node's depth — the longest path of lanes from a root — then scenario order, then
// product, a sourcing channel just before its item. Small networks listed out of that order, every
// array written out by hand.
import { describe, expect, it } from "vitest";
import { build, lane, one, scenario, stock, supplier } from "./fixtures.ts";

describe("compiled item order", () => {
  it("a chain listed downstream first sorts by depth: supplier, d, a, c", () => {
    // lanes supplier → d → a → c, nodes listed supplier, d, c, a: depths 0, 1, 3, 2
    const net = build(scenario({
      nodes: [supplier, stock("d", 30), stock("c", 10), stock("a", 20)],
      lanes: [lane("supplier", "d", 1), lane("d", "a", 1), lane("a", "c", 1)],
      demand: [{ node: "c", dist: one }],
    }));
    expect(net.items).toBe(4);
    expect(Array.from(net.itemNode)).toEqual([0, 1, 3, 2]);
    expect(Array.from(net.itemSource)).toEqual([1, 0, 0, 0]);
    expect(Array.from(net.itemSupplier)).toEqual([-1, 0, 1, 2]);
    expect(Array.from(net.itemLane)).toEqual([-1, 0, 1, 2]);
    expect(Array.from(net.itemLevel)).toEqual([0, 30, 20, 10]);
    expect(Array.from(net.demandItem)).toEqual([3]);
    // each item ships to the next one down the chain; c, the last, ships to nobody
    expect(Array.from(net.childStart)).toEqual([0, 1, 2, 3, 3]);
    expect(Array.from(net.childList)).toEqual([1, 2, 3]);
    expect(Array.from(net.shippers)).toEqual([0, 1, 2]);
    expect(Array.from(net.stockingNodes)).toEqual([1, 2, 3]);
    expect(Array.from(net.stockingItems)).toEqual([1, 2, 3]);
  });

  it("a node's depth is its longest path: a two lanes below s1 sorts after d, though s2 feeds it directly", () => {
    // p: s1 → d → a; q: s2 → a. Depths s2 0, s1 0, d 1, a 2 (not 1: the lane from s2 is the short way).
    const net = build(scenario({
      products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 1 }],
      nodes: [{ id: "s2", kind: "supplier" }, { id: "s1", kind: "supplier" }, stock("a", 5), { id: "d", kind: "dc", policy: { p: { type: "base-stock", level: 9 } } }],
      lanes: [lane("s1", "d", 1, { products: ["p"] }), lane("d", "a", 1, { products: ["p"] }), lane("s2", "a", 1, { products: ["q"] })],
      demand: [{ node: "a", product: "p", dist: one }, { node: "a", product: "q", dist: one }],
    }));
    // s2:q, s1:p (depth 0, scenario order), d:p (depth 1), a:p, a:q (depth 2, product order)
    expect(Array.from(net.itemNode)).toEqual([0, 1, 3, 2, 2]);
    expect(Array.from(net.itemProduct)).toEqual([1, 0, 0, 0, 1]);
    expect(Array.from(net.itemSupplier)).toEqual([-1, -1, 1, 2, 0]);
    expect(Array.from(net.itemLane)).toEqual([-1, -1, 0, 1, 2]);
    expect(Array.from(net.demandItem)).toEqual([3, 4]);
  });

  it("a supplier's items sort by product, whatever order the nodes below ask for them in", () => {
    // x stocks only q and comes first, so the supplier's q is found before its p
    const net = build(scenario({
      products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 1 }],
      nodes: [supplier, { id: "x", kind: "store", policy: { q: { type: "base-stock", level: 4 } } }, { id: "y", kind: "store", policy: { p: { type: "base-stock", level: 6 } } }],
      lanes: [lane("supplier", "x", 1), lane("supplier", "y", 1)],
      demand: [{ node: "x", product: "q", dist: one }, { node: "y", product: "p", dist: one }],
    }));
    expect(Array.from(net.itemNode)).toEqual([0, 0, 1, 2]);
    expect(Array.from(net.itemProduct)).toEqual([0, 1, 1, 0]);
    expect(Array.from(net.itemSupplier)).toEqual([-1, -1, 1, 0]);
    expect(Array.from(net.itemLevel)).toEqual([0, 0, 4, 6]);
    expect(Array.from(net.demandItem)).toEqual([2, 3]);
  });

  it("channels sort just before their item, in rule order (primary, then backups), also for the first item found", () => {
    // dc is listed first, so its item is the first one compile finds; s2's lane is the primary
    const net = build(scenario({
      nodes: [stock("dc", 40), { id: "s1", kind: "supplier" }, { id: "s2", kind: "supplier" }, { id: "s3", kind: "supplier" }],
      lanes: [
        lane("s1", "dc", 1, { sourcing: { role: "backup" } }),
        lane("s2", "dc", 2, { sourcing: { role: "primary" } }),
        lane("s3", "dc", 3, { sourcing: { role: "backup" } }),
      ],
      demand: [{ node: "dc", dist: one }],
    }));
    // s1, s2, s3 (depth 0); at dc: channel of lane 1 (s2), of lane 0 (s1), of lane 2 (s3), then the item
    expect(net.items).toBe(7);
    expect(Array.from(net.itemNode)).toEqual([1, 2, 3, 0, 0, 0, 0]);
    expect(Array.from(net.itemLane)).toEqual([-1, -1, -1, 1, 0, 2, -1]);
    expect(Array.from(net.itemSupplier)).toEqual([-1, -1, -1, 1, 0, 2, -1]);
    expect(Array.from(net.itemPolicy)).toEqual([-1, -1, -1, -1, -1, -1, 0]);
    expect(Array.from(net.itemLevel)).toEqual([0, 0, 0, 0, 0, 0, 40]);
    expect(Array.from(net.demandItem)).toEqual([6]);
    expect(Array.from(net.sourcing.itemInto)).toEqual([0, 1, 2, 6, 6, 6, 6]);
    expect(Array.from(net.sourcing.chanStart)).toEqual([0, 0, 0, 0, 0, 0, 0, 3]);
    expect(Array.from(net.sourcing.chanList)).toEqual([3, 4, 5]);
    // s1 ships to its channel (4), s2 to 3, s3 to 5
    expect(Array.from(net.childStart)).toEqual([0, 1, 2, 3, 3, 3, 3, 3]);
    expect(Array.from(net.childList)).toEqual([4, 3, 5]);
  });
});
