/**
 * The KPI cards' change against a baseline (a previous run, or another scenario's last run) and
 * its 95% interval. Two runs with the same seed share common random numbers replication by
 * replication (streams are derived from seed, replication and source, not from the replication
 * count), so where both carry the KPI's per-replication values the interval is the paired one over
 * the replications both have — all of them when the counts agree, else the first min(n₁, n₂):
 * far narrower. Otherwise the interval is Welch's (welch.ts): exact for independent runs (another
 * seed), usually wider than need be for runs that share their random numbers.
 */
import type { KpiStats, ReplicationValues, RunResult, Stat } from "../../sim/model/result.ts";
import { summarize } from "../../sim/stats/stat.ts";
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

/**
 * `paired`: same seed and replication count; `paired-prefix`: same seed, another count, paired over
 * the first replications of each; `welch-shared`: same seed without per-replication values;
 * `welch`: another seed (or none known), independent runs.
 */
export type DeltaMethod = "paired" | "paired-prefix" | "welch-shared" | "welch";

export interface KpiDelta {
  /**
   * current − baseline. Paired: the mean of the per-replication differences over the replications
   * both define (fill rate is NaN in one without demand), the centre of its interval; Welch: the
   * difference of the two means.
   */
  readonly mean: number;
  readonly ci95: readonly [number, number];
  readonly method: DeltaMethod;
  /** Paired: the replications the differences are taken over (the first `replications` of each run). */
  readonly replications?: number;
}

export const METHOD_TEXT: { readonly [m in DeltaMethod]: string } = {
  paired: "paired interval: same seed and replications, so common random numbers",
  "paired-prefix": "paired interval over the replications both runs have: same seed, so their first replications share random numbers",
  "welch-shared": "Welch interval: the runs share random numbers (same seed), so it is usually wider than a paired one",
  welch: "Welch interval: independent runs",
};

/** The tooltip's words for a delta: METHOD_TEXT, with the count a prefix is paired over. */
export const methodText = (d: KpiDelta): string =>
  d.method === "paired-prefix" ? `${METHOD_TEXT[d.method]} (the first ${d.replications!.toLocaleString("en")})` : METHOD_TEXT[d.method];

type Values = ReplicationValues["network"];

/** The KPI's per-replication values, when the result carries them (fill rate, total cost, on hand). */
const valuesOf = (values: Values | undefined, key: string): readonly number[] | undefined =>
  (values as { readonly [k: string]: readonly number[] | undefined } | undefined)?.[key];

/** current − baseline for one network KPI; undefined when either side lacks it. */
export function kpiDelta(key: string, current: Pick<RunResult, "network" | "seed" | "replicationValues">, baseline: Baseline): KpiDelta | undefined {
  const s: Stat | undefined = current.network[key], b: Stat | undefined = baseline.network[key];
  if (!s || !b || !Number.isFinite(s.mean) || !Number.isFinite(b.mean)) return undefined;
  const sameSeed = baseline.seed !== undefined && String(baseline.seed) === String(current.seed);
  const now = valuesOf(current.replicationValues?.network, key), before = valuesOf(baseline.values, key);
  if (sameSeed && now && before) {
    const n = Math.min(now.length, before.length);
    // Replication r drew the same numbers in both runs; a difference is NaN (and skipped) where
    // either run leaves the KPI undefined, so mean and interval are over the same pairs.
    const d = summarize(Array.from({ length: n }, (_, r) => now[r] - before[r]));
    if (d.n > 1) return { mean: d.mean, ci95: d.ci95, method: now.length === before.length ? "paired" : "paired-prefix", replications: n };
  }
  const d = welchDifference(b, s);
  return { mean: d.mean, ci95: d.ci95, method: sameSeed ? "welch-shared" : "welch" };
}
