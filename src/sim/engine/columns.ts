/**
 * The fixed order of per-replication KPI values (model/batch.ts KpiColumn): the network's KPIs,
 * then each stocking node's (scenario order), then each product's, each in the order of
 * KPI_DEFINITIONS, keeping the KPIs whose scopes include that level.
 */
import type { KpiColumn, Scenario } from "../model/index.ts";
import { KPI_DEFINITIONS } from "../model/index.ts";
import { productsOf } from "./defaults.ts";

export const keysFor = (scope: KpiColumn["scope"]): string[] =>
  KPI_DEFINITIONS.filter((d) => d.scopes.includes(scope)).map((d) => d.key);

export function kpiColumns(scenario: Scenario): KpiColumn[] {
  const cols: KpiColumn[] = keysFor("network").map((key) => ({ scope: "network", id: "", key }));
  const nodeKeys = keysFor("node"), productKeys = keysFor("product");
  for (const n of scenario.nodes) if (n.kind !== "supplier") for (const key of nodeKeys) cols.push({ scope: "node", id: n.id, key });
  for (const p of productsOf(scenario)) for (const key of productKeys) cols.push({ scope: "product", id: p.id, key });
  return cols;
}
