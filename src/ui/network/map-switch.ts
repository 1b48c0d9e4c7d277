/**
 * `<ech-network-views>`: the Network tab's choice between the layered diagram (its child, slotted)
 * and the map (`<ech-network-map>`, whose module, with d3-geo and the world's shapes, loads only
 * when the map is first shown). The choice is remembered in localStorage. Selecting on the map
 * sends the same `ech-select` as the diagram, from this element.
 */
import { LitElement, css, html, nothing } from "lit";
import type { DiagramNetwork, DiagramSelection } from "./network-diagram.ts";

export type NetworkViewKind = "diagram" | "map";
const STORAGE_KEY = "echelon:network-view";

export class NetworkViews extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    selection: { attribute: false },
    issueNodes: { attribute: false },
    view: { state: true },
    mapLoaded: { state: true },
    failure: { state: true },
  };
  declare scenario: DiagramNetwork | undefined;
  declare selection: DiagramSelection;
  declare issueNodes: ReadonlySet<number> | undefined;
  declare view: NetworkViewKind;
  declare mapLoaded: boolean;
  declare failure: string | undefined;

  constructor() {
    super();
    this.selection = null;
    this.view = readView();
    this.mapLoaded = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.view === "map") this.loadMap();
  }

  private show(view: NetworkViewKind) {
    this.view = view;
    try { localStorage.setItem(STORAGE_KEY, view); } catch { /* private mode: the choice lasts this visit */ }
    if (view === "map") this.loadMap();
  }

  private loadMap() {
    if (this.mapLoaded) return;
    this.failure = undefined;
    import("./map-view.ts").then(() => (this.mapLoaded = true), (e: Error) => (this.failure = e.message));
  }

  override render() {
    const map = this.view === "map";
    return html`
      <div class="switch" role="group" aria-label="Show the network as">
        <button aria-pressed=${map ? "false" : "true"} @click=${() => this.show("diagram")}>Diagram</button>
        <button aria-pressed=${map ? "true" : "false"} @click=${() => this.show("map")}>Map</button>
      </div>
      <div class="body" ?hidden=${map}><slot></slot></div>
      ${map ? this.renderMap() : nothing}`;
  }

  private renderMap() {
    if (this.failure) return html`<p class="muted status" role="alert">The map could not load: ${this.failure}. <button @click=${() => this.loadMap()}>Try again</button></p>`;
    if (!this.mapLoaded) return html`<p class="muted status">Loading the map…</p>`;
    return html`<ech-network-map .scenario=${this.scenario} .selection=${this.selection} .issueNodes=${this.issueNodes}></ech-network-map>`;
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; }
    .switch { display: inline-flex; align-self: flex-start; margin-bottom: 0.15rem; }
    .switch button { font: inherit; padding: 0.2rem 0.8rem; border: 1px solid var(--ech-border); background: var(--ech-surface); color: var(--ech-text); cursor: pointer; }
    .switch button:first-child { border-radius: 4px 0 0 4px; }
    .switch button + button { border-left: none; border-radius: 0 4px 4px 0; }
    .switch button[aria-pressed="true"] { background: var(--ech-accent); border-color: var(--ech-accent); color: var(--ech-on-accent); }
    .switch button:focus-visible { outline: 2px solid var(--ech-focus); outline-offset: 1px; }
    .body { display: flex; flex-direction: column; flex: 1; min-height: 0; }
    .body[hidden] { display: none; }
    ::slotted(*) { flex: 1; min-height: 0; }
    ech-network-map { flex: 1; min-height: 0; }
    .status { padding: 2rem; color: var(--ech-muted); }
  `;
}

/** The remembered choice; the diagram when none (or no storage). */
function readView(): NetworkViewKind {
  try { return localStorage.getItem(STORAGE_KEY) === "map" ? "map" : "diagram"; } catch { return "diagram"; }
}

customElements.define("ech-network-views", NetworkViews);
declare global {
  interface HTMLElementTagNameMap { "ech-network-views": NetworkViews }
}
