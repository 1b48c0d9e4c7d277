/**
 * `<ech-frontier-chart .data .view>`: the service–inventory trade-off chart. One line per method
 * through its simulated points, every point with its 95% interval as error bars in both
 * directions (fill rate across, inventory value or turns up), the current scenario as a diamond,
 * and dashed guides at the headline's fill rates. Colours are SVG attributes, so the exported
 * SVG and PNG (charts/export.ts) look as on screen.
 *
 * Clicking a point, or Enter on a focused one, sends `ech-frontier-select` with its key, so the
 * dialog can offer its plan as a variant.
 */
import { LitElement, html, nothing, svg, type PropertyValues, type SVGTemplateResult } from "lit";
import { format } from "d3-format";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { renderAxis } from "../charts/axis.ts";
import { chartStyles, type Margin } from "../charts/chart-styles.ts";
import { renderLegend, type LegendItem } from "../charts/legend.ts";
import { WidthController } from "../charts/resize-controller.ts";
import { CURRENT_COLOR, CURRENT_LABEL, VIEW_LABELS, type ChartData, type ChartPoint, type FrontierView } from "./frontier-series.ts";

const margin: Margin = { top: 52, right: 24, bottom: 44, left: 76 };
/** Half the width of an error bar's cap, a point's radius, and the radius of a halo curve's rings, in pixels. */
const CAP = 3, MARKER = 4.5, HALO_RING = 8;
/** A label this close to the plot's right edge goes to the left of its point (and below it, clear of the curves that rise to the right). */
const LABEL_ROOM = 120;
const fillFormat = format(".1%");
const Y_FORMATS: { readonly [v in FrontierView]: (v: number) => string } = { value: format(",.0f"), turns: format(",.1f") };

export class FrontierChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    data: { attribute: false },
    view: { type: String },
    caption: { type: String },
    selected: { type: String },
    guides: { attribute: false },
    height: { type: Number },
  };
  declare data: ChartData | undefined;
  declare view: FrontierView;
  /** The chart's title inside the SVG, so an exported file says what it shows. */
  declare caption: string;
  /** The key of the point whose plan is chosen, ringed. */
  declare selected: string;
  /** Fill rates drawn as dashed guides (the headline's). */
  declare guides: readonly number[];
  declare height: number;

  private readonly size = new WidthController(this, 900);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();

  constructor() {
    super();
    this.data = undefined;
    this.view = "value";
    this.caption = "";
    this.selected = "";
    this.guides = [];
    this.height = 360;
  }

  protected override willUpdate(_: PropertyValues<this>): void {
    if (!this.data) return;
    const [x0, x1] = this.data.xExtent, pad = Math.max((x1 - x0) * 0.04, 0.002);
    this.x = scaleLinear([x0 - pad, Math.min(1, x1 + pad)], [0, Math.max(10, this.size.width - margin.left - margin.right)]).nice();
    // From zero: a planner compares amounts of stock, so the bars' lengths must mean something.
    this.y = scaleLinear([0, this.data.yExtent[1] * 1.05 || 1], [this.height - margin.top - margin.bottom, 0]).nice();
  }

  override render() {
    const d = this.data;
    if (!d) return html`<p class="empty">No curve yet.</p>`;
    const w = this.size.width, h = this.height, pw = w - margin.left - margin.right, ph = h - margin.top - margin.bottom;
    const yLabel = this.view === "value" ? "Inventory value on hand (average)" : "Inventory turns (per year)";
    const legend: LegendItem[] = [...d.curves.map((c) => ({ label: c.sameAsNodeByNode ? `${c.label} (same levels as node by node)` : c.label, color: c.color, shape: "line" as const })),
      { label: CURRENT_LABEL, color: CURRENT_COLOR }];
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="group" aria-label=${`${VIEW_LABELS[this.view]} against simulated network fill rate, by method`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <text x="0" y="14" font-size="13" font-weight="600" fill="currentColor">${this.caption}</text>
        <g transform="translate(${margin.left},${margin.top})">
          ${renderAxis(this.y, "left", { label: yLabel, grid: pw, format: Y_FORMATS[this.view] as (v: never) => string })}
          <g transform="translate(0,${ph})">${renderAxis(this.x, "bottom", { label: "Network fill rate (simulated, 95% intervals)", format: fillFormat as (v: never) => string })}</g>
          ${this.renderGuides(ph)}
          ${[...d.curves.filter((c) => c.sameAsNodeByNode), ...d.curves.filter((c) => !c.sameAsNodeByNode)].map((c) => this.renderCurve(c.points, c.color, c.sameAsNodeByNode))}
          ${this.renderCurrent(d.current)}
          <g transform="translate(0,-26)">${renderLegend(legend)}</g>
        </g>
      </svg>
      ${this.renderTable(d)}`;
  }

  private renderGuides(ph: number) {
    const [lo, hi] = this.x.domain();
    return this.guides.filter((g) => g >= lo && g <= hi).map((g) => svg`<g transform="translate(${this.x(g)},0)" class="guide">
      <line y1="0" y2=${ph} stroke="#888" stroke-dasharray="4 3"></line>
      <text y="-4" font-size="10" fill="#555" text-anchor="middle">${fillFormat(g)}</text></g>`);
  }

  /**
   * A curve: its line, then its points. A curve with node by node's levels everywhere (GSM on the
   * retail network) is drawn first as a wide translucent halo with rings, so that node by node,
   * drawn on top of it, stays visible and the reader still sees both.
   */
  private renderCurve(points: readonly ChartPoint[], color: string, halo: boolean) {
    const path = line<ChartPoint>((p) => this.x(p.x), (p) => this.y(p.y))(points) ?? "";
    const r = halo ? HALO_RING : MARKER;
    return svg`<g class="curve">
      <path d=${path} fill="none" stroke=${color} stroke-width=${halo ? 7 : 2} stroke-opacity=${halo ? 0.35 : 1} stroke-linecap="round"></path>
      ${points.map((p) => this.renderPoint(p, color, r, halo ? svg`<circle r=${r} fill="none" stroke=${color} stroke-width="2"></circle>`
        : svg`<circle r=${r} fill=${color} stroke="white" stroke-width="1"></circle>`))}
    </g>`;
  }

  private renderCurrent(p: ChartPoint) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return nothing;
    const left = this.x(p.x) > this.x.range()[1] - LABEL_ROOM;
    const marker = svg`<path d="M0,-7L7,0L0,7L-7,0Z" fill=${CURRENT_COLOR} stroke="white"></path>
      <text x=${left ? -10 : 10} y="18" font-size="11" fill=${CURRENT_COLOR} text-anchor=${left ? "end" : "start"}>${CURRENT_LABEL}</text>`;
    return this.renderPoint(p, CURRENT_COLOR, 7, marker);
  }

  /** A point's error bars, its marker, and (when chosen) a ring; focusable and clickable. */
  private renderPoint(p: ChartPoint, color: string, r: number, marker: SVGTemplateResult) {
    const cx = this.x(p.x), cy = this.y(p.y), fy = Y_FORMATS[this.view];
    const [x0, x1] = p.xInterval.map((v) => this.x(v)), [y0, y1] = p.yInterval.map((v) => this.y(v));
    const text = `${p.label}: fill rate ${fillFormat(p.x)} [${fillFormat(p.xInterval[0])}, ${fillFormat(p.xInterval[1])}], ` +
      `${VIEW_LABELS[this.view].toLowerCase()} ${fy(p.y)} [${fy(p.yInterval[0])}, ${fy(p.yInterval[1])}]`;
    const select = () => this.dispatchEvent(new CustomEvent("ech-frontier-select", { detail: p.key, bubbles: true, composed: true }));
    return svg`<g class="point" data-key=${p.key} tabindex="0" role="img" aria-label=${text} @click=${select}
        @keydown=${(e: KeyboardEvent) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(); } }}>
      <title>${text}</title>
      <g stroke=${color} stroke-width="1.2">
        <line x1=${cx} x2=${cx} y1=${y0} y2=${y1}></line><line x1=${cx - CAP} x2=${cx + CAP} y1=${y0} y2=${y0}></line><line x1=${cx - CAP} x2=${cx + CAP} y1=${y1} y2=${y1}></line>
        <line x1=${x0} x2=${x1} y1=${cy} y2=${cy}></line><line x1=${x0} x2=${x0} y1=${cy - CAP} y2=${cy + CAP}></line><line x1=${x1} x2=${x1} y1=${cy - CAP} y2=${cy + CAP}></line>
      </g>
      <g transform="translate(${cx},${cy})">${marker}
        ${this.selected === p.key ? svg`<circle class="chosen" r=${r + 5} fill="none" stroke="#1a1a1a" stroke-width="2"></circle>` : nothing}</g>
    </g>`;
  }

  /** The same figures as a table, for screen readers and for reading exact values. */
  private renderTable(d: ChartData) {
    const fy = Y_FORMATS[this.view], rows = [...d.curves.flatMap((c) => c.points), d.current];
    const ci = (v: readonly [number, number], f: (x: number) => string) => `[${f(v[0])}, ${f(v[1])}]`;
    return html`<details><summary>Table of the points</summary><table>
      <thead><tr><th scope="col">Plan</th><th scope="col">Fill rate</th><th scope="col">95% interval</th><th scope="col">${VIEW_LABELS[this.view]}</th><th scope="col">95% interval</th></tr></thead>
      <tbody>${rows.map((p) => html`<tr><th scope="row">${p.label}</th><td>${fillFormat(p.x)}</td><td>${ci(p.xInterval, fillFormat)}</td><td>${fy(p.y)}</td><td>${ci(p.yInterval, fy)}</td></tr>`)}</tbody>
    </table></details>`;
  }
}

customElements.define("ech-frontier-chart", FrontierChart);
declare global {
  interface HTMLElementTagNameMap { "ech-frontier-chart": FrontierChart }
}
