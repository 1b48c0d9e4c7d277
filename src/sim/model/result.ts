/**
 * What a run reports (shared/spec/kpis.md, cli.md): `echelon-result@1` and `echelon-comparison@1`.
 */

/** A KPI summarised across replications. */
export interface Stat {
  readonly mean: number;
  /** Sample standard deviation over replications (0 when n = 1). */
  readonly sd: number;
  /** 95% confidence interval of the mean, Student t with n − 1 df; [mean, mean] when n = 1. */
  readonly ci95: readonly [number, number];
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

export type KpiStats = { readonly [kpi: string]: Stat };

/** Per node and day: mean and 5/50/95th percentiles across replications (kpis.md "Time series"). */
export interface Band {
  readonly mean: readonly number[];
  readonly p05: readonly number[];
  readonly p50: readonly number[];
  readonly p95: readonly number[];
}
export interface Series {
  /** Day index of the first element (0: the series covers the whole horizon). */
  readonly firstDay: number;
  readonly nodes: { readonly [nodeId: string]: { readonly onHand: Band; readonly backorders: Band; readonly inTransit: Band } };
  readonly network: { readonly fillRate: Band };
}

/**
 * Per-replication values of a few network KPIs, in replication order (replication 0 first) — an
 * extension of `echelon-result@1` (docs/statistics.md "Per-replication values"), so a reader can
 * draw the distribution across replications (the results view's histogram) or compute a statistic
 * the Stats do not give. `values[r]` is the figure `Stat` summarises for replication r; NaN where
 * the KPI is undefined in that replication (fill rate without demand), written `null` in JSON.
 * A key is absent when the run does not report that KPI.
 */
export interface ReplicationValues {
  readonly network: {
    readonly fillRate?: readonly number[];
    readonly totalCost?: readonly number[];
    readonly onHand?: readonly number[];
  };
}

export interface RunResult {
  readonly format: "echelon-result@1";
  readonly scenario: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly horizon: number;
  readonly warmup: number;
  readonly network: KpiStats;
  readonly nodes: { readonly [nodeId: string]: KpiStats };
  readonly products: { readonly [productId: string]: KpiStats };
  readonly series?: Series;
  /**
   * Extension: per-replication values (see ReplicationValues). Always present in the browser;
   * `echelon run` writes it only with `--replication-values`.
   */
  readonly replicationValues?: ReplicationValues;
  readonly workers: number;
  readonly elapsedMs: number;
}

export interface KpiDiff {
  readonly a: Stat;
  readonly b: Stat;
  /** mean(B) − mean(A) and the 95% CI of the paired difference. */
  readonly diff: { readonly mean: number; readonly ci95: readonly [number, number] };
  /** (mean(B) − mean(A)) / |mean(A)|; null when mean(A) is 0. */
  readonly relative: number | null;
  /** The interval excludes 0. */
  readonly significant: boolean;
}
export interface ComparisonResult {
  readonly format: "echelon-comparison@1";
  readonly a: string;
  readonly b: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly network: { readonly [kpi: string]: KpiDiff };
  readonly nodes: { readonly [nodeId: string]: { readonly [kpi: string]: KpiDiff } };
}
