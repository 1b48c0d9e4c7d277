import { LitElement, html, svg, type PropertyValues } from "lit";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { renderAxis } from "./axis.ts";
import { extentOf } from "./band.ts";
import { renderLegend } from "./legend.ts";
import { chartStyles, type Margin } from "./chart-styles.ts";
import { WidthController } from "./resize-controller.ts";

export interface ScatterPoint { readonly label: string; readonly x: number; readonly y: number }

const margin: Margin = { top: 26, right: 20, bottom: 42, left: 64 };

/** A scatter plot with focusable, labelled points (and a table alternative). */
export class ScatterChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    points: { attribute: false },
    xLabel: { type: String },
    yLabel: { type: String },
    xFormat: { attribute: false },
    yFormat: { attribute: false },
    height: { type: Number },
    color: { type: String },
    legend: { type: String },
  };
  declare points: readonly ScatterPoint[];
  declare xLabel: string;
  declare yLabel: string;
  declare xFormat: (v: number) => string;
  declare yFormat: (v: number) => string;
  declare height: number;
  declare color: string;
  /** What one point is (legend text). */
  declare legend: string;

  private readonly size = new WidthController(this);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();

  constructor() {
    super();
    this.points = [];
    this.xLabel = "";
    this.yLabel = "";
    this.xFormat = (v) => String(v);
    this.yFormat = (v) => String(v);
    this.height = 260;
    this.color = "#4e79a7";
    this.legend = "Node";
  }

  protected override willUpdate(_: PropertyValues<this>): void {
    const [x0, x1] = extentOf(this.points.map((p) => p.x));
    const [y0, y1] = extentOf(this.points.map((p) => p.y));
    const pad = (a: number, b: number): [number, number] => (a === b ? [a - 1, b + 1] : [a - (b - a) * 0.05, b + (b - a) * 0.05]);
    this.x = scaleLinear(pad(Math.min(0, x0), x1), [0, Math.max(10, this.size.width - margin.left - margin.right)]).nice();
    this.y = scaleLinear(pad(y0, y1), [this.height - margin.top - margin.bottom, 0]).nice();
  }

  override render() {
    const pts = this.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (pts.length === 0) return html`<p class="empty">No points to show.</p>`;
    const w = this.size.width, h = this.height, ph = h - margin.top - margin.bottom;
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="group" aria-label=${`${this.yLabel} against ${this.xLabel}`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <g transform="translate(${margin.left},${margin.top})">
          ${renderAxis(this.y, "left", { label: this.yLabel, grid: w - margin.left - margin.right, format: this.yFormat as (v: never) => string })}
          <g transform="translate(0,${ph})">${renderAxis(this.x, "bottom", { label: this.xLabel, format: this.xFormat as (v: never) => string })}</g>
          ${pts.map((p) => {
            const text = `${p.label}: ${this.xLabel} ${this.xFormat(p.x)}, ${this.yLabel} ${this.yFormat(p.y)}`;
            return svg`<circle tabindex="0" role="img" aria-label=${text} cx=${this.x(p.x)} cy=${this.y(p.y)} r="5"
              fill=${this.color} fill-opacity="0.7" stroke="white"><title>${text}</title></circle>`;
          })}
          <g transform="translate(0,-20)">${renderLegend([{ label: this.legend, color: this.color }])}</g>
        </g>
      </svg>
      <details><summary>Table</summary><table>
        <thead><tr><th scope="col">Node</th><th scope="col">${this.xLabel}</th><th scope="col">${this.yLabel}</th></tr></thead>
        <tbody>${pts.map((p) => html`<tr><th scope="row">${p.label}</th><td>${this.xFormat(p.x)}</td><td>${this.yFormat(p.y)}</td></tr>`)}</tbody>
      </table></details>`;
  }
}

customElements.define("ech-scatter-chart", ScatterChart);
declare global {
  interface HTMLElementTagNameMap { "ech-scatter-chart": ScatterChart }
}
