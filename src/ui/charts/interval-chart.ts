import { LitElement, html, svg, type PropertyValues } from "lit";
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from "d3-scale";
import type { Stat } from "../../sim/model/result.ts";
import { renderAxis, rowLabelMargin } from "./axis.ts";
import { extentOf } from "./band.ts";
import { legendLines, renderLegend, type LegendItem } from "./legend.ts";
import { chartStyles, type Margin } from "./chart-styles.ts";
import { WidthController } from "./resize-controller.ts";

export interface IntervalRow { readonly label: string; readonly stat: Stat }

/** Height of one line of the legend. */
const LEGEND_LINE = 16;
/** Room above the plot for the legend's first line. */
const TOP = 30;

/**
 * The distribution of a KPI across replications, one row per node: a thin line from the 5th to
 * the 95th percentile, a thick bar for the 95% CI of the mean, a tick at the median and a dot at
 * the mean. Used for fill rate when a result carries no per-replication values for a histogram.
 */
export class IntervalChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    rows: { attribute: false },
    label: { type: String },
    format: { attribute: false },
    color: { type: String },
  };
  declare rows: readonly IntervalRow[];
  declare label: string;
  declare format: (v: number) => string;
  declare color: string;

  private readonly size = new WidthController(this);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleBand<string> = scaleBand();
  /** right: half the widest last tick label ("99.70%", "1,234.00"), which is centred on the plot's edge. */
  private margin: Margin = { top: TOP, right: 30, bottom: 42, left: 120 };
  /** The legend, wrapped to the room right of the row labels (two charts side by side in Compare are narrow). */
  private legend: LegendItem[][] = [];

  constructor() {
    super();
    this.rows = [];
    this.label = "";
    this.format = (v) => String(v);
    this.color = "#59a14f";
  }

  protected override willUpdate(_: PropertyValues<this>): void {
    const left = rowLabelMargin(this.rows.map((r) => r.label));
    this.legend = legendLines([
      { label: "5–95% of replications", color: this.color, shape: "line" },
      { label: "95% CI of the mean", color: this.color, shape: "band" },
      { label: "Median │  mean ●", color: "#333", shape: "line" },
    ], this.size.width - left);
    this.margin = { ...this.margin, left, top: TOP + (this.legend.length - 1) * LEGEND_LINE };
    const [lo, hi] = extentOf(this.rows.flatMap((r) => [r.stat.p05, r.stat.p95, r.stat.ci95[0], r.stat.ci95[1]]));
    const w = Math.max(10, this.size.width - this.margin.left - this.margin.right);
    this.x = scaleLinear(lo === hi ? [lo - 0.01, hi + 0.01] : [lo, hi], [0, w]).nice();
    this.y = scaleBand(this.rows.map((r) => r.label), [0, this.rows.length * 24]).padding(0.3);
  }

  override render() {
    if (this.rows.length === 0) return html`<p class="empty">Nothing to show.</p>`;
    const m = this.margin, ph = this.rows.length * 24, w = this.size.width, h = ph + m.top + m.bottom;
    const f = this.format, x = this.x;
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="group" aria-label=${`${this.label} across replications`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <g transform="translate(${m.left},${m.top})">
          ${renderAxis(this.y as never, "left")}
          <g transform="translate(0,${ph})">${renderAxis(x, "bottom", { label: this.label, grid: ph, format: f as (v: never) => string })}</g>
          ${this.rows.map(({ label, stat: s }) => {
            const cy = (this.y(label) ?? 0) + this.y.bandwidth() / 2;
            const text = `${label}: mean ${f(s.mean)} (95% CI ${f(s.ci95[0])} – ${f(s.ci95[1])}), median ${f(s.p50)}, 5–95% of replications ${f(s.p05)} – ${f(s.p95)}, n = ${s.n}`;
            return svg`<g tabindex="0" role="img" aria-label=${text}><title>${text}</title>
              <line x1=${x(s.p05)} x2=${x(s.p95)} y1=${cy} y2=${cy} stroke=${this.color} stroke-width="2"></line>
              <rect x=${x(s.ci95[0])} width=${Math.max(2, x(s.ci95[1]) - x(s.ci95[0]))} y=${cy - 5} height="10" fill=${this.color} fill-opacity="0.45"></rect>
              <line x1=${x(s.p50)} x2=${x(s.p50)} y1=${cy - 7} y2=${cy + 7} stroke="#333" stroke-width="2"></line>
              <circle cx=${x(s.mean)} cy=${cy} r="3.5" fill="#333"></circle></g>`;
          })}
          ${this.legend.map((items, i) => svg`<g transform="translate(0,${-22 - (this.legend.length - 1 - i) * LEGEND_LINE})">${renderLegend(items)}</g>`)}
        </g>
      </svg>`;
  }
}

customElements.define("ech-interval-chart", IntervalChart);
declare global {
  interface HTMLElementTagNameMap { "ech-interval-chart": IntervalChart }
}
