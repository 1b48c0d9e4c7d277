import { html, type ReactiveControllerHost } from "lit";
import { arrangePanels, movePanel, readPanelIds, writePanelIds } from "./panel-order.ts";

/** Where a page keeps its panels' state in localStorage. */
export interface PanelKeys { readonly folded: string; readonly order: string }

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment; readonly updateComplete: Promise<boolean> };

/**
 * A long page as panels the planner can fold away (Hide/Show) and reorder (↑/↓, keyboard and
 * mouse), both remembered in localStorage. A panel is a `<section data-panel=id>` whose heading
 * has the id; the host renders `order` and puts `controls(id, title)` in each heading. Used by
 * Run & results and Compare.
 */
export class PanelsController {
  folded: ReadonlySet<string>;
  order: readonly string[];

  constructor(private readonly host: Host, private readonly keys: PanelKeys, ids: readonly string[]) {
    this.folded = new Set(readPanelIds(keys.folded));
    this.order = arrangePanels(ids, readPanelIds(keys.order));
  }

  /** The panel's class: "collapsed" when folded away. */
  fold(id: string): string { return this.folded.has(id) ? "collapsed" : ""; }

  /** Move up, Move down and Hide/Show for the panel headed `id`. */
  controls(id: string, title: string) {
    const hidden = this.folded.has(id);
    return html`<button type="button" class="move" aria-label=${`Move ${title} up`} title="Move up" @click=${() => void this.move(id, -1)}>↑</button>
      <button type="button" class="move" aria-label=${`Move ${title} down`} title="Move down" @click=${() => void this.move(id, 1)}>↓</button>
      <button type="button" class="fold" aria-expanded=${hidden ? "false" : "true"} aria-label=${`${hidden ? "Show" : "Hide"} ${title}`}
        @click=${() => this.toggle(id)}>${hidden ? "Show" : "Hide"}</button>`;
  }

  toggle(id: string): void {
    const next = new Set(this.folded);
    if (!next.delete(id)) next.add(id);
    this.folded = next;
    writePanelIds(this.keys.folded, next);
    this.host.requestUpdate();
  }

  async move(id: string, step: -1 | 1): Promise<void> {
    const shown = new Set([...this.host.renderRoot.querySelectorAll("section[data-panel]")].map((e) => e.getAttribute("data-panel")!));
    this.order = movePanel(this.order, id, step, shown);
    writePanelIds(this.keys.order, this.order);
    this.host.requestUpdate();
    await this.host.updateComplete;
    // The button moved with its panel: keep the keyboard on it so a panel can be moved several places.
    this.host.renderRoot.querySelector<HTMLButtonElement>(`section[data-panel="${id}"] button.move[title="Move ${step < 0 ? "up" : "down"}"]`)?.focus();
  }
}
