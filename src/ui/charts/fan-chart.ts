import { LitElement, html, svg, nothing, type PropertyValues } from "lit";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import type { Band } from "../../sim/model/result.ts";
import { renderAxis } from "./axis.ts";
import { bandPaths, extentOf } from "./band.ts";
import { renderLegend } from "./legend.ts";
import { chartStyles, type Margin } from "./chart-styles.ts";
import { WidthController } from "./resize-controller.ts";
import { renderWindows, type TimeWindow } from "./windows.ts";

const margin: Margin = { top: 22, right: 16, bottom: 40, left: 72 };

/**
 * A fan chart: the 5–95% band and the median of a per-day quantity across replications.
 * Keyboard: focus the chart and use ←/→ (Home/End) to read any day; the mouse does the same.
 * `marker` draws a vertical line on one day (Watch's current day); `windows` shades the
 * disruption windows (windows.ts), clipped to the days drawn.
 */
export class FanChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    band: { attribute: false },
    firstDay: { type: Number },
    label: { type: String },
    unit: { type: String },
    color: { type: String },
    height: { type: Number },
    showBand: { type: Boolean },
    marker: { type: Number },
    windows: { attribute: false },
    zero: { type: Boolean },
    format: { attribute: false },
    axisFormat: { attribute: false },
    cursor: { state: true },
  };
  declare band: Band | undefined;
  declare firstDay: number;
  declare label: string;
  declare unit: string;
  declare color: string;
  declare height: number;
  declare showBand: boolean;
  declare marker: number | undefined;
  /** Disruption windows, shaded behind the band. */
  declare windows: readonly TimeWindow[];
  /** Start the value axis at 0 (default); off to zoom in on values far from 0, like fill rates. */
  declare zero: boolean;
  /** Number format for the axis and the readout (default: d3's tick format; one decimal in the readout). */
  declare format: ((v: number) => string) | undefined;
  /** Tick labels of the value axis, when they should be shorter than `format`. */
  declare axisFormat: ((v: number) => string) | undefined;
  declare cursor: number | undefined;

  private readonly size = new WidthController(this);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();

  constructor() {
    super();
    this.firstDay = 0;
    this.label = "";
    this.unit = "";
    this.color = "#4e79a7";
    this.height = 220;
    this.showBand = true;
    this.zero = true;
    this.windows = [];
  }

  private get days(): number { return this.band?.p50.length ?? 0; }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.band) return;
    const w = this.size.width - margin.left - margin.right;
    const h = this.height - margin.top - margin.bottom;
    const last = this.firstDay + Math.max(this.days - 1, 1);
    this.x = scaleLinear([this.firstDay, last], [0, Math.max(w, 10)]);
    const [lo, hi] = this.showBand ? extentOf(this.band.p05, this.band.p95, this.band.p50) : extentOf(this.band.p50);
    const low = this.zero ? Math.min(0, lo) : lo;
    this.y = scaleLinear([low, hi > low ? hi : low + (this.zero ? 1 : 0.01)], [h, 0]).nice();
    if (changed.has("band") && this.cursor !== undefined && this.cursor >= this.days) this.cursor = undefined;
  }

  override render() {
    if (!this.band || this.days === 0) return html`<p class="empty">No per-day series in this result (run with “series” on).</p>`;
    const w = this.size.width, h = this.height;
    const paths = bandPaths(this.band, this.firstDay, this.x, this.y);
    const title = `${this.label}${this.unit ? ` (${this.unit})` : ""}`;
    const i = this.cursor;
    const legend = [...(this.showBand
      ? [{ label: "5–95% of replications", color: this.color, shape: "band" as const }, { label: "Median", color: this.color, shape: "line" as const }]
      : [{ label: this.label, color: this.color, shape: "line" as const }]),
      ...(this.windows.length ? [{ label: "Disruption", color: "#888", shape: "band" as const }] : [])];
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="img" tabindex="0" aria-label=${`${title} by day. Use the arrow keys to read values.`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"
        @keydown=${this.onKey} @pointermove=${this.onPointer} @pointerleave=${() => (this.cursor = undefined)}>
        <g transform="translate(${margin.left},${margin.top})">
          ${renderAxis(this.y, "left", { label: title, grid: w - margin.left - margin.right, format: (this.axisFormat ?? this.format) as ((v: never) => string) | undefined })}
          <g transform="translate(0,${h - margin.top - margin.bottom})">${renderAxis(this.x, "bottom", { label: "Day" })}</g>
          ${this.renderWindows()}${this.showBand ? svg`<path class="band" d=${paths.band} fill=${this.color} fill-opacity="0.25"></path>` : nothing}
          <path class="median" d=${paths.median} fill="none" stroke=${this.color} stroke-width="1.5"></path>
          ${this.marker !== undefined ? this.renderMarker(this.marker, "#f28e2b") : nothing}
          ${i !== undefined ? this.renderMarker(this.firstDay + i, "#666") : nothing}
          <g transform="translate(0,-16)">${renderLegend(legend)}</g>
        </g>
      </svg>
      <p class="readout" aria-live="polite">${i !== undefined ? this.readout(i) : ""}</p>`;
  }

  private renderWindows() {
    return renderWindows(this.windows, this.x, this.height - margin.top - margin.bottom);
  }

  private renderMarker(day: number, color: string) {
    const h = this.height - margin.top - margin.bottom;
    return svg`<line class="marker" x1=${this.x(day)} x2=${this.x(day)} y1="0" y2=${h} stroke=${color} stroke-dasharray="3 2"></line>`;
  }

  private readout(i: number): string {
    const b = this.band!, f = this.format ?? ((v: number) => (Number.isFinite(v) ? v.toFixed(1) : "—"));
    const day = `Day ${this.firstDay + i}`;
    return this.showBand ? `${day}: median ${f(b.p50[i])}, 5–95% ${f(b.p05[i])} – ${f(b.p95[i])}, mean ${f(b.mean[i])}` : `${day}: ${f(b.p50[i])}`;
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.days;
    const cur = this.cursor ?? -1;
    const step = e.shiftKey ? 10 : 1;
    const next = e.key === "ArrowRight" ? Math.min(n - 1, cur + step) : e.key === "ArrowLeft" ? Math.max(0, (cur < 0 ? n : cur) - step)
      : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    this.cursor = next;
  }

  private onPointer(e: PointerEvent): void {
    const svgEl = e.currentTarget as SVGSVGElement;
    const left = svgEl.getBoundingClientRect().left + margin.left;
    const day = Math.round(this.x.invert(e.clientX - left));
    this.cursor = Math.max(0, Math.min(this.days - 1, day - this.firstDay));
  }
}

customElements.define("ech-fan-chart", FanChart);
declare global {
  interface HTMLElementTagNameMap { "ech-fan-chart": FanChart }
}
