/**
 * `<ech-network-diagram>`: the layered SVG drawing of a scenario's network. Layout maths lives
 * in layout.ts; this element only renders it. Nodes are focusable (roving tabindex: arrow keys
 * move, Enter or Space selects); lanes are selected by click. Optional overlays for the Watch
 * view: `nodeValues` (on hand / backorders under each node) and `flows` (dots moving on lanes).
 * The scenario's disruptions are marked (disruption-marks.ts): a warning glyph on a node, a
 * dashed lane, the summary in the tooltip and the node's accessible name.
 * With `pick` set, a click (or Enter on a node) picks a target for the editor instead of
 * selecting: it emits `ech-pick` (the node or lane; null for Cancel), and what cannot be picked is dimmed.
 * A node with a bill of materials wears a badge and says what it makes under its mark ("makes
 * truck from engine×1, wheel×4"), as many lines as its column has room for (recipe-text.ts).
 */
import { LitElement, css, html, svg, nothing, type PropertyValues } from "lit";
import { linkHorizontal } from "d3-shape";
import { format } from "d3-format";
import { LABEL_ROOM, ROW_GAP, layoutNetwork, neighbourNode, pointOnLane, type NetworkLayout, type PlacedLane } from "./layout.ts";
import { disruptionMarks, type DisruptionMarks } from "./disruption-marks.ts";
import { recipeTexts, wrapWords } from "./recipe-text.ts";
import { truncate } from "../shared/format.ts";
import { controlStyles } from "../shared/styles.ts";

export interface DiagramNode {
  readonly id: string;
  readonly name?: string;
  readonly kind: string;
  /** The node's bill of materials (scenario.ts `Recipe`s, possibly invalid in a draft): said under the node. */
  readonly bom?: unknown;
}
export interface DiagramLane { readonly from: string; readonly to: string }
/**
 * What the diagram draws: a Scenario, or the editor's Draft of one, which may be invalid while the
 * user types, so both fit without a cast and every list is read defensively (an entry that is not
 * an object draws as a blank node or lane). When valid, `nodes` are DiagramNodes, `lanes`
 * DiagramLanes, `disruptions` scenario.ts `Disruption`s (marked on what they touch) and `demand`
 * the scenario's demand entries (a demand shock on node "*" marks every node named there).
 */
export interface DiagramNetwork {
  readonly nodes?: unknown;
  readonly lanes?: unknown;
  readonly disruptions?: unknown;
  readonly demand?: unknown;
}
/** What is selected in the diagram: a node or a lane, by index in the scenario. */
export type DiagramSelection = { readonly kind: "node"; readonly index: number } | { readonly kind: "lane"; readonly index: number } | null;
/**
 * Picking a target on the diagram (the editor's "Pick on diagram"): the node and lane indices that
 * can be picked, and the prompt (or why the last click could not be used) shown above the drawing.
 */
export interface DiagramPick { readonly nodes: ReadonlySet<number>; readonly lanes: ReadonlySet<number>; readonly prompt: string }
export interface NodeValue { readonly onHand: number; readonly backorders: number }
export interface Flow { readonly from: string; readonly to: string; readonly progress: number; readonly quantity: number }

const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
const RADIUS = 9;
/** Room right of the last column for the Watch view's stock overlay ("on hand 1,234 · owed 56"), at VALUES_UNITS. */
const VALUES_ROOM = 60;
/** Label and stock-overlay text size in the drawing's units, as drawn at full size. */
const LABEL_UNITS = 12;
const VALUES_UNITS = 11;
/** Size of the recipe lines under a node that makes products, in the drawing's units at full size. */
const RECIPE_UNITS = 10;
/**
 * Rows of the columns before the last in a network with recipes: room for a label, a mark and
 * about three recipe lines (the layout's default row of 40 holds two). The diagram is usually
 * fitted by its width, so the extra height costs no scale.
 */
const RECIPE_ROW_GAP = 56;
/**
 * No text is drawn smaller than this on screen (px). Where the drawing is scaled down (Fit on a
 * laptop, or zoomed out), its text grows in the drawing's units to stay this size: scaled with
 * the drawing alone, the retail network's labels would be about 9 px at 1280×720.
 */
const MIN_TEXT_PX = 11;
/** A label's average character width, in ems (about 7 units at 12). */
const CHAR_EM = 0.58;
/** The last column's labels sit right of the drawing, which widens to hold them: only names longer than this are cut. */
const LAST_LABEL_MAX = 40;
/**
 * Zoom-out stops where the tallest column's rows are as far apart as their text is tall (a line
 * of 11 px text: the label, and the stock overlay's line under it when shown), so text never overlaps.
 */
const minZoom = (lines: number) => (MIN_TEXT_PX * 1.25 * lines) / ROW_GAP;

/** Label size in the drawing's units at a scale: as designed, or larger so that it stays MIN_TEXT_PX on screen. */
const labelUnits = (scale: number) => Math.max(LABEL_UNITS, MIN_TEXT_PX / scale);
const valuesUnits = (scale: number) => Math.max(VALUES_UNITS, MIN_TEXT_PX / scale);
const recipeUnits = (scale: number) => Math.max(RECIPE_UNITS, MIN_TEXT_PX / scale);

export class NetworkDiagram extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    selection: { attribute: false },
    nodeValues: { attribute: false },
    flows: { attribute: false },
    issueNodes: { attribute: false },
    pick: { attribute: false },
    minScale: { type: Number },
    zoom: { state: true },
    box: { state: true },
  };
  declare scenario: DiagramNetwork | undefined;
  declare selection: DiagramSelection;
  declare nodeValues: ReadonlyMap<string, NodeValue> | undefined;
  declare flows: readonly Flow[] | undefined;
  /** Node indices that have validation issues (drawn with a warning ring). */
  declare issueNodes: ReadonlySet<number> | undefined;
  /** Set while the editor picks a target here: clicks emit `ech-pick` instead of `ech-select`. */
  declare pick: DiagramPick | undefined;
  /**
   * The smallest scale "Fit" may use (default 0.6; the labels stay 11 px on screen at any scale,
   * but the marks and lanes shrink). The Watch view sets 1, so the whole drawing stays full size in
   * a classroom and the area scrolls instead.
   */
  declare minScale: number;
  /** Scale of the drawing, or undefined to fit it to the element's size. */
  declare zoom: number | undefined;
  /** Size of the drawing area, from a ResizeObserver (undefined before the first report). */
  declare box: { width: number; height: number } | undefined;
  private layout: NetworkLayout | undefined;
  private net: { readonly nodes: readonly DiagramNode[]; readonly lanes: readonly DiagramLane[] } = { nodes: [], lanes: [] };
  private marks: DisruptionMarks = { nodes: new Map(), lanes: new Map() };
  private resizeObserver: ResizeObserver | undefined;
  private focusIndex = 0;
  /** The length of the longest name in the last column, whose labels sit right of the drawing. */
  private lastColumnChars = 0;

  constructor() {
    super();
    this.selection = null;
    this.minScale = 0.6;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override updated() {
    const canvas = this.renderRoot.querySelector(".canvas");
    if (!canvas || this.resizeObserver || typeof ResizeObserver === "undefined") return;
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0 && (width !== this.box?.width || height !== this.box?.height)) this.box = { width, height };
    });
    this.resizeObserver.observe(canvas);
  }

  /**
   * The scale that fits the drawing into the area, between `minScale` (below it the drawing gets
   * too small to follow: the area scrolls instead) and 1.4; undefined while the area's size is unknown.
   * The drawing's width depends on the scale (its labels grow as it shrinks), so the fit is found
   * by iteration: each step's scale is below the last and above the answer, which a few steps reach within a pixel.
   */
  private fitScale(layout: NetworkLayout): number | undefined {
    if (!this.box) return undefined;
    let s = 1.4;
    for (let i = 0; i < 8; i++) {
      const fit = Math.min((this.box.width - 2) / this.drawingWidth(layout, s), (this.box.height - 2) / (layout.height + 14));
      s = Math.max(this.minScale, Math.min(1.4, fit));
    }
    return s;
  }

  /** The most characters of a label that fit between two columns at a label size. */
  private labelMax(layout: NetworkLayout, units: number): number {
    return Math.floor((layout.columnWidth - 3 * RADIUS) / (CHAR_EM * units));
  }

  /** The drawing's width at a scale: the columns, the last column's labels at their size, and room for the stock overlay. */
  private drawingWidth(layout: NetworkLayout, scale: number): number {
    const units = labelUnits(scale);
    const labels = RADIUS + 5 + Math.min(this.lastColumnChars, LAST_LABEL_MAX) * CHAR_EM * units + 4;
    const values = this.nodeValues ? (VALUES_ROOM * valuesUnits(scale)) / VALUES_UNITS : 0;
    return layout.width - LABEL_ROOM + Math.max(LABEL_ROOM, labels) + values;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("scenario")) {
      // A draft may be invalid while the user edits it: draw whatever is drawable.
      const asList = <T>(v: unknown, blank: T): T[] => (Array.isArray(v) ? v.map((x) => (x && typeof x === "object" ? x : blank)) : []);
      const nodes = asList<DiagramNode>(this.scenario?.nodes, { id: "", kind: "" });
      const lanes = asList<DiagramLane>(this.scenario?.lanes, { from: "", to: "" });
      this.net = { nodes, lanes };
      this.marks = disruptionMarks({ nodes, lanes, disruptions: this.scenario?.disruptions, demand: this.scenario?.demand });
      const recipes = nodes.some((n) => recipeTexts(n.bom).length > 0);
      this.layout = layoutNetwork(nodes.map((n) => ({ id: String(n.id), kind: String(n.kind) })), lanes.map((l) => ({ from: String(l.from), to: String(l.to) })),
        { labelRoom: LABEL_ROOM, ...(recipes ? { labelledRowGap: RECIPE_ROW_GAP } : {}) });
      const last = this.layout.layers.at(-1) ?? [];
      this.lastColumnChars = Math.max(0, ...last.map((i) => String(nodes[i].name || nodes[i].id).length));
    }
    if (changed.has("selection") && this.selection?.kind === "node") this.focusIndex = this.selection.index;
  }

  override render() {
    const layout = this.layout;
    if (!layout || layout.nodes.length === 0) return html`<p class="muted empty">No nodes yet. Add a node to start the network.</p>`;
    const scale = this.zoom ?? this.fitScale(layout);
    const current = scale ?? 1;
    const labelMax = this.labelMax(layout, labelUnits(current));
    const width = this.drawingWidth(layout, current);
    const text = `font-size:${labelUnits(current)}px;--values-size:${valuesUnits(current)}px;--recipe-size:${recipeUnits(current)}px`;
    // Rounded up, so the drawing is never scaled below `scale` and its text never below MIN_TEXT_PX.
    const size = scale === undefined ? text : `${text};width:${Math.ceil(width * scale)}px;height:${Math.ceil((layout.height + 14) * scale)}px`;
    const floor = Math.min(minZoom(this.nodeValues ? 2 : 1), current);
    return html`
      <div class="toolbar" role="toolbar" aria-label="Diagram zoom">
        <button @click=${() => (this.zoom = Math.min(4, current * 1.25))} aria-label="Zoom in">+</button>
        <button @click=${() => (this.zoom = Math.max(floor, current / 1.25))} ?disabled=${current <= floor} aria-label="Zoom out">−</button>
        <button @click=${() => (this.zoom = undefined)} aria-pressed=${this.zoom === undefined ? "true" : "false"}>Fit</button>
        <span class="legend" aria-hidden="true">
          ${["supplier", "plant", "dc", "store"].map((k) => html`<span><i class="dot ${k}"></i>${k}</span>`)}
          ${this.nodeValues ? html`<span><i class="dot stocked-out"></i>stocked out</span>` : nothing}
          ${this.net.nodes.some((n) => recipeTexts(n.bom).length) ? html`<span class="bom-key"><svg viewBox="-6 -6 12 12" width="12" height="12">${renderBomBadge(0, 0)}</svg>makes from components</span>` : nothing}
          ${this.marks.nodes.size || this.marks.lanes.size
            ? html`<span class="disrupted-key"><svg viewBox="-7 -7 24 14" width="24" height="14">${svg`<path class="dash" d="M-6,0H3"></path>${renderGlyph(10, 0)}`}</svg>disrupted</span>` : nothing}
        </span>
      </div>
      ${this.pick ? html`<p class="pick-prompt" role="status">${this.pick.prompt}
        <button @click=${() => this.dispatchEvent(new CustomEvent("ech-pick", { detail: null, bubbles: true, composed: true }))}>Cancel</button></p>` : nothing}
      <div class="canvas">
        <svg role="group" aria-label="Network diagram" viewBox="0 0 ${width} ${layout.height + 14}"
          class="${scale === undefined ? "fit" : ""} ${this.pick ? "picking" : ""}" style=${size}>
          <g class="lanes">${layout.lanes.map((l) => this.renderLane(l))}</g>
          <g class="flows">${this.renderFlows(layout)}</g>
          <g class="nodes">${layout.nodes.map((p) => this.renderNode(p, labelMax, labelUnits(current), recipeUnits(current)))}</g>
        </svg>
      </div>`;
  }

  private renderLane({ index, ...placed }: PlacedLane) {
    const points = lanePoints(placed);
    // One horizontal link per column passed, each starting where the last one ended.
    const d = points.slice(1).map((p, i) => link({ source: points[i], target: p }) ?? "").join("");
    const selected = this.selection?.kind === "lane" && this.selection.index === index;
    const lane = this.net.lanes[index];
    const disrupted = this.marks.lanes.get(index);
    return svg`<g class="lane ${selected ? "selected" : ""} ${disrupted ? "disrupted" : ""} ${this.pick?.lanes.has(index) ? "pickable" : ""}" @click=${() => this.select({ kind: "lane", index })}>
      <title>Lane ${this.nameOf(lane.from)} → ${this.nameOf(lane.to)}${disrupted ? ` — disrupted: ${disrupted.join("; ")}` : ""}</title>
      <path class="hit" d=${d}></path><path class="line" d=${d}></path></g>`;
  }

  /** A node's name by id (the id when it has none), as a person reads it. */
  private nameOf(id: string): string {
    return String(this.net.nodes.find((n) => n.id === id)?.name || id);
  }

  private renderNode(p: NetworkLayout["nodes"][number], labelMax: number, units: number, recipeSize: number) {
    const node = this.net.nodes[p.index];
    const recipes = recipeTexts(node.bom);
    const name = String(node.name || node.id);
    const selected = this.selection?.kind === "node" && this.selection.index === p.index;
    // The stock overlay is drawn beside the focusable group, not in it: its visible text must be
    // part of the accessible name, which carries the values in words instead.
    const values = this.nodeValues?.get(node.id);
    const flagged = this.issueNodes?.has(p.index);
    const disrupted = this.marks.nodes.get(p.index)?.join("; ");
    const out = values !== undefined && isStockedOut(String(node.kind), values);
    // Labels sit right of the nodes in the last column and above them elsewhere, clear of the lanes leaving them.
    const last = p.layer === this.layout!.layers.length - 1;
    const max = last ? LAST_LABEL_MAX : labelMax;
    return svg`<g class="node ${String(node.kind)} ${selected ? "selected" : ""} ${out ? "stocked-out" : ""} ${this.pick?.nodes.has(p.index) ? "pickable" : ""}" transform="translate(${p.x},${p.y})"
        tabindex=${p.index === this.focusIndex ? 0 : -1} role="button" data-id=${node.id}
        aria-pressed=${selected ? "true" : "false"}
        aria-label=${`${name} (${node.kind})${recipes.length ? `, ${recipes.join("; ")}` : ""}${flagged ? ", has problems" : ""}${disrupted ? `, disrupted: ${disrupted}` : ""}${values ? `, ${valuesText(values)}` : ""}${out ? ", stocked out" : ""}`}
        @click=${() => this.select({ kind: "node", index: p.index })}
        @keydown=${(e: KeyboardEvent) => this.onKey(e, p.index)}>
      <title>${name} — ${node.kind}, id ${node.id}${recipes.map((r) => `\n${r}`)}${disrupted ? `\ndisrupted: ${disrupted}` : ""}</title>
      ${flagged ? svg`<circle class="flag" r=${RADIUS + 4}></circle>` : nothing}
      ${this.renderHitArea(last, Math.min(name.length, max), units)}
      ${out ? svg`<circle class="out-ring" r=${RADIUS + 3.5}></circle>` : nothing}
      <circle class="mark" r=${RADIUS}></circle>
      ${disrupted ? renderGlyph(-RADIUS + 1, RADIUS - 2) : nothing}
      ${recipes.length ? renderBomBadge(RADIUS - 1, -RADIUS + 1) : nothing}
      ${last ? svg`<text class="label" x=${RADIUS + 5} dy="0.32em">${renderLabel(name, max)}</text>`
        : svg`<text class="label" x=${-RADIUS} y=${-RADIUS - 4}>${renderLabel(name, max)}</text>`}
    </g>
    ${recipes.length && !this.nodeValues ? this.renderRecipes(p, recipes, last, units, recipeSize) : nothing}
    ${values ? svg`<text class="values" data-for=${node.id} transform="translate(${p.x},${p.y})" x=${RADIUS + 5} dy="1.5em" aria-hidden="true">${valuesText(values)}</text>` : nothing}`;
  }

  /**
   * The node's recipes under its mark (under its label in the last column), wrapped to the
   * column's width, in as many lines as there is room for above the next node's label; the rest
   * is cut with "…" (the whole text is in the node's tooltip and accessible name, so these lines
   * are hidden from assistive technology).
   */
  private renderRecipes(p: NetworkLayout["nodes"][number], recipes: readonly string[], last: boolean, labelSize: number, size: number) {
    const layout = this.layout!;
    // The free height under the mark: to the next node's label (above its mark), to a lane passing below, or to the drawing's bottom.
    const top = last ? labelSize * 0.7 : RADIUS + 2;
    const below = p.below;
    const bottom = !below ? layout.height + 14 - p.y : below.kind === "lane" ? below.gap - 3 : below.gap - (last ? RADIUS : RADIUS + labelSize * 1.35);
    const lineHeight = size * 1.2;
    const room = Math.floor((bottom - top) / lineHeight);
    if (room < 1) return nothing;
    const width = last ? LAST_LABEL_MAX : Math.floor((layout.columnWidth - 3 * RADIUS) / (CHAR_EM * size));
    let lines = recipes.flatMap((r) => wrapWords(r, width));
    if (lines.length > room) {
      const cut = lines[room - 1];
      lines = [...lines.slice(0, room - 1), cut.length < width ? `${cut}…` : truncate(cut, width)];
    }
    const x = last ? RADIUS + 5 : -RADIUS;
    return svg`<text class="recipe" data-for=${String(p.id)} transform="translate(${p.x},${p.y})" aria-hidden="true">${lines.map((line, i) =>
      svg`<tspan x=${x} y=${top + lineHeight * (i + 0.8)}>${line}</tspan>`)}</text>`;
  }

  /** A transparent box over the mark and its label (`units` its size), so that clicking the label selects too. */
  private renderHitArea(last: boolean, chars: number, units: number) {
    const w = chars * CHAR_EM * units * 1.1, above = units * 1.35;
    return last ? svg`<rect class="hit" x=${-RADIUS} y=${-RADIUS} width=${2 * RADIUS + 5 + w} height=${2 * RADIUS}></rect>`
      : svg`<rect class="hit" x=${-RADIUS} y=${-RADIUS - above} width=${Math.max(2 * RADIUS, w)} height=${2 * RADIUS + above}></rect>`;
  }

  private renderFlows(layout: NetworkLayout) {
    if (!this.flows?.length) return nothing;
    const byId = new Map(layout.nodes.map((n) => [n.id, n] as const));
    const byEnds = new Map(layout.lanes.map((l) => [`${l.from.id}\u0000${l.to.id}`, l] as const));
    const max = Math.max(...this.flows.map((f) => f.quantity), 1);
    return this.flows.map((f) => {
      // Along its lane's drawing; a move with no lane of its own (a lateral transfer) goes straight.
      const from = byId.get(f.from), to = byId.get(f.to);
      const lane = byEnds.get(`${f.from}\u0000${f.to}`) ?? (from && to ? { from, to, via: [] } : undefined);
      if (!lane) return nothing;
      const [x, y] = pointOnLane(lanePoints(lane), Math.min(1, Math.max(0, f.progress)));
      return svg`<circle class="flow" cx=${x} cy=${y} r=${2 + 4 * Math.sqrt(f.quantity / max)}><title>${units(f.quantity)} units ${f.from} → ${f.to}</title></circle>`;
    });
  }

  private onKey(e: KeyboardEvent, index: number) {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.select({ kind: "node", index });
      return;
    }
    const next = this.layout && neighbourNode(this.layout, index, e.key);
    if (next === undefined) return;
    e.preventDefault();
    this.focusIndex = next;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<SVGGElement>(`g.node[tabindex="0"]`)?.focus());
  }

  private select(selection: DiagramSelection) {
    if (selection?.kind === "node") this.focusIndex = selection.index;
    this.dispatchEvent(new CustomEvent(this.pick ? "ech-pick" : "ech-select", { detail: selection, bubbles: true, composed: true }));
  }

  static override styles = [controlStyles, css`
    :host { display: flex; flex-direction: column; min-height: 0; }
    .toolbar { display: flex; gap: 0.3rem; align-items: center; padding: 0.25rem 0; }
    .legend { margin-left: auto; display: flex; gap: 0.8rem; color: var(--ech-muted); font-size: 0.85em; }
    .dot { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 0.3em; vertical-align: -0.05em; }
    .dot.supplier, .supplier .mark { background: var(--ech-supplier); fill: var(--ech-supplier); }
    .dot.plant, .plant .mark { background: var(--ech-plant); fill: var(--ech-plant); }
    .dot.dc, .dc .mark { background: var(--ech-dc); fill: var(--ech-dc); }
    .dot.store, .store .mark { background: var(--ech-store); fill: var(--ech-store); }
    .canvas { overflow: auto; flex: 1; min-height: 0; background: var(--ech-surface); border: 1px solid var(--ech-border); border-radius: 4px; }
    svg { display: block; font-size: 12px; }
    svg { margin: 0 auto; }
    svg.fit { width: 100%; height: 100%; }
    .lane .line { fill: none; stroke: var(--ech-lane); stroke-width: 1.3; }
    .lane .hit { fill: none; stroke: transparent; stroke-width: 9; cursor: pointer; }
    .lane:hover .line { stroke: var(--ech-text); }
    .lane.selected .line { stroke: var(--ech-selected); stroke-width: 3; }
    .lane.disrupted .line { stroke: var(--ech-warn); stroke-dasharray: 5 3; }
    .lane.disrupted.selected .line { stroke: var(--ech-selected); }
    .glyph path:first-child { fill: var(--ech-warn); stroke: var(--ech-surface); stroke-width: 1; }
    .glyph path + path { stroke: var(--ech-surface); stroke-width: 1.6; stroke-linecap: round; fill: none; }
    .disrupted-key { display: inline-flex; align-items: center; gap: 0.2em; }
    .disrupted-key .dash { stroke: var(--ech-warn); stroke-width: 1.5; stroke-dasharray: 3 2; }
    .node { cursor: pointer; }
    .node:focus { outline: none; }
    .node:focus-visible .mark { stroke: var(--ech-focus); stroke-width: 3; }
    .node.selected .mark { stroke: var(--ech-selected); stroke-width: 3.5; }
    .node .mark { stroke: var(--ech-surface); stroke-width: 1.5; }
    .node .hit { fill: transparent; }
    .node .flag { fill: none; stroke: var(--ech-error); stroke-width: 2; stroke-dasharray: 3 2; }
    .label { fill: var(--ech-text); paint-order: stroke; stroke: var(--ech-surface); stroke-width: 3px; }
    .node.selected .label { font-weight: 600; }
    .dot.stocked-out { background: var(--ech-error); box-shadow: 0 0 0 2px var(--ech-surface), 0 0 0 3.5px var(--ech-error); }
    .node.stocked-out .mark { fill: var(--ech-error); }
    .node .out-ring { fill: none; stroke: var(--ech-error); stroke-width: 2; }
    .recipe { fill: var(--ech-muted); font-size: var(--recipe-size, 10px); paint-order: stroke; stroke: var(--ech-surface); stroke-width: 3px; pointer-events: none; }
    .bom-badge circle { fill: var(--ech-surface); stroke: var(--ech-text); stroke-width: 1; }
    .bom-badge path { fill: none; stroke: var(--ech-text); stroke-width: 1.2; stroke-linecap: round; stroke-linejoin: round; }
    .bom-key { display: inline-flex; align-items: center; gap: 0.3em; }
    .values { fill: var(--ech-text); font-size: var(--values-size, 11px); paint-order: stroke; stroke: var(--ech-surface); stroke-width: 3px; }
    .pick-prompt { margin: 0 0 0.25rem; padding: 0.3rem 0.5rem; border-left: 3px solid var(--ech-accent); background: var(--ech-surface); display: flex; gap: 0.6rem; align-items: center; justify-content: space-between; }
    .picking .node:not(.pickable), .picking .lane:not(.pickable) { cursor: not-allowed; }
    .picking .node:not(.pickable) .mark, .picking .lane:not(.pickable) .line { opacity: 0.3; }
    .picking .pickable { cursor: crosshair; }
    .picking .lane.pickable .line { stroke-width: 2.5; }
    .picking .lane.pickable:hover .line { stroke: var(--ech-accent); }
    .flow { fill: var(--ech-accent); opacity: 0.8; pointer-events: none; }
    .empty { padding: 2rem; }
  `];
}

customElements.define("ech-network-diagram", NetworkDiagram);
declare global {
  interface HTMLElementTagNameMap { "ech-network-diagram": NetworkDiagram }
}

/**
 * The disruption mark: a warning triangle with an exclamation mark, drawn with paths, not text,
 * so that it adds no visible text the node's accessible name would have to contain.
 */
function renderGlyph(x: number, y: number) {
  return svg`<g class="glyph" transform="translate(${x},${y})" aria-hidden="true"><path d="M0,-6L6.5,5H-6.5Z"></path><path d="M0,-2.2V1.2M0,3.3V3.4"></path></g>`;
}

/** Where a lane is drawn: from the edge of its start's mark, through its waypoints, to the edge of its end's mark. */
function lanePoints(lane: Omit<PlacedLane, "index">): [number, number][] {
  return [[lane.from.x + RADIUS, lane.from.y], ...lane.via.map(([x, y]) => [x, y] as [number, number]), [lane.to.x - RADIUS, lane.to.y]];
}

/** The badge of a node that makes products from components: two strokes joining into one, drawn with paths (no text). */
function renderBomBadge(x: number, y: number) {
  return svg`<g class="bom-badge" transform="translate(${x},${y})" aria-hidden="true"><circle r="5"></circle><path d="M-2.8,-2.4L0,0L-2.8,2.4M0,0H3"></path></g>`;
}

/** Whole units, as a planner counts stock ("2,219", never "2.219" or "−0"). */
const units = (v: number) => wholeUnits(Math.round(v) || 0);
const wholeUnits = format(",d");

/** The stock overlay of the Watch view, as drawn and as read out, in whole units. */
function valuesText(v: NodeValue): string {
  const owed = units(v.backorders);
  return `on hand ${units(v.onHand)}${owed !== "0" ? ` · owed ${owed}` : ""}`;
}

/** A stocking node with nothing on hand at the end of the day (a supplier is an unlimited source). */
export function isStockedOut(kind: string, v: NodeValue): boolean {
  return kind !== "supplier" && Math.round(v.onHand) <= 0;
}

/**
 * A label cut to `max` characters between words, without an ellipsis (except to close a parenthesis it cuts):
 * the visible words must stay a part of the node's accessible name (axe: label-content-name-mismatch
 * counts even aria-hidden text), and the full name is in the node's tooltip and accessible name.
 */
function renderLabel(name: string, max: number): string {
  if (name.length <= max) return name;
  // axe drops parentheticals before it compares ("ECU maker (local backup)" names "ECU maker"), so
  // a label cut inside one ("ECU maker (local") would no longer read as part of the name. A cut
  // that falls inside a parenthesis closes it ("…)"), and may then fall between letters, since
  // what is in it is not compared: "ECU maker (overs…)" and "ECU maker (local…)" stay apart.
  const open = name.indexOf("("), close = name.indexOf(")", open);
  if (open > 0 && open < max - 3 && (close < 0 || close >= max - 2)) return `${name.slice(0, max - 2).trimEnd()}…)`;
  return truncate(name, max).replace(/…$/, "").trimEnd();
}
