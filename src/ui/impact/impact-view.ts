import { LitElement, css, html, nothing } from "lit";
import { format } from "d3-format";
import type { ImpactCost, ImpactResult, Series } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { KPI_BY_KEY } from "../../sim/model/kpis.ts";
import { formatRelative } from "../../sim/stats/verdict.ts";
import { controlStyles } from "../shared/styles.ts";
import "../charts/lines-chart.ts";
import type { DayLine } from "../charts/lines-chart.ts";
import { disruptionWindows, hasDisruptions } from "../charts/windows.ts";
import { PALETTE } from "../charts/palette.ts";
import { formatterFor, formatterForPrecision } from "../results/kpi-format.ts";
import { formatDuration, progressText } from "../run/progress.ts";
import { JobAnnouncer, blockedReason, type JobView } from "../run/job-events.ts";
import { RunProgressController } from "../run/run-progress-controller.ts";
import type { RunOptions, RunProgress } from "../run/sim-client.ts";
import { SimRunController } from "../run/sim-run-controller.ts";
import { sameScenario } from "../run/view-memory.ts";
import { customerBackorders } from "./impact-series.ts";
import { impactToCsv } from "../../sim/stats/impact-csv.ts";
import { exportChart } from "../charts/export.ts";
import { downloadText } from "../shared/download.ts";
import { fileStem } from "../results/results-export.ts";

/** What the view needs from the worker client (src/workers/client.ts `impact`). */
export interface ImpactClientLike {
  impact(scenario: Scenario, options: RunOptions): Promise<ImpactResult & { readonly series?: { readonly [run: string]: Series | undefined } }>;
}

type Impact = Awaited<ReturnType<ImpactClientLike["impact"]>>;
interface Priced { readonly scenario: Scenario; readonly impact: Impact }

/** The network KPIs of the side-by-side table, in this order (when the report has them). */
export const IMPACT_KPIS = ["totalCost", "fillRate", "backorders", "unitsShort", "serviceTrough", "recoveryDays", "maxBackorders", "stockoutDays"] as const;

/** The runs, as the view names and draws them. */
export const IMPACT_RUNS = [
  { run: "baseline", label: "Baseline", color: PALETTE[0], dash: "none" },
  { run: "disrupted", label: "As written", color: PALETTE[2], dash: "none" },
  { run: "unmitigated", label: "Without response", color: PALETTE[1], dash: "5 3" },
] as const;

/** Whether the scenario has a response to disruptions (as `impactScenarios` decides: lateral transfers or an expedite lane). */
const hasMitigations = (s: Scenario): boolean => !!(s.mitigations?.lateralTransfers || s.mitigations?.expedite?.length);

const axisPercent = format(".0%"), axisUnits = format(",.0f");

const VERDICT = { better: "▲ better", worse: "▼ worse", higher: "↑ higher", lower: "↓ lower", none: "no significant difference", undefined: "not defined" } as const;

/** A signed amount with enough decimals for its interval: "+12.34" or "−0.50". */
function signed(v: number, f: (v: number) => string): string {
  return Number.isFinite(v) ? `${v > 0 ? "+" : v < 0 ? "−" : "±"}${f(Math.abs(v))}` : "—";
}

/**
 * The Impact view (issue 10, item 1): the scenario run without its disruptions (the baseline), as
 * written, and without its mitigations (when it has any), on the same replications — the cost of
 * the disruption per day and over the measured days with its 95% interval, what the response
 * saved, every resilience KPI of the runs side by side, and their daily fill rate and customer
 * backorders on one time axis with the disruption windows shaded. `echelon impact` in the page.
 */
export class ImpactView extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .costs { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 0.5rem; margin: 0.5rem 0 1rem; }
    .cost { border: 1px solid var(--ech-border, #ddd); border-radius: 6px; padding: 0.5rem 0.7rem; background: var(--ech-surface, #fff); }
    .cost h4 { margin: 0; font-size: 0.8rem; font-weight: 600; color: var(--ech-muted, #555); }
    .cost .value { font-size: 1.3rem; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .cost .ci, .cost .total { font-size: 0.8rem; font-variant-numeric: tabular-nums; }
    .buttons { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.85rem; }
    th, td { padding: 2px 10px; text-align: right; border-bottom: 1px solid var(--ech-border, #eee); white-space: nowrap; }
    th:first-child { text-align: left; }
    td.worse { color: var(--ech-error); }
    td.better { color: var(--ech-dc); }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 1rem; }
    .stale { border-left: 3px solid var(--ech-warn); padding: 0.25rem 0.6rem; }
    .error { border: 1px solid var(--ech-error, #b00020); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
  `];
  static override properties = {
    scenario: { attribute: false },
    client: { attribute: false },
    options: { attribute: false },
    blockedBy: { attribute: false },
    busy: { type: Boolean },
    exportError: { state: true },
  };
  declare scenario: Scenario | undefined;
  declare client: ImpactClientLike | undefined;
  /** Replications, seed, horizon and warm-up (the run panel's); the scenario's own when absent. */
  declare options: Pick<RunOptions, "replications" | "seed" | "horizon" | "warmup"> | undefined;
  /** Another view's job: Run impact waits for it. */
  declare blockedBy: JobView | undefined;
  /** The run panel next to it is running (same pool: one job at a time). */
  declare busy: boolean;
  /** Why the last chart export failed ("" when it did not). */
  declare exportError: string;

  readonly task = new SimRunController<Priced>(this);
  private readonly progress = new RunProgressController(this, this.task);

  constructor() {
    super();
    this.busy = false;
    this.exportError = "";
    new JobAnnouncer(this, "run", this.task);
  }

  /** Run the three runs (what Run impact does). */
  async start(): Promise<void> {
    const scenario = this.scenario, client = this.client;
    if (!scenario || !client || this.blockedBy || this.busy || this.task.pending) return;
    const reps = this.options?.replications ?? scenario.replications, runs = hasMitigations(scenario) ? 3 : 2;
    await this.progress.run({ done: 0, total: runs * reps, perWorker: [], elapsedMs: 0, etaMs: null }, async (signal, onProgress) =>
      ({ scenario, impact: await client.impact(scenario, { ...this.options, series: true, signal, onProgress }) }));
  }

  override render() {
    const s = this.scenario;
    if (!s || !hasDisruptions(s)) return nothing;
    const pending = this.task.pending, blocked = this.blockedBy ?? (this.busy ? "run" : undefined);
    const value = this.task.value;
    return html`<section aria-labelledby="impact-h">
      <h3 id="impact-h">Impact of the disruptions</h3>
      <p class="muted">Runs “${s.name}” ${hasMitigations(s) ? "three" : "two"} ways on the same replications and seed (common random numbers):
        without its disruptions (the baseline), as written${hasMitigations(s) ? ", and as written without its mitigations (the response)" : ""}.
        Differences are paired, with 95% intervals.</p>
      <div class="buttons">
        <button class="primary" type="button" ?disabled=${pending || !this.client || !!blocked} @click=${() => void this.start()}>Run impact</button>
        <button type="button" ?disabled=${!pending} @click=${() => this.progress.cancel()}>Cancel</button>
        ${blocked && !pending ? html`<span class="muted" role="status">${blockedReason(blocked)}.</span>` : nothing}
      </div>
      ${pending && this.progress.progress ? this.renderProgress(this.progress.progress) : nothing}
      ${this.task.error && !pending ? html`<div class="error" role="alert"><strong>The impact run failed.</strong> ${this.task.error}</div>` : nothing}
      ${value ? this.renderImpact(value) : nothing}
    </section>`;
  }

  private renderProgress(p: RunProgress) {
    return html`<div class="progress" role="status" aria-live="polite">
      <progress max=${Math.max(1, p.total)} .value=${p.done} aria-label="Replications done"></progress>
      <div>${progressText(p)} · ${formatDuration(p.elapsedMs)} elapsed</div></div>`;
  }

  private renderImpact({ scenario, impact: r }: Priced) {
    const stale = this.scenario && !sameScenario(scenario, this.scenario);
    return html`
      ${stale ? html`<p class="stale" role="note">This impact is from before your last changes to the scenario: run it again to update it.</p>` : nothing}
      <div class="buttons exports">
        <button type="button" @click=${() => downloadText(impactToCsv(r), `${fileStem(r.scenario)}-impact.csv`, "text/csv")}>Export CSV</button>
        <span class="muted">the same file as <code>echelon impact --format csv</code>: every KPI's runs and changes, then the costs</span>
        ${this.exportError ? html`<span class="issue" role="alert">${this.exportError}</span>` : nothing}
      </div>
      <p class="muted">${r.replications.toLocaleString("en")} replications × ${r.horizon} days (warm-up ${r.warmup}, ${r.measuredDays} measured days), seed ${String(r.seed)}, ${(r.elapsedMs / 1000).toFixed(1)} s.</p>
      <div class="costs">
        ${this.renderCost("disruption", "Cost of the disruption", "As written − baseline, network total cost", r.cost, r.measuredDays)}
        ${r.costUnmitigated ? this.renderCost("unmitigated", "Cost without the response", "Without mitigations − baseline", r.costUnmitigated, r.measuredDays) : nothing}
        ${r.saved ? this.renderCost("saved", "What the response saved", `${r.mitigations.join(", ")}: without − with mitigations`, r.saved, r.measuredDays) : nothing}
      </div>
      ${this.renderTable(r)}
      ${this.renderCharts(scenario, r)}`;
  }

  private renderCost(id: string, title: string, what: string, c: ImpactCost, days: number) {
    const hw = (c.perDay.ci95[1] - c.perDay.ci95[0]) / 2;
    const f = formatterForPrecision("money/day", hw), ft = formatterForPrecision("money", hw * days);
    return html`<div class="cost" data-cost=${id} title=${what}>
      <h4>${title}</h4>
      <div class="value">${signed(c.perDay.mean, f)} <span class="muted">/ day</span></div>
      <div class="ci">95% CI ${signed(c.perDay.ci95[0], f)} – ${signed(c.perDay.ci95[1], f)}</div>
      <div class="total">Over the ${days} measured days: ${signed(c.total.mean, ft)} [${signed(c.total.ci95[0], ft)}, ${signed(c.total.ci95[1], ft)}]</div>
      <div class="muted ci">${!c.significant ? "Not distinguishable from 0 at 95%."
        : id === "saved" && c.perDay.mean < 0 ? "Beyond its interval: the response cost more than it saved." : "Beyond its interval: a real difference."}</div>
    </div>`;
  }

  private renderTable(r: Impact) {
    const un = r.mitigations.length > 0;
    const keys = IMPACT_KPIS.filter((k) => r.network[k]);
    return html`<div class="table-wrap"><table aria-label="Network KPIs of the runs, side by side">
      <thead><tr><th scope="col">Network KPI</th><th scope="col">Baseline</th><th scope="col">As written</th><th scope="col">Change</th>
        ${un ? html`<th scope="col">Without the response</th><th scope="col">Change</th>` : nothing}</tr></thead>
      <tbody>${keys.map((k) => {
        const def = KPI_BY_KEY.get(k)!, e = r.network[k], f = formatterFor(def.unit);
        const change = (d: NonNullable<typeof e.unmitigatedVsBaseline>) => {
          const fd = formatterForPrecision(def.unit, (d.diff.ci95[1] - d.diff.ci95[0]) / 2);
          return html`<td class=${d.verdict} title=${`95% CI ${signed(d.diff.ci95[0], fd)} – ${signed(d.diff.ci95[1], fd)}, ${formatRelative(d.relative)}`}>
            ${d.verdict === "undefined" ? "not defined" : html`${signed(d.diff.mean, fd)} <span class="muted">${VERDICT[d.verdict]}</span>`}</td>`;
        };
        return html`<tr data-kpi=${k}><th scope="row">${def.label} <span class="muted">${def.unit === "0…1" ? "" : def.unit}</span></th>
          <td>${f(e.baseline.mean)}</td><td>${f(e.disrupted.mean)}</td>${change(e.disruptedVsBaseline)}
          ${un && e.unmitigated && e.unmitigatedVsBaseline ? html`<td>${f(e.unmitigated.mean)}</td>${change(e.unmitigatedVsBaseline)}` : nothing}</tr>`;
      })}</tbody></table></div>
      <p class="muted">Change: against the baseline, paired (rates in percentage points); hover it for its 95% interval and the relative change.</p>`;
  }

  private renderCharts(scenario: Scenario, r: Impact) {
    const series = r.series;
    if (!series?.baseline) return nothing;
    const runs = IMPACT_RUNS.filter((x) => series[x.run]);
    const firstDay = series.baseline.firstDay, windows = disruptionWindows(scenario);
    const fill: DayLine[] = runs.map((x) => ({ label: x.label, color: x.color, dash: x.dash, values: series[x.run]!.network.fillRate.mean }));
    const back: DayLine[] = runs.map((x) => ({ label: x.label, color: x.color, dash: x.dash, values: customerBackorders(series[x.run]!, scenario) }));
    return html`<div class="buttons exports">${this.chartButtons("impact-fill", "Fill rate")}${this.chartButtons("impact-backorders", "Backorders")}</div>
    <div class="charts">
      <ech-lines-chart id="impact-fill" .lines=${fill} .firstDay=${firstDay} .windows=${windows} label="Network fill rate, mean" unit="%" .zero=${false}
        .format=${formatterFor("0…1")} .axisFormat=${axisPercent}></ech-lines-chart>
      <ech-lines-chart id="impact-backorders" .lines=${back} .firstDay=${firstDay} .windows=${windows} label="Customer backorders, mean" unit="units"
        .format=${formatterFor("units")} .axisFormat=${axisUnits}></ech-lines-chart>
    </div>
    <p class="muted">Means over the replications, day by day; the grey band is the disruption window (a lane delay's window is when the late shipments leave: its effect shows when they were due).${series.unmitigated ? " The run without the response (“Without response”) is dashed." : ""}</p>`;
  }

  private chartButtons(chartId: string, title: string) {
    return html`<button type="button" title=${`Save the ${title.toLowerCase()} chart as SVG`} @click=${() => void this.exportChart(chartId, "svg")}>${title} SVG</button>
      <button type="button" title=${`Save the ${title.toLowerCase()} chart as PNG`} @click=${() => void this.exportChart(chartId, "png")}>${title} PNG</button>`;
  }

  /** Save one of the charts (src/ui/charts/export.ts); a failure is said next to the buttons, never thrown. */
  private async exportChart(chartId: string, kind: "svg" | "png") {
    const el = this.renderRoot.querySelector(`#${chartId}`), name = this.task.value?.impact.scenario ?? "impact";
    try {
      this.exportError = "";
      if (el) await exportChart(el, `${fileStem(name)}-${chartId}`, kind);
    } catch (e) {
      this.exportError = `Could not export the chart: ${(e as Error).message}`;
    }
  }
}

customElements.define("ech-impact-view", ImpactView);
declare global {
  interface HTMLElementTagNameMap { "ech-impact-view": ImpactView }
}
