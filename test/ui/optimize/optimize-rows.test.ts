import { describe, expect, it } from "vitest";
import { describePolicy, formatChange, formatUnits, optimizeRows, parseServiceLevel, percentLabel, variantName } from "../../../src/ui/optimize/optimize-rows.ts";
import { optimizeScenario, type NodeOptimum } from "../../../src/sim/optimize/index.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { scenario as twoStores } from "../fixtures.ts";

describe("parseServiceLevel", () => {
  it("accepts 0.5 to 0.9999 inclusive, with spaces around", () => {
    expect(["0.5", " 0.95 ", "0.9999"].map(parseServiceLevel)).toEqual([{ value: 0.5 }, { value: 0.95 }, { value: 0.9999 }]);
  });
  it("names the field and what was typed otherwise", () => {
    expect(parseServiceLevel("95")).toEqual({ error: "Service level must be a number from 0.5 to 0.9999 (e.g. 0.95 for 95%), got “95”" });
    expect(["0.49999", "0.99995", "1", "x", "", "NaN", "Infinity"].map((t) => "error" in parseServiceLevel(t))).toEqual([true, true, true, true, true, true, true]);
  });
});

describe("names and numbers", () => {
  it("variantName is '<name> (GSM 95%)' or '<name> (single-echelon 97.5%)'", () => {
    expect(variantName("Retail", "gsm", 0.95)).toBe("Retail (GSM 95%)");
    expect(variantName("Retail", "single-echelon", 0.975)).toBe("Retail (single-echelon 97.5%)");
    expect(percentLabel(0.9999)).toBe("99.99%");
  });
  it("formatUnits and formatChange print one decimal, a sign on changes and no −0.0", () => {
    expect([formatUnits(2140.2886), formatUnits(-0.01), formatChange(246.33), formatChange(-4.355), formatChange(0.04)]).toEqual(["2,140.3", "0.0", "+246.3", "−4.4", "0.0"]);
  });
  it("describePolicy says each kind in a few words, with the review period when not daily", () => {
    const f = String;
    expect([
      describePolicy({ type: "base-stock", level: 77 }, f), describePolicy({ type: "echelon-base-stock", level: 300, review: 7 }, f),
      describePolicy({ type: "sS", s: 20, S: 80 }, f), describePolicy({ type: "sQ", s: 20, Q: 50, review: 1 }, f), describePolicy(undefined, f),
    ]).toEqual(["base-stock 77", "echelon base-stock 300, every 7 days", "sS 20/80", "sQ 20 + 50", "none"]);
  });
});

describe("optimizeRows", () => {
  it("lists each optimised node in scenario order with its current policy and order-up-to level", () => {
    const s = twoStores();
    const rows = optimizeRows(s, optimizeScenario(s, { method: "single-echelon" }));
    expect(rows.map((r) => [r.id, r.name, r.product, r.currentLevel])).toEqual([["dc", "Central DC", undefined, 300], ["s1", "Store North", undefined, 60], ["s2", "Store South", undefined, 80]]);
  });

  it("with several products gives one row per node and product, costed at that product's holding cost", () => {
    const base = twoStores();
    const s: Scenario = {
      ...base,
      products: [{ id: "a" }, { id: "b" }],
      nodes: base.nodes.map((n) => n.id === "dc"
        ? { ...n, holdingCost: { a: 0.1, b: 0.3 }, policy: { a: { type: "base-stock", level: 300 }, b: { type: "sQ", s: 40, Q: 60 } } }
        : n.kind === "store" ? { ...n, policy: { a: { type: "base-stock", level: 60 }, b: { type: "base-stock", level: 30 } } } : n),
      demand: [...base.demand.map((d) => ({ ...d, product: "a" })), { node: "s1", product: "b", dist: { type: "poisson", mean: 5 } }, { node: "s2", product: "b", dist: { type: "poisson", mean: 5 } }],
    };
    expect(validateScenario(s).ok).toBe(true);
    const result = optimizeScenario(s, { method: "gsm" });
    const rows = optimizeRows(s, result);
    expect(rows.map((r) => [r.id, r.product, r.currentLevel])).toEqual([["dc", "a", 300], ["dc", "b", 100], ["s1", "a", 60], ["s1", "b", 30], ["s2", "a", 60], ["s2", "b", 30]]);
    const dcB = (result.nodes.dc as { [p: string]: NodeOptimum }).b;
    expect(rows[1].decision).toBe(dcB);
    expect(rows[1].safetyStockCost).toBe(0.3 * dcB.safetyStock);
    expect(rows.reduce((sum, r) => sum + r.safetyStockCost, 0)).toBeCloseTo(result.safetyStockCost, 12);
  });
});
