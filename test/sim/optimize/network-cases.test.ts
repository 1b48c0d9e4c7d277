import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { modelledLane, policyOf, pooledVariance, sourcingNotes, stagesOf } from "../../../src/sim/optimize/network.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { base, bs, c } from "./fixtures.ts";

const valid = (s: Scenario) => {
  const r = validateScenario(s);
  expect(r.ok ? [] : r.errors).toEqual([]);
  return s;
};

describe("policyOf and stagesOf", () => {
  it("a node with no policy at all stocks nothing", () => {
    expect(policyOf(undefined, "x")).toBeUndefined();
  });

  it("takes for each product only the nodes that stock it; a node without holdingCost costs 0", () => {
    // M stocks x only (no holdingCost) and ships it to B; B stocks x and y (holding 2 and 3), y straight from S.
    const s = valid({
      ...base,
      products: [{ id: "x" }, { id: "y" }],
      nodes: [
        { id: "S", kind: "supplier" },
        { id: "M", kind: "dc", policy: { x: bs } },
        { id: "B", kind: "dc", policy: { x: bs, y: bs }, holdingCost: { x: 2, y: 3 } },
      ],
      lanes: [
        { from: "S", to: "M", leadTime: c(1), products: ["x"] },
        { from: "M", to: "B", leadTime: c(2), products: ["x"] },
        { from: "S", to: "B", leadTime: c(3), products: ["y"] },
      ],
      demand: [{ node: "B", product: "x", dist: c(1) }, { node: "B", product: "y", dist: c(1) }],
    } as Scenario);
    const view = (p: string) => stagesOf(s, p).map((st) => ({ id: st.id, parent: st.parent, holdingCost: st.holdingCost, processingTime: st.processingTime }));
    expect(view("x")).toEqual([{ id: "M", parent: -1, holdingCost: 0, processingTime: 1 }, { id: "B", parent: 0, holdingCost: 2, processingTime: 2 }]);
    expect(view("y")).toEqual([{ id: "B", parent: -1, holdingCost: 3, processingTime: 3 }]);
  });
});

describe("pooledVariance", () => {
  it("pools demands of the same product only: three products with ρ = 0.5 add their variances", () => {
    // One demand of sd 1 for each of x, y, z: independent across products, so 1 + 1 + 1 = 3
    // (pooled as one product it would be 3 + 0.5·(3² − 3) = 6).
    const s = { demandCorrelation: { rho: 0.5 } } as Scenario;
    const parts = [{ node: "a", sd: 1, product: "x" }, { node: "b", sd: 1, product: "y" }, { node: "c", sd: 1, product: "z" }];
    expect(pooledVariance(s, parts)).toBeCloseTo(3, 12);
    // Two of the same product: 1 + 1 + 0.5·(2² − 2) = 3, plus the third product's 1.
    expect(pooledVariance(s, [...parts.slice(0, 2).map((p) => ({ ...p, product: "x" })), parts[2]])).toBeCloseTo(4, 12);
  });
});

describe("modelledLane", () => {
  it("is the lane into the node, not the scenario's first lane", () => {
    const s = valid({
      ...base,
      nodes: [{ id: "S", kind: "supplier" }, { id: "A", kind: "dc", policy: bs }, { id: "B", kind: "dc", policy: bs }],
      lanes: [{ from: "S", to: "A", leadTime: c(1) }, { from: "A", to: "B", leadTime: c(2) }],
      demand: [{ node: "B", dist: c(1) }],
    } as Scenario);
    expect(modelledLane(s, "B", "default")).toBe(s.lanes[1]);
    expect(modelledLane(s, "A", "default")).toBe(s.lanes[0]);
  });

  it("keeps the first in scenario order when split shares tie", () => {
    const s = valid({
      ...base,
      nodes: [{ id: "S", kind: "supplier" }, { id: "T", kind: "supplier" }, { id: "A", kind: "dc", policy: bs }],
      lanes: [{ from: "S", to: "A", leadTime: c(1), sourcing: { split: 0.5 } }, { from: "T", to: "A", leadTime: c(2), sourcing: { split: 0.5 } }],
      demand: [{ node: "A", dist: c(1) }],
    } as Scenario);
    expect(modelledLane(s, "A", "default")).toBe(s.lanes[0]);
  });
});

describe("sourcingNotes", () => {
  it("names the product, the primary source kept and every lane left out, for that product's lanes only", () => {
    // B gets x from S1 (primary), S2 and S3 (backups), and y from S4 alone: one note, for x.
    const s = valid({
      ...base,
      products: [{ id: "x" }, { id: "y" }],
      nodes: [
        ...["S1", "S2", "S3", "S4"].map((id) => ({ id, kind: "supplier" })),
        { id: "B", kind: "dc", policy: { x: bs, y: bs } },
      ],
      lanes: [
        { from: "S1", to: "B", leadTime: c(1), products: ["x"], sourcing: { role: "primary" } },
        { from: "S2", to: "B", leadTime: c(1), products: ["x"], sourcing: { role: "backup" } },
        { from: "S3", to: "B", leadTime: c(1), products: ["x"], sourcing: { role: "backup" } },
        { from: "S4", to: "B", leadTime: c(1), products: ["y"] },
      ],
      demand: [{ node: "B", product: "x", dist: c(1) }, { node: "B", product: "y", dist: c(1) }],
    } as Scenario);
    expect(sourcingNotes(s)).toEqual([
      "B (x) has several sources: the analytic model keeps its primary source, the lane from S1, and leaves out S2, S3; " +
      "simulate the plan (--verify, or the network method) to see what the sourcing rule delivers.",
    ]);
  });

  it("with one product, names no product and keeps the largest split share", () => {
    const s = valid({
      ...base,
      nodes: [{ id: "S", kind: "supplier" }, { id: "T", kind: "supplier" }, { id: "A", kind: "dc", policy: bs }],
      lanes: [{ from: "S", to: "A", leadTime: c(1), sourcing: { split: 0.3 } }, { from: "T", to: "A", leadTime: c(2), sourcing: { split: 0.7 } }],
      demand: [{ node: "A", dist: c(1) }],
    } as Scenario);
    expect(sourcingNotes(s)).toEqual([
      "A has several sources: the analytic model keeps its largest split share, the lane from T, and leaves out S; " +
      "simulate the plan (--verify, or the network method) to see what the sourcing rule delivers.",
    ]);
  });
});
