/**
 * `<ech-optimize-dialog .scenario>`: a modal that sets every stocking node's safety stock by the
 * single-echelon or the guaranteed-service method (src/sim/optimize, pure maths that runs in well
 * under a millisecond, so the preview is recomputed on every change) or by the network optimiser
 * (a simulation search whose every evaluation runs on the worker pool, through the worker client,
 * with progress and Cancel), shows each node's decision next to its current policy, checks any
 * placement's promise against a simulation (promise vs reality), and offers the optimised
 * scenario as a new library entry.
 *
 * Events: `ech-optimize-create` with `{ scenario, name }` (the parent adds it to the library),
 * `ech-optimize-close` whenever the dialog closes (Escape, Cancel or after Create), and
 * `ech-frontier-open` for the trade-off curve (the shell swaps this dialog for src/ui/frontier's).
 */
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import type { RunResult } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { optimizeScenario, verifyPlacement, type AnalyticMethod, type NetworkObjective, type NetworkSearchProgress, type OptimizationResult, type Verification } from "../../sim/optimize/index.ts";
import type { NetworkOptimizeOptions } from "../../workers/client.ts";
import { getSimClient } from "../app/views.ts";
import { errorMessage, isAbortError, type RunOptions } from "../run/sim-client.ts";
import { wrapTab } from "../shared/focus-wrap.ts";
import { controlStyles } from "../shared/styles.ts";
import { formatNumber } from "../shared/format.ts";
import { describePolicy, formatChange, formatUnits, optimizeRows, parseServiceLevel, percentLabel, variantName, type OptimizeRow } from "./optimize-rows.ts";
import { networkVariantName, parseTargetFill, pct } from "./network-rows.ts";
import { renderCheck, renderPromiseReality, renderSearchProgress } from "./optimize-views.ts";

export interface OptimizeCreate { readonly scenario: Scenario; readonly name: string }

/** What the dialog needs from the worker client (src/workers/client.ts): simulations run only there. */
export interface OptimizeClient {
  run(scenario: Scenario, options: RunOptions): Promise<RunResult>;
  optimizeNetwork(scenario: Scenario, options: NetworkOptimizeOptions): Promise<OptimizationResult>;
}

type Placement = { readonly result: OptimizationResult; readonly rows: readonly OptimizeRow[] };
type Preview = Placement | { readonly error: string };
type Method = AnalyticMethod | "network";
/** The network search: running (evaluations done of the budget), finished, cancelled or failed. */
type Search =
  | { readonly status: "running"; readonly done: number; readonly max: number; readonly note: string }
  | ({ readonly status: "done" } & Placement)
  | { readonly status: "cancelled" }
  | { readonly status: "error"; readonly message: string };
/** Promise vs reality of the placement shown: simulating, done, or failed. */
type Check =
  | { readonly status: "running"; readonly done: number; readonly total: number }
  | { readonly status: "done"; readonly verification: Verification }
  | { readonly status: "error"; readonly message: string };

const METHODS: readonly { readonly id: Method; readonly label: string; readonly about: string }[] = [
  { id: "single-echelon", label: "Single-echelon", about: "each node covers its own lead time, as if alone" },
  { id: "gsm", label: "GSM", about: "guaranteed-service model: places safety stock where it is cheapest" },
  { id: "network", label: "Network (simulation)", about: "searches one level per node by simulation, in the background" },
];

/** Replications per evaluation of the network search (every candidate on the same ones). */
export const SEARCH_REPLICATIONS = 30;
const seedOf = (s: Scenario) => s.seed ?? 42;
/** The final check's fresh seed, as the CLI's: the search seed + 1 (a text seed gets ":check"). */
const checkSeedOf = (seed: number | string) => (typeof seed === "number" ? seed + 1 : `${seed}:check`);

const cost = (v: number) => v.toFixed(2);

export class OptimizeDialog extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    method: { state: true },
    levelText: { state: true },
    leadTimeVariance: { state: true },
    objective: { state: true },
    fillText: { state: true },
    search: { state: true },
    check: { state: true },
    client: { attribute: false },
  };
  /** The scenario to optimise (valid); setting it opens the dialog, undefined closes it. */
  declare scenario: Scenario | undefined;
  declare method: Method;
  declare levelText: string;
  declare leadTimeVariance: boolean;
  declare objective: NetworkObjective;
  declare fillText: string;
  declare search: Search | undefined;
  declare check: Check | undefined;
  /** The worker client; by default the page's one (loaded on first use). */
  declare client: OptimizeClient | undefined;
  private preview: Preview | undefined;
  private levelError: string | undefined;
  private searchAbort: AbortController | undefined;
  private checkAbort: AbortController | undefined;

  constructor() {
    super();
    this.method = "gsm";
    this.levelText = "0.95";
    this.leadTimeVariance = true;
    this.objective = "target-fill";
    this.fillText = "0.95";
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const inputs = ["scenario", "method", "levelText", "leadTimeVariance", "objective", "fillText"] as const;
    if (!inputs.some((k) => changed.has(k))) return;
    // Another placement: its search and its check no longer apply.
    if (!changed.has("search")) this.stopSearch(undefined);
    this.stopCheck();
    const level = parseServiceLevel(this.levelText);
    this.levelError = "error" in level ? level.error : undefined;
    if (!this.scenario || "error" in level || this.method === "network") { this.preview = undefined; return; }
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

  /** The placement on show: the analytic preview, or the network search's result. */
  private placement(): Placement | undefined {
    if (this.method === "network") return this.search?.status === "done" ? this.search : undefined;
    const p = this.preview;
    return p && !("error" in p) && p.rows.length ? p : undefined;
  }

  private async getClient(): Promise<OptimizeClient> {
    if (this.client) return this.client;
    const c = await getSimClient();
    if (!c) throw new Error("The simulation workers are not part of this build.");
    return c as unknown as OptimizeClient;
  }

  private stopSearch(next: Search | undefined) {
    this.searchAbort?.abort();
    this.searchAbort = undefined;
    this.search = next;
  }

  private stopCheck() {
    this.checkAbort?.abort();
    this.checkAbort = undefined;
    this.check = undefined;
  }

  /** Runs the network optimiser on the workers; only its bookkeeping (a few numbers per evaluation) runs here. */
  private async startSearch() {
    const scenario = this.scenario, level = parseServiceLevel(this.levelText), fill = parseTargetFill(this.fillText);
    if (!scenario || "error" in level || (this.objective === "target-fill" && "error" in fill)) return;
    this.stopCheck();
    this.stopSearch({ status: "running", done: 0, max: 0, note: "Simulating the analytic starting placements…" });
    const ctl = (this.searchAbort = new AbortController()), seed = seedOf(scenario);
    const still = () => this.searchAbort === ctl;
    try {
      const client = await this.getClient();
      const result = await client.optimizeNetwork(scenario, {
        objective: this.objective, targetFill: this.objective === "target-fill" && "value" in fill ? fill.value : undefined,
        target: { serviceLevel: level.value }, leadTimeVariance: this.leadTimeVariance,
        search: { seed, replications: SEARCH_REPLICATIONS }, check: { seed: checkSeedOf(seed), replications: scenario.replications ?? 200 },
        signal: ctl.signal, onProgress: (e) => { if (still()) this.onSearchProgress(e); },
      });
      if (still()) this.search = { status: "done", result, rows: optimizeRows(scenario, result) };
    } catch (e) {
      if (still()) this.search = isAbortError(e) ? { status: "cancelled" } : { status: "error", message: errorMessage(e) };
    }
    if (still()) this.searchAbort = undefined;
  }

  private onSearchProgress(e: NetworkSearchProgress) {
    const s = this.search;
    if (s?.status !== "running") return;
    if (e.kind === "evaluation") this.search = { ...s, done: e.evaluations, max: e.maxEvaluations };
    else if (e.kind === "start") this.search = { ...s, note: `Start from ${e.method} × ${e.safetyFactor.toFixed(2)}: fill rate ${pct(e.estimate.fillRate.mean)}, holding cost ${cost(e.estimate.holdingCost.mean)} per day.` };
    else if (e.kind === "move") this.search = { ...s, note: `Best so far: fill rate ${pct(e.estimate.fillRate.mean)}, holding cost ${cost(e.estimate.holdingCost.mean)}, total cost ${cost(e.estimate.totalCost.mean)} per day.` };
    else if (e.kind === "check") this.search = { ...s, note: "Final check on fresh replications…" };
  }

  /** Promise vs reality: simulates the placement's scenario on the workers, then compares node by node (src/sim/optimize/verify.ts). */
  private async startCheck() {
    const scenario = this.scenario, placement = this.placement();
    if (!scenario || !placement) return;
    this.stopCheck();
    const ctl = (this.checkAbort = new AbortController()), check = placement.result.simulation?.check;
    const replications = check?.replications ?? scenario.replications ?? 200, seed = check?.seed ?? seedOf(scenario);
    const still = () => this.checkAbort === ctl;
    this.check = { status: "running", done: 0, total: replications };
    try {
      const client = await this.getClient();
      const run = await client.run(placement.result.scenario, {
        replications, seed, signal: ctl.signal, onProgress: (p) => { if (still()) this.check = { status: "running", done: p.done, total: p.total }; },
      });
      if (still()) this.check = { status: "done", verification: verifyPlacement(scenario, placement.result, run, { leadTimeVariance: this.leadTimeVariance }) };
    } catch (e) {
      if (still()) this.check = isAbortError(e) ? undefined : { status: "error", message: errorMessage(e) };
    }
    if (still()) this.checkAbort = undefined;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopSearch(undefined);
    this.stopCheck();
  }

  private close() {
    this.stopSearch(undefined);
    this.stopCheck();
    this.renderRoot.querySelector("dialog")?.close?.();
    if (this.scenario === undefined) return;
    this.scenario = undefined;
    this.dispatchEvent(new CustomEvent("ech-optimize-close", { bubbles: true, composed: true }));
  }

  /** Keeps Tab inside the dialog (shared/focus-wrap.ts). */
  private onKeyDown(e: KeyboardEvent) {
    wrapTab(e, this.renderRoot as ShadowRoot);
  }

  private create() {
    const p = this.placement();
    if (!this.scenario || !p) return;
    const name = this.method === "network" ? networkVariantName(this.scenario.name, this.objective, p.result.simulation?.targetFill)
      : variantName(this.scenario.name, this.method, p.result.serviceLevel);
    const detail: OptimizeCreate = { scenario: p.result.scenario, name };
    this.dispatchEvent(new CustomEvent("ech-optimize-create", { detail, bubbles: true, composed: true }));
    this.close();
  }

  override render() {
    if (!this.scenario) return nothing;
    const ok = this.placement() !== undefined;
    return html`<dialog aria-labelledby="opt-title" aria-describedby="opt-intro" @close=${() => this.close()} @cancel=${() => this.close()} @keydown=${this.onKeyDown}>
      <h2 id="opt-title">Optimise safety stock</h2>
      <p id="opt-intro" class="muted">Sets a daily base-stock level on every stocking node of “${this.scenario.name}” and adds the result to your library as a variant. This scenario stays as it is.</p>
      <form @submit=${(e: Event) => { e.preventDefault(); this.create(); }}>
        ${this.renderFields()}
        ${this.method === "network" ? this.renderNetwork() : this.renderPreview(this.preview)}
        ${this.renderCheckSection()}
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
        <p class="trade-off"><button type="button" class="open-trade-off" @click=${() => this.dispatchEvent(new CustomEvent("ech-frontier-open", { bubbles: true, composed: true }))}>Trade-off curve…</button>
          <span class="muted">compares the three methods: inventory against simulated fill rate, over a range of service levels</span></p>
      </fieldset>
      <div class="field">
        <label for="opt-level">Service level</label>
        <input id="opt-level" inputmode="decimal" autocomplete="off" .value=${this.levelText} aria-invalid=${err ? "true" : "false"} aria-describedby=${err ? "opt-level-error" : "opt-level-hint"}
          @input=${(e: Event) => (this.levelText = (e.target as HTMLInputElement).value)}>
        ${err ? html`<p class="issue" id="opt-level-error">${err}</p>`
          : html`<p class="hint muted" id="opt-level-hint">${this.method === "network" ? "Of the analytic placements the search starts from, from 0.5 to 0.9999."
            : "Cycle service level each node aims at, from 0.5 to 0.9999."}</p>`}
      </div>
      ${this.method === "network" ? this.renderObjective() : nothing}
      <div class="field check">
        <label><input type="checkbox" .checked=${this.leadTimeVariance} aria-describedby="opt-ltv-hint"
          @change=${(e: Event) => (this.leadTimeVariance = (e.target as HTMLInputElement).checked)}> Include lead-time variability</label>
        <p class="hint muted" id="opt-ltv-hint">Counts how much each inbound lead time varies, z·√(σ²τ + μ²·Var L): without it, scenarios with random lead times are under-protected.</p>
      </div>`;
  }

  private renderObjective() {
    const fill = parseTargetFill(this.fillText), err = this.objective === "target-fill" && "error" in fill ? fill.error : undefined;
    const busy = this.search?.status === "running";
    return html`<fieldset class="objective" ?disabled=${busy}><legend>Objective</legend>
        <label class="method"><input type="radio" name="objective" value="target-fill" .checked=${this.objective === "target-fill"}
          @change=${() => (this.objective = "target-fill")}> <span><strong>Target fill rate</strong> — the least holding cost whose simulated customer fill rate reaches it</span></label>
        <label class="method"><input type="radio" name="objective" value="total-cost" .checked=${this.objective === "total-cost"}
          @change=${() => (this.objective = "total-cost")}> <span><strong>Least total cost</strong> — holding, pipeline, penalties and order costs per day</span></label>
      </fieldset>
      ${this.objective === "target-fill" ? html`<div class="field">
        <label for="opt-fill">Target fill rate</label>
        <input id="opt-fill" inputmode="decimal" autocomplete="off" .value=${this.fillText} ?disabled=${busy} aria-invalid=${err ? "true" : "false"} aria-describedby=${err ? "opt-fill-error" : "opt-fill-hint"}
          @input=${(e: Event) => (this.fillText = (e.target as HTMLInputElement).value)}>
        ${err ? html`<p class="issue" id="opt-fill-error">${err}</p>`
          : html`<p class="hint muted" id="opt-fill-hint">End-customer fill rate to reach, from 0.5 to 0.9999. Internal nodes' service is an output.</p>`}
      </div>` : nothing}`;
  }

  /** The network search: how to start it, its progress and Cancel, or its result and final check. */
  private renderNetwork() {
    const s = this.search, scenario = this.scenario!;
    const start = (label: string) => html`<p class="muted">Each candidate is simulated on the same ${SEARCH_REPLICATIONS} replications (seed ${seedOf(scenario)}) in the background workers;
        the chosen levels are then checked on ${scenario.replications ?? 200} fresh ones. This takes a few seconds to a minute.</p>
      <button type="button" class="run-search" ?disabled=${this.levelError !== undefined || (this.objective === "target-fill" && "error" in parseTargetFill(this.fillText))}
        @click=${() => void this.startSearch()}>${label}</button>`;
    if (!s) return start("Run network search");
    switch (s.status) {
      case "running": return renderSearchProgress(s.done, s.max, s.note, () => this.stopSearch({ status: "cancelled" }));
      case "cancelled": return html`<p class="cancelled" role="status">Search cancelled. Nothing was changed.</p>${start("Run network search again")}`;
      case "error": return html`<p class="issue" role="alert">The search failed: ${s.message}</p>${start("Try again")}`;
      case "done": return html`${renderCheck(s.result)}${this.renderTable(s.result, s.rows, `Levels by simulation: ${levelsOf(s.rows.length)}, ${
        s.result.simulation?.targetFill !== undefined ? `target fill rate ${percentLabel(s.result.simulation.targetFill)}` : "least total cost"}`)}`;
    }
  }

  /** Promise vs reality for the placement on show. */
  private renderCheckSection() {
    const c = this.check;
    if (!this.placement()) return nothing;
    if (!c) return html`<p class="pvr-start"><button type="button" class="run-check" @click=${() => void this.startCheck()}>Check promise vs reality</button>
      <span class="muted">simulates this placement and sets each node's promise beside what it delivers</span></p>`;
    if (c.status === "running") return html`<p class="pvr-start" role="status"><progress max=${c.total} .value=${c.done} aria-label="Replications done"></progress>
      Simulating ${c.done} of ${c.total} replications… <button type="button" @click=${() => this.stopCheck()}>Cancel check</button></p>`;
    if (c.status === "error") return html`<p class="issue" role="alert">The check failed: ${c.message}</p>`;
    return renderPromiseReality(this.scenario!, c.verification);
  }

  private renderPreview(p: Preview | undefined) {
    if (!p) return html`<p class="muted preview-note">Enter a valid service level to see the preview.</p>`;
    if ("error" in p) return html`<p class="issue" role="alert">This scenario cannot be optimised: ${p.error}</p>`;
    const { result, rows } = p;
    if (!rows.length) return html`<p class="issue" role="alert">This scenario has no stocking node (plant, DC or store with a policy) to optimise.</p>`;
    return this.renderTable(result, rows, `Preview: ${levelsOf(rows.length)} at ${percentLabel(result.serviceLevel)} (z = ${result.z.toFixed(3)})`);
  }

  private renderTable(result: OptimizationResult, rows: readonly OptimizeRow[], heading: string) {
    const multi = rows.some((r) => r.product !== undefined);
    const newTotal = rows.reduce((s, r) => s + r.decision.baseStock, 0);
    const curTotal = rows.reduce((s, r) => s + (r.currentLevel ?? 0), 0);
    return html`<h3 id="opt-preview-h">${heading}</h3>
      <p class="summary" aria-live="polite">Safety stock <strong>${formatUnits(result.safetyStockUnits)} units</strong>, holding cost <strong>${cost(result.safetyStockCost)} per day</strong>${
        result.simulation ? " (of the safety stock, in the model; the check above gives the simulated holding cost of all stock)" : ""}.</p>
      ${result.notes?.length ? html`<ul class="model-notes">${result.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
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
    dialog { width: min(68rem, 96vw); max-height: 92vh; border: 1px solid var(--ech-border); border-radius: 6px; padding: 1rem 1.25rem; color: var(--ech-text); background: var(--ech-surface); }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { margin: 0 0 0.3rem; font-size: 1.1rem; }
    h3 { margin: 0.8rem 0 0.2rem; font-size: 1rem; }
    p { margin: 0.2rem 0; }
    fieldset { border: 1px solid var(--ech-border); border-radius: 4px; margin: 0.5rem 0; padding: 0.3rem 0.6rem 0.5rem; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    .method { display: flex; gap: 0.4rem; align-items: baseline; margin: 0.25rem 0; }
    .trade-off { display: flex; gap: 0.6rem; align-items: center; margin: 0.4rem 0 0.1rem; }
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
    .progress { display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem; align-items: center; margin: 0.5rem 0; }
    .progress progress { width: 16rem; }
    .progress .note { flex-basis: 100%; }
    .pvr-start { display: flex; gap: 0.6rem; align-items: center; margin: 0.6rem 0 0; }
    .network-line { font-weight: 600; }
    tr.optimistic { background: color-mix(in srgb, var(--ech-error, #c0392b) 12%, transparent); }
    .flag { color: var(--ech-error, #b03a2e); }
    .not-met { font-weight: 600; }
    /* Cancel and Create stay in sight when the dialog scrolls (a 720 px high window cannot show it all). */
    .buttons { display: flex; justify-content: flex-end; gap: 0.5rem; margin: 0.8rem -1.25rem -1rem; padding: 0.6rem 1.25rem;
      position: sticky; bottom: -1rem; z-index: 1; background: var(--ech-surface); border-top: 1px solid var(--ech-border); }
  `];
}

customElements.define("ech-optimize-dialog", OptimizeDialog);
declare global {
  interface HTMLElementTagNameMap { "ech-optimize-dialog": OptimizeDialog }
}

/** One row per stocking node and product it holds (an assembly node's components included): "15 stock levels". */
const levelsOf = (n: number) => `${n} stock ${n === 1 ? "level" : "levels"}`;
