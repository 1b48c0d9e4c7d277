import { LitElement, css, html, nothing, svg, type PropertyValues } from "lit";
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from "d3-scale";
import { own } from "../../sim/model/dict.ts";
import type { Stat } from "../../sim/model/result.ts";
import { STOCK_COMPONENTS, STOCK_COMPONENT_LABELS, type StockComponent, type StockStats } from "../../sim/model/stock-breakdown.ts";
import { renderAxis } from "../charts/axis.ts";
import { chartStyles, type Margin } from "../charts/chart-styles.ts";
import { exportChart } from "../charts/export.ts";
import { renderLegend } from "../charts/legend.ts";
import { PALETTE } from "../charts/palette.ts";
import { WidthController } from "../charts/resize-controller.ts";
import { formatterFor } from "./kpi-format.ts";
import { stockBars, stockExtent, type StockBar, type StockPlan } from "./stock-stack.ts";

export type { StockPlan } from "./stock-stack.ts";

/** Component colours: in transit teal, cycle blue, safety green, held for downstream orange. */
export const STOCK_COLORS: { readonly [K in StockComponent]: string } = {
  pipeline: PALETTE[3], cycle: PALETTE[0], safety: PALETTE[4], heldForDownstream: PALETTE[1],
};

const units = formatterFor("units");
const PLOT_HEIGHT = 240;
const withCi = (s: Stat) => (s.n > 1 ? `${units(s.mean)} [${units(s.ci95[0])}, ${units(s.ci95[1])}]` : units(s.mean));

/**
 * Where the stock sits (docs/kpis.md "Stock breakdown"): stacked bars by echelon — one bar per
 * plan side by side when two plans are compared — each split into pipeline, cycle, safety and
 * held-for-downstream stock, with the 95% interval of the echelon's total as a whisker; under it,
 * the network's totals and a table per echelon and node.
 */
export class StockBreakdownChart extends LitElement {
  static override styles = [chartStyles, css`
    .totals { margin: 4px 0 0; font-variant-numeric: tabular-nums; }
    .totals b { font-weight: 600; }
    th[scope="rowgroup"] { font-weight: 600; padding-top: 4px; }
    td.node { padding-left: 1.2em; }
    td.echelon { font-weight: 600; }
    .exports { margin: 0 0 4px; display: flex; gap: 0.4rem; justify-content: flex-end; }
  `];
  static override properties = {
    plans: { attribute: false },
    names: { attribute: false },
    exportName: { type: String },
    exportError: { state: true },
  };
  /** One plan, or two (A then B) to draw side by side. */
  declare plans: readonly StockPlan[];
  /** Node display names by id (ids otherwise). */
  declare names: ReadonlyMap<string, string>;
  /** When set, SVG and PNG buttons save the chart as `<exportName>.svg` / `.png` (where no heading offers them). */
  declare exportName: string;
  declare exportError: string;

  private readonly size = new WidthController(this);
  private bars: StockBar[] = [];
  private x: ScaleBand<string> = scaleBand();
  private xPlan: ScaleBand<string> = scaleBand();
  private y: ScaleLinear<number, number> = scaleLinear();
  private margin: Margin = { top: 34, right: 16, bottom: 50, left: 64 };

  constructor() {
    super();
    this.plans = [];
    this.names = new Map();
    this.exportName = "";
    this.exportError = "";
  }

  private async save(kind: "svg" | "png") {
    try {
      this.exportError = "";
      await exportChart(this, this.exportName, kind);
    } catch (e) {
      this.exportError = `Could not export the chart: ${(e as Error).message}`;
    }
  }

  protected override willUpdate(_: PropertyValues<this>): void {
    this.bars = stockBars(this.plans);
    const w = Math.max(10, this.size.width - this.margin.left - this.margin.right);
    this.x = scaleBand([...new Set(this.bars.map((b) => b.group))], [0, w]).paddingInner(0.25).paddingOuter(0.1);
    this.xPlan = scaleBand(this.plans.map((p) => p.label), [0, this.x.bandwidth()]).padding(this.plans.length > 1 ? 0.08 : 0.25);
    const [lo, hi] = stockExtent(this.bars);
    const top = Math.max(hi, ...this.bars.map((b) => (Number.isFinite(b.total.ci95[1]) ? b.total.ci95[1] : 0)));
    this.y = scaleLinear([lo, top || 1], [PLOT_HEIGHT, 0]).nice();
  }

  override render() {
    if (this.plans.length === 0) return html`<p class="empty">No stock breakdown in this result.</p>`;
    const m = this.margin, w = this.size.width, h = PLOT_HEIGHT + m.top + m.bottom;
    const two = this.plans.length > 1;
    const title = `Average stock by echelon (units)${two ? `, ${this.plans.map((p) => p.label).join(" and ")} side by side` : ""}`;
    return html`
      ${this.exportName ? html`<p class="exports"><button type="button" aria-label="Save the stock chart as SVG" @click=${() => this.save("svg")}>SVG</button>
        <button type="button" aria-label="Save the stock chart as PNG" @click=${() => this.save("png")}>PNG</button>
        ${this.exportError ? html`<span role="alert">${this.exportError}</span>` : nothing}</p>` : nothing}
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="group" aria-label=${title} xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <g transform="translate(${m.left},${m.top})">
          ${renderAxis(this.y, "left", { label: "Average stock (units)", grid: w - m.left - m.right })}
          <line class="zero" x1="0" x2=${w - m.left - m.right} y1=${this.y(0)} y2=${this.y(0)} stroke="currentColor"></line>
          ${this.bars.map((b) => this.renderBar(b, two))}
          ${this.x.domain().map((g) => svg`<text class="group" x=${(this.x(g) ?? 0) + this.x.bandwidth() / 2} y=${PLOT_HEIGHT + (two ? 34 : 18)}
            text-anchor="middle" font-size="12" fill="currentColor">${g}</text>`)}
          <g transform="translate(0,-26)">${renderLegend(STOCK_COMPONENTS.map((k) => ({ label: STOCK_COMPONENT_LABELS[k], color: STOCK_COLORS[k] })))}</g>
        </g>
      </svg>
      ${this.renderTotals()}
      ${this.renderTable()}`;
  }

  private renderBar(b: StockBar, two: boolean) {
    const x = (this.x(b.group) ?? 0) + (this.xPlan(b.plan) ?? 0), bw = this.xPlan.bandwidth(), mid = x + bw / 2;
    const where = two ? `${b.group}, ${b.plan}` : b.group;
    const [lo, hi] = b.total.ci95;
    return svg`<g class="bar" data-group=${b.group} data-plan=${b.plan}>
      ${b.segments.map((s) => svg`<rect tabindex="0" role="img" class="segment" data-key=${s.key} x=${x} width=${bw}
        y=${this.y(s.y1)} height=${Math.max(0, this.y(s.y0) - this.y(s.y1))} fill=${STOCK_COLORS[s.key]}
        aria-label=${`${where}: ${STOCK_COMPONENT_LABELS[s.key]} ${units(s.value)} units`}><title>${where}: ${STOCK_COMPONENT_LABELS[s.key]} ${units(s.value)} units</title></rect>`)}
      ${b.total.n > 1 && Number.isFinite(lo) && Number.isFinite(hi) ? svg`<g class="whisker" stroke="currentColor" stroke-width="1.2">
        <line x1=${mid} x2=${mid} y1=${this.y(lo)} y2=${this.y(hi)}></line>
        <line x1=${mid - 4} x2=${mid + 4} y1=${this.y(lo)} y2=${this.y(lo)}></line>
        <line x1=${mid - 4} x2=${mid + 4} y1=${this.y(hi)} y2=${this.y(hi)}></line></g>` : nothing}
      ${two ? svg`<text x=${mid} y=${PLOT_HEIGHT + 16} text-anchor="middle" font-size="11" fill="currentColor">${b.plan}</text>` : nothing}
    </g>`;
  }

  /** Each plan's network total and parts, one line per plan. */
  private renderTotals() {
    return this.plans.map((p) => {
      const n = p.breakdown.network;
      return html`<p class="totals" data-plan=${p.label}><b>${this.plans.length > 1 ? `${p.label}, network` : "Network"}:</b>
        ${withCi(n.total)} units on average = ${STOCK_COMPONENTS.map((k, i) => `${i ? " + " : ""}${STOCK_COMPONENT_LABELS[k].toLowerCase()} ${units(n[k].mean)}`).join("")}.</p>`;
    });
  }

  /** Per echelon, then its nodes; one row per plan. */
  private renderTable() {
    const two = this.plans.length > 1;
    const groups = [...new Set(this.plans.flatMap((p) => p.breakdown.echelons.map((e) => e.label)))];
    const row = (where: string, plan: string, s: StockStats | undefined, node: boolean) => s ? html`<tr>
      <td class=${node ? "node" : "echelon"}>${where}</td>${two ? html`<td>${plan}</td>` : nothing}
      ${STOCK_COMPONENTS.map((k) => html`<td>${units(s[k].mean)}</td>`)}<td>${withCi(s.total)}</td></tr>` : nothing;
    return html`<details class="table"><summary>Table: per echelon and per node</summary>
      <table>
        <thead><tr><th scope="col">Where</th>${two ? html`<th scope="col">Plan</th>` : nothing}
          ${STOCK_COMPONENTS.map((k) => html`<th scope="col">${STOCK_COMPONENT_LABELS[k]}</th>`)}<th scope="col">Total [95% CI]</th></tr></thead>
        ${groups.map((g) => {
          const nodes = [...new Set(this.plans.flatMap((p) => p.breakdown.echelons.find((e) => e.label === g)?.nodes ?? []))];
          return html`<tbody>
            ${this.plans.map((p) => row(g, p.label, p.breakdown.echelons.find((e) => e.label === g)?.stock, false))}
            ${nodes.flatMap((id) => this.plans.map((p) => row(this.names.get(id) ?? id, p.label, own(p.breakdown.nodes, id), true)))}
          </tbody>`;
        })}
      </table></details>`;
  }
}

customElements.define("ech-stock-breakdown", StockBreakdownChart);
declare global {
  interface HTMLElementTagNameMap { "ech-stock-breakdown": StockBreakdownChart }
}
