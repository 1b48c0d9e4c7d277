/**
 * Taking a plan away from the trade-off curve: the scenario with a point's base-stock levels, as
 * the Optimise dialog would have made it, and the variant's name.
 */
import { dictFrom, type Dict } from "../../sim/model/dict.ts";
import type { Policy } from "../../sim/model/policy.ts";
import type { NodeSpec, Scenario } from "../../sim/model/scenario.ts";
import type { FrontierCurve, FrontierPoint } from "../../sim/optimize/index.ts";
import { CURVE_LABELS, pointParameter } from "./frontier-series.ts";

const baseStock = (level: number): Policy => ({ type: "base-stock", level });

/**
 * The scenario with a daily base-stock policy at the point's level on every node it lists (per
 * product when the level is by product), each node's `initialInventory` dropped so it starts at
 * its new level: the same scenario the optimiser simulated for that point.
 */
export function scenarioWithLevels(scenario: Scenario, levels: Dict<number | Dict<number>>): Scenario {
  const nodes = scenario.nodes.map((n): NodeSpec => {
    if (!Object.hasOwn(levels, n.id)) return n;
    const l = levels[n.id];
    const { initialInventory: _, ...rest } = n;
    const policy = typeof l === "number" ? baseStock(l)
      : dictFrom(Object.entries(l).map(([product, level]) => [product, baseStock(level)] as const));
    return { ...rest, policy } as NodeSpec;
  });
  return { ...scenario, nodes };
}

/** "<name> (network optimiser, target fill 95%)". */
export function planVariantName(name: string, curve: FrontierCurve, point: FrontierPoint): string {
  return `${name} (${CURVE_LABELS[curve].toLowerCase()}, ${pointParameter(point)})`;
}
