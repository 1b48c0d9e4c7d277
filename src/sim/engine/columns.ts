/**
 * The fixed order of per-replication KPI values (model/batch.ts KpiColumn): the network's KPIs,
 * then each stocking node's (scenario order), then each product's, each in the order of
 * KPI_DEFINITIONS, keeping the KPIs whose scopes include that level.
 */
import type { KpiColumn, Scenario } from "../model/index.ts";
import { hasBillOfMaterials, KPI_DEFINITIONS } from "../model/index.ts";
import { productsOf } from "./defaults.ts";

/** The KPI keys of a scope; the assembly KPIs only when the scenario has a bill of materials. */
export const keysFor = (scope: KpiColumn["scope"], assembly: boolean): string[] =>
  KPI_DEFINITIONS.filter((d) => d.scopes.includes(scope) && (assembly || d.assemblyOnly !== true)).map((d) => d.key);

export function kpiColumns(scenario: Scenario): KpiColumn[] {
  const assembly = hasBillOfMaterials(scenario);
  const cols: KpiColumn[] = keysFor("network", assembly).map((key) => ({ scope: "network", id: "", key }));
  const nodeKeys = keysFor("node", assembly), productKeys = keysFor("product", assembly);
  for (const n of scenario.nodes) if (n.kind !== "supplier") for (const key of nodeKeys) cols.push({ scope: "node", id: n.id, key });
  for (const p of productsOf(scenario)) for (const key of productKeys) cols.push({ scope: "product", id: p.id, key });
  return cols;
}
