/**
 * `<ech-network-map>`: the scenario's nodes on a world map, drawn offline from Natural Earth
 * shapes (map-atlas.ts), with lanes as great-circle arcs and disruptions marked as in the
 * diagram (a warning glyph, a dashed lane). The view fits the located nodes; + and − zoom about
 * the centre. Nodes without a location are named under the map. Selecting works as in the
 * diagram: a click, or Enter on a focused marker, sends `ech-select` with the node or lane.
 */
import { LitElement, css, html, svg, nothing, type PropertyValues } from "lit";
import { geoPath, type GeoProjection } from "d3-geo";
import { disruptionMarks, type DisruptionMarks } from "./disruption-marks.ts";
import { arcLine, arcMidpoint, fitProjection, isWorldView, placeNetwork, viewBox, type LocatedNode, type MapPlacement } from "./map-projection.ts";
import { placeLabels, type LabelSide } from "./map-labels.ts";
import { loadAtlas, visibleShapes, type Atlas, type AtlasDetail } from "./map-atlas.ts";
import type { DiagramNetwork, DiagramSelection } from "./network-diagram.ts";
import { controlStyles } from "../shared/styles.ts";

const RADIUS = 6;
/** Room around the fitted nodes for their marks and labels, in pixels. */
const PADDING = 48;
const ZOOM_STEP = 1.5;
const MAX_ZOOM = 64;
/** Names of nodes without a location listed in full up to this many; beyond, "and N more". */
const MISSING_NAMED = 8;
const KINDS = ["supplier", "plant", "dc", "store"] as const;

type Fields = { readonly [key: string]: unknown };

export class NetworkMap extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    selection: { attribute: false },
    issueNodes: { attribute: false },
    atlas: { state: true },
    failure: { state: true },
    zoom: { state: true },
    box: { state: true },
  };
  declare scenario: DiagramNetwork | undefined;
  declare selection: DiagramSelection;
  declare issueNodes: ReadonlySet<number> | undefined;
  declare atlas: Atlas | undefined;
  declare failure: string | undefined;
  /** 1 = fitted to the nodes. */
  declare zoom: number;
  declare box: { width: number; height: number } | undefined;
  private placement: MapPlacement = { located: [], missing: [], arcs: [] };
  private marks: DisruptionMarks = { nodes: new Map(), lanes: new Map() };
  private nodes: readonly Fields[] = [];
  private projection: GeoProjection | undefined;
  private land = "";
  private borders = "";
  private resizeObserver: ResizeObserver | undefined;
  private focusIndex = 0;

  constructor() {
    super();
    this.selection = null;
    this.zoom = 1;
  }

  /** The level of detail the atlas was loaded at (or is loading at). */
  private detail: AtlasDetail | undefined;

  /** Loads the atlas at the detail the nodes' spread asks for, when it changes. */
  private ensureAtlas() {
    const detail: AtlasDetail = isWorldView(this.placement.located) ? "coarse" : "fine";
    if (detail === this.detail) return;
    this.detail = detail;
    this.failure = undefined;
    loadAtlas(detail).then((a) => { if (this.detail === detail) this.atlas = a; }, (e: Error) => (this.failure = e.message));
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
      const width = Math.floor(entry.contentRect.width), height = Math.floor(entry.contentRect.height);
      if (width > 0 && height > 0 && (width !== this.box?.width || height !== this.box?.height)) this.box = { width, height };
    });
    this.resizeObserver.observe(canvas);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("scenario")) {
      const list = (v: unknown): Fields[] => (Array.isArray(v) ? v.map((x) => (x && typeof x === "object" ? (x as Fields) : {})) : []);
      this.nodes = list(this.scenario?.nodes);
      const lanes = list(this.scenario?.lanes);
      const previous = this.placement.located;
      this.placement = placeNetwork({ nodes: this.nodes, lanes });
      this.marks = disruptionMarks({ nodes: this.nodes.map((n) => ({ id: n.id })), lanes: lanes.map((l) => ({ from: l.from, to: l.to })), disruptions: this.scenario?.disruptions, demand: this.scenario?.demand });
      // A new set of places (another scenario, a node moved) is fitted afresh; an edit elsewhere keeps the zoom.
      if (!samePlaces(previous, this.placement.located)) this.zoom = 1;
      this.ensureAtlas();
    }
    if (changed.has("scenario") || changed.has("zoom") || changed.has("box") || changed.has("atlas")) this.project();
  }

  /** Fits the projection to the box and redraws land and borders for it (the one costly step, so only on a change of view). */
  private project() {
    if (!this.box) return;
    const { width, height } = this.box;
    this.projection = fitProjection(this.placement.located, width, height, PADDING, this.zoom);
    if (!this.atlas) return;
    const path = geoPath(this.projection);
    const shapes = visibleShapes(this.atlas, isWorldView(this.placement.located) ? undefined : viewBox(this.projection, width, height));
    this.land = path(shapes.land) ?? "";
    this.borders = path(shapes.borders) ?? "";
  }

  override render() {
    if (!this.nodes.length) return html`<p class="muted empty">No nodes yet. Add a node to start the network.</p>`;
    return html`
      <div class="toolbar" role="toolbar" aria-label="Map zoom">
        <button @click=${() => (this.zoom = Math.min(MAX_ZOOM, this.zoom * ZOOM_STEP))} aria-label="Zoom in">+</button>
        <button @click=${() => (this.zoom = Math.max(1 / MAX_ZOOM, this.zoom / ZOOM_STEP))} aria-label="Zoom out">−</button>
        <button @click=${() => (this.zoom = 1)} aria-pressed=${this.zoom === 1 ? "true" : "false"}>Fit</button>
        <span class="legend" aria-hidden="true">
          ${KINDS.map((k) => html`<span><i class="dot ${k}"></i>${k}</span>`)}
          <span><svg viewBox="0 0 24 12" width="24" height="12">${svg`<path class="key-arc" d="M1,10Q12,-2 23,10"></path>`}</svg>lane</span>
          ${this.marks.nodes.size || this.marks.lanes.size
            ? html`<span class="disrupted-key"><svg viewBox="-7 -7 24 14" width="24" height="14">${svg`<path class="dash" d="M-6,0H3"></path>${renderGlyph(10, 0)}`}</svg>disrupted</span>` : nothing}
        </span>
      </div>
      <div class="canvas">${this.renderMap()}</div>
      ${this.renderMissing()}`;
  }

  private renderMap() {
    const { box, projection } = this;
    if (!box || !projection) return nothing;
    const located = this.placement.located;
    const path = geoPath(projection);
    const points = new Map(located.map((n) => [n.index, projection([n.lon, n.lat]) ?? [NaN, NaN]] as const));
    const labels = placeLabels(located.map((n) => ({ index: n.index, kind: String(this.nodes[n.index].kind), name: this.nameAt(n.index), at: points.get(n.index)! })), box.width, box.height);
    return html`<svg role="group" aria-label=${`Network map: ${located.length} of ${this.nodes.length} nodes placed`} width=${box.width} height=${box.height} viewBox="0 0 ${box.width} ${box.height}">
      <rect class="sea" width=${box.width} height=${box.height}></rect>
      ${this.atlas ? svg`<path class="land" d=${this.land}></path><path class="borders" d=${this.borders}></path>`
        : svg`<text class="status" x=${box.width / 2} y=${box.height / 2} text-anchor="middle">${this.failure ? `The map's shapes could not load (${this.failure}); the nodes are placed all the same.` : "Loading the map…"}</text>`}
      <g class="lanes">${this.placement.arcs.map((arc) => this.renderArc(arc, path(arcLine(arc)) ?? "", projection(arcMidpoint(arc))))}</g>
      <g class="nodes">${located.map((n) => this.renderNode(n, points.get(n.index)!, labels.get(n.index)))}</g>
      <text class="credit" x=${box.width - 6} y=${box.height - 6} text-anchor="end" aria-hidden="true">Natural Earth</text>
    </svg>`;
  }

  private renderArc(arc: MapPlacement["arcs"][number], d: string, mid: [number, number] | null) {
    const selected = this.selection?.kind === "lane" && this.selection.index === arc.index;
    const disrupted = this.marks.lanes.get(arc.index);
    return svg`<g class="lane ${selected ? "selected" : ""} ${disrupted ? "disrupted" : ""}" data-lane=${arc.index} @click=${() => this.select({ kind: "lane", index: arc.index })}>
      <title>Lane ${this.nameAt(arc.from.index)} → ${this.nameAt(arc.to.index)}${disrupted ? ` — disrupted: ${disrupted.join("; ")}` : ""}</title>
      <path class="hit" d=${d}></path><path class="line" d=${d}></path>
      ${disrupted && mid ? renderGlyph(mid[0], mid[1]) : nothing}</g>`;
  }

  private renderNode(n: LocatedNode, [x, y]: readonly number[], side: LabelSide | undefined) {
    const node = this.nodes[n.index];
    const name = this.nameAt(n.index), kind = String(node.kind ?? "");
    const selected = this.selection?.kind === "node" && this.selection.index === n.index;
    const flagged = this.issueNodes?.has(n.index);
    const disrupted = this.marks.nodes.get(n.index)?.join("; ");
    const place = n.place ? `, ${n.place}` : "";
    return svg`<g class="node ${kind} ${selected ? "selected" : ""}" transform="translate(${x},${y})" role="button" data-id=${n.id}
        tabindex=${n.index === this.focusIndex ? 0 : -1} aria-pressed=${selected ? "true" : "false"}
        aria-label=${`${name} (${kind})${place}${flagged ? ", has problems" : ""}${disrupted ? `, disrupted: ${disrupted}` : ""}`}
        @click=${() => this.select({ kind: "node", index: n.index })} @keydown=${(e: KeyboardEvent) => this.onKey(e, n.index)}>
      <title>${name} — ${kind}${place}${disrupted ? `\ndisrupted: ${disrupted}` : ""}</title>
      ${flagged ? svg`<circle class="flag" r=${RADIUS + 4}></circle>` : nothing}
      <circle class="mark" r=${kind === "store" ? RADIUS - 1.5 : RADIUS}></circle>
      ${disrupted ? renderGlyph(-RADIUS, -RADIUS) : nothing}
      ${side || selected ? svg`<text class="label" x=${side === "left" ? -RADIUS - 4 : RADIUS + 4} text-anchor=${side === "left" ? "end" : "start"} dy="0.32em" aria-hidden="true">${name}</text>` : nothing}
    </g>`;
  }

  private renderMissing() {
    const missing = this.placement.missing;
    if (!missing.length) return nothing;
    const names = missing.slice(0, MISSING_NAMED).map((i) => this.nameAt(i));
    const more = missing.length > MISSING_NAMED ? `, and ${missing.length - MISSING_NAMED} more` : "";
    const all = missing.length === this.nodes.length;
    return html`<p class="missing" role="note">${all ? `No node has a location yet, so the map has nothing to place.` : `${missing.length} of ${this.nodes.length} nodes have no location and are not on the map:`}
      ${all ? nothing : html`<span class="names">${names.join(", ")}${more}.</span>`}
      Give a node a latitude and longitude in its form (Location), or in a spreadsheet's lat and lon columns.</p>`;
  }

  /** A node's name as a person reads it: its name, else its id. */
  private nameAt(index: number): string {
    const n = this.nodes[index];
    return String(n?.name || n?.id || `node ${index + 1}`);
  }

  private onKey(e: KeyboardEvent, index: number) {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.select({ kind: "node", index });
      return;
    }
    const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const order = this.placement.located.map((n) => n.index);
    const at = order.indexOf(index);
    this.focusIndex = order[(at + step + order.length) % order.length];
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<SVGGElement>(`g.node[tabindex="0"]`)?.focus());
  }

  private select(selection: DiagramSelection) {
    if (selection?.kind === "node") this.focusIndex = selection.index;
    this.dispatchEvent(new CustomEvent("ech-select", { detail: selection, bubbles: true, composed: true }));
  }

  static override styles = [controlStyles, css`
    :host { display: flex; flex-direction: column; min-height: 0; }
    .toolbar { display: flex; gap: 0.3rem; align-items: center; padding: 0.25rem 0; }
    .legend { margin-left: auto; display: flex; gap: 0.8rem; align-items: center; color: var(--ech-muted); font-size: 0.85em; }
    .legend svg { vertical-align: middle; margin-right: 0.2em; }
    .dot { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 0.3em; vertical-align: -0.05em; }
    .dot.supplier, .supplier .mark { background: var(--ech-supplier); fill: var(--ech-supplier); }
    .dot.plant, .plant .mark { background: var(--ech-plant); fill: var(--ech-plant); }
    .dot.dc, .dc .mark { background: var(--ech-dc); fill: var(--ech-dc); }
    .dot.store, .store .mark { background: var(--ech-store); fill: var(--ech-store); }
    .canvas { flex: 1; min-height: 0; overflow: hidden; border: 1px solid var(--ech-border); border-radius: 4px; background: #dfe9f3; }
    svg { display: block; font-size: 12px; }
    .sea { fill: #dfe9f3; }
    .land { fill: #f3f1ea; stroke: #b9b4a6; stroke-width: 0.5; }
    .borders { fill: none; stroke: #c9c3b3; stroke-width: 0.6; stroke-dasharray: 2 2; }
    .status { fill: var(--ech-muted); font-size: 14px; }
    .credit { fill: var(--ech-muted); font-size: 10px; }
    .key-arc { fill: none; stroke: var(--ech-accent); stroke-width: 1.5; }
    .lane { cursor: pointer; }
    .lane .line { fill: none; stroke: var(--ech-accent); stroke-width: 1.4; stroke-opacity: 0.7; }
    .lane .hit { fill: none; stroke: transparent; stroke-width: 9; }
    .lane:hover .line { stroke-opacity: 1; stroke-width: 2; }
    .lane.selected .line { stroke: var(--ech-selected); stroke-width: 3; stroke-opacity: 1; }
    .lane.disrupted .line { stroke: var(--ech-warn); stroke-dasharray: 5 3; stroke-opacity: 1; }
    .glyph path:first-child { fill: var(--ech-warn); stroke: var(--ech-surface); stroke-width: 1; }
    .glyph path + path { stroke: var(--ech-surface); stroke-width: 1.6; stroke-linecap: round; fill: none; }
    .disrupted-key { display: inline-flex; align-items: center; gap: 0.2em; }
    .disrupted-key .dash { stroke: var(--ech-warn); stroke-width: 1.5; stroke-dasharray: 3 2; }
    .node { cursor: pointer; }
    .node:focus { outline: none; }
    .node .mark { stroke: var(--ech-surface); stroke-width: 1.5; }
    .node:focus-visible .mark { stroke: var(--ech-focus); stroke-width: 3; }
    .node.selected .mark { stroke: var(--ech-selected); stroke-width: 3; }
    .node .flag { fill: none; stroke: var(--ech-error); stroke-width: 2; stroke-dasharray: 3 2; }
    .label { fill: var(--ech-text); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    .node.selected .label { font-weight: 600; }
    .missing { margin: 0.4rem 0 0; padding: 0.35rem 0.6rem; border-left: 3px solid var(--ech-warn); background: var(--ech-surface); }
    .missing .names { font-weight: 600; }
    .empty { padding: 2rem; }
  `];
}

/** Whether two placements put the same nodes at the same points (then the view keeps its zoom). */
function samePlaces(a: readonly LocatedNode[], b: readonly LocatedNode[]): boolean {
  return a.length === b.length && a.every((n, i) => n.id === b[i].id && n.lat === b[i].lat && n.lon === b[i].lon);
}

/** The disruption mark of the diagram: a warning triangle drawn with paths, so it adds no text to accessible names. */
function renderGlyph(x: number, y: number) {
  return svg`<g class="glyph" transform="translate(${x},${y})" aria-hidden="true"><path d="M0,-6L6.5,5H-6.5Z"></path><path d="M0,-2.2V1.2M0,3.3V3.4"></path></g>`;
}

customElements.define("ech-network-map", NetworkMap);
declare global {
  interface HTMLElementTagNameMap { "ech-network-map": NetworkMap }
}
