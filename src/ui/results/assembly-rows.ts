/**
 * The results' assembly panel (issue 12): which KPIs, nodes and products it shows. The component
 * KPIs are columns only of scenarios with a bill of materials (src/sim/model/kpis.ts), so each
 * view asks the result which of them it has rather than assuming them.
 */
import type { KpiStats } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import type { NodeRow } from "./node-rows.ts";

/** The assembly KPIs in the order the panel shows them: what was made, what it used, what stood by, what was missing. */
export const ASSEMBLY_KPIS = ["unitsAssembled", "unitsConsumed", "componentStock", "starvedDays", "starvedUnits"] as const;

/** The assembly KPIs `stats` has, in ASSEMBLY_KPIS order (none for a result of a scenario without a bill of materials). */
export function assemblyKeys(stats: KpiStats | undefined): string[] {
  return ASSEMBLY_KPIS.filter((k) => stats?.[k] !== undefined);
}

/** The nodes that make something (a `bom`), in table order; without a scenario, those with any assembly KPI. */
export function assemblyNodeRows(rows: readonly NodeRow[], scenario?: Pick<Scenario, "nodes">): NodeRow[] {
  if (!scenario) return rows.filter((r) => assemblyKeys(r.stats).some((k) => r.stats[k].mean !== 0));
  const makers = new Set(scenario.nodes.filter((n) => n.bom?.length).map((n) => n.id));
  return rows.filter((r) => makers.has(r.id));
}

/** The products some recipe makes or uses, in table order; without a scenario, those with any assembly KPI. */
export function assemblyProductRows(rows: readonly NodeRow[], scenario?: Pick<Scenario, "nodes">): NodeRow[] {
  if (!scenario) return rows.filter((r) => assemblyKeys(r.stats).some((k) => r.stats[k].mean !== 0));
  const used = new Set(scenario.nodes.flatMap((n) => (n.bom ?? []).flatMap((r) => [r.product, ...Object.keys(r.components)])));
  return rows.filter((r) => used.has(r.id));
}
