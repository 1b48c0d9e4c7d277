import { describe, expect, it } from "vitest";
import { describeChange, describeChangePath, diffScenarios } from "../../../src/ui/compare/scenario-diff.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { scenario } from "../fixtures.ts";

describe("diffScenarios", () => {
  it("finds nothing between equal scenarios", () => {
    expect(diffScenarios(scenario(), scenario())).toEqual([]);
  });
  it("lists changed fields by path with old → new values", () => {
    const a = scenario();
    const b: Scenario = { ...a, name: "More stock", seed: 8,
      nodes: a.nodes.map((n) => (n.id === "dc" ? { ...n, policy: { type: "base-stock", level: 350 } } : n)) };
    expect(diffScenarios(a, b).map(describeChangePath)).toEqual([
      'name: "Two stores" → "More stock"',
      "seed: 7 → 8",
      "nodes[dc].policy.level: 300 → 350",
    ]);
  });
  it("shows a changed policy type as one replaced value", () => {
    const a = scenario();
    const b: Scenario = { ...a, nodes: a.nodes.map((n) => (n.id === "s2" ? { ...n, policy: { type: "sQ", s: 20, Q: 50 } } : n)) };
    expect(diffScenarios(a, b)).toEqual([{ path: "nodes[s2].policy", kind: "changed", before: { type: "sS", s: 20, S: 80 }, after: { type: "sQ", s: 20, Q: 50 } }]);
  });
  it("matches nodes, lanes and demand by key and reports added and removed ones", () => {
    const a = scenario();
    const b: Scenario = {
      ...a,
      nodes: [...a.nodes.filter((n) => n.id !== "s2"), { id: "s3", kind: "store", policy: { type: "base-stock", level: 40 } }],
      lanes: [...a.lanes.filter((l) => l.to !== "s2"), { from: "dc", to: "s3", leadTime: { type: "constant", value: 1 } }],
      demand: [{ node: "s1", dist: { type: "normal", mean: 25, sd: 5 } }],
      costs: { backorderPerUnitDay: 2 },
    };
    expect(diffScenarios(a, b).map(describeChangePath)).toEqual([
      "added costs: {\"backorderPerUnitDay\":2}",
      'removed nodes[s2]: {"id":"s2","name":"Store South","kind":"store","holdingCost":0.2,"policy":{"typ…', // cut at 80 characters
      'added nodes[s3]: {"id":"s3","kind":"store","policy":{"type":"base-stock","level":40}}',
      'removed lanes[dc→s2]: {"from":"dc","to":"s2","leadTime":{"type":"constant","value":3}}',
      'added lanes[dc→s3]: {"from":"dc","to":"s3","leadTime":{"type":"constant","value":1}}',
      "demand[s1].dist.mean: 20 → 25",
      'removed demand[s2]: {"node":"s2","dist":{"type":"poisson","mean":10}}',
    ]);
  });
  it("compares lists of numbers as one value and other lists by position", () => {
    const a = scenario({ demand: [{ node: "s1", dist: { type: "empirical", values: [1, 2] } }],
      disruptions: [{ type: "node-outage", node: "dc", start: 10, end: 20 }] });
    const b = scenario({ demand: [{ node: "s1", dist: { type: "empirical", values: [1, 3] } }],
      disruptions: [{ type: "node-outage", node: "dc", start: 10, end: 25 }] });
    expect(diffScenarios(a, b).map(describeChangePath)).toEqual(["disruptions[0].end: 20 → 25", "demand[s1].dist.values: [1,2] → [1,3]"]);
  });
});

describe("describeChange (issue 14, item 8: the change list read as raw JSON)", () => {
  const names = new Map([["dc", "Central DC"], ["s1", "Store North"], ["s2", "Store South"]]);
  const read = (a: Scenario, b: Scenario) => diffScenarios(a, b).map((c) => describeChange(c, names));
  it("names nodes, lanes and demand by the nodes' names and values in words", () => {
    const a = scenario();
    const b: Scenario = { ...a, seed: 8, warmup: 10,
      nodes: [...a.nodes.map((n) => (n.id === "dc" ? { ...n, policy: { type: "base-stock" as const, level: 350 } } : n)).filter((n) => n.id !== "s2"),
        { id: "s3", kind: "store", policy: { type: "base-stock" as const, level: 40 } }],
      lanes: a.lanes.filter((l) => l.to !== "s2"),
      demand: [{ node: "s1", dist: { type: "normal", mean: 25, sd: 5 } }] };
    expect(read(a, b)).toEqual([
      "Warmup: 5 → 10",
      "Seed: 7 → 8",
      "Central DC: policy level: 300 → 350",
      "Removed node Store South",
      "Added node s3",
      "Removed lane Central DC → Store South",
      "Demand at Store North: dist mean: 20 → 25",
      "Removed demand at Store South",
    ]);
  });
  it("describes a replaced policy in words, not JSON", () => {
    const a = scenario();
    const b: Scenario = { ...a, nodes: a.nodes.map((n) => (n.id === "s2" ? { ...n, policy: { type: "sQ", s: 20, Q: 50 } } : n)) };
    expect(read(a, b)).toEqual(["Store South: policy: sS, s 20, S 80 → sQ, s 20, Q 50"]);
  });
});
