import { svg, type SVGTemplateResult } from "lit";

/** The scales an axis can draw: d3 continuous scales (ticks) and band scales (bandwidth). */
export interface AxisScale {
  (value: never): number | undefined;
  domain(): unknown[];
  range(): number[];
  ticks?(count?: number): unknown[];
  tickFormat?(count?: number, specifier?: string): (d: never) => string;
  bandwidth?(): number;
}

export type AxisOrient = "left" | "bottom";

export interface AxisOptions {
  readonly ticks?: number;
  /** Axis title, including the unit, e.g. "On hand (units)". */
  readonly label?: string;
  readonly format?: (value: never) => string;
  /** Length of the grid lines across the plot (0: none). */
  readonly grid?: number;
}

export interface Tick {
  readonly value: unknown;
  readonly position: number;
  readonly text: string;
}

/** Tick values, their positions (band scales: band centres) and labels. Pure: tested without DOM. */
export function axisTicks(scale: AxisScale, count = 5, format?: (value: never) => string): Tick[] {
  const call = scale as unknown as (v: unknown) => number | undefined;
  if (scale.bandwidth) {
    const half = scale.bandwidth() / 2;
    return scale.domain().map((v) => ({ value: v, position: (call(v) ?? 0) + half, text: format ? format(v as never) : String(v) }));
  }
  const values = scale.ticks ? scale.ticks(count) : scale.domain();
  const fmt = format ?? (scale.tickFormat ? scale.tickFormat(count) : (v: never) => String(v));
  const texts = distinct(scale, count, values, values.map((v) => (fmt as (v: unknown) => string)(v)));
  return values.map((v, i) => ({ value: v, position: call(v) ?? 0, text: texts[i] }));
}

/**
 * The labels, unless a fixed-precision format gave two ticks the same one ("99.6%" on every tick
 * of a narrow fill-rate axis): then d3's tick format for the tick step, as a percentage when the
 * labels were, so that each tick reads differently.
 */
function distinct(scale: AxisScale, count: number, values: readonly unknown[], texts: readonly string[]): readonly string[] {
  if (new Set(texts).size === texts.length || !scale.tickFormat) return texts;
  const f = scale.tickFormat(count, texts.every((t) => t.endsWith("%")) ? "%" : ",") as (v: unknown) => string;
  return values.map((v) => f(v));
}

/** Distance from a left axis to its title, clear of the widest tick label (about 6.5 px per character at 11 px). */
export function leftLabelOffset(ticks: readonly Tick[]): number {
  return Math.max(44, 18 + Math.ceil(Math.max(0, ...ticks.map((t) => t.text.length)) * 6.5));
}

/** Left margin for a band axis of row names: room for the longest name (about 6.5 px per character), at most 180 px. */
export function rowLabelMargin(labels: readonly string[]): number {
  return Math.min(180, 16 + Math.max(0, ...labels.map((l) => l.length)) * 6.5);
}

/** An axis as an SVG fragment, drawn at the origin: translate it into place. */
export function renderAxis(scale: AxisScale, orient: AxisOrient, options: AxisOptions = {}): SVGTemplateResult {
  const ticks = axisTicks(scale, options.ticks ?? 5, options.format);
  const [r0, r1] = scale.range();
  const grid = options.grid ?? 0;
  if (orient === "bottom") {
    return svg`<g class="axis axis-bottom" font-size="11" fill="currentColor" text-anchor="middle">
      <line x1=${r0} x2=${r1} stroke="currentColor"></line>
      ${ticks.map((t) => svg`<g transform="translate(${t.position},0)">
        ${grid ? svg`<line y2=${-grid} stroke="currentColor" stroke-opacity="0.12"></line>` : null}
        <line y2="5" stroke="currentColor"></line><text y="17">${t.text}</text></g>`)}
      ${options.label ? svg`<text class="axis-label" x=${(r0 + r1) / 2} y="34">${options.label}</text>` : null}
    </g>`;
  }
  const lo = Math.min(r0, r1), hi = Math.max(r0, r1);
  return svg`<g class="axis axis-left" font-size="11" fill="currentColor" text-anchor="end">
    <line y1=${lo} y2=${hi} stroke="currentColor"></line>
    ${ticks.map((t) => svg`<g transform="translate(0,${t.position})">
      ${grid ? svg`<line x2=${grid} stroke="currentColor" stroke-opacity="0.12"></line>` : null}
      <line x2="-5" stroke="currentColor"></line><text x="-8" dy="0.32em">${t.text}</text></g>`)}
    ${options.label ? svg`<text class="axis-label" transform="rotate(-90)" x=${-(lo + hi) / 2} y=${-leftLabelOffset(ticks)} text-anchor="middle">${options.label}</text>` : null}
  </g>`;
}
