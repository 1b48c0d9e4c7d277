import { LitElement, html, svg, type PropertyValues } from "lit";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { renderAxis } from "./axis.ts";
import { extentOf } from "./band.ts";
import { renderLegend } from "./legend.ts";
import { chartStyles, type Margin } from "./chart-styles.ts";
import { WidthController } from "./resize-controller.ts";
import { renderWindows, type TimeWindow } from "./windows.ts";

const margin: Margin = { top: 22, right: 16, bottom: 40, left: 72 };

/** One line of a `<ech-lines-chart>`: element i is day `firstDay + i`. */
export interface DayLine {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
  /** Dash pattern (SVG stroke-dasharray), to tell lines apart without colour. */
  readonly dash?: string;
}

/**
 * Several per-day lines on one time axis (the Impact view's runs), with disruption windows shaded.
 * Focus the chart and use ←/→ (Home/End), or hover, to read every line on one day.
 */
export class LinesChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    lines: { attribute: false },
    firstDay: { type: Number },
    label: { type: String },
    unit: { type: String },
    height: { type: Number },
    zero: { type: Boolean },
    windows: { attribute: false },
    format: { attribute: false },
    axisFormat: { attribute: false },
    cursor: { state: true },
  };
  declare lines: readonly DayLine[];
  declare firstDay: number;
  declare label: string;
  declare unit: string;
  declare height: number;
  /** Start the value axis at 0 (default). */
  declare zero: boolean;
  declare windows: readonly TimeWindow[];
  declare format: ((v: number) => string) | undefined;
  declare axisFormat: ((v: number) => string) | undefined;
  declare cursor: number | undefined;

  private readonly size = new WidthController(this);
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();

  constructor() {
    super();
    this.lines = [];
    this.firstDay = 0;
    this.label = "";
    this.unit = "";
    this.height = 220;
    this.zero = true;
    this.windows = [];
  }

  private get days(): number { return Math.max(0, ...this.lines.map((l) => l.values.length)); }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const w = this.size.width - margin.left - margin.right, h = this.height - margin.top - margin.bottom;
    this.x = scaleLinear([this.firstDay, this.firstDay + Math.max(this.days - 1, 1)], [0, Math.max(w, 10)]);
    const [lo, hi] = extentOf(...this.lines.map((l) => l.values));
    const low = this.zero ? Math.min(0, lo) : lo;
    this.y = scaleLinear([low, hi > low ? hi : low + (this.zero ? 1 : 0.01)], [h, 0]).nice();
    if (this.cursor !== undefined && this.cursor >= this.days) this.cursor = undefined;
  }

  override render() {
    if (this.days === 0) return html`<p class="empty">No per-day values.</p>`;
    const w = this.size.width, h = this.height, ph = h - margin.top - margin.bottom;
    const title = `${this.label}${this.unit ? ` (${this.unit})` : ""}`;
    const path = (v: readonly number[]) => line<number>().defined((i) => Number.isFinite(v[i])).x((i) => this.x(this.firstDay + i)).y((i) => this.y(v[i]))(v.map((_, i) => i)) ?? "";
    const legend = [...this.lines.map((l) => ({ label: l.label, color: l.color, shape: "line" as const })),
      ...(this.windows.length ? [{ label: "Disruption", color: "#888", shape: "band" as const }] : [])];
    const i = this.cursor;
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="img" tabindex="0" aria-label=${`${title} by day, ${this.lines.map((l) => l.label).join(", ")}. Use the arrow keys to read values.`}
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"
        @keydown=${this.onKey} @pointermove=${this.onPointer} @pointerleave=${() => (this.cursor = undefined)}>
        <g transform="translate(${margin.left},${margin.top})">
          ${renderAxis(this.y, "left", { label: title, grid: w - margin.left - margin.right, format: (this.axisFormat ?? this.format) as ((v: never) => string) | undefined })}
          <g transform="translate(0,${ph})">${renderAxis(this.x, "bottom", { label: "Day" })}</g>
          ${renderWindows(this.windows, this.x, ph)}
          ${this.lines.map((l) => svg`<path class="line" data-line=${l.label} d=${path(l.values)} fill="none" stroke=${l.color} stroke-width="1.6" stroke-dasharray=${l.dash ?? "none"}></path>`)}
          ${i !== undefined ? svg`<line class="marker" x1=${this.x(this.firstDay + i)} x2=${this.x(this.firstDay + i)} y1="0" y2=${ph} stroke="#666" stroke-dasharray="3 2"></line>` : ""}
          <g transform="translate(0,-16)">${renderLegend(legend)}</g>
        </g>
      </svg>
      <p class="readout" aria-live="polite">${i !== undefined ? this.readout(i) : ""}</p>`;
  }

  private readout(i: number): string {
    const f = this.format ?? ((v: number) => (Number.isFinite(v) ? v.toFixed(1) : "—"));
    return `Day ${this.firstDay + i}: ${this.lines.map((l) => `${l.label} ${f(l.values[i])}`).join(", ")}`;
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
    const left = (e.currentTarget as SVGSVGElement).getBoundingClientRect().left + margin.left;
    this.cursor = Math.max(0, Math.min(this.days - 1, Math.round(this.x.invert(e.clientX - left)) - this.firstDay));
  }
}

customElements.define("ech-lines-chart", LinesChart);
declare global {
  interface HTMLElementTagNameMap { "ech-lines-chart": LinesChart }
}
