/**
 * `<ech-library>`: the sidebar list of the user's scenarios and the bundled examples. It owns no
 * data: it fires `ech-library` events ({action, id?, name?, file?}) and the app changes the list.
 */
import { LitElement, css, html, nothing, svg } from "lit";
import type { LibraryEntry } from "../storage/workspace.ts";
import type { BuiltinScenario } from "./builtins.ts";
import { entryName } from "./library.ts";
import { controlStyles } from "../shared/styles.ts";

export type LibraryAction =
  | { readonly action: "open" | "duplicate" | "delete"; readonly id: string }
  | { readonly action: "rename"; readonly id: string; readonly name: string }
  | { readonly action: "new" }
  | { readonly action: "add-example"; readonly file: string };

/** Small line icons (drawn, not from a font: the app loads no fonts). */
const ICONS = {
  rename: "M3 13l1-4 7-7 3 3-7 7-4 1zM10 3l3 3",
  duplicate: "M5 5h8v8H5zM3 11V3h8",
  delete: "M3 4h10M6 4V2.5h4V4M4.5 4l.7 9.5h5.6l.7-9.5M7 6.5v5M9 6.5v5",
};
const icon = (d: string) => html`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">${svg`<path d=${d} fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"></path>`}</svg>`;

export class ScenarioLibrary extends LitElement {
  static override properties = {
    entries: { attribute: false },
    current: { attribute: false },
    examples: { attribute: false },
    renaming: { state: true },
  };
  declare entries: readonly LibraryEntry[];
  declare current: string | undefined;
  declare examples: readonly BuiltinScenario[];
  declare renaming: string | undefined;

  constructor() {
    super();
    this.entries = [];
    this.examples = [];
  }

  private fire(detail: LibraryAction) {
    this.dispatchEvent(new CustomEvent("ech-library", { detail, bubbles: true, composed: true }));
  }

  private async startRename(id: string) {
    this.renaming = id;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>("input.rename");
    input?.focus();
    input?.select();
  }

  private finishRename(id: string, input: HTMLInputElement, keep: boolean) {
    if (this.renaming !== id) return;
    this.renaming = undefined;
    const name = input.value.trim();
    if (keep && name) this.fire({ action: "rename", id, name });
  }

  override render() {
    return html`
      <div class="head"><h2 id="lib-title">My scenarios</h2><button @click=${() => this.fire({ action: "new" })}>New</button></div>
      <ul aria-labelledby="lib-title">${this.entries.map((e) => this.renderEntry(e))}</ul>
      ${this.examples.length ? html`<h2 id="ex-title">Examples</h2>
        <ul aria-labelledby="ex-title" class="examples">${this.examples.map((b) => html`<li>
          <button class="item" title="Add a copy of this example to my scenarios" @click=${() => this.fire({ action: "add-example", file: b.file })}>
            <span class="name">${String(b.scenario.name ?? b.file)}</span><span class="muted small">${b.file}.json · add a copy</span></button></li>`)}</ul>` : nothing}`;
  }

  private renderEntry(e: LibraryEntry) {
    const name = entryName(e);
    const current = e.id === this.current;
    if (this.renaming === e.id) {
      return html`<li class="current"><label class="visually-hidden" for="rename-${e.id}">New name</label>
        <input class="rename" id="rename-${e.id}" .value=${name}
          @keydown=${(ev: KeyboardEvent) => { if (ev.key === "Enter") this.finishRename(e.id, ev.target as HTMLInputElement, true); if (ev.key === "Escape") this.finishRename(e.id, ev.target as HTMLInputElement, false); }}
          @blur=${(ev: FocusEvent) => this.finishRename(e.id, ev.target as HTMLInputElement, true)}></li>`;
    }
    const nodes = Array.isArray(e.scenario.nodes) ? e.scenario.nodes.length : 0;
    return html`<li class=${current ? "current" : ""}>
      <button class="item" aria-current=${current ? "true" : "false"} @click=${() => this.fire({ action: "open", id: e.id })}>
        <span class="name">${name}</span><span class="muted small">${nodes} node${nodes === 1 ? "" : "s"} · ${new Date(e.updated).toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" })}</span></button>
      <span class="actions">
        <button aria-label=${`Rename ${name}`} title="Rename" @click=${() => this.startRename(e.id)}>${icon(ICONS.rename)}</button>
        <button aria-label=${`Duplicate ${name}`} title="Duplicate" @click=${() => this.fire({ action: "duplicate", id: e.id })}>${icon(ICONS.duplicate)}</button>
        <button aria-label=${`Delete ${name}`} title="Delete" @click=${() => this.fire({ action: "delete", id: e.id })}>${icon(ICONS.delete)}</button>
      </span></li>`;
  }

  static override styles = [controlStyles, css`
    :host { display: block; overflow: auto; padding: 0.5rem; }
    .head { display: flex; align-items: center; justify-content: space-between; }
    h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--ech-muted); margin: 0.6rem 0 0.3rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: stretch; border-radius: 4px; margin-bottom: 2px; }
    li.current { background: var(--ech-hover); box-shadow: inset 3px 0 0 var(--ech-accent); }
    .item { flex: 1; min-width: 0; text-align: left; border: none; background: none; display: flex; flex-direction: column; padding: 0.3rem 0.5rem; }
    /* Names wrap rather than end in "…": a planner tells the original from its variants by the end. */
    .name { overflow-wrap: anywhere; }
    li.current .name { font-weight: 600; }
    .small { font-size: 0.78em; }
    .actions { display: flex; align-items: center; gap: 1px; }
    .actions button { border: none; background: none; padding: 0.2rem 0.3rem; color: var(--ech-muted); display: flex; }
    .actions button:hover { color: var(--ech-text); }
    .rename { width: 100%; margin: 0.2rem; }
  `];
}

customElements.define("ech-library", ScenarioLibrary);
declare global {
  interface HTMLElementTagNameMap { "ech-library": ScenarioLibrary }
}
