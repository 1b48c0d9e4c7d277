import { LitElement, html, nothing, svg, type PropertyValues } from "lit";
import { scaleBand, scaleLog, type ScaleBand, type ScaleLogarithmic } from "d3-scale";
import { format } from "d3-format";
import { line } from "d3-shape";
import { renderAxis } from "../charts/axis.ts";
import { legendLines, renderLegend } from "../charts/legend.ts";
import { chartStyles, type Margin } from "../charts/chart-styles.ts";
import { PALETTE } from "../charts/palette.ts";
import { WidthController } from "../charts/resize-controller.ts";
import { COMPOUNDED_TEXT, type BullwhipRow } from "./bullwhip-chain.ts";

const margin: Margin = { top: 30, right: 20, bottom: 58, left: 64 };
/** About 6.5 px per character of an 11 px label (as axis.ts reckons). */
const CHAR_WIDTH = 6.5;
/** Names wider than their band are drawn slanted, at least this steeply (degrees), with room made below. */
const SLANT = 35;
/**
 * Distance (px) that two neighbouring slanted names keep between their baselines: an 11 px label's
 * height and a little. Slanted by θ, names one band step apart are step × sin θ apart, so the
 * angle steepens (up to upright) until they clear each other; past that, only every k-th name is drawn.
 */
const NAME_LINE = 14;
/** Height of one line of the legend. */
const LEGEND_LINE = 16;
/** The log axis never spans less than this around 1, so a chain of ratios near 1 still reads as flat. */
const MIN_SPAN = 2;
/** Ratios are drawn no lower than this (a node that never varies its orders has ratio 0, which a log axis cannot place). */
const FLOOR = 1e-3;
const ratio = format(".3~r");
const AMPLIFIES = PALETTE[1], DAMPENS = PALETTE[0], NEUTRAL = PALETTE[9], COMPOUNDED = PALETTE[6], REFERENCE = "#333";
/** Bands narrower than this carry no figures beside their marks (the table and each mark's label still do). */
const MIN_LABELLED_BAND = 34;

const capitalised = (text: string) => text[0].toUpperCase() + text.slice(1);
/** COMPOUNDED_TEXT where room is short (legend, table head); the marks, caption and head's tooltip say it in full. */
const COMPOUNDED_SHORT = "Product of the mean ratios (approximate)";

/** A bar's colour by its interval: amplifies when the whole 95% CI is above 1, dampens when below, else neither. */
const tone = (s: { readonly ci95: readonly [number, number] }) => (s.ci95[0] > 1 ? AMPLIFIES : s.ci95[1] < 1 ? DAMPENS : NEUTRAL);

/**
 * The bullwhip along the chain (issue 10, item 2): one bar per stocking node, from the customers
 * (left) upstream (right), rising from 1 to the node's order-variance ratio on a log axis, with
 * its 95% interval; a dashed line at 1 (orders as variable as the demand seen). Where the way
 * down to the customers is one path, a diamond marks the product of the mean ratios up to the
 * node, an approximation of how much more its orders vary than the customers' demand
 * (BullwhipRow.compounded). A table under the chart lists every figure.
 */
export class BullwhipChart extends LitElement {
  static override styles = chartStyles;
  static override properties = {
    rows: { attribute: false },
    height: { type: Number },
    cover: { attribute: false },
  };
  declare rows: readonly BullwhipRow[];
  declare height: number;
  /** Ratios the axis must reach besides the rows' (e.g. the other side of a comparison, so A and B share one scale). */
  declare cover: readonly number[];

  private readonly size = new WidthController(this);
  private x: ScaleBand<string> = scaleBand();
  private y: ScaleLogarithmic<number, number> = scaleLog();
  /** Extra height under the plot for slanted names (0: the names fit their bands level). */
  private slantRoom = 0;
  /** The slanted names' angle (degrees) and which of them are drawn (every `nameEvery`-th, from the first). */
  private slant = SLANT;
  private nameEvery = 1;

  constructor() {
    super();
    this.rows = [];
    this.height = 280;
    this.cover = [];
  }

  protected override willUpdate(_: PropertyValues<this>): void {
    const values = [...this.rows.flatMap((r) => [r.ratio.ci95[0], r.ratio.ci95[1], r.ratio.mean, r.compounded ?? 1]), ...this.cover].filter((v) => Number.isFinite(v) && v > 0);
    const lo = Math.max(FLOOR, Math.min(1 / MIN_SPAN, ...values.map((v) => v / 1.3)));
    const hi = Math.max(MIN_SPAN, ...values.map((v) => v * 1.3));
    const pw = Math.max(10, this.size.width - margin.left - margin.right);
    this.x = scaleBand(this.rows.map((r) => r.id), [0, pw]).padding(0.35);
    const longest = Math.max(0, ...this.rows.map((r) => r.name.length)) * CHAR_WIDTH, step = this.x.step();
    this.nameEvery = Math.max(1, Math.ceil(NAME_LINE / step));
    this.slant = Math.max(SLANT, Math.min(90, (Math.asin(Math.min(1, NAME_LINE / (step * this.nameEvery))) * 180) / Math.PI));
    this.slantRoom = longest > step - 4 ? Math.ceil(longest * Math.sin((this.slant * Math.PI) / 180)) : 0;
    this.y = scaleLog([lo, hi], [this.height - margin.top - margin.bottom, 0]).clamp(true);
  }

  /** "Wholesaler (echelon 1): order variance ratio 2.38 (95% CI 2.38 – 2.38); product of the mean ratios (…): 151". */
  private describe(r: BullwhipRow): string {
    const s = r.ratio;
    const own = Number.isFinite(s.mean) ? `order variance ratio ${ratio(s.mean)} (95% CI ${ratio(s.ci95[0])} – ${ratio(s.ci95[1])})` : "order variance ratio not defined";
    return `${r.name} (echelon ${r.echelon}): ${own}${r.compounded !== null && Number.isFinite(r.compounded) ? `; ${COMPOUNDED_TEXT}: ${ratio(r.compounded)}` : ""}`;
  }

  /**
   * The bottom axis when names are wider than their bands: each name slanted, ending under its bar,
   * steep enough that neighbours clear each other (every bar keeps its name in its tooltip and the table).
   */
  private renderSlantedNames(pw: number, names: ReadonlyMap<string, string>) {
    const x = this.x, half = x.bandwidth() / 2, every = this.nameEvery;
    return svg`<g class="axis axis-bottom" font-size="11" fill="currentColor">
      <line x1="0" x2=${pw} stroke="currentColor"></line>
      ${x.domain().map((id, i) => svg`<g transform="translate(${(x(id) ?? 0) + half},0)"><line y2="5" stroke="currentColor"></line>
        ${i % every === 0 ? svg`<text text-anchor="end" transform="translate(0,8) rotate(${-this.slant})" dy="0.35em">${names.get(id) ?? id}</text>` : nothing}</g>`)}
      <text class="axis-label" x=${pw / 2} y=${this.slantRoom + 34} text-anchor="middle">Customers → upstream</text></g>`;
  }

  override render() {
    if (this.rows.length === 0) return html`<p class="empty">No stocking node has an order variance ratio.</p>`;
    const pw = this.size.width - margin.left - margin.right, ph = this.height - margin.top - margin.bottom;
    const x = this.x, y = this.y, bw = x.bandwidth(), mid = (id: string) => (x(id) ?? 0) + bw / 2, labelled = bw >= MIN_LABELLED_BAND;
    const names = new Map(this.rows.map((r) => [r.id, r.name]));
    const chained = this.rows.filter((r) => r.compounded !== null && Number.isFinite(r.compounded));
    const path = line<BullwhipRow>((r) => mid(r.id), (r) => y(r.compounded!))(chained) ?? "";
    // A log scale's ticks include every 2…9 of each decade: keep the labelled ones, so the grid reads 1, 10, 100 (or 1, 2, 5).
    const label = y.tickFormat(6, "~g");
    const axis = Object.assign(y.copy(), { ticks: () => y.ticks(6).filter((v) => label(v) !== "") });
    const legend = legendLines([
      { label: "Above 1: amplifies", color: AMPLIFIES },
      { label: "Below 1: dampens", color: DAMPENS },
      { label: "Interval holds 1", color: NEUTRAL },
      { label: "95% CI", color: "#333", shape: "line" },
      ...(chained.length ? [{ label: COMPOUNDED_SHORT, color: COMPOUNDED, shape: "line" as const }] : []),
    ], pw);
    const top = margin.top + (legend.length - 1) * LEGEND_LINE, w = this.size.width, h = this.height + this.slantRoom + top - margin.top;
    return html`
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="group" aria-label="Order variance ratio by node, from the customers upstream"
        xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <g transform="translate(${margin.left},${top})">
          ${renderAxis(axis, "left", { label: "Order variance ratio (log)", grid: pw, format: label as (v: never) => string })}
          <g transform="translate(0,${ph})">${this.slantRoom ? this.renderSlantedNames(pw, names) : renderAxis(x as never, "bottom", { label: "Customers → upstream", format: ((id: string) => names.get(id) ?? id) as (v: never) => string })}</g>
          ${this.rows.map((r) => {
            const s = r.ratio, cx = mid(r.id), text = this.describe(r);
            if (!Number.isFinite(s.mean)) return nothing;
            const top = Math.min(y(1), y(Math.max(FLOOR, s.mean))), bottom = Math.max(y(1), y(Math.max(FLOOR, s.mean)));
            return svg`<g class="node" data-node=${r.id} tabindex="0" role="img" aria-label=${text}><title>${text}</title>
              <rect class="bar" x=${x(r.id)} width=${bw} y=${top} height=${Math.max(1, bottom - top)} fill=${tone(s)} fill-opacity="0.8"></rect>
              <line class="ci" x1=${cx} x2=${cx} y1=${y(Math.max(FLOOR, s.ci95[0]))} y2=${y(Math.max(FLOOR, s.ci95[1]))} stroke="#333" stroke-width="1.5"></line>
              <line x1=${cx - 5} x2=${cx + 5} y1=${y(Math.max(FLOOR, s.ci95[0]))} y2=${y(Math.max(FLOOR, s.ci95[0]))} stroke="#333"></line>
              <line x1=${cx - 5} x2=${cx + 5} y1=${y(Math.max(FLOOR, s.ci95[1]))} y2=${y(Math.max(FLOOR, s.ci95[1]))} stroke="#333"></line>
              ${labelled ? svg`<text class="value" x=${x(r.id)! + 4} y=${s.mean > 1 ? y(1) - 5 : y(1) + 14} font-size="11" fill="currentColor">${ratio(s.mean)}</text>` : nothing}</g>`;
          })}
          <line class="reference" x1="0" x2=${pw} y1=${y(1)} y2=${y(1)} stroke=${REFERENCE} stroke-width="1.5" stroke-dasharray="5 3"><title>1: orders vary as much as the demand the node sees</title></line>
          ${chained.length > 1 ? svg`<path class="compounded-line" d=${path} fill="none" stroke=${COMPOUNDED} stroke-width="1.5"></path>` : nothing}
          ${chained.map((r) => svg`<path class="compounded" data-node=${r.id} data-value=${String(r.compounded)}
            d="M${mid(r.id)},${y(r.compounded!) - 6}l6,6l-6,6l-6,-6z" fill=${COMPOUNDED}><title>${r.name}: ${COMPOUNDED_TEXT} from the customers up: ×${ratio(r.compounded!)}</title></path>
            ${labelled ? svg`<text x=${mid(r.id) + 9} y=${y(r.compounded!) - 6} font-size="11" fill=${COMPOUNDED}>×${ratio(r.compounded!)}</text>` : nothing}`)}
          ${legend.map((items, i) => svg`<g transform="translate(0,${-24 - (legend.length - 1 - i) * LEGEND_LINE})">${renderLegend(items)}</g>`)}
        </g>
      </svg>
      <p class="readout">Each bar: the variance of the node's daily orders ÷ the variance of the daily demand it sees, with its 95% interval; above 1 the node amplifies (orange when the whole interval is above 1).
        ${chained.length ? `The diamonds: the ${COMPOUNDED_TEXT}, from the customers up a single path. Each replication's ratios along such a path multiply to how many times more the node's orders vary than the customers' demand, but the mean of a product is not the product of the means: read the diamonds as a guide, without an interval.` : ""}</p>
      <details><summary>Table</summary><table>
        <thead><tr><th scope="col">Node</th><th scope="col">Echelon</th><th scope="col">Ratio</th><th scope="col">95% CI</th><th scope="col" title=${capitalised(COMPOUNDED_TEXT)}>${COMPOUNDED_SHORT}</th></tr></thead>
        <tbody>${this.rows.map((r) => html`<tr><td>${r.name}</td><td>${r.echelon}</td><td>${ratio(r.ratio.mean)}</td>
          <td>${ratio(r.ratio.ci95[0])} – ${ratio(r.ratio.ci95[1])}</td><td>${r.compounded === null ? "—" : ratio(r.compounded)}</td></tr>`)}</tbody>
      </table></details>`;
  }
}

customElements.define("ech-bullwhip-chart", BullwhipChart);
declare global {
  interface HTMLElementTagNameMap { "ech-bullwhip-chart": BullwhipChart }
}
