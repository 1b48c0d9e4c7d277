import type { KpiStats, RunResult } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { KPI_DEFINITIONS, type KpiDefinition, type KpiScope } from "../../sim/model/kpis.ts";

export interface NodeRow {
  readonly id: string;
  /** Display name (the node's `name`, else its id). */
  readonly name: string;
  readonly kind: string;
  readonly stats: KpiStats;
}

/** "" keeps scenario order, "name" sorts by display name, any other key by that KPI's mean. */
export type SortKey = "" | "name" | string;
export interface SortState { readonly key: SortKey; readonly descending: boolean }

/** Per-node rows in scenario order (nodes the scenario does not name come last, by id). */
export function nodeRows(result: RunResult, scenario?: Scenario): NodeRow[] {
  const specs = new Map((scenario?.nodes ?? []).map((n, i) => [n.id, { n, i }]));
  return Object.keys(result.nodes)
    .map((id) => ({ id, name: specs.get(id)?.n.name ?? id, kind: specs.get(id)?.n.kind ?? "", stats: result.nodes[id], order: specs.get(id)?.i ?? Infinity }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ order: _, ...row }) => row);
}

/**
 * Per-product rows in scenario order (products the scenario does not name come last, by id);
 * `kind` is "". The same row shape as nodeRows, so one table draws both.
 */
export function productRows(result: RunResult, scenario?: Scenario): NodeRow[] {
  const specs = new Map((scenario?.products ?? []).map((p, i) => [p.id, { p, i }]));
  return Object.keys(result.products)
    .map((id) => ({ id, name: specs.get(id)?.p.name ?? id, kind: "", stats: result.products[id], order: specs.get(id)?.i ?? Infinity }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ order: _, ...row }) => row);
}

/** The KPIs of `scope` (default "node") present in at least one row, in catalogue order. */
export function nodeColumns(rows: readonly NodeRow[], scope: KpiScope = "node"): KpiDefinition[] {
  return KPI_DEFINITIONS.filter((d) => d.scopes.includes(scope) && rows.some((r) => r.stats[d.key] !== undefined));
}

/** Rows sorted by name or by a KPI's mean; missing and NaN values always sort last. Stable. */
export function sortRows(rows: readonly NodeRow[], sort: SortState): NodeRow[] {
  if (sort.key === "") return [...rows];
  const sign = sort.descending ? -1 : 1;
  const value = (r: NodeRow) => r.stats[sort.key]?.mean ?? NaN;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      if (sort.key === "name") return sign * a.r.name.localeCompare(b.r.name) || a.i - b.i;
      const va = value(a.r), vb = value(b.r);
      const na = !Number.isFinite(va), nb = !Number.isFinite(vb);
      if (na || nb) return na === nb ? a.i - b.i : na ? 1 : -1;
      return sign * (va - vb) || a.i - b.i;
    })
    .map(({ r }) => r);
}

/** Nodes that face customer demand: those named in `scenario.demand`, else those with mean demand > 0. */
export function demandNodeIds(result: RunResult, scenario?: Scenario): string[] {
  if (scenario?.demand.length) {
    const ids = new Set(scenario.demand.map((d) => d.node));
    return Object.keys(result.nodes).filter((id) => ids.has(id));
  }
  return Object.keys(result.nodes).filter((id) => (result.nodes[id].demand?.mean ?? 0) > 0);
}
