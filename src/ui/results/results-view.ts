import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import type { RunResult, Stat } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { KPI_BY_KEY, type KpiDefinition } from "../../sim/model/kpis.ts";
import { format } from "d3-format";
import { controlStyles } from "../shared/styles.ts";
import "../charts/fan-chart.ts";
import "../charts/cost-chart.ts";
import "../charts/scatter-chart.ts";
import "../charts/interval-chart.ts";
import "../charts/histogram-chart.ts";
import type { CostSeries } from "../charts/cost-chart.ts";
import type { StackRow } from "../charts/stack.ts";
import { COLORS, PALETTE } from "../charts/palette.ts";
import { exportChart } from "../charts/export.ts";
import { downloadBlob, downloadText } from "../shared/download.ts";
import { XLSX_TYPE } from "../io/xlsx-type.ts";
import { formatterFor, formatterForPrecision, formatterForStat, statTooltip } from "./kpi-format.ts";
import { demandNodeIds, nodeRows, productRows, type NodeRow } from "./node-rows.ts";
import { fileStem, resultToCsv, resultToJson } from "./results-export.ts";
import "./node-table.ts";
import "./stock-breakdown.ts";
import "./bullwhip-chart.ts";
import { bullwhipChain } from "./bullwhip-chain.ts";
import { disruptionWindows, hasDisruptions } from "../charts/windows.ts";
import { kpiDelta, methodText, type Baseline } from "./kpi-delta.ts";
import { PanelsController } from "./panels-controller.ts";
import { assemblyKeys, assemblyNodeRows, assemblyProductRows } from "./assembly-rows.ts";

const LAST_STAGE = 3;
const FOLDED_KEY = "echelon:folded-result-sections";
const ORDER_KEY = "echelon:result-panel-order";

/** The panels in their default order, by heading id, with the render stage that draws each (see `stage`). */
const PANELS = {
  "net-h": { stage: 0 }, "res-h": { stage: 0 }, "asm-h": { stage: 0 }, "hist-h": { stage: 0 }, "dist-h": { stage: 0 }, "fr-h": { stage: 1 }, "fan-h": { stage: 1 },
  "cost-h": { stage: 2 }, "bw-h": { stage: 2 }, "stock-h": { stage: 2 }, "sc-h": { stage: 2 }, "tbl-h": { stage: 3 }, "prod-h": { stage: 3 },
} as const;
type PanelId = keyof typeof PANELS;
export const PANEL_IDS = Object.keys(PANELS) as readonly PanelId[];
const percent1 = format(".1%");

/** The network KPIs shown as cards, in this order (when the result has them). */
export const CARD_KPIS = [
  "fillRate", "cycleServiceLevel", "onHand", "onHandValue", "backorders", "lostSales", "totalCost", "inventoryTurns", "daysOfSupply", "stockoutDays",
] as const;

/** The resilience panel's network KPIs, shown when the scenario has disruptions (issue 10, item 2). */
export const RESILIENCE_KPIS = ["serviceTrough", "recoveryDays", "unitsShort", "maxBackorders"] as const;

/** The network KPIs the histogram can show from the result's per-replication values, with their bar colours. */
export const HISTOGRAM_KPIS = [
  { key: "fillRate", color: COLORS.fillRate },
  { key: "totalCost", color: PALETTE[6] },
  { key: "onHand", color: COLORS.onHand },
] as const;

export const COST_KPIS = [
  "holdingCost", "pipelineCost", "backorderCost", "lostSaleCost", "orderCost", "transportCost", "transferCost", "expediteCost",
] as const;

/** Cost rows for the stacked bar: the network first, then every node with any cost. */
export function costRows(result: RunResult, rows: readonly NodeRow[]): StackRow[] {
  const pick = (stats: RunResult["network"]) => Object.fromEntries(COST_KPIS.map((k) => [k, stats[k]?.mean ?? 0]));
  const nodes = rows.map((r) => ({ label: r.name, values: pick(r.stats) }));
  return [{ label: "Network", values: pick(result.network) }, ...nodes.filter((r) => Object.values(r.values).some((v) => v > 0))];
}

/**
 * Everything one run reports: KPI cards with 95% intervals, a histogram of the network fill rate
 * (or total cost, on hand) across replications, the fill-rate spread per node, fan charts per node, the cost breakdown, inventory against fill rate, the
 * per-node table, the per-product table (2+ products), and CSV/JSON/SVG/PNG exports.
 */
export class ResultsView extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    section.collapsed > :not(h3, .section-head) { display: none; }
    .move { font-size: 0.8rem; min-width: 1.9rem; padding-inline: 0.3rem; }
    .section-head { display: flex; align-items: center; gap: 0.4rem; }
    .section-head .spacer { flex: 1; }
    .fold { font-size: 0.8rem; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 0.5rem; margin: 0.5rem 0 1rem; }
    .card { border: 1px solid var(--ech-border, #ddd); border-radius: 6px; padding: 0.5rem 0.7rem; background: var(--ech-surface, #fff); }
    .card h4 { margin: 0; font-size: 0.8rem; font-weight: 600; color: var(--ech-muted, #555); }
    .card h4 .unit { font-weight: normal; }
    .card .value { font-size: 1.35rem; white-space: nowrap; font-variant-numeric: tabular-nums; margin: 0.1rem 0; }
    .card .delta { font-size: 0.78rem; margin-top: 0.2rem; font-variant-numeric: tabular-nums; }
    .card .delta.better { color: var(--ech-dc); }
    .card .delta.worse { color: var(--ech-error); }
    .card .ci { font-size: 0.78rem; color: var(--ech-muted, #555); font-variant-numeric: tabular-nums; }
    section { margin: 1rem 0 1.5rem; }
    h3 { font-size: 1rem; margin: 0 0 0.4rem; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    h3 .spacer { flex: 1; }
    h3 button, h3 select, h3 label { font-size: 0.85rem; font-weight: normal; }
    .exports { display: flex; gap: 0.4rem; flex-wrap: wrap; align-items: center; }
    .meta { font-size: 0.85rem; }
    .picker { font-size: 0.85rem; margin: 0 0 0.3rem; }
    .fans { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
  `];
  static override properties = {
    result: { attribute: false },
    scenario: { attribute: false },
    baseline: { attribute: false },
    fanNode: { state: true },
    exportError: { state: true },
    stage: { state: true },
    histogramKpi: { state: true },
  };
  declare result: RunResult | undefined;
  declare scenario: Scenario | undefined;
  /** What the KPI cards compare with (a previous run, or another scenario's last run). */
  declare baseline: Baseline | undefined;
  declare fanNode: string;
  declare exportError: string;
  /** The network KPI the histogram shows (a key of HISTOGRAM_KPIS). */
  declare histogramKpi: string;
  /**
   * How many sections are drawn: a new result renders in LAST_STAGE + 1 steps, one per task after
   * a frame, so no single main-thread task has to lay out every chart and the 27 × 30 table at once.
   */
  declare stage: number;

  /** The panels' order and which are folded away, remembered in localStorage. */
  readonly panels = new PanelsController(this, { folded: FOLDED_KEY, order: ORDER_KEY }, PANEL_IDS);
  private rows: NodeRow[] = [];
  private products: NodeRow[] = [];
  private stageTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.fanNode = "";
    this.exportError = "";
    this.histogramKpi = "fillRate";
    this.stage = LAST_STAGE;
  }

  /** The section's class: "collapsed" when folded away. */
  private fold(id: string): string { return this.panels.fold(id); }

  /** Move up, Move down and Hide/Show for the section headed `id`, remembered across runs and reloads. */
  private foldButton(id: string, title: string) { return this.panels.controls(id, title); }

  /** Resolves once every section of the current result is drawn. */
  async allRendered(): Promise<void> {
    await this.updateComplete;
    while (this.result && this.stage < LAST_STAGE) await new Promise((r) => setTimeout(r, 5));
    await this.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("result")) this.stage = 0;
    if ((changed.has("result") || changed.has("scenario")) && this.result) {
      this.rows = nodeRows(this.result, this.scenario);
      this.products = productRows(this.result, this.scenario);
      const ids = Object.keys(this.result.series?.nodes ?? {});
      if (!ids.includes(this.fanNode)) this.fanNode = demandNodeIds(this.result, this.scenario).find((id) => ids.includes(id)) ?? ids[0] ?? "";
    }
  }

  protected override updated(): void {
    if (this.stage >= LAST_STAGE || this.stageTimer !== undefined) return;
    const next = () => { this.stageTimer = undefined; this.stage++; };
    const raf = typeof requestAnimationFrame === "function" ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
    this.stageTimer = setTimeout(() => raf(next), 0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.stageTimer);
    this.stageTimer = undefined;
    this.stage = LAST_STAGE;
  }

  /** The result as an .xlsx workbook, one sheet per table; its module and exceljs load on first use. */
  private async exportXlsx(r: RunResult, stem: string) {
    try {
      const { resultToXlsx } = await import("./results-xlsx.ts");
      downloadBlob(new Blob([await resultToXlsx(r) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), `${stem}.xlsx`);
      this.exportError = "";
    } catch (e) {
      this.exportError = `The workbook could not be written: ${(e as Error).message}`;
    }
  }

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const stem = fileStem(r.scenario);
    return html`
      <p class="meta muted">${r.replications} replications × ${r.horizon} days (warm-up ${r.warmup}), seed ${String(r.seed)},
        ${r.workers} worker${r.workers === 1 ? "" : "s"}, ${(r.elapsedMs / 1000).toFixed(1)} s. Intervals are 95% confidence intervals of the mean.</p>
      <div class="exports">
        <button type="button" @click=${() => downloadText(resultToCsv(r), `${stem}.csv`, "text/csv")}>Export CSV</button>
        <button type="button" @click=${() => downloadText(resultToJson(r), `${stem}.json`, "application/json")}>Export JSON</button>
        <button type="button" @click=${() => void this.exportXlsx(r, stem)}>Export Excel</button>
        ${this.exportError ? html`<span class="issue" role="alert">${this.exportError}</span>` : nothing}
      </div>
      ${this.panels.order.map((id) => this.stage >= PANELS[id as PanelId].stage ? this.renderPanel(id, r) : nothing)}`;
  }

  /** One panel: a section whose heading has the id `id` (PANELS). */
  private renderPanel(id: string, r: RunResult) {
    switch (id as PanelId) {
      case "net-h": return html`<section aria-labelledby="net-h" data-panel="net-h" class=${this.fold("net-h")}><div class="section-head"><h3 id="net-h">Network</h3><span class="spacer"></span>${this.foldButton("net-h", "Network")}</div>
        ${this.baseline ? html`<p class="muted baseline">Under each value: the change against the ${this.baseline.label}, with its 95% interval (rates in percentage points).</p>` : nothing}
        <div class="cards">${CARD_KPIS.filter((k) => r.network[k]).map((k) => this.renderCard(k))}</div>
      </section>`;
      case "res-h": return this.renderResilience(r);
      case "asm-h": return this.renderAssembly(r);
      case "hist-h": return this.renderHistogram(r);
      case "dist-h": return this.renderFillRateDistribution(r);
      case "fr-h": return this.renderFillRateFan(r);
      case "fan-h": return this.renderFans(r);
      case "cost-h": return this.renderCosts(r);
      case "bw-h": return this.renderBullwhip(r);
      case "stock-h": return this.renderStock(r);
      case "sc-h": return this.renderScatter(r);
      case "tbl-h": return html`<section aria-labelledby="tbl-h" data-panel="tbl-h" class=${this.fold("tbl-h")}><div class="section-head"><h3 id="tbl-h">Per node</h3><span class="spacer"></span>${this.foldButton("tbl-h", "Per node")}</div><ech-node-table .rows=${this.rows}></ech-node-table></section>`;
      case "prod-h": return this.renderProducts();
    }
  }

  /**
   * How the network rode out its disruptions: the service trough, the days to recover, the units
   * short and the largest backorders, each with its interval. Only for a scenario with disruptions.
   */
  private renderResilience(r: RunResult) {
    if (!hasDisruptions(this.scenario)) return nothing;
    const keys = RESILIENCE_KPIS.filter((k) => r.network[k]);
    if (!keys.length) return nothing;
    const windows = disruptionWindows(this.scenario);
    return html`<section aria-labelledby="res-h" data-panel="res-h" class=${this.fold("res-h")}><div class="section-head"><h3 id="res-h">Resilience</h3><span class="spacer"></span>${this.foldButton("res-h", "Resilience")}</div>
      <p class="muted">${windows.length ? `Disruption window${windows.length > 1 ? "s" : ""}: ${windows.map((w) => w.label).join("; ")} — shaded on the charts by day.` : "Random outages: they strike on random days, so no window is shaded."}
        Recovery days count from the first window's start until the 7-day fill rate is back within 1 point of its level before.</p>
      <div class="cards">${keys.map((k) => this.renderCard(k))}</div></section>`;
  }

  /**
   * Assembly (bills of materials, issue 12): the network's assembly KPIs as cards, then the nodes
   * that make something and the products recipes make or use, with those KPIs only. Only for a
   * result that has them (a scenario with a bill of materials).
   */
  private renderAssembly(r: RunResult) {
    const keys = assemblyKeys(r.network);
    if (!keys.length) return nothing;
    const nodes = assemblyNodeRows(this.rows, this.scenario), products = assemblyProductRows(this.products, this.scenario);
    return html`<section aria-labelledby="asm-h" data-panel="asm-h" class=${this.fold("asm-h")}><div class="section-head"><h3 id="asm-h">Assembly</h3><span class="spacer"></span>${this.foldButton("asm-h", "Assembly")}</div>
      <p class="muted">Units assembled and components consumed are totals over the measured days; starved: days an assembly was owed production its components could not cover, and the units it could not start per day.</p>
      <div class="cards">${keys.map((k) => this.renderCard(k))}</div>
      ${nodes.length ? html`<h4 id="asm-nodes-h">Nodes that assemble</h4><ech-node-table id="assembly-nodes" caption="Assembly KPIs per node" .rows=${nodes} .keys=${keys}></ech-node-table>` : nothing}
      ${products.length ? html`<h4 id="asm-products-h">Products made and components</h4><ech-node-table id="assembly-products" scope="product" caption="Assembly KPIs per product" .rows=${products} .keys=${keys}></ech-node-table>` : nothing}
    </section>`;
  }

  /** One row per product, only when there are two or more (one product's figures are the network's). */
  private renderProducts() {
    if (this.products.length < 2) return nothing;
    return html`<section aria-labelledby="prod-h" data-panel="prod-h" class=${this.fold("prod-h")}><div class="section-head"><h3 id="prod-h">Products</h3><span class="spacer"></span>${this.foldButton("prod-h", "Products")}</div>
      <ech-node-table scope="product" .rows=${this.products}></ech-node-table></section>`;
  }

  private renderCard(key: string) {
    const def = KPI_BY_KEY.get(key)!;
    const s = this.result!.network[key];
    const f = formatterForStat(def.unit, s);
    return html`<div class="card" data-kpi=${key} title=${statTooltip(def, s)}>
      <h4>${def.label}${def.unit === "0…1" ? "" : html` <span class="unit">${def.unit}</span>`}</h4>
      <div class="value">${f(s.mean)}</div>
      <div class="ci">${s.n > 1 ? `95% CI ${f(s.ci95[0])} – ${f(s.ci95[1])}` : "one replication: no interval"}</div>
      ${this.renderDelta(def, s)}
    </div>`;
  }

  /** The change against the baseline with its 95% interval, paired or Welch (kpi-delta.ts); the tooltip says which. */
  private renderDelta(def: KpiDefinition, s: Stat) {
    // A KPI only some scenarios have (the assembly KPIs of a bill of materials) may be missing from the baseline.
    if (this.baseline && !this.baseline.network[def.key]) return html`<div class="delta same muted">not in the ${this.baseline.label}</div>`;
    const delta = this.baseline && kpiDelta(def.key, this.result!, this.baseline);
    if (!delta) return nothing;
    const { mean: d, ci95: [lo, hi] } = delta, hw = (hi - lo) / 2;
    const f = formatterForPrecision(def.unit, Number.isFinite(hw) && hw > 0 ? hw : Math.abs(s.mean) / 1e4);
    const sign = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${f(Math.abs(v))}`;
    const significant = Number.isFinite(hw) && (lo > 0 || hi < 0);
    const tone = !significant || def.higherIsBetter === null ? "same" : (d > 0) === def.higherIsBetter ? "better" : "worse";
    return html`<div class="delta ${tone}" data-method=${delta.method} title=${`Change against the ${this.baseline!.label}, with its 95% ${methodText(delta)}`}>
      ${sign(d)} ${Number.isFinite(hw) ? html`<span class="muted">[${sign(lo)}, ${sign(hi)}]</span>` : html`<span class="muted">(no interval)</span>`}</div>`;
  }

  private chartHeader(id: string, title: string, chartId: string) {
    return html`<h3 id=${id}>${title}<span class="spacer"></span>
      ${this.foldButton(id, title)}
      <button type="button" aria-label=${`Save ${title} as SVG`} @click=${() => this.exportChart(chartId, "svg")}>SVG</button>
      <button type="button" aria-label=${`Save ${title} as PNG`} @click=${() => this.exportChart(chartId, "png")}>PNG</button></h3>`;
  }

  private async exportChart(chartId: string, kind: "svg" | "png") {
    const el = this.renderRoot.querySelector(`#${chartId}`);
    try {
      this.exportError = "";
      if (el) await exportChart(el, `${fileStem(this.result!.scenario)}-${chartId}`, kind);
    } catch (e) {
      this.exportError = `Could not export the chart: ${(e as Error).message}`;
    }
  }

  /** The distribution across replications of a network KPI, from the result's per-replication values. */
  private renderHistogram(r: RunResult) {
    const values = r.replicationValues?.network;
    const kpis = HISTOGRAM_KPIS.filter(({ key }) => values?.[key] && r.network[key]);
    const pick = kpis.find((k) => k.key === this.histogramKpi) ?? kpis[0];
    if (!values || !pick) return nothing;
    const def = KPI_BY_KEY.get(pick.key)!;
    const unit = def.unit === "0…1" ? "%" : def.unit;
    return html`<section aria-labelledby="hist-h" data-panel="hist-h" class=${this.fold("hist-h")}>${this.chartHeader("hist-h", `${def.label} across replications`, "histogram")}
      ${kpis.length > 1 ? html`<p class="picker"><label for="hist-kpi">Network KPI</label>
        <select id="hist-kpi" @change=${(e: Event) => (this.histogramKpi = (e.target as HTMLSelectElement).value)}>
          ${kpis.map(({ key }) => html`<option value=${key} ?selected=${key === pick.key}>${KPI_BY_KEY.get(key)!.label}</option>`)}
        </select></p>` : nothing}
      <ech-histogram-chart id="histogram" .values=${values[pick.key]!} .stat=${r.network[pick.key]} label=${`Network ${def.label.toLowerCase()} (${unit})`}
        color=${pick.color} .format=${formatterFor(def.unit)} .formatForStep=${(step: number) => formatterForPrecision(def.unit, step)}></ech-histogram-chart></section>`;
  }

  private renderFillRateDistribution(r: RunResult) {
    const demand = new Set(demandNodeIds(r, this.scenario));
    const rows = [
      ...(r.network.fillRate ? [{ label: "Network", stat: r.network.fillRate }] : []),
      ...this.rows.filter((n) => demand.has(n.id) && n.stats.fillRate).map((n) => ({ label: n.name, stat: n.stats.fillRate })),
    ];
    if (rows.length === 0) return nothing;
    return html`<section aria-labelledby="dist-h" data-panel="dist-h" class=${this.fold("dist-h")}>${this.chartHeader("dist-h", "Fill rate by node across replications", "fill-dist")}
      <ech-interval-chart id="fill-dist" .rows=${rows} label="Fill rate (%)" .format=${formatterFor("0…1")}></ech-interval-chart></section>`;
  }

  private renderFillRateFan(r: RunResult) {
    const series = r.series;
    if (!series) return html`<section data-panel="fr-h"><h3 id="fr-h">Over time</h3><p class="muted">Run with “series” on to see the fill rate, on hand and backorders by day.</p></section>`;
    return html`<section aria-labelledby="fr-h" data-panel="fr-h" class=${this.fold("fr-h")}>${this.chartHeader("fr-h", "Network fill rate by day", "fan-fillrate")}
        <ech-fan-chart id="fan-fillrate" .band=${series.network.fillRate} .firstDay=${series.firstDay} label="Network fill rate" unit="%" .windows=${disruptionWindows(this.scenario)}
          .height=${180} .zero=${false} color=${COLORS.fillRate} .format=${formatterFor("0…1")} .axisFormat=${percent1}></ech-fan-chart>
      </section>`;
  }

  private renderFans(r: RunResult) {
    const series = r.series;
    if (!series) return nothing;
    const node = series.nodes[this.fanNode];
    const windows = disruptionWindows(this.scenario);
    const names = new Map(this.rows.map((n) => [n.id, n.name]));
    return html`<section aria-labelledby="fan-h" data-panel="fan-h" class=${this.fold("fan-h")}>
      <h3 id="fan-h">On hand and backorders by day
        <label for="fan-node">Node</label> <select id="fan-node" @change=${(e: Event) => (this.fanNode = (e.target as HTMLSelectElement).value)}>
          ${Object.keys(series.nodes).map((id) => html`<option value=${id} ?selected=${id === this.fanNode}>${names.get(id) ?? id}</option>`)}
        </select>
        <span class="spacer"></span>
        ${this.foldButton("fan-h", "On hand and backorders by day")}
        <button type="button" @click=${() => this.exportChart("fan-onhand", "svg")}>On hand SVG</button>
        <button type="button" @click=${() => this.exportChart("fan-onhand", "png")}>On hand PNG</button>
        <button type="button" @click=${() => this.exportChart("fan-backorders", "svg")}>Backorders SVG</button>
        <button type="button" @click=${() => this.exportChart("fan-backorders", "png")}>Backorders PNG</button>
      </h3>
      ${node ? html`<div class="fans">
        <ech-fan-chart id="fan-onhand" .band=${node.onHand} .firstDay=${series.firstDay} label="On hand" unit="units" color=${COLORS.onHand} .windows=${windows}></ech-fan-chart>
        <ech-fan-chart id="fan-backorders" .band=${node.backorders} .firstDay=${series.firstDay} label="Backorders" unit="units" color=${COLORS.backorders} .windows=${windows}></ech-fan-chart>
      </div>` : html`<p class="muted">No series for this node.</p>`}
    </section>`;
  }

  private renderCosts(r: RunResult) {
    const series: CostSeries[] = COST_KPIS.filter((k) => r.network[k]).map((k) => ({ key: k, label: KPI_BY_KEY.get(k)!.label.replace(/ cost$/, "") }));
    if (series.length === 0) return nothing;
    return html`<section aria-labelledby="cost-h" data-panel="cost-h" class=${this.fold("cost-h")}>${this.chartHeader("cost-h", "Cost per day", "costs")}
      <ech-cost-chart id="costs" .rows=${costRows(r, this.rows)} .series=${series} unit="money/day"></ech-cost-chart></section>`;
  }

  /** Each stocking node's order variance ratio from the customers upstream (bullwhip-chart.ts). */
  private renderBullwhip(r: RunResult) {
    const rows = bullwhipChain(r, this.scenario);
    if (rows.length === 0) return nothing;
    return html`<section aria-labelledby="bw-h" data-panel="bw-h" class=${this.fold("bw-h")}>${this.chartHeader("bw-h", "Bullwhip along the chain", "bullwhip")}
      <ech-bullwhip-chart id="bullwhip" .rows=${rows}></ech-bullwhip-chart></section>`;
  }

  /** Where the stock sits: average stock by echelon in its parts (docs/kpis.md "Stock breakdown"). */
  private renderStock(r: RunResult) {
    if (!r.stockBreakdown) return nothing;
    return html`<section aria-labelledby="stock-h" data-panel="stock-h" class=${this.fold("stock-h")}>${this.chartHeader("stock-h", "Where the stock sits", "stock")}
      <ech-stock-breakdown id="stock" .plans=${[{ label: "This run", breakdown: r.stockBreakdown }]} .names=${new Map(this.rows.map((n) => [n.id, n.name]))}></ech-stock-breakdown></section>`;
  }

  private renderScatter(r: RunResult) {
    const demand = new Set(demandNodeIds(r, this.scenario));
    const points = this.rows.filter((n) => demand.has(n.id) && n.stats.onHand && n.stats.fillRate)
      .map((n) => ({ label: n.name, x: n.stats.onHand.mean, y: n.stats.fillRate.mean }));
    if (points.length === 0) return nothing;
    return html`<section aria-labelledby="sc-h" data-panel="sc-h" class=${this.fold("sc-h")}>${this.chartHeader("sc-h", "Inventory vs fill rate (demand nodes)", "scatter")}
      <ech-scatter-chart id="scatter" .points=${points} legend="Demand node" xLabel="Mean on hand (units)" yLabel="Fill rate (%)"
        .xFormat=${formatterFor("units")} .yFormat=${formatterFor("0…1")}></ech-scatter-chart></section>`;
  }
}

customElements.define("ech-results-view", ResultsView);
declare global {
  interface HTMLElementTagNameMap { "ech-results-view": ResultsView }
}
