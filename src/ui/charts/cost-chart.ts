import { LitElement, html, svg, type PropertyValues } from "lit";
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from "d3-scale";
import { format } from "d3-format";
import { renderAxis, rowLabelMargin } from "./axis.ts";
import { renderLegend } from "./legend.ts";
import { chartStyles, type Margin } from "./chart-styles.ts";
import { PALETTE } from "./palette.ts";
import { WidthController } from "./resize-controller.ts";
import { stackSegments, type StackRow } from "./stack.ts";

export interface CostSeries { readonly key: string; readonly label: string }

const money = format(",.2f");

/**
 * Horizontal stacked bars: one bar per row (network, then nodes), one segment per cost series.
 * Every segment is focusable and carries a tooltip; a data table sits under the chart.
 */
export class CostChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    rows: { attribute: false },
    series: { attribute: false },
    unit: { type: String },
  };
  declare rows: readonly StackRow[];
  declare series: readonly CostSeries[];
  declare unit: string;

  private readonly size = new WidthController(this);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleBand<string> = scaleBand();
  private margin: Margin = { top: 40, right: 20, bottom: 40, left: 120 };

  constructor() {
    super();
    this.rows = [];
    this.series = [];
    this.unit = "money/day";
  }

  private get plotHeight(): number { return Math.max(1, this.rows.length) * 22; }

  protected override willUpdate(_: PropertyValues<this>): void {
    this.margin = { ...this.margin, left: rowLabelMargin(this.rows.map((r) => r.label)) };
    const keys = this.series.map((s) => s.key);
    const totals = stackSegments(this.rows, keys).map((segs) => segs.at(-1)?.x1 ?? 0);
    const w = Math.max(10, this.size.width - this.margin.left - this.margin.right);
    this.x = scaleLinear([0, Math.max(...totals, 0) || 1], [0, w]).nice();
    this.y = scaleBand(this.rows.map((r) => r.label), [0, this.plotHeight]).padding(0.2);
  }

  override render() {
    if (this.rows.length === 0) return html`<p class="empty">No cost data.</p>`;
    const m = this.margin, w = this.size.width, h = this.plotHeight + m.top + m.bottom;
    const keys = this.series.map((s) => s.key);
    const labelOf = new Map(this.series.map((s) => [s.key, s.label]));
    const color = (key: string) => PALETTE[keys.indexOf(key) % PALETTE.length];
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="group" aria-label=${`Cost breakdown per day (${this.unit})`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <g transform="translate(${m.left},${m.top})">
          ${renderAxis(this.y as never, "left")}
          <g transform="translate(0,${this.plotHeight})">${renderAxis(this.x, "bottom", { label: `Cost (${this.unit})`, grid: this.plotHeight })}</g>
          ${stackSegments(this.rows, keys).map((segs) => segs.filter((s) => s.value > 0).map((s) => svg`
            <rect tabindex="0" role="img" x=${this.x(s.x0)} y=${this.y(s.row) ?? 0} width=${Math.max(0, this.x(s.x1) - this.x(s.x0))} height=${this.y.bandwidth()}
              fill=${color(s.key)} aria-label=${`${s.row}: ${labelOf.get(s.key)} ${money(s.value)}`}><title>${s.row}: ${labelOf.get(s.key)} ${money(s.value)} ${this.unit}</title></rect>`))}
          <g transform="translate(0,-30)">${renderLegend(this.series.map((s) => ({ label: s.label, color: color(s.key) })))}</g>
        </g>
      </svg>
      <details><summary>Table</summary>
        <table>
          <thead><tr><th scope="col">Where</th>${this.series.map((s) => html`<th scope="col">${s.label}</th>`)}</tr></thead>
          <tbody>${this.rows.map((r) => html`<tr><th scope="row">${r.label}</th>${keys.map((k) => html`<td>${money(r.values[k] ?? 0)}</td>`)}</tr>`)}</tbody>
        </table>
      </details>`;
  }
}

customElements.define("ech-cost-chart", CostChart);
declare global {
  interface HTMLElementTagNameMap { "ech-cost-chart": CostChart }
}
