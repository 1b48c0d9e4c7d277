import { describe, expect, it } from "vitest";
import type { Draft } from "../../../src/ui/editor/paths.ts";
import {
  addProduct, describeWindow, disruptionOfType, presetDisruption, presetWindow, productReferences, removeDisruption, removeProduct, renameProduct,
} from "../../../src/ui/editor/what-if-edits.ts";
import { validate } from "../../../src/ui/shared/validate.ts";

const net: Draft = {
  format: "echelon-scenario@1", name: "Net", horizon: 365, warmup: 0, replications: 10, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  nodes: [
    { id: "sup", kind: "supplier" }, { id: "plant", kind: "plant", policy: { type: "base-stock", level: 50 }, capacity: { throughput: 100 } },
    { id: "dc-a", kind: "dc", policy: { type: "base-stock", level: 50 } }, { id: "st", kind: "store", policy: { type: "base-stock", level: 20 } },
  ],
  lanes: [
    { from: "sup", to: "plant", leadTime: { type: "constant", value: 2 } }, { from: "plant", to: "dc-a", leadTime: { type: "constant", value: 1 }, capacity: 100 },
    { from: "dc-a", to: "st", leadTime: { type: "constant", value: 1 } },
  ],
  demand: [{ node: "st", dist: { type: "poisson", mean: 5 } }],
};

describe("what-if presets", () => {
  it("presetWindow starts on day 120 when the window fits, else centres it in the horizon", () => {
    expect(presetWindow(net, 14)).toEqual({ start: 120, end: 134 });
    expect(presetWindow({ ...net, horizon: 100 }, 14)).toEqual({ start: 43, end: 57 });
    expect(presetWindow({ ...net, horizon: 10 }, 14)).toEqual({ start: 0, end: 10 });
    expect(presetWindow({ ...net, horizon: "abc" }, 14)).toEqual({ start: 120, end: 134 });
  });

  it("each preset gives a disruption that validates on the network", () => {
    expect(presetDisruption(net, "supplier-late")).toEqual({ type: "lane-delay", from: "sup", to: "plant", extraDays: 14, start: 120, end: 134 });
    expect(presetDisruption(net, "demand-surge")).toEqual({ type: "demand-shock", node: "*", multiplier: 1.5, start: 120, end: 148 });
    expect(presetDisruption(net, "dc-outage")).toEqual({ type: "node-outage", node: "dc-a", start: 120, end: 127 });
    expect(presetDisruption(net, "capacity-cut")).toEqual({ type: "capacity-cut", node: "plant", factor: 0.5, start: 120, end: 148 });
    expect(presetDisruption(net, "supplier-outages")).toEqual({ type: "random-outage", from: "sup", to: "plant", mtbf: 60, mttr: 7 });
    for (const id of ["supplier-late", "demand-surge", "dc-outage", "capacity-cut", "supplier-outages"] as const) {
      expect(validate({ ...net, disruptions: [presetDisruption(net, id)] })).toEqual([]);
    }
  });

  it("a preset that has nothing to act on says why instead", () => {
    const bare: Draft = { ...net, nodes: [{ id: "sup", kind: "supplier" }], lanes: [], demand: [] };
    expect(presetDisruption(bare, "supplier-late")).toBe("This network has no lane from a supplier into a stocking node.");
    expect(presetDisruption(bare, "dc-outage")).toBe("This network has no DC.");
    expect(presetDisruption(bare, "supplier-outages")).toBe("This network has no lane from a supplier into a stocking node.");
    // A cut needs a capacity to act on (validation refuses one that would change nothing).
    const uncapped: Draft = { ...net, nodes: [{ id: "sup", kind: "supplier" }, { id: "dc-a", kind: "dc", policy: { type: "base-stock", level: 50 } }], lanes: [] };
    expect(presetDisruption(uncapped, "capacity-cut")).toMatch(/^This network has no node throughput or lane capacity to cut/);
  });

  it("describeWindow names the days and weeks of [start, end)", () => {
    expect(describeWindow(120, 134)).toBe("days 120–133 (weeks 18–20)");
    expect(describeWindow(0, 7)).toBe("days 0–6 (week 1)");
    expect(describeWindow(5, 6)).toBe("day 5 (week 1)");
    expect(describeWindow(10, 10)).toBeUndefined();
    expect(describeWindow("x", 10)).toBeUndefined();
  });
});

describe("disruption edits", () => {
  it("disruptionOfType keeps the window and target and every type validates", () => {
    const d = { type: "lane-delay", from: "plant", to: "dc-a", extraDays: 3, start: 10, end: 20 };
    expect(disruptionOfType(net, "lane-outage", d)).toEqual({ type: "lane-outage", from: "plant", to: "dc-a", start: 10, end: 20 });
    expect(disruptionOfType(net, "node-outage", d)).toEqual({ type: "node-outage", node: "plant", start: 10, end: 20 });
    expect(disruptionOfType(net, "random-outage", d)).toEqual({ type: "random-outage", from: "plant", to: "dc-a", mtbf: 90, mttr: 3 });
    for (const t of ["lane-delay", "lane-outage", "node-outage", "demand-shock", "capacity-cut", "random-outage"]) {
      expect(validate({ ...net, disruptions: [disruptionOfType(net, t, d)] }), t).toEqual([]);
      expect(validate({ ...net, disruptions: [disruptionOfType(net, t, undefined)] }), t).toEqual([]);
    }
  });

  it("removeDisruption drops the key with the last disruption", () => {
    const one = { ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 1, end: 2 }] };
    expect("disruptions" in removeDisruption(one, 0)).toBe(false);
  });
});

describe("product edits", () => {
  const multi: Draft = {
    ...net,
    products: [{ id: "a", unitCost: 2 }, { id: "b" }],
    nodes: (net.nodes as Draft[]).map((n) => (n.kind === "supplier" ? n : { ...n, policy: { a: { type: "base-stock", level: 5 }, b: { type: "base-stock", level: 5 } }, holdingCost: { a: 1, b: 2 } })),
    demand: [{ node: "st", product: "a", dist: { type: "poisson", mean: 5 } }, { node: "st", product: "b", dist: { type: "poisson", mean: 5 } }],
    disruptions: [{ type: "demand-shock", node: "*", product: "a", multiplier: 2, start: 1, end: 5 }],
  };

  it("renameProduct moves demand, disruptions and per-product maps to the new id", () => {
    const next = renameProduct(multi, 0, "apple");
    expect(validate(next)).toEqual([]);
    expect((next.products as Draft[])[0]).toEqual({ id: "apple", unitCost: 2 });
    expect(productReferences(next, "a")).toEqual([]);
    expect(productReferences(next, "apple")).toEqual(["demand[0].product", "disruptions[0].product", "nodes[1].policy", "nodes[1].holdingCost", "nodes[2].policy", "nodes[2].holdingCost", "nodes[3].policy", "nodes[3].holdingCost"]);
  });

  it("renameProduct onto an id in use changes only the product, so references are never merged", () => {
    const next = renameProduct(multi, 0, "b");
    expect(productReferences(next, "a")).toHaveLength(8);
  });

  it("removeProduct refuses while the product is referenced, and addProduct gives a fresh id", () => {
    expect(removeProduct(multi, 1)).toBe('"b" is still used by demand[1].product, nodes[1].policy, nodes[1].holdingCost and 4 more; remove those first.');
    expect(addProduct(net).draft.products).toEqual([{ id: "default", unitCost: 1 }, { id: "product-2", unitCost: 1 }]);
    const added = addProduct(multi);
    expect(removeProduct(added.draft, added.index)).toEqual(multi);
  });
});
