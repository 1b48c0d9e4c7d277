/**
 * `<ech-frontier-dialog .scenario>`: the service–inventory trade-off curve in the app (issue 9 §3,
 * `echelon frontier` in the page). Opened from the Optimise dialog, where a planner chooses a
 * method and a service level: the curve shows what each method's plans cost in stock at every
 * simulated fill rate, so the choice is made on evidence. Every simulation runs on the worker pool
 * through the worker client (at most 4 scenarios in flight, as the CLI), with progress and Cancel;
 * only bookkeeping and drawing run here.
 *
 * Events: `ech-optimize-create` with `{ scenario, name }` ("Make a variant from this plan": the
 * shell adds it to the library as it does the Optimise dialog's), and `ech-frontier-close`.
 */
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import type { Scenario } from "../../sim/model/scenario.ts";
import { frontierToCsv, type FrontierCurve, type FrontierPoint, type FrontierResult } from "../../sim/optimize/index.ts";
import type { FrontierRunOptions } from "../../workers/client.ts";
import { getSimClient } from "../app/views.ts";
import { exportChart } from "../charts/export.ts";
import { fileStem } from "../results/results-export.ts";
import { errorMessage, isAbortError } from "../run/sim-client.ts";
import { downloadText } from "../shared/download.ts";
import { wrapTab } from "../shared/focus-wrap.ts";
import { controlStyles } from "../shared/styles.ts";
import type { OptimizeCreate } from "../optimize/optimize-dialog.ts";
import "./frontier-chart.ts";
import { headlineLine } from "./frontier-headline-rows.ts";
import { scenarioWithLevels, planVariantName } from "./frontier-plan.ts";
import { CURVE_LABELS, FRONTIER_VIEWS, VIEW_LABELS, frontierChartData, pointOf, pointParameter, type FrontierView } from "./frontier-series.ts";
import { defaultFields, frontierPlan, pointsExpected, type FieldErrors, type FrontierFields } from "./frontier-settings.ts";

/** What the dialog needs from the worker client (src/workers/client.ts). */
export interface FrontierClient {
  frontier(scenario: Scenario, options: FrontierRunOptions): Promise<FrontierResult>;
}

/** The curve's computation: running (points and simulations done), finished, cancelled or failed. */
type Job =
  | { readonly status: "running"; readonly points: number; readonly total: number; readonly simulations: number; readonly last: string }
  | { readonly status: "done"; readonly result: FrontierResult; readonly seconds: number }
  | { readonly status: "cancelled" }
  | { readonly status: "error"; readonly message: string };

const FIELDS: readonly { readonly key: keyof FrontierFields; readonly label: string; readonly hint: string }[] = [
  { key: "points", label: "Service levels", hint: "per analytic curve, 85% to 99.5%" },
  { key: "targets", label: "Optimiser targets", hint: "fill rates, comma-separated" },
  { key: "replications", label: "Replications", hint: "every point, same seed" },
  { key: "evaluations", label: "Evaluations per target", hint: "the optimiser's budget" },
];

export class FrontierDialog extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    fields: { state: true },
    job: { state: true },
    view: { state: true },
    chosen: { state: true },
    notice: { state: true },
    client: { attribute: false },
  };
  /** The scenario to draw the curve of (valid); setting it opens the dialog, undefined closes it. */
  declare scenario: Scenario | undefined;
  declare fields: FrontierFields;
  declare job: Job | undefined;
  declare view: FrontierView;
  /** The key of the point whose plan "Make a variant" takes (frontier-series.ts). */
  declare chosen: string;
  /** A short message after an export fails. */
  declare notice: string;
  /** The worker client; by default the page's one (loaded on first use). */
  declare client: FrontierClient | undefined;
  private abort: AbortController | undefined;
  private errors: FieldErrors = {};

  constructor() {
    super();
    this.fields = { points: "", targets: "", replications: "", evaluations: "" };
    this.view = "value";
    this.chosen = "";
    this.notice = "";
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("scenario") && this.scenario) {
      this.stop(undefined);
      this.fields = defaultFields(this.scenario);
    }
    if (changed.has("fields") && this.scenario) {
      const p = frontierPlan(this.scenario, this.fields);
      this.errors = "errors" in p ? p.errors : {};
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    if (!changed.has("scenario")) return;
    const dialog = this.renderRoot.querySelector("dialog");
    if (this.scenario && dialog && !dialog.open) dialog.showModal?.();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop(undefined);
  }

  private stop(next: Job | undefined) {
    this.abort?.abort();
    this.abort = undefined;
    this.job = next;
  }

  private async getClient(): Promise<FrontierClient> {
    if (this.client) return this.client;
    const c = await getSimClient();
    if (!c) throw new Error("The simulation workers are not part of this build.");
    return c as unknown as FrontierClient;
  }

  /** Computes the curve on the workers; progress counts points as they are simulated. */
  private async start() {
    const scenario = this.scenario;
    if (!scenario) return;
    const p = frontierPlan(scenario, this.fields);
    if ("errors" in p) return;
    const total = pointsExpected(p.plan), ctl = new AbortController(), t0 = performance.now();
    this.stop({ status: "running", points: 0, total, simulations: 0, last: "Starting the workers…" });
    this.abort = ctl;
    this.chosen = "";
    const still = () => this.abort === ctl;
    const progress = (change: (j: Extract<Job, { status: "running" }>) => Partial<Job>) => {
      const j = this.job;
      if (still() && j?.status === "running") this.job = { ...j, ...change(j) } as Job;
    };
    try {
      const client = await this.getClient();
      const result = await client.frontier(scenario, {
        ...p.plan, signal: ctl.signal,
        onSimulated: () => progress((j) => ({ simulations: j.simulations + 1 })),
        onPoint: (curve, point) => progress((j) => ({ points: j.points + 1, last: progressLine(curve, point) })),
      });
      if (still()) this.job = { status: "done", result, seconds: (performance.now() - t0) / 1000 };
    } catch (e) {
      if (still()) this.job = isAbortError(e) ? { status: "cancelled" } : { status: "error", message: errorMessage(e) };
    }
    if (still()) this.abort = undefined;
  }

  private close() {
    this.stop(undefined);
    this.renderRoot.querySelector("dialog")?.close?.();
    if (this.scenario === undefined) return;
    this.scenario = undefined;
    this.dispatchEvent(new CustomEvent("ech-frontier-close", { bubbles: true, composed: true }));
  }

  private fileStem() {
    return `${fileStem(this.scenario?.name ?? "scenario")}-trade-off`;
  }

  private async exportChart(kind: "svg" | "png") {
    const chart = this.renderRoot.querySelector("ech-frontier-chart");
    try {
      if (!chart) throw new Error("there is no chart yet");
      await exportChart(chart, `${this.fileStem()}-${this.view}`, kind);
      this.notice = "";
    } catch (e) {
      this.notice = `The chart could not be exported: ${errorMessage(e)}`;
    }
  }

  private exportCsv(result: FrontierResult) {
    downloadText(frontierToCsv(result), `${this.fileStem()}.csv`, "text/csv");
  }

  /** "Make a variant from this plan": the chosen point's levels on this scenario, added to the library by the shell. */
  private makeVariant(result: FrontierResult) {
    const at = pointOf(result, this.chosen), scenario = this.scenario;
    if (!at?.point.levels || !scenario) return;
    const detail: OptimizeCreate = { scenario: scenarioWithLevels(scenario, at.point.levels), name: planVariantName(scenario.name, at.curve, at.point) };
    this.dispatchEvent(new CustomEvent("ech-optimize-create", { detail, bubbles: true, composed: true }));
    this.close();
  }

  override render() {
    if (!this.scenario) return nothing;
    return html`<dialog aria-labelledby="fr-title" aria-describedby="fr-intro" @close=${() => this.close()} @cancel=${() => this.close()}
      @keydown=${(e: KeyboardEvent) => wrapTab(e, this.renderRoot as ShadowRoot)}>
      <h2 id="fr-title">Service–inventory trade-off</h2>
      <p id="fr-intro" class="muted">How much stock each method needs for each simulated customer fill rate on “${this.scenario.name}”:
        node by node (every location sized on its own), GSM, and the network optimiser. Every point is simulated on the same replications, with its 95% interval.</p>
      ${this.renderSettings()}
      ${this.renderJob()}
      <div class="buttons"><button type="button" @click=${() => this.close()}>Close</button></div>
    </dialog>`;
  }

  private renderSettings() {
    const busy = this.job?.status === "running", bad = Object.keys(this.errors).length > 0;
    return html`<form class="settings" @submit=${(e: Event) => { e.preventDefault(); void this.start(); }}>
      <div class="fields">${FIELDS.map((f) => {
        const err = this.errors[f.key], id = `fr-${f.key}`;
        return html`<div class="field"><label for=${id}>${f.label}</label>
          <input id=${id} autocomplete="off" inputmode=${f.key === "targets" ? "text" : "numeric"} .value=${this.fields[f.key]} ?disabled=${busy}
            aria-invalid=${err ? "true" : "false"} aria-describedby=${`${id}-note`}
            @input=${(e: Event) => (this.fields = { ...this.fields, [f.key]: (e.target as HTMLInputElement).value })}>
          <span id=${`${id}-note`} class=${err ? "issue" : "hint muted"}>${err ?? f.hint}</span></div>`;
      })}</div>
      <button type="submit" class="primary draw" ?disabled=${busy || bad}>${this.job?.status === "done" ? "Draw again" : "Draw the curve"}</button>
    </form>`;
  }

  private renderJob() {
    const j = this.job;
    if (!j) return html`<p class="muted">The defaults are <code>echelon frontier</code>'s, so this draws the CLI's curve. Half a minute to a minute and a half on two cores; fewer replications or targets are quicker.</p>`;
    switch (j.status) {
      case "running": return html`<div class="progress" role="status" aria-live="polite">
          <progress max=${j.total} .value=${j.points} aria-label="Points simulated"></progress>
          <span>${j.points} of ${j.total} points, ${j.simulations} simulations</span>
          <button type="button" class="cancel" @click=${() => this.stop({ status: "cancelled" })}>Cancel</button>
          <p class="muted note">${j.last}</p></div>`;
      case "cancelled": return html`<p class="cancelled" role="status">Cancelled. Nothing was changed.</p>`;
      case "error": return html`<p class="issue" role="alert">The curve could not be computed: ${j.message}</p>`;
      case "done": return this.renderResult(j.result, j.seconds);
    }
  }

  private renderResult(r: FrontierResult, seconds: number) {
    const lines = r.headline.map(headlineLine), e = r.evaluations;
    return html`<section class="result" aria-label="Trade-off curve">
      <div class="headline" role="status">${lines.map((l) => html`<p>${l.sentence}</p>`)}</div>
      <div class="toolbar">
        <fieldset class="views"><legend>Show</legend>${FRONTIER_VIEWS.map((v) => html`<label><input type="radio" name="fr-view" value=${v} .checked=${this.view === v}
          @change=${() => (this.view = v)}> ${VIEW_LABELS[v]}</label>`)}</fieldset>
        <span class="exports">Export <button type="button" class="export-svg" @click=${() => void this.exportChart("svg")}>Chart (SVG)</button>
          <button type="button" class="export-png" @click=${() => void this.exportChart("png")}>Chart (PNG)</button>
          <button type="button" class="export-csv" @click=${() => this.exportCsv(r)}>Data (CSV)</button></span>
      </div>
      ${this.notice ? html`<p class="issue" role="alert">${this.notice}</p>` : nothing}
      <ech-frontier-chart .data=${frontierChartData(r, this.view)} .view=${this.view} .guides=${r.headline.map((h) => h.fillRate)} .selected=${this.chosen}
        caption=${`${r.scenario}: ${VIEW_LABELS[this.view].toLowerCase()} against fill rate (${r.replications} replications, seed ${r.seed})`}
        @ech-frontier-select=${(ev: CustomEvent<string>) => { if (pointOf(r, ev.detail)) this.chosen = ev.detail; }}></ech-frontier-chart>
      ${this.renderPlanPicker(r)}
      ${this.renderHeadlineTable(lines)}
      <p class="muted small">${e.total} simulations in ${seconds.toFixed(1)} s: ${e["single-echelon"]} node by node, ${e.gsm} GSM, ${e.current} current, ${e.calibration} calibrating node by node,
        at ${r.replications} replications; ${e.simulation} for the network optimiser (its searches at ${r.search.replications} replications of seed ${r.search.seed}, at most ${r.search.maxEvaluations} per target).</p>
    </section>`;
  }

  private renderPlanPicker(r: FrontierResult) {
    const options = (Object.keys(r.curves) as FrontierCurve[]).flatMap((curve) => r.curves[curve].map((p, i) => ({ key: `${curve}:${i}`, text: optionText(curve, p) })));
    return html`<div class="plan"><label for="fr-plan">Plan</label>
      <select id="fr-plan" @change=${(ev: Event) => (this.chosen = (ev.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${this.chosen === ""}>Choose a point (or click one on the chart)…</option>
        ${options.map((o) => html`<option value=${o.key} ?selected=${this.chosen === o.key}>${o.text}</option>`)}
      </select>
      <button type="button" class="make-variant" ?disabled=${!pointOf(r, this.chosen)} @click=${() => this.makeVariant(r)}>Make a variant from this plan</button></div>`;
  }

  private renderHeadlineTable(lines: ReturnType<typeof headlineLine>[]) {
    return html`<details class="headline-table"><summary>The headline in figures (inventory value; savings paired over the replications, 95% intervals)</summary>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">Fill rate</th><th scope="col">Best multi-echelon</th><th scope="col">Its inventory value</th><th scope="col">Node by node</th><th scope="col">Saving</th>
          <th scope="col">Node by node calibrated by simulation</th><th scope="col">Saving</th></tr></thead>
        <tbody>${lines.map((l) => html`<tr><th scope="row">${l.fillRate}</th><td>${l.best || "–"}</td><td>${l.bestValue}</td><td>${l.nodeByNodeValue}</td>
          <td>${l.saving ? `${l.saving.value} (${l.saving.share})` : "–"}</td><td>${l.calibratedValue}</td>
          <td>${l.calibratedSaving ? `${l.calibratedSaving.value} (${l.calibratedSaving.share})` : "–"}</td></tr>`)}</tbody>
      </table></div>
      <p class="muted small">Each curve is read at the fill rate between its two simulated points that bracket it. Node by node calibrated by simulation: the textbook placement with one safety factor for every node, set by simulation to reach that fill rate (docs/optimize.md).</p>
    </details>`;
  }

  static override styles = [controlStyles, css`
    dialog { width: min(84rem, 96vw); max-height: 94vh; border: 1px solid var(--ech-border); border-radius: 6px; padding: 0.8rem 1.1rem; color: var(--ech-text); background: var(--ech-surface); }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { margin: 0 0 0.2rem; font-size: 1.1rem; }
    p { margin: 0.2rem 0; }
    .settings { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.4rem 1rem; margin: 0.5rem 0; }
    .fields { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
    .field { display: grid; grid-template-rows: auto auto auto; gap: 0.1rem; }
    .field label { font-weight: 600; font-size: 0.9em; }
    .field input { width: 9rem; }
    .field #fr-targets { width: 14rem; }
    .field .hint, .field .issue { font-size: 0.8em; max-width: 16rem; }
    .progress { display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem; align-items: center; margin: 0.5rem 0; }
    .progress progress { width: 18rem; }
    .progress .note { flex-basis: 100%; }
    .headline p { font-weight: 600; margin: 0.1rem 0; }
    .toolbar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.4rem 1rem; margin: 0.3rem 0; }
    fieldset.views { border: none; margin: 0; padding: 0; display: flex; gap: 0.8rem; align-items: center; }
    fieldset.views legend { float: left; font-weight: 600; margin-right: 0.5rem; padding: 0; }
    .exports { display: flex; gap: 0.4rem; align-items: center; }
    .plan { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.4rem 0; }
    .plan label { font-weight: 600; }
    .table-wrap { overflow: auto; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.85rem; }
    th, td { padding: 2px 8px; border-bottom: 1px solid var(--ech-border); text-align: right; white-space: nowrap; }
    thead th, tbody th { text-align: left; }
    .small { font-size: 0.85em; }
    /* Close stays in sight when the dialog scrolls (a 720 px high window cannot show the curve and its settings at once). */
    .buttons { display: flex; justify-content: flex-end; gap: 0.5rem; margin: 0.5rem -1.1rem -0.8rem; padding: 0.5rem 1.1rem;
      position: sticky; bottom: -0.8rem; z-index: 1; background: var(--ech-surface); border-top: 1px solid var(--ech-border); }
  `];
}

/** "Network optimiser, target fill 95% — fill 95.29%, value 26,299". */
function optionText(curve: FrontierCurve, p: FrontierPoint): string {
  return `${CURVE_LABELS[curve]}, ${pointParameter(p)} — fill ${(p.fillRate.mean * 100).toFixed(2)}%, value ${Math.round(p.onHandValue.mean).toLocaleString("en-US")}`;
}

/** The progress note after a point: which plan was simulated, and where it landed. */
function progressLine(curve: FrontierCurve | "current", p: FrontierPoint): string {
  const who = curve === "current" ? "Current scenario" : `${CURVE_LABELS[curve]}, ${pointParameter(p)}`;
  return `${who}: fill rate ${(p.fillRate.mean * 100).toFixed(2)}%, inventory value ${Math.round(p.onHandValue.mean).toLocaleString("en-US")}.`;
}

customElements.define("ech-frontier-dialog", FrontierDialog);
declare global {
  interface HTMLElementTagNameMap { "ech-frontier-dialog": FrontierDialog }
}
