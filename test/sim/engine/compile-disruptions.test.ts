// What compile makes of the scenario's disruptions (scenario.md "disruptions"): for each, what it
// changes, on which lane (scenario order) or node, its value and window, and for a demand shock
// the demand sources (scenario order) of its node and product. Written out by hand.
import { describe, expect, it } from "vitest";
import { compiled } from "../../../src/sim/engine/index.ts";
import { DISRUPTION } from "../../../src/sim/kernel/network.ts";
import { hashKey } from "../../../src/sim/random/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { lane, one, scenario, stock, supplier } from "./fixtures.ts";

const base: Scenario = scenario({
  products: [{ id: "p", unitCost: 1 }, { id: "q", unitCost: 1 }],
  nodes: [supplier, stock("dc", 50, { kind: "dc" }), stock("a", 20), stock("b", 20)],
  lanes: [lane("supplier", "dc", 2), lane("dc", "a", 1, { capacity: 40 }), lane("dc", "b", 1)],
  demand: [{ node: "a", product: "p", dist: one }, { node: "b", product: "p", dist: one }, { node: "a", product: "q", dist: one }, { node: "b", product: "q", dist: one }],
});

describe("compiled disruptions", () => {
  it("each disruption's kind, target, value and window; the first window's start", () => {
    const s: Scenario = { ...base, disruptions: [
      { type: "lane-delay", from: "dc", to: "b", extraDays: 4, start: 9, end: 12 },
      { type: "lane-outage", from: "dc", to: "a", start: 5, end: 8 },
      { type: "node-outage", node: "b", start: 7, end: 9 },
      { type: "capacity-cut", from: "dc", to: "a", factor: 0.25, start: 3, end: 4 },
      { type: "capacity-cut", node: "dc", factor: 0.5, start: 11, end: 13 },
      { type: "random-outage", node: "a", mtbf: 20, mttr: 2 },
      { type: "random-outage", from: "dc", to: "b", mtbf: 30, mttr: 3 },
    ] };
    const d = compiled(s).disruptions;
    expect(d.count).toBe(7);
    expect(Array.from(d.kind)).toEqual([DISRUPTION.laneDelay, DISRUPTION.laneOutage, DISRUPTION.nodeOutage, DISRUPTION.laneCut, DISRUPTION.nodeCut, DISRUPTION.nodeOutage, DISRUPTION.laneOutage]);
    expect(Array.from(d.target)).toEqual([2, 1, 3, 1, 1, 2, 2]);
    expect(Array.from(d.value)).toEqual([4, 0, 0, 0.25, 0.5, 0, 0]);
    expect(Array.from(d.start)).toEqual([9, 5, 7, 3, 11, -1, -1]);
    expect(Array.from(d.end)).toEqual([12, 8, 9, 4, 13, -1, -1]);
    expect(Array.from(d.random)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect([Array.from(d.mtbf), Array.from(d.mttr)]).toEqual([[0, 0, 0, 0, 0, 20, 30], [0, 0, 0, 0, 0, 2, 3]]);
    expect(Array.from(d.key)).toEqual([0, 0, 0, 0, 0, hashKey("outage:a:5"), hashKey("outage:dc>b:6")]);
    expect(d.firstWindowStart).toBe(3);
    expect(d.kinds).toBe((1 << DISRUPTION.laneDelay) | (1 << DISRUPTION.laneOutage) | (1 << DISRUPTION.nodeOutage) | (1 << DISRUPTION.laneCut) | (1 << DISRUPTION.nodeCut));
  });

  it("a demand shock lists the demand sources of its node (or every node) and product (or every product)", () => {
    const shock = (node: string, product?: string, start = 6) => ({ type: "demand-shock" as const, node, ...(product ? { product } : {}), multiplier: 2, start, end: 8 });
    const s: Scenario = { ...base, disruptions: [shock("b", undefined, 0), shock("*", "q"), shock("a", "p"), shock("*")] };
    const d = compiled(s).disruptions;
    expect(Array.from(d.kind)).toEqual([3, 3, 3, 3]);
    expect(Array.from(d.value)).toEqual([2, 2, 2, 2]);
    expect(Array.from(d.srcStart)).toEqual([0, 2, 4, 5, 9]);
    expect(Array.from(d.srcList)).toEqual([1, 3, 2, 3, 0, 0, 1, 2, 3]);
    expect(d.firstWindowStart).toBe(0);
  });

  it("without disruptions: none, and no window", () => {
    const d = compiled(base).disruptions;
    expect([d.count, d.kind.length, d.srcList.length, d.firstWindowStart, d.kinds]).toEqual([0, 0, 0, -1, 0]);
  });

  it("a lane is found by both its ends: two lanes into a, the disruption on the second", () => {
    // a then buys from two sources, so both its lanes carry a split (scenario.md "Several sources").
    const split = { sourcing: { split: 0.5 } };
    const lanes = [base.lanes[0], { ...base.lanes[1], ...split }, base.lanes[2], lane("supplier", "a", 3, split)];
    const s: Scenario = { ...base, lanes, disruptions: [
      { type: "lane-outage", from: "supplier", to: "a", start: 1, end: 2 },
      { type: "capacity-cut", from: "dc", to: "a", factor: 0.5, start: 1, end: 2 },
    ] };
    expect(validateScenario(s).ok).toBe(true);
    expect(Array.from(compiled(s).disruptions.target)).toEqual([3, 1]);
  });

  it("without a product list, a shock may name the one default product (scenario.md), and reaches the demand of its node", () => {
    const s = scenario({
      nodes: [supplier, stock("a", 20), stock("b", 20)], lanes: [lane("supplier", "a", 1), lane("supplier", "b", 1)],
      demand: [{ node: "a", dist: one }, { node: "b", dist: one }],
      disruptions: [{ type: "demand-shock", node: "b", product: "default", multiplier: 2, start: 1, end: 3 }],
    });
    expect(validateScenario(s).ok).toBe(true);
    expect(Array.from(compiled(s).disruptions.srcList)).toEqual([1]);
  });
});

