// Taking a plan away from the curve: the variant is the very scenario the point was simulated as.
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { optimizeScenario } from "../../../src/sim/optimize/index.ts";
import { summarize } from "../../../src/sim/stats/index.ts";
import { planVariantName, scenarioWithLevels } from "../../../src/ui/frontier/frontier-plan.ts";
import { replications, run, short, smallFrontier } from "./fixture.ts";

describe("scenarioWithLevels", async () => {
  const { result } = await smallFrontier();

  it("rebuilds an analytic point's scenario exactly as the Optimise dialog makes it", () => {
    const p = result.curves["single-echelon"][1];
    const placed = optimizeScenario(short, { method: "single-echelon", serviceLevel: p.serviceLevel!, leadTimeVariance: true });
    expect(scenarioWithLevels(short, p.levels!)).toEqual(placed.scenario);
  });

  it("rebuilds a network optimiser point so that simulating it gives the point's figures, bit for bit", () => {
    const p = result.curves.simulation[1];
    const v = replications(scenarioWithLevels(short, p.levels!), run.seed, run.replications);
    expect(summarize(v.onHandValue).mean).toBe(p.onHandValue.mean);
    expect(summarize(v.fillRate).mean).toBe(p.fillRate.mean);
  });

  it("sets a level per product when the point has one per product, and drops the initial inventory", () => {
    const s = { ...short, nodes: [{ id: "dc", type: "dc", initialInventory: 5, policy: { type: "base-stock", level: 1 } }, { id: "x", type: "supplier" }] } as unknown as Scenario;
    const out = scenarioWithLevels(s, { dc: { a: 10, b: 20 } } as never);
    expect(out.nodes[0]).toEqual({ id: "dc", type: "dc", policy: { a: { type: "base-stock", level: 10 }, b: { type: "base-stock", level: 20 } } });
    expect(out.nodes[1]).toBe(s.nodes[1]);
  });

  it("names the variant after the method and what the point was asked for", () => {
    expect(planVariantName("Retail", "simulation", result.curves.simulation[1])).toBe("Retail (network optimiser, target fill 95%)");
    expect(planVariantName("Retail", "single-echelon", result.curves["single-echelon"][0])).toBe("Retail (node by node, service level 85%)");
  });
});
