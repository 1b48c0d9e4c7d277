/**
 * `echelon impact` (docs/cli.md, `echelon-impact@1`): one scenario run three ways on the same
 * replications (common random numbers) — without its disruptions (the baseline), as written, and
 * as written without its mitigations (when it has any) — and every KPI's paired differences from
 * the baseline. Removing disruptions or mitigations changes no other random stream (streams are
 * keyed by source id: timeline.md "Randomness"), so replication r of each run sees the same
 * demand and lead times, and the differences are the disruption's and the response's alone.
 */
import type { KpiColumn } from "../model/batch.ts";
import { dict, type Dict } from "../model/dict.ts";
import { KPI_BY_KEY } from "../model/kpis.ts";
import type { ImpactCost, ImpactDiff, ImpactKpi, ImpactResult, KpiDiff, Stat } from "../model/result.ts";
import type { Scenario } from "../model/scenario.ts";
import { pairedDifference } from "../stats/paired.ts";
import { verdict } from "../stats/verdict.ts";
import type { KpiTable } from "./kpi-table.ts";
import { roundingScale } from "./run-result.ts";
import type { Tick } from "./tick.ts";

export type ImpactRun = "baseline" | "disrupted" | "unmitigated";

/** The scenarios of an impact report: `unmitigated` only when the scenario has mitigations. */
export function impactScenarios(s: Scenario): { baseline: Scenario; disrupted: Scenario; unmitigated?: Scenario } {
  const { disruptions: _d, ...baseline } = s;
  const { mitigations: _m, ...unmitigated } = s;
  return { baseline: baseline as Scenario, disrupted: s, ...(mitigationNames(s).length ? { unmitigated: unmitigated as Scenario } : {}) };
}

/** The mitigations a scenario has, by field name. */
export function mitigationNames(s: Scenario): string[] {
  const m = s.mitigations;
  if (!m) return [];
  return [m.lateralTransfers ? "lateralTransfers" : "", m.expedite?.length ? "expedite" : ""].filter(Boolean);
}

/** One run's per-replication KPI values. */
export interface ImpactSide {
  readonly columns: readonly KpiColumn[];
  readonly table: KpiTable;
}

export interface ImpactInput {
  /** The scenario as written, after the run's overrides. */
  readonly scenario: Scenario;
  readonly baseline: ImpactSide;
  readonly disrupted: ImpactSide;
  readonly unmitigated?: ImpactSide;
  readonly workers: number;
  readonly elapsedMs: number;
}

const keyOf = (c: KpiColumn) => `${c.scope}\u0000${c.id}\u0000${c.key}`;

function impactDiff(d: KpiDiff, key: string): ImpactDiff {
  return { diff: d.diff, relative: d.relative, significant: d.significant, verdict: verdict(d, KPI_BY_KEY.get(key)?.higherIsBetter) };
}

function costOf(d: KpiDiff | undefined, days: number, sign = 1): ImpactCost {
  const nan = { mean: NaN, ci95: [NaN, NaN] as const };
  if (!d) return { perDay: nan, total: nan, significant: false };
  const [lo, hi] = sign > 0 ? d.diff.ci95 : [-d.diff.ci95[1], -d.diff.ci95[0]];
  const mean = sign * d.diff.mean;
  return { perDay: { mean, ci95: [lo, hi] }, total: { mean: mean * days, ci95: [lo * days, hi * days] }, significant: d.significant };
}

/** Every KPI column the runs share (a column only one run has — none today — is left out). */
export async function buildImpact(input: ImpactInput, tick: Tick): Promise<ImpactResult> {
  const { scenario: s, baseline, disrupted, unmitigated } = input;
  const at = (side: ImpactSide) => new Map(side.columns.map((c, j) => [keyOf(c), j]));
  const dAt = at(disrupted), uAt = unmitigated ? at(unmitigated) : null;
  const network = dict<ImpactKpi>(), nodes = dict<Dict<ImpactKpi>>(), products = dict<Dict<ImpactKpi>>();
  let costD: KpiDiff | undefined, costU: KpiDiff | undefined, costS: KpiDiff | undefined;
  for (let i = 0; i < baseline.columns.length; i++) {
    const col = baseline.columns[i], j = dAt.get(keyOf(col)), k = uAt?.get(keyOf(col));
    if (j === undefined || (uAt && k === undefined)) continue;
    const base = baseline.table.column(i), dis = disrupted.table.column(j);
    const scale = roundingScale(col.key), dB = pairedDifference(base, dis, scale);
    let entry: ImpactKpi = { baseline: dB.a, disrupted: dB.b, disruptedVsBaseline: impactDiff(dB, col.key) };
    if (unmitigated && k !== undefined) {
      const un = unmitigated.table.column(k);
      const uB = pairedDifference(base, un, scale), dU = pairedDifference(un, dis, scale);
      entry = { baseline: dB.a, disrupted: dB.b, unmitigated: uB.b as Stat, disruptedVsBaseline: entry.disruptedVsBaseline,
        unmitigatedVsBaseline: impactDiff(uB, col.key), disruptedVsUnmitigated: impactDiff(dU, col.key) };
      if (col.scope === "network" && col.key === "totalCost") { costU = uB; costS = dU; }
    }
    if (col.scope === "network" && col.key === "totalCost") costD = dB;
    if (col.scope === "network") network[col.key] = entry;
    else ((col.scope === "node" ? nodes : products)[col.id] ??= dict())[col.key] = entry;
    const p = tick(); if (p) await p;
  }
  const days = s.horizon - s.warmup;
  return {
    format: "echelon-impact@1",
    scenario: s.name, seed: s.seed, replications: s.replications, horizon: s.horizon, warmup: s.warmup, measuredDays: days,
    disruptions: s.disruptions?.length ?? 0,
    mitigations: mitigationNames(s),
    cost: costOf(costD, days),
    ...(unmitigated ? { costUnmitigated: costOf(costU, days), saved: costOf(costS, days, -1) } : {}),
    network, nodes, products,
    workers: input.workers, elapsedMs: input.elapsedMs,
  };
}
