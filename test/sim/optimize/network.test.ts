import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { pooledVariance, sourcingNotes, stagesOf } from "../../../src/sim/optimize/network.ts";
import { base, bs, c } from "./fixtures.ts";

/** supplier → dc → stores a, b, c (σ 3, 4, 12). */
const tree = (extra: Partial<Scenario> = {}): Scenario => ({
  ...base,
  nodes: [
    { id: "sup", kind: "supplier", serviceTime: 2 },
    { id: "dc", kind: "dc", policy: bs, holdingCost: 1, processingTime: 1 },
    { id: "a", kind: "store", policy: bs, holdingCost: 2 },
    { id: "b", kind: "store", policy: bs, holdingCost: 2 },
    { id: "c", kind: "store", policy: bs, holdingCost: 2, serviceTime: 3 },
  ],
  lanes: [
    { from: "sup", to: "dc", leadTime: { type: "uniform", min: 2, max: 5 } },
    { from: "dc", to: "a", leadTime: c(1) }, { from: "dc", to: "b", leadTime: c(2) }, { from: "dc", to: "c", leadTime: c(0) },
  ],
  demand: [
    { node: "a", dist: { type: "poisson", mean: 9 } },
    { node: "b", dist: { type: "gamma", mean: 10, sd: 4 } },
    { node: "c", dist: { type: "uniform", min: 0, max: 12 * Math.sqrt(12) } },
  ],
  ...extra,
});

describe("stagesOf", () => {
  it("models a node with several sources by its primary, else its largest split share, and says so", () => {
    const twoSources = (first: Scenario["lanes"][number]["sourcing"], second: Scenario["lanes"][number]["sourcing"]) => tree({
      nodes: [{ id: "far", kind: "supplier", serviceTime: 9 }, ...tree().nodes],
      lanes: [{ from: "far", to: "dc", leadTime: c(20), sourcing: first }, { ...tree().lanes[0], sourcing: second }, ...tree().lanes.slice(1)],
    });
    const dcOf = (s: Scenario) => stagesOf(s, "default")[0];
    expect([dcOf(twoSources({ role: "backup" }, { role: "primary" })).processingTime, dcOf(twoSources({ role: "backup" }, { role: "primary" })).externalInbound]).toEqual([3.5 + 1, 2]);
    expect([dcOf(twoSources({ role: "primary" }, { role: "backup" })).processingTime, dcOf(twoSources({ role: "primary" }, { role: "backup" })).externalInbound]).toEqual([20 + 1, 9]);
    expect(dcOf(twoSources({ split: 0.3 }, { split: 0.7 })).processingTime).toBe(3.5 + 1);
    expect(dcOf(twoSources({ split: 0.7 }, { split: 0.3 })).processingTime).toBe(20 + 1);
    expect(sourcingNotes(twoSources({ split: 0.3 }, { split: 0.7 }))).toEqual([
      "dc has several sources: the analytic model keeps its largest split share, the lane from sup, and leaves out far; simulate the plan (--verify, or the network method) to see what the sourcing rule delivers.",
    ]);
    expect(sourcingNotes(tree())).toEqual([]);
  });

  it("stagesOf lists stocking nodes parents first with T = mean lead time + processingTime", () => {
    const st = stagesOf(tree(), "default");
    expect(st.map((s) => [s.id, s.parent, s.processingTime, s.externalInbound])).toEqual([
      ["dc", -1, 3.5 + 1, 2], ["a", 0, 1, 0], ["b", 0, 2, 0], ["c", 0, 0, 0],
    ]);
    expect(st.map((s) => [s.isDemandNode, s.maxServiceTime, s.holdingCost])).toEqual([[false, Infinity, 1], [true, 0, 2], [true, 0, 2], [true, 3, 2]]);
  });

  it("stagesOf sums the demand below a node: means add, variances add when independent", () => {
    const [dc, a, b, c3] = stagesOf(tree(), "default");
    expect([a.meanDemand, a.sdDemand]).toEqual([9, 3]);
    expect(b.meanDemand).toBeCloseTo(10, 12);
    expect(b.sdDemand).toBeCloseTo(4, 12);
    expect(c3.meanDemand).toBeCloseTo(6 * Math.sqrt(12), 12);
    expect(c3.sdDemand).toBeCloseTo(12, 12);
    expect(dc.meanDemand).toBeCloseTo(19 + 6 * Math.sqrt(12), 12);
    expect(dc.sdDemand).toBeCloseTo(13, 12); // √(9 + 16 + 144)
  });

  it("stagesOf adds ρ·Σ_{i≠j} σ_i σ_j for equicorrelated demand", () => {
    const [dc] = stagesOf(tree({ demandCorrelation: { rho: 0.5 } }), "default");
    // Σ_{i≠j} σ_i σ_j = 2·(3·4 + 3·12 + 4·12) = 192.
    expect(dc.sdDemand).toBeCloseTo(Math.sqrt(169 + 0.5 * 192), 12);
  });

  it("stagesOf correlates only within a group", () => {
    const [dc] = stagesOf(tree({ demandCorrelation: { groups: [{ nodes: ["a", "b"], rho: 0.25 }] } }), "default");
    expect(dc.sdDemand).toBeCloseTo(Math.sqrt(169 + 0.25 * 2 * 12), 12);
  });
});

describe("stagesOf with leadTimeVariance", () => {
  it("stagesOf carries the inbound lane's lead-time variance only when asked", () => {
    // uniform 2..5 whole days: variance (4² − 1) / 12 = 1.25; constant lanes: 0.
    const v = stagesOf(tree(), "default", { leadTimeVariance: true }).map((s) => s.leadTimeVariance);
    expect(v[0]).toBeCloseTo(1.25, 12);
    expect(v.slice(1)).toEqual([0, 0, 0]);
    expect(stagesOf(tree(), "default").map((s) => s.leadTimeVariance)).toEqual([0, 0, 0, 0]);
  });
});

describe("pooledVariance", () => {
  it("pooledVariance of n equal parts with ρ = 1 is (n·σ)²", () => {
    const s = { ...tree(), demandCorrelation: { rho: 1 } } as Scenario;
    expect(pooledVariance(s, [{ node: "a", sd: 2 }, { node: "b", sd: 2 }, { node: "c", sd: 2 }])).toBeCloseTo(36, 12);
  });
});
