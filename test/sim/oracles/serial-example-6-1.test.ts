// scenarios/serial-example-6-1.json (Snyder & Shen Example 6.1 at its echelon base-stock optimum)
// against the Clark–Scarf expected cost of the same levels, computed by clark-scarf.ts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/sim/model/index.ts";
import { clarkScarf, EXAMPLE_6_1, localHolding } from "./clark-scarf.ts";
import { runKpis, withRun } from "./harness.ts";
import { expectInInterval, expectOutsideInterval } from "./interval.ts";

const file = JSON.parse(readFileSync(new URL("../../../scenarios/serial-example-6-1.json", import.meta.url), "utf8")) as Scenario;
const stages = ["stage-1", "stage-2", "stage-3"];
const levelsIn = (s: Scenario) => stages.map((id) => {
  const p = s.nodes.find((n) => n.id === id)?.policy;
  if (!p || !("type" in p) || p.type !== "echelon-base-stock") throw new Error(`${id} should run echelon-base-stock`);
  return p.level;
});
// Grid error of the oracle (|C(δ = 0.01) − C(δ = 0.005)| < 1e-4, see clark-scarf.test.ts): 1e-3 is ample.
const ORACLE_ERROR = 1e-3;

describe("serial-example-6-1.json", () => {
  it("is Example 6.1: local holding costs 7, 4, 2, lead times 1, 1, 2, p = 37.12, N(5, 1) demand", () => {
    expect(stages.map((id) => file.nodes.find((n) => n.id === id)?.holdingCost)).toEqual(localHolding(EXAMPLE_6_1.echelonHolding));
    expect(stages.map((id) => file.lanes.find((l) => l.to === id)?.leadTime)).toEqual(EXAMPLE_6_1.leadTimes.map((value) => ({ type: "constant", value })));
    expect(file.costs?.backorderPerUnitDay).toBe(EXAMPLE_6_1.stockoutCost);
    expect(file.demand).toEqual([{ node: "stage-1", dist: { type: "normal", mean: 5, sd: 1 } }]);
  });

  it("holds levels within 0.01 of the Clark–Scarf optimum, costing less than 0.01 above it", () => {
    const opt = clarkScarf(EXAMPLE_6_1), mine = clarkScarf(EXAMPLE_6_1, { levels: levelsIn(file) });
    levelsIn(file).forEach((s, j) => expect(Math.abs(s - opt.levels[j])).toBeLessThan(0.01));
    expect(mine.cost - opt.cost).toBeLessThan(0.01);
  });

  // 300 replications × 1000 days after a 50-day warm-up. The Clark–Scarf cost counts echelon
  // holding on everything at or below a stage, in transit included; Echelon charges local holding
  // on on-hand stock plus the shipper's local holding on units in transit (pipelineCost), which is
  // the same sum (docs/validation-of-results.md). Lanes carry no transport cost, so totalCost is it.
  it("simulates the Clark–Scarf expected cost per day of its echelon base-stock levels", () => {
    const kpis = runKpis(withRun(file, { horizon: 1050, warmup: 50, replications: 300, seed: 61 }));
    const theory = clarkScarf(EXAMPLE_6_1, { levels: levelsIn(file) }).cost;
    const total = kpis.get("network", "", "totalCost");
    expectInInterval(total, theory, "total cost per day", ORACLE_ERROR);
    const parts = ["holdingCost", "pipelineCost", "backorderCost"].map((k) => kpis.get("network", "", k));
    const sum = total.map((_, r) => parts[0][r] + parts[1][r] + parts[2][r]);
    expectInInterval(sum, theory, "holding + pipeline + backorder", ORACLE_ERROR);
    // The run is sharp enough to notice if pipeline stock were left out of the cost.
    const withoutPipeline = total.map((t, r) => t - parts[1][r]);
    expectOutsideInterval(withoutPipeline, theory, "cost without pipeline");
  });

  // The same recursion evaluates any echelon base-stock levels exactly. Tight upstream levels make
  // stages 2 and 3 run short often, which exercises the engine's upstream backorders and partial
  // shipments: the cost rises well above the optimum and must still match.
  it("simulates the Clark–Scarf cost of tight upstream levels (6.49, 9, 16)", () => {
    const levels = [6.49, 9, 16];
    const tight: Scenario = {
      ...file,
      nodes: file.nodes.map((n) => {
        const j = stages.indexOf(n.id);
        return j < 0 ? n : { ...n, policy: { type: "echelon-base-stock", level: levels[j] }, initialInventory: levels[j] - (levels[j - 1] ?? 0) };
      }),
    };
    const theory = clarkScarf(EXAMPLE_6_1, { levels }).cost;
    const kpis = runKpis(withRun(tight, { horizon: 1050, warmup: 50, replications: 300, seed: 62 }));
    expectInInterval(kpis.get("network", "", "totalCost"), theory, "total cost per day, tight levels", ORACLE_ERROR);
    expect(theory).toBeGreaterThan(clarkScarf(EXAMPLE_6_1).cost + 5);
  });
});
