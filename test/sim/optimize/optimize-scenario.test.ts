import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { normalQuantile } from "../../../src/sim/math/normal.ts";
import { optimizeScenario, type NodeOptimum } from "../../../src/sim/optimize/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import { base, bs, c } from "./fixtures.ts";

const root = join(import.meta.dirname, "../../..");
const retail = JSON.parse(readFileSync(join(root, "scenarios/retail-3-echelon.json"), "utf8")) as Scenario;
const normal = (mean: number, sd: number) => ({ type: "normal", mean, sd }) as const;

/** Snyder & Shen Example 6.5 as a scenario: 1 → 3 → {2, 4}. */
const example65: Scenario = {
  ...base,
  nodes: [
    { id: "sup", kind: "supplier", serviceTime: 1 },
    { id: "n1", kind: "plant", policy: bs, holdingCost: 1 },
    { id: "n3", kind: "dc", policy: bs, holdingCost: 2 },
    { id: "n2", kind: "store", policy: bs, holdingCost: 3, serviceTime: 0 },
    { id: "n4", kind: "store", policy: bs, holdingCost: 3, serviceTime: 1 },
  ],
  lanes: [
    { from: "sup", to: "n1", leadTime: c(2) }, { from: "n1", to: "n3", leadTime: c(1) },
    { from: "n3", to: "n2", leadTime: c(1) }, { from: "n3", to: "n4", leadTime: c(1) },
  ],
  demand: [{ node: "n2", dist: normal(50, 1) }, { node: "n4", dist: normal(50, 1) }],
};
const one = (r: ReturnType<typeof optimizeScenario>, id: string) => r.nodes[id] as NodeOptimum;

describe("optimizeScenario", () => {
  it("optimizeScenario(gsm) reaches the published optimum of Snyder & Shen Example 6.5 (z = 1)", () => {
    const r = optimizeScenario(example65, { method: "gsm", z: 1 });
    expect(["n1", "n3", "n2", "n4"].map((id) => one(r, id).serviceTime)).toEqual([0, 0, 0, 1]);
    expect(r.safetyStockCost).toBeCloseTo(2 * Math.SQRT2 + Math.sqrt(6) + 3, 9);
    expect(r.serviceLevel).toBeCloseTo(0.8413447460685429, 12);
  });

  it("optimizeScenario(single-echelon) sets base stock μ·T + z·σ·√T at every node", () => {
    const r = optimizeScenario(example65, { method: "single-echelon", serviceLevel: 0.95 });
    const z = normalQuantile(0.95);
    const expected = { n1: [100, Math.SQRT2, 2], n3: [100, Math.SQRT2, 1], n2: [50, 1, 1], n4: [50, 1, 1] };
    for (const [id, [mu, sd, T]] of Object.entries(expected)) {
      const o = one(r, id);
      expect([o.inboundServiceTime, o.serviceTime, o.netReplenishmentTime]).toEqual([0, 0, T]);
      expect(o.safetyStock).toBeCloseTo(z * sd * Math.sqrt(T), 9);
      expect(o.baseStock).toBeCloseTo(mu * T + z * sd * Math.sqrt(T), 9);
    }
    expect(r.safetyStockUnits).toBeCloseTo(z * (Math.SQRT2 * Math.SQRT2 + Math.SQRT2 + 2), 9);
    expect(r.safetyStockCost).toBeCloseTo(z * (Math.SQRT2 * Math.SQRT2 + 2 * Math.SQRT2 + 6), 9);
  });

  it("optimizeScenario writes daily base-stock policies at baseStock into a scenario that validates", () => {
    const withStart = { ...example65, nodes: example65.nodes.map((n) => (n.id === "n1" ? { ...n, initialInventory: 3 } : n)) };
    const r = optimizeScenario(withStart, { method: "gsm", z: 1 });
    expect(r.format).toBe("echelon-optimization@1");
    expect(Object.keys(r)).toEqual(["format", "method", "serviceLevel", "z", "nodes", "safetyStockUnits", "safetyStockCost", "scenario"]);
    for (const n of r.scenario.nodes.filter((x) => x.kind !== "supplier")) {
      expect(n.policy).toEqual({ type: "base-stock", level: one(r, n.id).baseStock });
      expect(n.initialInventory).toBeUndefined();
    }
    expect(one(r, "n4").baseStock).toBe(0); // τ = 0: it promises its customers 1 day and passes stock through
    expect(validateScenario(r.scenario).ok).toBe(true);
  });

  it("optimizeScenario(gsm) costs no more than single-echelon on the retail scenario", () => {
    const gsm = optimizeScenario(retail, { method: "gsm", serviceLevel: 0.95 });
    const single = optimizeScenario(retail, { method: "single-echelon", serviceLevel: 0.95 });
    expect(gsm.safetyStockCost).toBeLessThanOrEqual(single.safetyStockCost + 1e-9);
    expect(Object.keys(gsm.nodes)).toHaveLength(26);
  });

  it("optimizeScenario(gsm) holds less than single-echelon when downstream holding is dear", () => {
    // With node 3 at 10 per unit-day, GSM has it quote 1 day and leaves the cover to the
    // cheaper nodes around it; single-echelon keeps a day's cover there.
    const dear = { ...example65, nodes: example65.nodes.map((n) => (n.id === "n3" ? { ...n, holdingCost: 10 } : n)) };
    const gsm = optimizeScenario(dear, { method: "gsm", z: 1 });
    const single = optimizeScenario(dear, { method: "single-echelon", z: 1 });
    expect(one(gsm, "n3").serviceTime).toBe(1);
    expect(gsm.safetyStockCost).toBeLessThan(single.safetyStockCost);
  });

  it("optimizeScenario(gsm) equals single-echelon on a single node", () => {
    const single: Scenario = {
      ...base,
      nodes: [{ id: "sup", kind: "supplier" }, { id: "s", kind: "store", policy: bs, holdingCost: 0.5 }],
      lanes: [{ from: "sup", to: "s", leadTime: { type: "uniform", min: 1, max: 5 } }],
      demand: [{ node: "s", dist: { type: "poisson", mean: 12 } }],
    };
    const g = optimizeScenario(single, { method: "gsm", serviceLevel: 0.9 });
    const s = optimizeScenario(single, { method: "single-echelon", serviceLevel: 0.9 });
    expect(g.nodes).toEqual(s.nodes);
    expect(g.safetyStockCost).toBe(s.safetyStockCost);
    expect(one(g, "s").baseStock).toBeCloseTo(12 * 3 + normalQuantile(0.9) * Math.sqrt(12) * Math.sqrt(3), 9);
  });

  it("optimizeScenario keys nodes by product when there are several", () => {
    const two: Scenario = {
      ...base,
      products: [{ id: "p" }, { id: "q" }],
      nodes: [{ id: "sup", kind: "supplier" }, { id: "s", kind: "store", policy: { p: bs, q: bs }, holdingCost: { p: 1, q: 2 } }],
      lanes: [{ from: "sup", to: "s", leadTime: c(4) }],
      demand: [{ node: "s", product: "p", dist: normal(10, 2) }, { node: "s", product: "q", dist: c(5) }],
    };
    const r = optimizeScenario(two, { method: "gsm", z: 2 });
    const s = r.nodes.s as { [product: string]: NodeOptimum };
    expect(Object.keys(s)).toEqual(["p", "q"]);
    expect(s.q.baseStock).toBe(20);
    expect(r.scenario.nodes[1].policy).toEqual({ p: { type: "base-stock", level: s.p.baseStock }, q: { type: "base-stock", level: 20 } });
    expect(s.p.sdDemand).toBeCloseTo(2, 5); // the normal censored at 0, as drawn
    expect(r.safetyStockCost).toBeCloseTo(1 * 2 * s.p.sdDemand * 2, 12);
  });

  it("optimizeScenario rejects a service level outside [0.5, 1), naming the field", () => {
    expect(() => optimizeScenario(example65, { method: "gsm", serviceLevel: 1 })).toThrow(/^serviceLevel: /);
    expect(() => optimizeScenario(example65, { method: "gsm", z: -1 })).toThrow(/^z: /);
  });
});
