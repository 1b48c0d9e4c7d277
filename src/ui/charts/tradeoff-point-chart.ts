import { LitElement, html, svg, type PropertyValues } from "lit";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { renderAxis } from "./axis.ts";
import { renderLegend } from "./legend.ts";
import { chartStyles, type Margin } from "./chart-styles.ts";
import { WidthController } from "./resize-controller.ts";

/** A mean and its 95% interval. */
export interface Estimate { readonly mean: number; readonly ci95: readonly [number, number] }
/** One scenario's place on the trade-off: stock across, service up. */
export interface TradeoffPoint { readonly label: string; readonly color: string; readonly x: Estimate; readonly y: Estimate }

const margin: Margin = { top: 30, right: 24, bottom: 44, left: 72 };
/** Half an error bar's cap and a point's radius, in pixels. */
const CAP = 4, RADIUS = 5;
/** Room around the intervals, as a share of the larger span, so a point never sits on an axis. */
const PAD = 0.25;

/**
 * Where each scenario sits on the service–inventory trade-off: mean stock across, fill rate up,
 * each with its 95% interval as error bars in both directions. Axes fit the intervals (not zero):
 * the chart shows which way B moved from A. Whether the move is real is not read from the bars'
 * overlap: scenarios compared on common random numbers share their noise, which the marginal
 * intervals carry and the paired difference cancels, so the caller shows the paired interval
 * beside the chart (compare/tradeoff-differences.ts).
 */
export class TradeoffPointChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    points: { attribute: false },
    xLabel: { type: String },
    yLabel: { type: String },
    xFormat: { attribute: false },
    yFormat: { attribute: false },
    height: { type: Number },
  };
  declare points: readonly TradeoffPoint[];
  declare xLabel: string;
  declare yLabel: string;
  declare xFormat: (v: number) => string;
  declare yFormat: (v: number) => string;
  declare height: number;

  private readonly size = new WidthController(this);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();

  constructor() {
    super();
    this.points = [];
    this.xLabel = "";
    this.yLabel = "";
    this.xFormat = String;
    this.yFormat = String;
    this.height = 260;
  }

  protected override willUpdate(_: PropertyValues<this>): void {
    const span = (pick: (p: TradeoffPoint) => Estimate): [number, number] => {
      const vals = this.points.flatMap((p) => [pick(p).ci95[0], pick(p).ci95[1], pick(p).mean]).filter(Number.isFinite);
      const lo = Math.min(...vals), hi = Math.max(...vals), pad = (hi - lo) * PAD || Math.abs(hi) * 0.01 || 1;
      return [lo - pad, hi + pad];
    };
    this.x = scaleLinear(span((p) => p.x), [0, Math.max(10, this.size.width - margin.left - margin.right)]).nice();
    this.y = scaleLinear(span((p) => p.y), [this.height - margin.top - margin.bottom, 0]).nice();
  }

  override render() {
    if (this.points.length === 0) return html`<p class="empty">Nothing to place.</p>`;
    const w = this.size.width, h = this.height, ph = h - margin.top - margin.bottom;
    const { x, y } = this;
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="group" aria-label=${`${this.yLabel} against ${this.xLabel}, with 95% intervals`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <g transform="translate(${margin.left},${margin.top})">
          ${renderAxis(y, "left", { label: this.yLabel, grid: w - margin.left - margin.right, format: y.tickFormat(5, "%") as (v: never) => string })}
          <g transform="translate(0,${ph})">${renderAxis(x, "bottom", { label: this.xLabel, format: x.tickFormat(5, ",f") as (v: never) => string })}</g>
          ${this.points.map((p) => svg`<g class="point" tabindex="0" role="img"
              aria-label=${`${p.label}: ${this.xLabel} ${this.xFormat(p.x.mean)} (95% CI ${this.xFormat(p.x.ci95[0])} – ${this.xFormat(p.x.ci95[1])}), ${this.yLabel} ${this.yFormat(p.y.mean)} (95% CI ${this.yFormat(p.y.ci95[0])} – ${this.yFormat(p.y.ci95[1])})`}
              stroke=${p.color} fill=${p.color}>
            <title>${p.label}</title>
            <line x1=${x(p.x.ci95[0])} x2=${x(p.x.ci95[1])} y1=${y(p.y.mean)} y2=${y(p.y.mean)} stroke-width="1.5"></line>
            <line x1=${x(p.x.mean)} x2=${x(p.x.mean)} y1=${y(p.y.ci95[0])} y2=${y(p.y.ci95[1])} stroke-width="1.5"></line>
            ${[p.x.ci95[0], p.x.ci95[1]].map((v) => svg`<line x1=${x(v)} x2=${x(v)} y1=${y(p.y.mean) - CAP} y2=${y(p.y.mean) + CAP} stroke-width="1.5"></line>`)}
            ${[p.y.ci95[0], p.y.ci95[1]].map((v) => svg`<line x1=${x(p.x.mean) - CAP} x2=${x(p.x.mean) + CAP} y1=${y(v)} y2=${y(v)} stroke-width="1.5"></line>`)}
            <circle cx=${x(p.x.mean)} cy=${y(p.y.mean)} r=${RADIUS} stroke="#fff"></circle>
            <text x=${x(p.x.mean) + RADIUS + 4} y=${y(p.y.mean) - RADIUS - 2} stroke="none" font-size="12" font-weight="600">${p.label.split(":")[0]}</text>
          </g>`)}
          <g transform="translate(0,-22)">${renderLegend(this.points.map((p) => ({ label: p.label, color: p.color })))}</g>
        </g>
      </svg>
      <details><summary>Table</summary><table>
        <thead><tr><th scope="col">Scenario</th><th scope="col">${this.xLabel}</th><th scope="col">95% CI</th><th scope="col">${this.yLabel}</th><th scope="col">95% CI</th></tr></thead>
        <tbody>${this.points.map((p) => html`<tr><td>${p.label}</td><td>${this.xFormat(p.x.mean)}</td><td>${this.xFormat(p.x.ci95[0])} – ${this.xFormat(p.x.ci95[1])}</td>
          <td>${this.yFormat(p.y.mean)}</td><td>${this.yFormat(p.y.ci95[0])} – ${this.yFormat(p.y.ci95[1])}</td></tr>`)}</tbody></table></details>`;
  }
}

customElements.define("ech-tradeoff-point-chart", TradeoffPointChart);
declare global {
  interface HTMLElementTagNameMap { "ech-tradeoff-point-chart": TradeoffPointChart }
}
