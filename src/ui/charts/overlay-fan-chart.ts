import { LitElement, html, svg, nothing, type PropertyValues } from "lit";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import type { Band } from "../../sim/model/result.ts";
import { renderAxis } from "./axis.ts";
import { bandPaths, extentOf } from "./band.ts";
import { legendItemWidth, renderLegend, type LegendItem } from "./legend.ts";
import { chartStyles, type Margin } from "./chart-styles.ts";
import { WidthController } from "./resize-controller.ts";
import { renderWindows, type TimeWindow } from "./windows.ts";

const MARGIN: Margin = { top: 22, right: 16, bottom: 40, left: 72 };
/** Height of one legend row, in pixels: the legend wraps to rows that fit the plot's width. */
const LEGEND_ROW = 16;

/** Legend items in rows no wider than `width`. */
function legendRows(items: readonly LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = [];
  let used = Infinity;
  for (const item of items) {
    const w = legendItemWidth(item);
    if (used + w > width) { rows.push([]); used = 0; }
    rows[rows.length - 1].push(item);
    used += w;
  }
  return rows;
}

/** One scenario's fan: its name, colour and per-day band. */
export interface FanLayer { readonly label: string; readonly color: string; readonly band: Band }

/**
 * Fan charts of several scenarios on one time axis (Compare's A and B): each layer's 5–95% band
 * and median in its colour, the bands translucent so both show where they overlap, with the
 * disruption windows of every scenario shaded behind. Keyboard as the fan chart: ←/→ (Home/End)
 * read every layer's day.
 */
export class OverlayFanChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    layers: { attribute: false },
    firstDay: { type: Number },
    label: { type: String },
    unit: { type: String },
    height: { type: Number },
    windows: { attribute: false },
    zero: { type: Boolean },
    format: { attribute: false },
    axisFormat: { attribute: false },
    cursor: { state: true },
  };
  declare layers: readonly FanLayer[];
  declare firstDay: number;
  declare label: string;
  declare unit: string;
  declare height: number;
  /** Disruption windows of every layer's scenario (label them by scenario). */
  declare windows: readonly TimeWindow[];
  /** Start the value axis at 0 (default); off for values far from 0, like fill rates. */
  declare zero: boolean;
  declare format: ((v: number) => string) | undefined;
  declare axisFormat: ((v: number) => string) | undefined;
  declare cursor: number | undefined;

  private readonly size = new WidthController(this);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();
  private legend: LegendItem[][] = [];
  private margin: Margin = MARGIN;

  constructor() {
    super();
    this.layers = [];
    this.firstDay = 0;
    this.label = "";
    this.unit = "";
    this.height = 220;
    this.windows = [];
    this.zero = true;
  }

  private get days(): number { return Math.max(0, ...this.layers.map((l) => l.band.p50.length)); }

  protected override willUpdate(_: PropertyValues<this>): void {
    const items: LegendItem[] = [...this.layers.map((l) => ({ label: `${l.label}: median, 5–95%`, color: l.color, shape: "line" as const })),
      ...(this.windows.length ? [{ label: "Disruption", color: "#888", shape: "band" as const }] : [])];
    this.legend = legendRows(items, this.size.width - MARGIN.left - MARGIN.right);
    const margin = this.margin = { ...MARGIN, top: MARGIN.top + (this.legend.length - 1) * LEGEND_ROW };
    const w = this.size.width - margin.left - margin.right, h = this.height - margin.top - margin.bottom;
    this.x = scaleLinear([this.firstDay, this.firstDay + Math.max(this.days - 1, 1)], [0, Math.max(w, 10)]);
    const [lo, hi] = extentOf(...this.layers.flatMap((l) => [l.band.p05, l.band.p95, l.band.p50]));
    const low = this.zero ? Math.min(0, lo) : lo;
    this.y = scaleLinear([low, hi > low ? hi : low + (this.zero ? 1 : 0.01)], [h, 0]).nice();
    if (this.cursor !== undefined && this.cursor >= this.days) this.cursor = undefined;
  }

  override render() {
    if (this.days === 0) return html`<p class="empty">No per-day series to draw.</p>`;
    const margin = this.margin, w = this.size.width, h = this.height, ph = h - margin.top - margin.bottom;
    const title = `${this.label}${this.unit ? ` (${this.unit})` : ""}`;
    const paths = this.layers.map((l) => ({ layer: l, ...bandPaths(l.band, this.firstDay, this.x, this.y) }));
    const i = this.cursor;
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="img" tabindex="0" aria-label=${`${title} by day, ${this.layers.map((l) => l.label).join(" and ")}. Use the arrow keys to read values.`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"
        @keydown=${this.onKey} @pointermove=${this.onPointer} @pointerleave=${() => (this.cursor = undefined)}>
        <g transform="translate(${margin.left},${margin.top})">
          ${renderAxis(this.y, "left", { label: title, grid: w - margin.left - margin.right, format: (this.axisFormat ?? this.format) as ((v: never) => string) | undefined })}
          <g transform="translate(0,${ph})">${renderAxis(this.x, "bottom", { label: "Day" })}</g>
          ${renderWindows(this.windows, this.x, ph)}
          ${paths.map((p) => svg`<path class="band" d=${p.band} fill=${p.layer.color} fill-opacity="0.18"></path>`)}
          ${paths.map((p, k) => svg`<path class="median" d=${p.median} fill="none" stroke=${p.layer.color} stroke-width="1.75" stroke-dasharray=${k ? "5 3" : nothing}></path>`)}
          ${i !== undefined ? svg`<line class="marker" x1=${this.x(this.firstDay + i)} x2=${this.x(this.firstDay + i)} y1="0" y2=${ph} stroke="#666" stroke-dasharray="3 2"></line>` : nothing}
          ${this.legend.map((row, k) => svg`<g transform="translate(0,${-16 - (this.legend.length - 1 - k) * LEGEND_ROW})">${renderLegend(row)}</g>`)}
        </g>
      </svg>
      <p class="readout" aria-live="polite">${i !== undefined ? this.readout(i) : ""}</p>`;
  }

  private readout(i: number): string {
    const f = this.format ?? ((v: number) => (Number.isFinite(v) ? v.toFixed(1) : "—"));
    return `Day ${this.firstDay + i}: ${this.layers.map((l) => `${l.label} median ${f(l.band.p50[i])} (5–95% ${f(l.band.p05[i])} – ${f(l.band.p95[i])})`).join("; ")}`;
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.days, cur = this.cursor ?? -1, step = e.shiftKey ? 10 : 1;
    const next = e.key === "ArrowRight" ? Math.min(n - 1, cur + step) : e.key === "ArrowLeft" ? Math.max(0, (cur < 0 ? n : cur) - step)
      : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    this.cursor = next;
  }

  private onPointer(e: PointerEvent): void {
    const left = (e.currentTarget as SVGSVGElement).getBoundingClientRect().left + this.margin.left;
    this.cursor = Math.max(0, Math.min(this.days - 1, Math.round(this.x.invert(e.clientX - left)) - this.firstDay));
  }
}

customElements.define("ech-overlay-fan-chart", OverlayFanChart);
declare global {
  interface HTMLElementTagNameMap { "ech-overlay-fan-chart": OverlayFanChart }
}
