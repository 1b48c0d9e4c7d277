/**
 * The KPI cards' change against a baseline (a previous run, or another scenario's last run) and
 * its 95% interval. Two runs with the same seed and replication count share common random numbers
 * replication by replication (streams are derived from seed, replication and source), so where
 * both carry the KPI's per-replication values the interval is the paired one (paired.ts): far
 * narrower. Otherwise the runs are independent and the interval is Welch's (welch.ts).
 */
import type { KpiStats, ReplicationValues, RunResult, Stat } from "../../sim/model/result.ts";
import { pairedDifference } from "../../sim/stats/paired.ts";
import { welchDifference } from "../../sim/stats/welch.ts";

/** What the cards compare with: its network KPIs, a name, and what pairing needs. */
export interface Baseline {
  /** Read after "the change against the …": "previous run (10:42, 1,000 replications)". */
  readonly label: string;
  readonly network: KpiStats;
  readonly seed?: number | string;
  /** Per-replication network values, for a paired interval. */
  readonly values?: ReplicationValues["network"];
}

export type DeltaMethod = "paired" | "welch";

export interface KpiDelta {
  /** current − baseline. */
  readonly mean: number;
  readonly ci95: readonly [number, number];
  readonly method: DeltaMethod;
}

export const METHOD_TEXT: { readonly [m in DeltaMethod]: string } = {
  paired: "paired interval: same seed and replications, so common random numbers",
  welch: "Welch interval: independent runs",
};

type Values = ReplicationValues["network"];

/** The KPI's per-replication values, when the result carries them (fill rate, total cost, on hand). */
const valuesOf = (values: Values | undefined, key: string): readonly number[] | undefined =>
  (values as { readonly [k: string]: readonly number[] | undefined } | undefined)?.[key];

/** current − baseline for one network KPI; undefined when either side lacks it. */
export function kpiDelta(key: string, current: Pick<RunResult, "network" | "seed" | "replicationValues">, baseline: Baseline): KpiDelta | undefined {
  const s: Stat | undefined = current.network[key], b: Stat | undefined = baseline.network[key];
  if (!s || !b || !Number.isFinite(s.mean) || !Number.isFinite(b.mean)) return undefined;
  const now = valuesOf(current.replicationValues?.network, key), before = valuesOf(baseline.values, key);
  if (now && before && now.length === before.length && now.length > 1 && baseline.seed !== undefined && String(baseline.seed) === String(current.seed)) {
    const d = pairedDifference(before, now);
    return { mean: s.mean - b.mean, ci95: d.diff.ci95, method: "paired" };
  }
  const d = welchDifference(b, s);
  return { mean: d.mean, ci95: d.ci95, method: "welch" };
}
