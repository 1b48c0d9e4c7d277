/**
 * `<ech-optimize-dialog .scenario>`: a modal that sets every stocking node's safety stock by the
 * single-echelon or the guaranteed-service method (src/sim/optimize, pure maths that runs in well
 * under a millisecond, so the preview is recomputed on every change), shows each node's decision
 * next to its current policy, and offers the optimised scenario as a new library entry.
 *
 * Events: `ech-optimize-create` with `{ scenario, name }` (the parent adds it to the library),
 * and `ech-optimize-close` whenever the dialog closes (Escape, Cancel or after Create).
 */
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import type { Scenario } from "../../sim/model/scenario.ts";
import { optimizeScenario, type AnalyticMethod, type OptimizationResult } from "../../sim/optimize/index.ts";
import { controlStyles } from "../shared/styles.ts";
import { formatNumber } from "../shared/format.ts";
import { describePolicy, formatChange, formatUnits, optimizeRows, parseServiceLevel, percentLabel, variantName, type OptimizeRow } from "./optimize-rows.ts";

export interface OptimizeCreate { readonly scenario: Scenario; readonly name: string }

type Preview = { readonly result: OptimizationResult; readonly rows: readonly OptimizeRow[] } | { readonly error: string };

const METHODS: readonly { readonly id: AnalyticMethod; readonly label: string; readonly about: string }[] = [
  { id: "single-echelon", label: "Single-echelon", about: "each node covers its own lead time, as if alone" },
  { id: "gsm", label: "GSM", about: "guaranteed-service model: places safety stock where it is cheapest" },
];

const cost = (v: number) => v.toFixed(2);

export class OptimizeDialog extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    method: { state: true },
    levelText: { state: true },
    leadTimeVariance: { state: true },
  };
  /** The scenario to optimise (valid); setting it opens the dialog, undefined closes it. */
  declare scenario: Scenario | undefined;
  declare method: AnalyticMethod;
  declare levelText: string;
  declare leadTimeVariance: boolean;
  private preview: Preview | undefined;
  private levelError: string | undefined;

  constructor() {
    super();
    this.method = "gsm";
    this.levelText = "0.95";
    this.leadTimeVariance = true;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (!(changed.has("scenario") || changed.has("method") || changed.has("levelText") || changed.has("leadTimeVariance"))) return;
    const level = parseServiceLevel(this.levelText);
    this.levelError = "error" in level ? level.error : undefined;
    if (!this.scenario || "error" in level) { this.preview = undefined; return; }
    try {
      const result = optimizeScenario(this.scenario, { method: this.method, serviceLevel: level.value, leadTimeVariance: this.leadTimeVariance });
      this.preview = { result, rows: optimizeRows(this.scenario, result) };
    } catch (e) {
      this.preview = { error: (e as Error).message };
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    if (!changed.has("scenario")) return;
    const dialog = this.renderRoot.querySelector("dialog");
    if (this.scenario && dialog && !dialog.open) dialog.showModal?.();
  }

  private close() {
    this.renderRoot.querySelector("dialog")?.close?.();
    if (this.scenario === undefined) return;
    this.scenario = undefined;
    this.dispatchEvent(new CustomEvent("ech-optimize-close", { bubbles: true, composed: true }));
  }

  /**
   * Keeps Tab inside the dialog: a modal <dialog> makes the page inert, but Chromium still lets Tab
   * leave for the browser's own controls after the last button. Wrap from last to first instead.
   */
  private onKeyDown(e: KeyboardEvent) {
    if (e.key !== "Tab") return;
    const stops = [...this.renderRoot.querySelectorAll<HTMLElement>("input, button, [tabindex='0']")]
      .filter((x) => !(x as HTMLButtonElement).disabled && !(x instanceof HTMLInputElement && x.type === "radio" && !x.checked));
    const first = stops[0], last = stops[stops.length - 1], active = (this.renderRoot as ShadowRoot).activeElement;
    const to = e.shiftKey ? (active === first ? last : undefined) : (active === last ? first : undefined);
    if (!to) return;
    e.preventDefault();
    to.focus();
  }

  private create() {
    const p = this.preview;
    if (!this.scenario || !p || "error" in p || !p.rows.length) return;
    const detail: OptimizeCreate = { scenario: p.result.scenario, name: variantName(this.scenario.name, this.method, p.result.serviceLevel) };
    this.dispatchEvent(new CustomEvent("ech-optimize-create", { detail, bubbles: true, composed: true }));
    this.close();
  }

  override render() {
    if (!this.scenario) return nothing;
    const p = this.preview;
    const ok = p !== undefined && !("error" in p) && p.rows.length > 0;
    return html`<dialog aria-labelledby="opt-title" aria-describedby="opt-intro" @close=${() => this.close()} @cancel=${() => this.close()} @keydown=${this.onKeyDown}>
      <h2 id="opt-title">Optimise safety stock</h2>
      <p id="opt-intro" class="muted">Sets a daily base-stock level on every stocking node of “${this.scenario.name}” and adds the result to your library as a variant. This scenario stays as it is.</p>
      <form @submit=${(e: Event) => { e.preventDefault(); this.create(); }}>
        ${this.renderFields()}
        ${this.renderPreview(p)}
        <div class="buttons">
          <button type="button" @click=${() => this.close()}>Cancel</button>
          <button type="submit" class="primary" ?disabled=${!ok}>Create variant</button>
        </div>
      </form>
    </dialog>`;
  }

  private renderFields() {
    const err = this.levelError;
    return html`<fieldset class="methods"><legend>Method</legend>
        ${METHODS.map((m) => html`<label class="method"><input type="radio" name="method" value=${m.id} .checked=${this.method === m.id} ?autofocus=${this.method === m.id}
          @change=${() => (this.method = m.id)}> <span><strong>${m.label}</strong> — ${m.about}</span></label>`)}
      </fieldset>
      <div class="field">
        <label for="opt-level">Service level</label>
        <input id="opt-level" inputmode="decimal" autocomplete="off" .value=${this.levelText} aria-invalid=${err ? "true" : "false"} aria-describedby=${err ? "opt-level-error" : "opt-level-hint"}
          @input=${(e: Event) => (this.levelText = (e.target as HTMLInputElement).value)}>
        ${err ? html`<p class="issue" id="opt-level-error">${err}</p>`
          : html`<p class="hint muted" id="opt-level-hint">Cycle service level each node aims at, from 0.5 to 0.9999.</p>`}
      </div>
      <div class="field check">
        <label><input type="checkbox" .checked=${this.leadTimeVariance} aria-describedby="opt-ltv-hint"
          @change=${(e: Event) => (this.leadTimeVariance = (e.target as HTMLInputElement).checked)}> Include lead-time variability</label>
        <p class="hint muted" id="opt-ltv-hint">Counts how much each inbound lead time varies, z·√(σ²τ + μ²·Var L): without it, scenarios with random lead times are under-protected.</p>
      </div>`;
  }

  private renderPreview(p: Preview | undefined) {
    if (!p) return html`<p class="muted preview-note">Enter a valid service level to see the preview.</p>`;
    if ("error" in p) return html`<p class="issue" role="alert">This scenario cannot be optimised: ${p.error}</p>`;
    const { result, rows } = p;
    if (!rows.length) return html`<p class="issue" role="alert">This scenario has no stocking node (plant, DC or store with a policy) to optimise.</p>`;
    const multi = rows.some((r) => r.product !== undefined);
    const newTotal = rows.reduce((s, r) => s + r.decision.baseStock, 0);
    const curTotal = rows.reduce((s, r) => s + (r.currentLevel ?? 0), 0);
    return html`<h3 id="opt-preview-h">Preview: ${rows.length} stocking ${rows.length === 1 ? "node" : "nodes"} at ${percentLabel(result.serviceLevel)} (z = ${result.z.toFixed(3)})</h3>
      <p class="summary" aria-live="polite">Safety stock <strong>${formatUnits(result.safetyStockUnits)} units</strong>, holding cost <strong>${cost(result.safetyStockCost)} per day</strong>.</p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="opt-preview-h">
        <table>
          <thead><tr><th scope="col">Node</th>${multi ? html`<th scope="col">Product</th>` : nothing}
            <th scope="col" title="Days this node promises to fill an order in">Promises</th>
            <th scope="col" title="Net replenishment time: the days of demand its stock must cover">τ (days)</th>
            <th scope="col">Safety stock</th><th scope="col">Cost / day</th><th scope="col">Base stock</th>
            <th scope="col">Current policy</th><th scope="col">Change</th></tr></thead>
          <tbody>${rows.map((r) => this.renderRow(r, multi))}</tbody>
          <tfoot><tr><th scope="row">Total</th>${multi ? html`<td></td>` : nothing}<td></td><td></td>
            <td>${formatUnits(result.safetyStockUnits)}</td><td>${cost(result.safetyStockCost)}</td><td>${formatUnits(newTotal)}</td>
            <td>${formatUnits(curTotal)}</td><td>${formatChange(newTotal - curTotal)}</td></tr></tfoot>
        </table>
      </div>`;
  }

  private renderRow(r: OptimizeRow, multi: boolean) {
    const d = r.decision;
    return html`<tr data-id=${r.id}><th scope="row" title=${r.id}>${r.name}</th>${multi ? html`<td class="text">${r.product}</td>` : nothing}
      <td>${d.serviceTime}</td><td>${formatNumber(d.netReplenishmentTime)}</td><td>${formatUnits(d.safetyStock)}</td>
      <td>${cost(r.safetyStockCost)}</td><td>${formatUnits(d.baseStock)}</td>
      <td class="text">${describePolicy(r.current, formatNumber)}</td>
      <td>${r.currentLevel === undefined ? "–" : formatChange(d.baseStock - r.currentLevel)}</td></tr>`;
  }

  static override styles = [controlStyles, css`
    dialog { width: min(56rem, 94vw); max-height: 92vh; border: 1px solid var(--ech-border); border-radius: 6px; padding: 1rem 1.25rem; color: var(--ech-text); background: var(--ech-surface); }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { margin: 0 0 0.3rem; font-size: 1.1rem; }
    h3 { margin: 0.8rem 0 0.2rem; font-size: 1rem; }
    p { margin: 0.2rem 0; }
    fieldset { border: 1px solid var(--ech-border); border-radius: 4px; margin: 0.5rem 0; padding: 0.3rem 0.6rem 0.5rem; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    .method { display: flex; gap: 0.4rem; align-items: baseline; margin: 0.25rem 0; }
    .field { display: grid; grid-template-columns: 8rem 10rem 1fr; gap: 0.1rem 0.5rem; align-items: center; margin: 0.5rem 0; }
    .field .hint { font-size: 0.85em; }
    .field .issue { grid-column: 3; }
    .field.check { display: block; }
    .field.check .hint { margin-left: 1.6rem; }
    .summary { margin: 0.2rem 0 0.4rem; }
    .table-wrap { max-height: 40vh; overflow: auto; border: 1px solid var(--ech-border); border-radius: 4px; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 0.85rem; }
    th, td { padding: 2px 8px; border-bottom: 1px solid var(--ech-border); text-align: right; white-space: nowrap; }
    thead th { position: sticky; top: 0; background: var(--ech-surface); }
    tfoot th, tfoot td { position: sticky; bottom: 0; background: var(--ech-surface); font-weight: 600; border-top: 2px solid var(--ech-border); }
    tbody th, tfoot th, thead th:first-child, td.text { text-align: left; }
    tbody th { font-weight: normal; max-width: 14rem; overflow: hidden; text-overflow: ellipsis; }
    .buttons { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 0.8rem; }
  `];
}

customElements.define("ech-optimize-dialog", OptimizeDialog);
declare global {
  interface HTMLElementTagNameMap { "ech-optimize-dialog": OptimizeDialog }
}
