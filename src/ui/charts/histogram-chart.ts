import { LitElement, html, nothing, svg, type PropertyValues } from "lit";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { format } from "d3-format";
import type { Stat } from "../../sim/model/result.ts";
import { renderAxis } from "./axis.ts";
import { histogramBins, suggestedBinCount, type HistogramBin } from "./histogram.ts";
import { renderLegend } from "./legend.ts";
import { chartStyles, type Margin } from "./chart-styles.ts";
import { COLORS } from "./palette.ts";
import { WidthController } from "./resize-controller.ts";

const margin: Margin = { top: 26, right: 20, bottom: 42, left: 64 };
const share = format(".1%");
const count = format(",d");
const MEAN_COLOR = "#333";

/**
 * A histogram of one KPI's per-replication values: how many replications fell in each range,
 * with the mean (line) and the 95% confidence interval of the mean (shaded) marked. Every bar is
 * focusable and carries its range and count; a table under the chart lists every bin.
 * Values that are not finite (a fill rate without demand) are left out and counted in the note.
 */
export class HistogramChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    values: { attribute: false },
    stat: { attribute: false },
    label: { type: String },
    format: { attribute: false },
    color: { type: String },
    height: { type: Number },
    bins: { type: Number },
    formatForStep: { attribute: false },
  };
  /** One value per replication (NaN or null where undefined). */
  declare values: readonly (number | null)[];
  /** The KPI's Stat, for the mean and its 95% CI (omitted: no marks). */
  declare stat: Stat | undefined;
  /** Axis title with its unit, e.g. "Network fill rate (%)". */
  declare label: string;
  declare format: (v: number) => string;
  declare color: string;
  declare height: number;
  /** About how many bins (default: suggestedBinCount of the number of values). */
  declare bins: number | undefined;
  /**
   * A format precise enough for bins `step` wide (e.g. two decimals of a percentage for bins of
   * 0.05 points), used instead of `format` so neighbouring bin edges never print alike.
   */
  declare formatForStep: ((step: number) => (v: number) => string) | undefined;

  private readonly size = new WidthController(this);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();
  private binned: HistogramBin[] = [];
  private finiteCount = 0;
  private f: (v: number) => string = String;

  constructor() {
    super();
    this.values = [];
    this.label = "";
    this.format = (v) => String(v);
    this.color = COLORS.fillRate;
    this.height = 240;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("values") || changed.has("bins")) {
      this.binned = histogramBins(this.values, this.bins ?? suggestedBinCount(this.values.length));
      this.finiteCount = this.binned.reduce((s, b) => s + b.count, 0);
    }
    const first = this.binned[0], last = this.binned.at(-1);
    const step = first ? first.x1 - first.x0 : 0;
    this.f = this.formatForStep && step > 0 ? this.formatForStep(step) : this.format;
    let [lo, hi] = first && last ? [first.x0, last.x1] : [0, 1];
    if (lo === hi) { const d = Math.max(Math.abs(lo) * 0.01, 1e-3); lo -= d; hi += d; }
    const w = Math.max(10, this.size.width - margin.left - margin.right);
    this.x = scaleLinear([lo, hi], [0, w]);
    const top = Math.max(1, ...this.binned.map((b) => b.count));
    this.y = scaleLinear([0, top], [this.height - margin.top - margin.bottom, 0]).nice();
  }

  /** "95.0% – 96.0%: 23 of 200 replications (11.5%)". */
  private describe(b: HistogramBin): string {
    const n = this.finiteCount, f = this.f;
    const range = b.x0 === b.x1 ? f(b.x0) : `${f(b.x0)} – ${f(b.x1)}`;
    return `${range}: ${count(b.count)} of ${count(n)} replication${n === 1 ? "" : "s"} (${share(b.count / n)})`;
  }

  override render() {
    if (this.binned.length === 0) return html`<p class="empty">No replication has a value to show.</p>`;
    const w = this.size.width, h = this.height, pw = w - margin.left - margin.right, ph = h - margin.top - margin.bottom;
    const x = this.x, y = this.y, s = this.stat, f = this.f;
    const barWidth = (b: HistogramBin) => (b.x0 === b.x1 ? Math.max(6, pw * 0.04) : Math.max(1, x(b.x1) - x(b.x0) - 1));
    const barX = (b: HistogramBin) => (b.x0 === b.x1 ? x(b.x0) - barWidth(b) / 2 : x(b.x0) + 0.5);
    const left = this.values.length - this.finiteCount;
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="group" aria-label=${`${this.label}: histogram of ${count(this.finiteCount)} replications`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <g transform="translate(${margin.left},${margin.top})">
          ${renderAxis(y, "left", { label: "Replications", grid: pw, ticks: Math.min(5, y.domain()[1]), format: ((v: number) => String(v)) as (v: never) => string })}
          <g transform="translate(0,${ph})">${renderAxis(x, "bottom", { label: this.label, format: f as (v: never) => string })}</g>
          ${s && s.n > 0 && Number.isFinite(s.mean) ? svg`
            <rect class="ci" x=${x(s.ci95[0])} width=${Math.max(2, x(s.ci95[1]) - x(s.ci95[0]))} y="0" height=${ph} fill=${COLORS.marker} fill-opacity="0.3"></rect>` : nothing}
          ${this.binned.filter((b) => b.count > 0).map((b) => {
            const text = this.describe(b);
            return svg`<rect class="bar" tabindex="0" role="img" aria-label=${text} x=${barX(b)} width=${barWidth(b)} y=${y(b.count)} height=${ph - y(b.count)}
              fill=${this.color} fill-opacity="0.85"><title>${text}</title></rect>`;
          })}
          ${s && s.n > 0 && Number.isFinite(s.mean) ? svg`
            <line class="mean" x1=${x(s.mean)} x2=${x(s.mean)} y1="-4" y2=${ph} stroke=${MEAN_COLOR} stroke-width="2"><title>Mean ${f(s.mean)} (95% CI ${f(s.ci95[0])} – ${f(s.ci95[1])})</title></line>` : nothing}
          <g transform="translate(0,-20)">${renderLegend([
            { label: "Replications", color: this.color },
            ...(s ? [{ label: "Mean", color: MEAN_COLOR, shape: "line" as const }, { label: "95% CI of the mean", color: COLORS.marker, shape: "band" as const }] : []),
          ])}</g>
        </g>
      </svg>
      <p class="readout">${count(this.finiteCount)} replications${s ? `; mean ${f(s.mean)}, 95% CI ${f(s.ci95[0])} – ${f(s.ci95[1])}` : ""}${left > 0 ? `; ${count(left)} without a value left out` : ""}.</p>
      <details><summary>Table</summary><table>
        <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Replications</th><th scope="col">Share</th></tr></thead>
        <tbody>${this.binned.map((b) => html`<tr><td>${f(b.x0)}</td><td>${f(b.x1)}</td><td>${count(b.count)}</td><td>${share(b.count / this.finiteCount)}</td></tr>`)}</tbody>
      </table></details>`;
  }
}

customElements.define("ech-histogram-chart", HistogramChart);
declare global {
  interface HTMLElementTagNameMap { "ech-histogram-chart": HistogramChart }
}
