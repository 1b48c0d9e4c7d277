/**
 * What a run reports (shared/spec/kpis.md, cli.md): `echelon-result@1` and `echelon-comparison@1`.
 */
import type { StockBreakdown } from "./stock-breakdown.ts";

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
  /** Extension: where the stock sits, per node, echelon and network (docs/kpis.md "Stock breakdown"). */
  readonly stockBreakdown?: StockBreakdown;
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

/**
 * B against A for one KPI in an impact report: the `diff`, `relative` and `significant` of an
 * `echelon-comparison@1` entry (B − A, paired over the same replications), plus the verdict
 * (stats/verdict.ts) so that a reader of the JSON need not know each KPI's direction.
 */
export interface ImpactDiff {
  readonly diff: { readonly mean: number; readonly ci95: readonly [number, number] };
  readonly relative: number | null;
  readonly significant: boolean;
  readonly verdict: "better" | "worse" | "higher" | "lower" | "none" | "undefined";
}

/** One KPI in an impact report: each run's Stat and the paired differences (docs/cli.md). */
export interface ImpactKpi {
  readonly baseline: Stat;
  readonly disrupted: Stat;
  /** Only when the scenario has mitigations. */
  readonly unmitigated?: Stat;
  /** disrupted − baseline: what the disruption does (with its response). */
  readonly disruptedVsBaseline: ImpactDiff;
  /** unmitigated − baseline: what the disruption would do without the response. */
  readonly unmitigatedVsBaseline?: ImpactDiff;
  /** disrupted − unmitigated: what the response changes. */
  readonly disruptedVsUnmitigated?: ImpactDiff;
}
export type ImpactKpis = { readonly [kpi: string]: ImpactKpi };

/** A cost difference per measured day and over the whole measured window (× measured days). */
export interface ImpactCost {
  readonly perDay: { readonly mean: number; readonly ci95: readonly [number, number] };
  readonly total: { readonly mean: number; readonly ci95: readonly [number, number] };
  readonly significant: boolean;
}

/** `echelon-impact@1` (docs/cli.md): a scenario run without its disruptions, as written, and without its mitigations. */
export interface ImpactResult {
  readonly format: "echelon-impact@1";
  readonly scenario: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly horizon: number;
  readonly warmup: number;
  /** horizon − warmup: the days every KPI is measured over. */
  readonly measuredDays: number;
  readonly disruptions: number;
  /** The mitigations the scenario has ("lateralTransfers", "expedite"); none: no unmitigated run. */
  readonly mitigations: readonly string[];
  /** The cost of the disruption: network total cost, disrupted − baseline. */
  readonly cost: ImpactCost;
  /** The cost of the disruption without the response: unmitigated − baseline (with mitigations only). */
  readonly costUnmitigated?: ImpactCost;
  /** What the response saved: network total cost, unmitigated − disrupted (with mitigations only). */
  readonly saved?: ImpactCost;
  readonly network: ImpactKpis;
  readonly nodes: { readonly [nodeId: string]: ImpactKpis };
  readonly products: { readonly [productId: string]: ImpactKpis };
  readonly workers: number;
  readonly elapsedMs: number;
}
