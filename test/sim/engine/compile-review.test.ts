// Which items compile marks for the kernel's short review loop (kernel/network.ts): itemDailyBaseStock
// is 1 for an item that reviews a base-stock policy every day, with a supplier and no expedite lane;
// reviewDaily says every item that reviews at all is one (outside suppliers and channels never
// review), and never holds with a bill of materials. Written out by hand.
import { describe, expect, it } from "vitest";
import { build, lane, one, scenario, stock, supplier } from "./fixtures.ts";

const daily = (flags: { itemDailyBaseStock: Uint8Array; reviewDaily: boolean }) => [Array.from(flags.itemDailyBaseStock), flags.reviewDaily];

describe("compiled review flags", () => {
  it("only a daily base-stock item with a supplier and no expedite lane is daily", () => {
    const net = build(scenario({
      nodes: [supplier, stock("dc", 40), stock("a", 10, { policy: { type: "base-stock", level: 10, review: 2 } }),
        stock("b", 0, { policy: { type: "sS", s: 3, S: 9 } }), stock("c", 10)],
      lanes: [lane("supplier", "dc", 2), lane("dc", "a", 1), lane("dc", "b", 1), lane("dc", "c", 1)],
      demand: ["a", "b", "c"].map((node) => ({ node, dist: one })),
      mitigations: { expedite: [{ from: "supplier", to: "c", leadTime: one, when: "position-below", threshold: 2 }] },
    }));
    // supplier (no policy), dc (daily), a (every 2 days), b (sS), c (expedite lane)
    expect(Array.from(net.itemNode)).toEqual([0, 1, 2, 3, 4]);
    expect(daily(net)).toEqual([[0, 1, 0, 0, 0], false]);
  });

  it("a chain of daily base-stock items reviews daily; one item every 2 days, or one sS item, and it does not", () => {
    const chain = (store: Partial<Parameters<typeof stock>[2]> = {}) => build(scenario({
      nodes: [supplier, stock("dc", 40), stock("store", 10, store)],
      lanes: [lane("supplier", "dc", 2), lane("dc", "store", 1)],
      demand: [{ node: "store", dist: one }],
    }));
    expect(daily(chain())).toEqual([[0, 1, 1], true]);
    expect(daily(chain({ policy: { type: "base-stock", level: 10, review: 2 } }))).toEqual([[0, 1, 0], false]);
    expect(daily(chain({ policy: { type: "sS", s: 3, S: 9 } }))).toEqual([[0, 1, 0], false]);
  });

  it("an sS item fed by the first item is not daily either", () => {
    const net = build(scenario({
      nodes: [supplier, stock("store", 0, { policy: { type: "sS", s: 3, S: 9 } })],
      lanes: [lane("supplier", "store", 1)],
      demand: [{ node: "store", dist: one }],
    }));
    expect(Array.from(net.itemSupplier)).toEqual([-1, 0]);
    expect(daily(net)).toEqual([[0, 0], false]);
  });

  it("an item with a sourcing rule has no supplier of its own: not daily, and the network not either", () => {
    const net = build(scenario({
      nodes: [{ id: "sa", kind: "supplier" }, { id: "sb", kind: "supplier" }, stock("dc", 40), stock("store", 10)],
      lanes: [lane("sa", "dc", 2, { sourcing: { split: 0.5 } }), lane("sb", "dc", 3, { sourcing: { split: 0.5 } }), lane("dc", "store", 1)],
      demand: [{ node: "store", dist: one }],
    }));
    // sa, sb, two channels, dc, store
    expect(Array.from(net.itemSupplier)).toEqual([-1, -1, 0, 1, -1, 4]);
    expect(daily(net)).toEqual([[0, 0, 0, 0, 0, 1], false]);
  });

  it("with a bill of materials the network never reviews daily, though every item runs a daily base stock", () => {
    const net = build(scenario({
      products: [{ id: "e", unitCost: 1 }, { id: "t", unitCost: 5 }],
      nodes: [supplier, { id: "plant", kind: "plant", policy: { type: "base-stock", level: 20 }, bom: [{ product: "t", components: { e: 2 } }] }],
      lanes: [lane("supplier", "plant", 1, { products: ["e"] })],
      demand: [{ node: "plant", product: "t", dist: one }],
    }));
    // supplier's e, plant's e (bought), plant's t (made: no supplier)
    expect(Array.from(net.itemSupplier)).toEqual([-1, 0, -1]);
    expect(daily(net)).toEqual([[0, 1, 0], false]);
  });
});
