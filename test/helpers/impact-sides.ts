import type { KpiColumn } from "../../src/sim/model/batch.ts";
import type { ImpactSide } from "../../src/sim/montecarlo/impact.ts";
import { createKpiTable } from "../../src/sim/montecarlo/kpi-table.ts";

/** An impact side whose replication r holds f(r, j) in column j. */
export function side(columns: KpiColumn[], f: (r: number, j: number) => number, n = 4): ImpactSide {
  const t = createKpiTable(n, columns.length);
  t.add({ from: 0, to: n, columns: columns.length, values: Float64Array.from({ length: n * columns.length }, (_, i) => f(Math.floor(i / columns.length), i % columns.length)) });
  return { columns, table: t };
}

export const col = (scope: KpiColumn["scope"], id: string, key: string): KpiColumn => ({ scope, id, key });
