import { describe, expect, it } from "vitest";
import { applyPick, pickableTargets, targetKind } from "../../../src/ui/editor/target-pick.ts";
import type { Draft } from "../../../src/ui/editor/paths.ts";
import { validate } from "../../../src/ui/shared/validate.ts";

const net: Draft = {
  format: "echelon-scenario@1", name: "Net", horizon: 200, warmup: 0, replications: 10, seed: 1, unmetDemand: "backorder", allocation: "fifo",
  nodes: [
    { id: "sup", name: "Raw supplier", kind: "supplier" },
    { id: "plant", kind: "plant", policy: { type: "base-stock", level: 50 }, capacity: { throughput: 40 } },
    { id: "dc-a", name: "DC A", kind: "dc", policy: { type: "base-stock", level: 50 } },
    { id: "st", name: "Store", kind: "store", policy: { type: "base-stock", level: 20 } },
  ],
  lanes: [
    { from: "sup", to: "plant", leadTime: { type: "constant", value: 2 } },
    { from: "plant", to: "dc-a", leadTime: { type: "constant", value: 1 }, capacity: 100 },
    { from: "dc-a", to: "st", leadTime: { type: "constant", value: 1 } },
  ],
  demand: [{ node: "st", dist: { type: "poisson", mean: 5 } }],
};
const withDisruption = (d: Draft): Draft => ({ ...net, disruptions: [d] });
const node = (index: number) => ({ kind: "node", index }) as const;
const lane = (index: number) => ({ kind: "lane", index }) as const;

describe("target-pick", () => {
  it("targetKind: a lane for lane events, a node for node outages and demand shocks, either for cuts and random outages", () => {
    expect(["lane-delay", "lane-outage", "node-outage", "demand-shock", "capacity-cut", "random-outage", "x"].map((type) => targetKind({ type })))
      .toEqual(["lane", "lane", "node", "node", "node-or-lane", "node-or-lane", undefined]);
    expect(targetKind(null)).toBeUndefined();
  });

  it("pickableTargets offers every node for a node outage and no lane", () => {
    const pick = pickableTargets(withDisruption({ type: "node-outage", node: "dc-a", start: 10, end: 17 }), 0)!;
    expect([...pick.nodes]).toEqual([0, 1, 2, 3]);
    expect([...pick.lanes]).toEqual([]);
    expect(pick.prompt).toBe("Disruption 1 (node-outage): click the node it closes in the diagram. Esc cancels.");
  });

  it("pickableTargets offers only demand nodes for a demand shock, and only capacities for a cut", () => {
    const shock = pickableTargets(withDisruption({ type: "demand-shock", node: "*", multiplier: 1.5, start: 1, end: 5 }), 0)!;
    expect([...shock.nodes]).toEqual([3]);
    const cut = pickableTargets(withDisruption({ type: "capacity-cut", node: "plant", factor: 0.5, start: 1, end: 5 }), 0)!;
    expect([...cut.nodes]).toEqual([1]);
    expect([...cut.lanes]).toEqual([1]);
  });

  it("pickableTargets says so when nothing has a capacity to cut, and shows a note in place of the prompt", () => {
    const bare: Draft = { ...net, nodes: (net.nodes as Draft[]).map(({ capacity: _c, ...n }) => n), lanes: (net.lanes as Draft[]).map(({ capacity: _c, ...l }) => l) };
    const pick = pickableTargets({ ...bare, disruptions: [{ type: "capacity-cut", node: "plant", factor: 0.5, start: 1, end: 5 }] }, 0)!;
    expect(pick.nodes.size + pick.lanes.size).toBe(0);
    expect(pick.prompt).toMatch(/^Nothing in this network has a capacity to cut/);
    expect(pickableTargets(withDisruption({ type: "node-outage", node: "dc-a", start: 1, end: 5 }), 0, "why not")!.prompt).toBe("why not");
  });

  it("pickableTargets is undefined for a disruption that is not there", () => {
    expect(pickableTargets(net, 0)).toBeUndefined();
    expect(pickableTargets({ ...net, disruptions: [42] as never }, 0)).toBeUndefined();
  });

  it("applyPick sets a node outage's node and keeps its window", () => {
    const next = applyPick(withDisruption({ type: "node-outage", node: "dc-a", start: 10, end: 17 }), 0, node(1)) as Draft;
    expect(next.disruptions).toEqual([{ type: "node-outage", node: "plant", start: 10, end: 17 }]);
    expect(validate(next)).toEqual([]);
  });

  it("applyPick sets a lane delay's lane, and refuses a node with a reason", () => {
    const draft = withDisruption({ type: "lane-delay", from: "sup", to: "plant", extraDays: 14, start: 120, end: 134 });
    expect((applyPick(draft, 0, lane(2)) as Draft).disruptions).toEqual([{ type: "lane-delay", from: "dc-a", to: "st", extraDays: 14, start: 120, end: 134 }]);
    expect(applyPick(draft, 0, node(2))).toBe("A lane-delay acts on a lane: click a line between two nodes, not a node.");
  });

  it("applyPick refuses a lane for a node outage, a node without demand for a shock, and something without capacity for a cut", () => {
    expect(applyPick(withDisruption({ type: "node-outage", node: "dc-a", start: 1, end: 5 }), 0, lane(0))).toBe("A node-outage acts on a node: click a node, not a lane.");
    expect(applyPick(withDisruption({ type: "demand-shock", node: "*", multiplier: 2, start: 1, end: 5 }), 0, node(2))).toBe("DC A has no customer demand to shock: click a node with demand (a store).");
    const cut = withDisruption({ type: "capacity-cut", node: "plant", factor: 0.5, start: 1, end: 5 });
    expect(applyPick(cut, 0, node(2))).toMatch(/^DC A has no throughput capacity, so a cut would change nothing/);
    expect(applyPick(cut, 0, lane(0))).toMatch(/^This lane has no capacity, so a cut would change nothing/);
  });

  it("applyPick moves a capacity cut or random outage between a node and a lane", () => {
    const cut = applyPick(withDisruption({ type: "capacity-cut", node: "plant", factor: 0.5, start: 1, end: 5 }), 0, lane(1)) as Draft;
    expect(cut.disruptions).toEqual([{ type: "capacity-cut", from: "plant", to: "dc-a", factor: 0.5, start: 1, end: 5 }]);
    expect(validate(cut)).toEqual([]);
    const random = applyPick(withDisruption({ type: "random-outage", from: "sup", to: "plant", mtbf: 90, mttr: 3 }), 0, node(0)) as Draft;
    expect(random.disruptions).toEqual([{ type: "random-outage", node: "sup", mtbf: 90, mttr: 3 }]);
    expect(validate(random)).toEqual([]);
  });

  it("applyPick sets a demand shock's node and keeps its product", () => {
    const next = applyPick(withDisruption({ type: "demand-shock", node: "*", product: "default", multiplier: 2, start: 1, end: 5 }), 0, node(3)) as Draft;
    expect(next.disruptions).toEqual([{ type: "demand-shock", node: "st", product: "default", multiplier: 2, start: 1, end: 5 }]);
  });

  it("applyPick leaves the other disruptions as they are and says when the disruption is gone", () => {
    const two: Draft = { ...net, disruptions: [{ type: "node-outage", node: "dc-a", start: 1, end: 5 }, { type: "node-outage", node: "st", start: 9, end: 12 }] };
    expect((applyPick(two, 1, node(1)) as Draft).disruptions).toEqual([{ type: "node-outage", node: "dc-a", start: 1, end: 5 }, { type: "node-outage", node: "plant", start: 9, end: 12 }]);
    expect(applyPick(two, 5, node(1))).toBe("Disruption 6 is no longer there.");
  });
});
