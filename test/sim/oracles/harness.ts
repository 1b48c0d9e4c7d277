/** Runs a scenario through the engine and hands back its per-replication KPIs by (scope, id, key). */
import { kpiColumns, runBatch } from "../../../src/sim/engine/index.ts";
import type { Scenario } from "../../../src/sim/model/index.ts";

export interface KpiTable {
  readonly replications: number;
  /** Per-replication values of one KPI; `id` "" for the network. */
  get(scope: "network" | "node" | "product", id: string, key: string): Float64Array;
}

export function runKpis(scenario: Scenario, replications = scenario.replications): KpiTable {
  const columns = kpiColumns(scenario);
  const { values, columns: width } = runBatch(scenario, { from: 0, to: replications });
  return {
    replications,
    get(scope, id, key) {
      const c = columns.findIndex((col) => col.scope === scope && col.id === id && col.key === key);
      if (c < 0) throw new Error(`no KPI column ${scope}/${id}/${key}`);
      return Float64Array.from({ length: replications }, (_, r) => values[r * width + c]);
    },
  };
}

/** A copy of `s` with some top-level fields replaced (run length, seed, correlation …). */
export function withRun<S extends Scenario>(s: S, patch: Partial<Scenario>): Scenario {
  return { ...s, ...patch } as Scenario;
}
