/**
 * `<ech-scenario-editor>`: the parameter form of the selected node or lane, or the scenario
 * settings, with every validation issue next to its field and a list of all issues. The parent
 * owns the draft: edits come out as `ech-change` events carrying the complete new draft, and
 * selections as `ech-select` events. "Pick on diagram" beside a disruption's target asks the
 * parent to pick it on the diagram with `ech-pick-arm` (the disruption's index, or null to
 * cancel); the parent says which one is being picked through `picking`.
 */
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { getIn, setIn, type Draft, type Json } from "./paths.ts";
import { issueSelection, issuesByField, pathWithin, type EditorSelection, type Issue } from "./issues.ts";
import { issuePlace, laneName } from "./readable.ts";
import { addLane, addNode, removeLane, removeNode, renameNodeId } from "./edits.ts";
import { renderNodeForm } from "./node-form.ts";
import { renderLaneForm } from "./lane-form.ts";
import { renderSettingsForm } from "./settings-form.ts";
import { renderWhatIfsForm, whatIfStyles } from "./what-ifs-form.ts";
import type { FieldContext } from "./fields.ts";
import { controlStyles } from "../shared/styles.ts";

export interface DraftChange { readonly draft: Draft; readonly key?: string; readonly selection?: EditorSelection }

type Obj = Record<string, Json>;

export class ScenarioEditor extends LitElement {
  static override properties = {
    draft: { attribute: false },
    selection: { attribute: false },
    issues: { attribute: false },
    picking: { attribute: false },
    notice: { state: true },
  };
  declare draft: Draft;
  declare selection: EditorSelection;
  declare issues: readonly Issue[];
  /** The disruption whose target the diagram is picking, if any. */
  declare picking: number | undefined;
  /** A short message on the what-ifs panel (why a preset or removal could not be done). */
  declare notice: string | undefined;
  private pendingFocus: string | undefined;

  constructor() {
    super();
    this.selection = { kind: "settings" };
    this.issues = [];
  }

  /** Shows the field of an issue at `path`: selects its panel, then focuses the control. */
  focusIssue(path: string) {
    const selection = issueSelection(this.draft, path);
    this.pendingFocus = path;
    this.emitSelect(selection);
    this.requestUpdate();
  }

  protected override updated(_: PropertyValues<this>) {
    const path = this.pendingFocus;
    if (!path) return;
    this.pendingFocus = undefined;
    const fields = [...this.renderRoot.querySelectorAll<HTMLElement>(".field[data-path]")];
    const best = fields.filter((f) => pathWithin(path, f.dataset.path!)).sort((a, b) => b.dataset.path!.length - a.dataset.path!.length)[0];
    const target = (best ?? this.renderRoot.querySelector<HTMLElement>(".panel-issues"))?.querySelector<HTMLElement>("input, select, textarea, button") ?? best;
    target?.focus();
    target?.scrollIntoView?.({ block: "nearest" });
  }

  private emit(draft: Draft, key?: string, selection?: EditorSelection) {
    const detail: DraftChange = { draft, key, selection };
    this.dispatchEvent(new CustomEvent("ech-change", { detail, bubbles: true, composed: true }));
  }

  private emitSelect(selection: EditorSelection) {
    this.dispatchEvent(new CustomEvent("ech-select", { detail: selection, bubbles: true, composed: true }));
  }

  /** Renders the form twice: once to learn which field paths it has, then with issues placed. */
  private renderForm(selection: EditorSelection) {
    const edit = (path: string, value: unknown) => this.emit(setIn(this.draft, path, value), path);
    const collect = new Set<string>();
    const probe: FieldContext = { draft: this.draft, issues: new Map(), edit, collect };
    this.formFor(probe, selection);
    const prefix = selection.kind === "settings" || selection.kind === "whatifs" ? "" : `${selection.kind === "node" ? "nodes" : "lanes"}[${selection.index}]`;
    const mine = this.issues.filter((i) => { const s = issueSelection(this.draft, i.path); return s.kind === selection.kind && (s.kind === "settings" || s.kind === "whatifs" || s.index === (selection as { index: number }).index); });
    const byField = issuesByField(mine, [...collect]);
    const ctx: FieldContext = { draft: this.draft, issues: byField, edit };
    const loose = byField.get("") ?? [];
    return html`${loose.length ? html`<div class="panel-issues" role="group" aria-label="Problems here">${loose.map((i) => html`<p class="issue">${i.path && i.path !== prefix ? html`<code>${i.path}</code>: ` : nothing}${i.message}</p>`)}</div>` : nothing}
      ${this.formFor(ctx, selection)}`;
  }

  private formFor(ctx: FieldContext, selection: EditorSelection) {
    const nodes = (Array.isArray(this.draft.nodes) ? this.draft.nodes : []) as Obj[];
    if (selection.kind === "node") {
      const id = String(nodes[selection.index]?.id ?? "");
      return renderNodeForm(ctx, selection.index, {
        renameId: (next) => this.emit(renameNodeId(this.draft, selection.index, next), `nodes[${selection.index}].id`),
        selectLane: (index) => this.emitSelect({ kind: "lane", index }),
        addDemand: () => this.emit({ ...this.draft, demand: [...((this.draft.demand as Json[]) ?? []), { node: id, dist: { type: "poisson", mean: 10 } }] }),
        removeDemand: (i) => this.emit({ ...this.draft, demand: ((this.draft.demand as Json[]) ?? []).filter((_, j) => j !== i) }),
        replace: (draft) => this.emit(draft),
      });
    }
    if (selection.kind === "lane") {
      return renderLaneForm(ctx, selection.index, nodes.map((n) => String(n?.id ?? "")), (id) => {
        const index = nodes.findIndex((n) => n?.id === id);
        if (index >= 0) this.emitSelect({ kind: "node", index });
      });
    }
    if (selection.kind === "whatifs") {
      return renderWhatIfsForm(ctx, {
        replace: (draft) => { this.notice = undefined; this.emit(draft); },
        notify: (message) => { this.notice = message; },
        pickTarget: (index) => this.dispatchEvent(new CustomEvent("ech-pick-arm", { detail: index ?? null, bubbles: true, composed: true })),
        picking: this.picking,
      }, this.notice);
    }
    return renderSettingsForm(ctx);
  }

  private addNodeOfKind(kind: "supplier" | "plant" | "dc" | "store") {
    const nodes = (Array.isArray(this.draft.nodes) ? this.draft.nodes : []) as Obj[];
    const from = this.selection.kind === "node" && kind !== "supplier" ? String(nodes[this.selection.index]?.id ?? "") || undefined : undefined;
    const { draft, index } = addNode(this.draft, kind, from);
    this.emit(draft, undefined, { kind: "node", index });
  }

  private addLaneFromSelected(to: string) {
    if (this.selection.kind !== "node") return;
    const from = String(getIn(this.draft, ["nodes", this.selection.index, "id"]) ?? "");
    const { draft, index } = addLane(this.draft, from, to);
    this.emit(draft, undefined, { kind: "lane", index });
  }

  private removeSelected() {
    const s = this.selection;
    if (s.kind === "node") this.emit(removeNode(this.draft, s.index), undefined, { kind: "settings" });
    if (s.kind === "lane") this.emit(removeLane(this.draft, s.index), undefined, { kind: "settings" });
  }

  override render() {
    if (!this.draft) return nothing;
    const s = this.selection;
    const nodes = (Array.isArray(this.draft.nodes) ? this.draft.nodes : []) as Obj[];
    const title = s.kind === "settings" ? "Scenario settings" : s.kind === "whatifs" ? "What-if scenarios"
      : s.kind === "node" ? `Node ${String(nodes[s.index]?.name || nodes[s.index]?.id || "")}`
      : `Lane ${laneName(this.draft, s.index)}`;
    return html`
      ${this.renderIssueList()}
      <div class="bar" role="toolbar" aria-label="Edit the network">
        <button @click=${() => this.emitSelect({ kind: "settings" })} ?disabled=${s.kind === "settings"}>Settings</button>
        <button @click=${() => this.emitSelect({ kind: "whatifs" })} ?disabled=${s.kind === "whatifs"}>What-ifs</button>
        ${this.renderOptimize()}
        <label class="add">Add <select aria-label="Kind of node to add" @change=${(e: Event) => { const sel = e.target as HTMLSelectElement; if (sel.value) this.addNodeOfKind(sel.value as "store"); sel.value = ""; }}>
          <option value="">node…</option><option value="supplier">supplier</option><option value="plant">plant</option><option value="dc">DC</option><option value="store">store</option>
        </select></label>
        ${s.kind === "node" ? html`<label class="add">Lane to <select aria-label="Add a lane from this node to" @change=${(e: Event) => { const sel = e.target as HTMLSelectElement; if (sel.value) this.addLaneFromSelected(sel.value); sel.value = ""; }}>
          <option value="">node…</option>${nodes.map((n) => html`<option value=${String(n?.id ?? "")}>${String(n?.id ?? "")}</option>`)}</select></label>` : nothing}
        ${s.kind === "node" || s.kind === "lane" ? html`<button @click=${this.removeSelected}>Remove ${s.kind}</button>` : nothing}
      </div>
      <h2>${title}</h2>
      <form @submit=${(e: Event) => e.preventDefault()} aria-label=${title}>${this.renderForm(s)}</form>`;
  }

  /** Optimise… asks the shell (`ech-optimize`) to open the safety-stock dialog; it needs a scenario without problems. */
  private renderOptimize() {
    const n = this.issues.length;
    const why = n ? `Fix the ${n} problem${n === 1 ? "" : "s"} above to optimise` : "";
    return html`<button ?disabled=${n > 0} title=${n ? why : "Set every stocking node's safety stock by the single-echelon or GSM method"}
        @click=${() => this.dispatchEvent(new CustomEvent("ech-optimize", { bubbles: true, composed: true }))}>Optimise…</button>
      ${n ? html`<span class="muted reason">${why}</span>` : nothing}`;
  }

  private renderIssueList() {
    if (!this.issues.length) return html`<p class="ok" role="status">No problems found.</p>`;
    return html`<details class="all-issues" open>
      <summary>${this.issues.length} problem${this.issues.length === 1 ? "" : "s"} to fix before running</summary>
      <ul>${this.issues.slice(0, 100).map((i) => html`<li><button class="link" title=${i.path || "scenario"} @click=${() => this.focusIssue(i.path)}>${issuePlace(this.draft, i.path)}</button>: ${i.message}</li>`)}</ul>
    </details>`;
  }

  static override styles = [controlStyles, whatIfStyles, css`
    :host { display: block; overflow: auto; padding: 0 0.75rem 1rem; }
    h2 { font-size: 1.05rem; margin: 0.6rem 0 0.3rem; overflow-wrap: anywhere; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; padding: 0.5rem 0; border-bottom: 1px solid var(--ech-border); }
    fieldset { border: 1px solid var(--ech-border); border-radius: 4px; margin: 0.5rem 0; padding: 0.4rem 0.6rem 0.6rem; }
    fieldset fieldset { margin: 0.4rem 0 0; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    .field { display: grid; grid-template-columns: 11rem 1fr; gap: 0.1rem 0.5rem; align-items: center; margin: 0.3rem 0; }
    .field.check { display: block; }
    .field.wide, .field[data-path="name"] { grid-template-columns: 1fr; }
    .field[data-path="name"] input { box-sizing: border-box; width: 100%; }
    .field.wide textarea { box-sizing: border-box; width: 100%; resize: vertical; font: inherit; line-height: 1.45; padding: 0.3rem 0.4rem; field-sizing: content; min-height: 4lh; max-height: 16lh; }
    .field .hint, .field .issue { grid-column: 2; }
    .field .hint { font-size: 0.8em; }
    .lanes-list { margin: 0.3rem 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .demand { border-top: 1px dashed var(--ech-border); padding-top: 0.3rem; margin-bottom: 0.5rem; }
    fieldset.bom, fieldset.lane-products, .bom .components.field { display: block; }
    .bom .component { border-top: 1px dashed var(--ech-border); padding-top: 0.3rem; margin-bottom: 0.4rem; }
    .bom .component > button, .bom .components > button { margin-left: 11.5rem; white-space: nowrap; }
    .lane-products label.check { display: inline-flex; gap: 0.25rem; align-items: center; margin-right: 0.8rem; }
    .lane-products .hint { display: block; font-size: 0.8em; margin-top: 0.2rem; }
    .ok { color: var(--ech-dc); margin: 0.5rem 0 0; }
    .reason { font-size: 0.85em; }
    .all-issues { border: 1px solid var(--ech-error); border-radius: 4px; padding: 0.3rem 0.6rem; margin-top: 0.5rem; background: #fff6f5; }
    .all-issues summary { color: var(--ech-error); font-weight: 600; cursor: pointer; }
    .all-issues ul { margin: 0.3rem 0; padding-left: 1.2rem; max-height: 10rem; overflow: auto; }
    .panel-issues { border-left: 3px solid var(--ech-error); padding-left: 0.5rem; }
    code { overflow-wrap: anywhere; }
  `];
}

customElements.define("ech-scenario-editor", ScenarioEditor);
declare global {
  interface HTMLElementTagNameMap { "ech-scenario-editor": ScenarioEditor }
}
