// A hand-built two-product result: every number is chosen here, not captured from a run.
import type { KpiStats, RunResult } from "../../../src/sim/model/result.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { runResult, scenario, stat } from "../fixtures.ts";

const productStats = (fillRate: number, onHand: number, totalCost: number): KpiStats => ({
  fillRate: stat(fillRate, 0.01), onHand: stat(onHand, 2), totalCost: stat(totalCost, 0.5), demand: stat(15, 0.2),
});

/** Products "widget" (named "Widget") and "gadget" (no name), listed gadget-first in the result. */
export function twoProductResult(): RunResult {
  return runResult({ products: { gadget: productStats(0.9, 80, 40), widget: productStats(0.97, 120, 30) } });
}

export function twoProductScenario(): Scenario {
  return scenario({ products: [{ id: "widget", name: "Widget", unitCost: 2 }, { id: "gadget" }] });
}
