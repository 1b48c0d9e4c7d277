import { svg, type SVGTemplateResult } from "lit";

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** "swatch" (filled square, default), "line" or "band" (translucent square). */
  readonly shape?: "swatch" | "line" | "band";
}

/** Width taken by one legend entry: swatch, gap, and about 6.5 px per character at 11 px. */
export function legendItemWidth(item: LegendItem): number {
  return 18 + Math.ceil(item.label.length * 6.5) + 14;
}

/** Legend items in lines no wider than `width`, so that a narrow chart never draws its legend past its edge. */
export function legendLines(items: readonly LegendItem[], width: number): LegendItem[][] {
  const lines: LegendItem[][] = [[]];
  let used = 0;
  for (const item of items) {
    const w = legendItemWidth(item);
    if (used + w > width && lines.at(-1)!.length) { lines.push([]); used = 0; }
    lines.at(-1)!.push(item);
    used += w;
  }
  return lines;
}

/** A one-row legend as an SVG fragment, drawn at the origin. */
export function renderLegend(items: readonly LegendItem[]): SVGTemplateResult {
  let x = 0;
  const placed = items.map((item) => {
    const at = x;
    x += legendItemWidth(item);
    return { item, at };
  });
  return svg`<g class="legend" font-size="11" fill="currentColor">${placed.map(({ item, at }) => svg`
    <g transform="translate(${at},0)">
      ${item.shape === "line"
        ? svg`<line x1="0" x2="14" y1="5" y2="5" stroke=${item.color} stroke-width="2"></line>`
        : svg`<rect width="12" height="10" fill=${item.color} fill-opacity=${item.shape === "band" ? 0.3 : 1}></rect>`}
      <text x="18" y="9">${item.label}</text>
    </g>`)}</g>`;
}
