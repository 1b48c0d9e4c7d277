/**
 * Builds the `echelon-result@1` and `echelon-comparison@1` documents (shared/spec/cli.md) from the
 * per-replication KPI columns: every column becomes a Stat under its scope (network, nodes[id],
 * products[id]), in the engine's column order. The result also carries the network's fill rate,
 * total cost and on hand per replication (`replicationValues`, an extension: docs/statistics.md).
 */
import type { KpiColumn } from "../model/batch.ts";
import type { ComparisonResult, KpiDiff, KpiStats, ReplicationValues, RunResult, Series, Stat } from "../model/result.ts";
import type { Scenario } from "../model/scenario.ts";
import { dict, type Dict } from "../model/dict.ts";
import { KPI_BY_KEY } from "../model/kpis.ts";
import { pairedDifference } from "../stats/paired.ts";
import { summarize } from "../stats/stat.ts";
import type { KpiTable } from "./kpi-table.ts";
import { stockBreakdown } from "./stock-breakdown.ts";
import type { Tick } from "./tick.ts";

/**
 * Columns read from the table at once: 32, fewer when columns are long, so that a block holds at
 * most 64 MiB (8 columns of 1,000,000 replications).
 */
const BLOCK = 32, BLOCK_BYTES = 64 * 1024 * 1024;

// Keyed by node and product ids, which users choose: records without a prototype (model/dict.ts).
type Grouped<T> = { network: Dict<T>; nodes: Dict<Dict<T>>; products: Dict<Dict<T>> };

const grouped = <T>(): Grouped<T> => ({ network: dict(), nodes: dict(), products: dict() });

function place<T>(g: Grouped<T>, col: KpiColumn, value: T) {
  if (col.scope === "network") g.network[col.key] = value;
  else {
    const scope = col.scope === "node" ? g.nodes : g.products;
    (scope[col.id] ??= dict())[col.key] = value;
  }
}

/** A column's Stat from its values in replication order: `summarize`, unless a merge knows its order statistics already. */
export type ColumnStat = (column: number, values: Float64Array) => Stat;

/** One Stat per KPI column, grouped by scope; pauses at `tick` between columns. */
export async function summarizeColumns(columns: readonly KpiColumn[], table: KpiTable, tick: Tick, stat: ColumnStat = (_j, v) => summarize(v)): Promise<Grouped<Stat>> {
  const g = grouped<Stat>();
  const width = Math.max(1, Math.min(BLOCK, Math.floor(BLOCK_BYTES / (8 * table.total))));
  for (let j0 = 0; j0 < columns.length; j0 += width) {
    const block = table.columnBlock(j0, Math.min(width, columns.length - j0));
    for (let k = 0; k < block.length; k++) {
      place(g, columns[j0 + k], stat(j0 + k, block[k]));
      const p = tick(); if (p) await p;
    }
  }
  return g;
}

/** The network KPIs whose per-replication values a result carries (`replicationValues`). */
export const REPLICATION_VALUE_KPIS = ["fillRate", "totalCost", "onHand"] as const;

/**
 * The per-replication values of REPLICATION_VALUE_KPIS (those the run reports), read from the
 * table in replication order — so they are the same for any worker count and chunk size.
 */
export function replicationValues(columns: readonly KpiColumn[], table: KpiTable): ReplicationValues {
  const network = dict<number[]>();
  for (const key of REPLICATION_VALUE_KPIS) {
    const j = columns.findIndex((c) => c.scope === "network" && c.key === key);
    if (j >= 0) network[key] = Array.from(table.column(j));
  }
  return { network };
}

export interface RunResultInput {
  readonly scenario: Scenario;
  readonly columns: readonly KpiColumn[];
  readonly table: KpiTable;
  readonly series?: Series;
  readonly workers: number;
  readonly elapsedMs: number;
  /** How a column is summarised (default `summarize`): a merge of shards brings each shard's sorted values (src/cli/merge.ts). */
  readonly stat?: ColumnStat;
}

export async function buildRunResult(input: RunResultInput, tick: Tick): Promise<RunResult> {
  const { scenario: s } = input;
  const g = await summarizeColumns(input.columns, input.table, tick, input.stat);
  // Where the stock sits (an extension, docs/kpis.md): needs the scenario's nodes and lanes, which
  // a result merged from shards does not have (its scenario is the manifest's name and sizes).
  const stock = await stockBreakdown(s, input.columns, input.table, tick);
  return {
    format: "echelon-result@1",
    scenario: s.name,
    seed: s.seed,
    replications: s.replications,
    horizon: s.horizon,
    warmup: s.warmup,
    network: g.network as KpiStats,
    nodes: g.nodes,
    products: g.products,
    ...(input.series ? { series: input.series } : {}),
    ...(stock ? { stockBreakdown: stock } : {}),
    replicationValues: replicationValues(input.columns, input.table),
    workers: input.workers,
    elapsedMs: input.elapsedMs,
  };
}

export interface ComparisonSide {
  readonly scenario: Scenario;
  readonly columns: readonly KpiColumn[];
  readonly table: KpiTable;
}

/**
 * The least magnitude a KPI's rounding is measured against (stats/paired.ts ROUNDING): 1 for a
 * share in 0…1 (a trough near 0 is still a ratio of sums of terms up to 1), else 0 (its values').
 */
export const roundingScale = (key: string): number => (KPI_BY_KEY.get(key)?.unit === "0…1" ? 1 : 0);

/**
 * Paired differences for every network and node KPI present in both runs (a node or KPI only
 * one side has is left out: there is nothing to pair it with).
 */
export async function buildComparison(a: ComparisonSide, b: ComparisonSide, tick: Tick): Promise<ComparisonResult> {
  const index = new Map(b.columns.map((c, j) => [`${c.scope}\u0000${c.id}\u0000${c.key}`, j]));
  const g = grouped<KpiDiff>();
  for (let i = 0; i < a.columns.length; i++) {
    const col = a.columns[i];
    const j = index.get(`${col.scope}\u0000${col.id}\u0000${col.key}`);
    if (col.scope === "product" || j === undefined) continue;
    place(g, col, pairedDifference(a.table.column(i), b.table.column(j), roundingScale(col.key)));
    const p = tick(); if (p) await p;
  }
  return {
    format: "echelon-comparison@1",
    a: a.scenario.name,
    b: b.scenario.name,
    seed: a.scenario.seed,
    replications: a.scenario.replications,
    network: g.network,
    nodes: g.nodes,
  };
}
