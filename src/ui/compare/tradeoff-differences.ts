/**
 * Beside Compare's trade-off chart: B − A for what the chart plots (fill rate, on hand) and for
 * on-hand value, paired replication by replication. A and B run on common random numbers, so the
 * noise they share cancels in each replication's difference: their marginal intervals on the
 * chart can overlap while the change is clear (or, rarely, the other way round). The paired
 * difference's interval is the test; the overlap of the bars is not.
 */
import { html, nothing } from "lit";
import type { KpiDiff } from "../../sim/model/result.ts";
import { KPI_BY_KEY, type KpiDefinition } from "../../sim/model/kpis.ts";
import { formatterForPrecision } from "../results/kpi-format.ts";
import { VERDICT_TEXT, verdict } from "./verdict.ts";

/** The network KPIs listed beside the chart, in this order. */
export const TRADEOFF_KPIS = ["fillRate", "onHand", "onHandValue"] as const;

/** Read under the chart's heading. */
export const TRADEOFF_CAPTION =
  "A and B ran on common random numbers, so whether their intervals overlap settles nothing: a change is real when the 95% interval of the paired difference B − A (beside the chart) excludes 0.";

/** "+5.00% [4.00%, 6.00%]": the paired difference and its interval, precise enough to show the interval's width. */
export function pairedText(def: Pick<KpiDefinition, "unit">, d: KpiDiff): string {
  const f = formatterForPrecision(def.unit, (d.diff.ci95[1] - d.diff.ci95[0]) / 2);
  return `${d.diff.mean > 0 ? "+" : ""}${f(d.diff.mean)} [${f(d.diff.ci95[0])}, ${f(d.diff.ci95[1])}]`;
}

/** The table of paired differences for TRADEOFF_KPIS the comparison has; nothing when it has none. */
export function renderTradeoffDifferences(network: { readonly [kpi: string]: KpiDiff }, replications: number) {
  const rows = TRADEOFF_KPIS.filter((k) => network[k] && KPI_BY_KEY.get(k)).map((k) => ({ def: KPI_BY_KEY.get(k)!, d: network[k] }));
  if (!rows.length) return nothing;
  return html`<table class="paired" data-role="paired-differences">
    <caption>B − A, paired over ${replications.toLocaleString("en")} replications (95% CI)</caption>
    <tbody>${rows.map(({ def, d }) => {
      const v = verdict(d, def);
      return html`<tr data-kpi=${def.key}><th scope="row">${def.label}</th><td>${pairedText(def, d)}</td><td class=${`verdict ${v}`}>${VERDICT_TEXT[v]}</td></tr>`;
    })}</tbody></table>`;
}
