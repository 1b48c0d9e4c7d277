/**
 * `<ech-network-diagram>`: the layered SVG drawing of a scenario's network. Layout maths lives
 * in layout.ts; this element only renders it. Nodes are focusable (roving tabindex: arrow keys
 * move, Enter or Space selects); lanes are selected by click. Optional overlays for the replay
 * view: `nodeValues` (on hand / backorders under each node) and `flows` (dots moving on lanes).
 * The scenario's disruptions are marked (disruption-marks.ts): a warning glyph on a node, a
 * dashed lane, the summary in the tooltip and the node's accessible name.
 * With `pick` set, a click (or Enter on a node) picks a target for the editor instead of
 * selecting: it emits `ech-pick` (the node or lane; null for Cancel), and what cannot be picked is dimmed.
 */
import { LitElement, css, html, svg, nothing, type PropertyValues } from "lit";
import { linkHorizontal } from "d3-shape";
import { format } from "d3-format";
import { layoutNetwork, neighbourNode, pointOnLink, type NetworkLayout } from "./layout.ts";
import { disruptionMarks, type DisruptionMarks } from "./disruption-marks.ts";
import { truncate } from "../shared/format.ts";
import { controlStyles } from "../shared/styles.ts";

export interface DiagramNode { readonly id: string; readonly name?: string; readonly kind: string }
export interface DiagramLane { readonly from: string; readonly to: string }
export interface DiagramNetwork {
  readonly nodes: readonly DiagramNode[];
  readonly lanes: readonly DiagramLane[];
  /** The scenario's disruptions (scenario.ts `Disruption`), marked on what they touch. */
  readonly disruptions?: readonly unknown[];
  /** The scenario's demand entries: a demand shock on node "*" marks every node named here. */
  readonly demand?: readonly unknown[];
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
/** Room right of the last column for the Watch view's stock overlay ("on hand 1,234 · owed 56"). */
const VALUES_ROOM = 60;

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
   * The smallest scale "Fit" may use (default 0.6: 12 px labels drawn at 7 px). The Watch view
   * sets 1, so labels stay 12 px in a classroom and the area scrolls instead.
   */
  declare minScale: number;
  /** Scale of the drawing, or undefined to fit it to the element's size. */
  declare zoom: number | undefined;
  /** Size of the drawing area, from a ResizeObserver (undefined before the first report). */
  declare box: { width: number; height: number } | undefined;
  private layout: NetworkLayout | undefined;
  private net: DiagramNetwork = { nodes: [], lanes: [] };
  private marks: DisruptionMarks = { nodes: new Map(), lanes: new Map() };
  private resizeObserver: ResizeObserver | undefined;
  private focusIndex = 0;

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
   * The scale that fits the drawing into the area, between 0.6 (below it labels get too small to
   * read: the area scrolls instead) and 1.4; undefined while the area's size is unknown.
   */
  private fitScale(layout: NetworkLayout): number | undefined {
    if (!this.box) return undefined;
    const s = Math.min((this.box.width - 2) / this.drawingWidth(layout), (this.box.height - 2) / (layout.height + 14));
    return Math.max(this.minScale, Math.min(1.4, s));
  }

  /** The layout's width, plus room for the stock overlay right of the last column's labels. */
  private drawingWidth(layout: NetworkLayout): number {
    return layout.width + (this.nodeValues ? VALUES_ROOM : 0);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("scenario")) {
      // A draft may be invalid while the user edits it: draw whatever is drawable.
      const asList = <T>(v: unknown, blank: T): T[] => (Array.isArray(v) ? v.map((x) => (x && typeof x === "object" ? x : blank)) : []);
      const nodes = asList<DiagramNode>(this.scenario?.nodes, { id: "", kind: "" });
      const lanes = asList<DiagramLane>(this.scenario?.lanes, { from: "", to: "" });
      this.net = { nodes, lanes };
      this.marks = disruptionMarks({ nodes, lanes, disruptions: this.scenario?.disruptions, demand: this.scenario?.demand });
      this.layout = layoutNetwork(nodes.map((n) => ({ id: String(n.id), kind: String(n.kind) })), lanes.map((l) => ({ from: String(l.from), to: String(l.to) })));
    }
    if (changed.has("selection") && this.selection?.kind === "node") this.focusIndex = this.selection.index;
  }

  override render() {
    const layout = this.layout;
    if (!layout || layout.nodes.length === 0) return html`<p class="muted empty">No nodes yet. Add a node to start the network.</p>`;
    const labelMax = Math.floor((layout.columnWidth - 3 * RADIUS) / 7);
    const scale = this.zoom ?? this.fitScale(layout);
    const width = this.drawingWidth(layout);
    const size = scale === undefined ? "" : `width:${Math.round(width * scale)}px;height:${Math.round((layout.height + 14) * scale)}px`;
    const current = scale ?? 1;
    return html`
      <div class="toolbar" role="toolbar" aria-label="Diagram zoom">
        <button @click=${() => (this.zoom = Math.min(4, current * 1.25))} aria-label="Zoom in">+</button>
        <button @click=${() => (this.zoom = Math.max(0.25, current / 1.25))} aria-label="Zoom out">−</button>
        <button @click=${() => (this.zoom = undefined)} aria-pressed=${this.zoom === undefined ? "true" : "false"}>Fit</button>
        <span class="legend" aria-hidden="true">
          ${["supplier", "plant", "dc", "store"].map((k) => html`<span><i class="dot ${k}"></i>${k}</span>`)}
          ${this.nodeValues ? html`<span><i class="dot stocked-out"></i>stocked out</span>` : nothing}
          ${this.marks.nodes.size || this.marks.lanes.size
            ? html`<span class="disrupted-key"><svg viewBox="-7 -7 24 14" width="24" height="14">${svg`<path class="dash" d="M-6,0H3"></path>${renderGlyph(10, 0)}`}</svg>disrupted</span>` : nothing}
        </span>
      </div>
      ${this.pick ? html`<p class="pick-prompt" role="status">${this.pick.prompt}
        <button @click=${() => this.dispatchEvent(new CustomEvent("ech-pick", { detail: null, bubbles: true, composed: true }))}>Cancel</button></p>` : nothing}
      <div class="canvas">
        <svg role="group" aria-label="Network diagram" viewBox="0 0 ${width} ${layout.height + 14}"
          class="${scale === undefined ? "fit" : ""} ${this.pick ? "picking" : ""}" style=${size}>
          <g class="lanes">${layout.lanes.map((l) => this.renderLane(l.index, l.from, l.to))}</g>
          <g class="flows">${this.renderFlows(layout)}</g>
          <g class="nodes">${layout.nodes.map((p) => this.renderNode(p, labelMax))}</g>
        </svg>
      </div>`;
  }

  private renderLane(index: number, from: { x: number; y: number }, to: { x: number; y: number }) {
    const d = link({ source: [from.x + RADIUS, from.y], target: [to.x - RADIUS, to.y] }) ?? "";
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

  private renderNode(p: NetworkLayout["nodes"][number], labelMax: number) {
    const node = this.net.nodes[p.index];
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
    return svg`<g class="node ${String(node.kind)} ${selected ? "selected" : ""} ${out ? "stocked-out" : ""} ${this.pick?.nodes.has(p.index) ? "pickable" : ""}" transform="translate(${p.x},${p.y})"
        tabindex=${p.index === this.focusIndex ? 0 : -1} role="button" data-id=${node.id}
        aria-pressed=${selected ? "true" : "false"}
        aria-label=${`${name} (${node.kind})${flagged ? ", has problems" : ""}${disrupted ? `, disrupted: ${disrupted}` : ""}${values ? `, ${valuesText(values)}` : ""}${out ? ", stocked out" : ""}`}
        @click=${() => this.select({ kind: "node", index: p.index })}
        @keydown=${(e: KeyboardEvent) => this.onKey(e, p.index)}>
      <title>${name} — ${node.kind}, id ${node.id}${disrupted ? `\ndisrupted: ${disrupted}` : ""}</title>
      ${flagged ? svg`<circle class="flag" r=${RADIUS + 4}></circle>` : nothing}
      ${this.renderHitArea(last, Math.min(name.length, labelMax))}
      ${out ? svg`<circle class="out-ring" r=${RADIUS + 3.5}></circle>` : nothing}
      <circle class="mark" r=${RADIUS}></circle>
      ${disrupted ? renderGlyph(-RADIUS + 1, RADIUS - 2) : nothing}
      ${last ? svg`<text class="label" x=${RADIUS + 5} dy="0.32em">${renderLabel(name, labelMax)}</text>`
        : svg`<text class="label" x=${-RADIUS} y=${-RADIUS - 4}>${renderLabel(name, labelMax)}</text>`}
    </g>
    ${values ? svg`<text class="values" data-for=${node.id} transform="translate(${p.x},${p.y})" x=${RADIUS + 5} dy="1.5em" aria-hidden="true">${valuesText(values)}</text>` : nothing}`;
  }

  /** A transparent box over the mark and its label, so that clicking the label selects too. */
  private renderHitArea(last: boolean, chars: number) {
    const w = chars * 6.6;
    return last ? svg`<rect class="hit" x=${-RADIUS} y=${-RADIUS} width=${2 * RADIUS + 5 + w} height=${2 * RADIUS}></rect>`
      : svg`<rect class="hit" x=${-RADIUS} y=${-RADIUS - 16} width=${Math.max(2 * RADIUS, w)} height=${2 * RADIUS + 16}></rect>`;
  }

  private renderFlows(layout: NetworkLayout) {
    if (!this.flows?.length) return nothing;
    const byId = new Map(layout.nodes.map((n) => [n.id, n] as const));
    const max = Math.max(...this.flows.map((f) => f.quantity), 1);
    return this.flows.map((f) => {
      const a = byId.get(f.from), b = byId.get(f.to);
      if (!a || !b) return nothing;
      const [x, y] = pointOnLink(a.x + RADIUS, a.y, b.x - RADIUS, b.y, Math.min(1, Math.max(0, f.progress)));
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
    .values { fill: var(--ech-text); font-size: 11px; paint-order: stroke; stroke: var(--ech-surface); stroke-width: 3px; }
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

/** Whole units, as a planner counts stock ("2,219", never "2.219" or "−0"). */
const units = (v: number) => wholeUnits(Math.round(v) || 0);
const wholeUnits = format(",d");

/** The stock overlay of the replay view, as drawn and as read out, in whole units. */
function valuesText(v: NodeValue): string {
  const owed = units(v.backorders);
  return `on hand ${units(v.onHand)}${owed !== "0" ? ` · owed ${owed}` : ""}`;
}

/** A stocking node with nothing on hand at the end of the day (a supplier is an unlimited source). */
export function isStockedOut(kind: string, v: NodeValue): boolean {
  return kind !== "supplier" && Math.round(v.onHand) <= 0;
}

/**
 * A label cut to `max` characters between words, without an ellipsis: the visible words must
 * stay a part of the node's accessible name (axe: label-content-name-mismatch counts even
 * aria-hidden text), and the full name is in the node's tooltip and accessible name.
 */
function renderLabel(name: string, max: number): string {
  const cut = truncate(name, max);
  return cut === name ? name : cut.replace(/…$/, "").trimEnd();
}
