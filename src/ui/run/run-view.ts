import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import type { RunResult } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { controlStyles } from "../shared/styles.ts";
import "../results/results-view.ts";
import "../impact/impact-view.ts";
import { fieldsFromScenario, parseRunFields, type FieldErrors, type RunFields } from "./run-options.ts";
import { formatDuration, progressText } from "./progress.ts";
import { JobAnnouncer, blockedReason, type JobView } from "./job-events.ts";
import { RunProgressController } from "./run-progress-controller.ts";
import type { RunProgress, SimClientLike } from "./sim-client.ts";
import { RunStatus, SimRunController } from "./sim-run-controller.ts";
import { sameScenario } from "./view-memory.ts";
import { loadRun, recallRun, saveRun, withPrevious, type SavedRun } from "./saved-runs.ts";
import "./baseline-picker.ts";
import type { BaselineEntry } from "./baseline-picker.ts";
import type { Baseline } from "../results/kpi-delta.ts";
import type { KeyValueStore } from "../storage/store.ts";
import { downloadText } from "../shared/download.ts";
import { fileNameFor } from "../io/file-name.ts";
import { CLUSTER_OFFER_MS, clusterCommands, deviceSpeed, estimateRun, recordSpeed, roughDuration, runNodeDays, shardsFor, type RunEstimate } from "./run-estimate.ts";

type Ran = SavedRun;

const FIELDS: readonly { key: Exclude<keyof RunFields, "series">; label: string; hint: string; inputmode: string }[] = [
  { key: "replications", label: "Replications", hint: "Independent runs of the horizon", inputmode: "numeric" },
  { key: "horizon", label: "Horizon (days)", hint: "Days per replication", inputmode: "numeric" },
  { key: "warmup", label: "Warm-up (days)", hint: "First days left out of every KPI", inputmode: "numeric" },
  { key: "seed", label: "Seed", hint: "Same seed, same results", inputmode: "text" },
];

/**
 * The run panel and its results: replications, horizon, warm-up, seed and series (defaults from
 * the scenario), Run and Cancel, a progress bar (replications done, per worker, time left), then
 * `<ech-results-view>`. A failed run shows its message; Cancel stops at once. While another
 * view's job runs (`blockedBy`), Run is disabled and says why; the view announces its own runs
 * with `ech-job` events (see job-events.ts).
 */
export class RunView extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-start; }
    .field { display: flex; flex-direction: column; gap: 0.15rem; }
    .field input[type="text"] { width: 9rem; }
    .check { align-self: center; margin-top: 1.1rem; }
    .buttons { display: flex; gap: 0.5rem; align-self: flex-start; margin-top: 1.1rem; }
    .progress { margin: 0.75rem 0; }
    progress { width: min(100%, 36rem); height: 1rem; }
    .workers { display: flex; gap: 0.6rem; flex-wrap: wrap; font-size: 0.8rem; }
    .workers meter { width: 5rem; }
    .error { border: 1px solid var(--ech-error, #b00020); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
    .stale { opacity: 0.55; }
    .cancelled:empty { display: none; }
    .cancelled { border-left: 3px solid var(--ech-warn); padding: 0.25rem 0.6rem; margin: 0.5rem 0; }
    .provenance { font-size: 1rem; margin: 1rem 0 0.25rem; }
    .provenance .muted { font-weight: 400; font-size: 0.9em; }
    .note { border-left: 3px solid var(--ech-accent, #1a73e8); padding: 0.25rem 0.6rem; margin: 0.5rem 0; }
    .offer { border-left: 3px solid var(--ech-warn); padding: 0.25rem 0.75rem; margin: 0.75rem 0; max-width: 60rem; }
    .offer pre { overflow-x: auto; padding: 0.4rem 0.6rem; background: var(--ech-surface-2, rgba(127, 127, 127, 0.12)); border-radius: 4px; white-space: pre; }
    .offer ol { padding-left: 1.25rem; }
  `];
  static override properties = {
    scenario: { attribute: false },
    client: { attribute: false },
    blockedBy: { attribute: false },
    entryId: { attribute: false },
    store: { attribute: false },
    fields: { state: true },
    errors: { state: true },
    cancelled: { state: true },
    impactPending: { state: true },
    library: { attribute: false },
    baseline: { state: true },
    baselineRevision: { state: true },
    baselineRunning: { state: true },
  };
  declare scenario: Scenario | undefined;
  declare client: SimClientLike | undefined;
  /** Another view whose simulation job is running: Run waits for it (one job at a time). */
  declare blockedBy: JobView | undefined;
  /** The library entry open: results belong to it and are shown only for it. */
  declare entryId: string | undefined;
  /** Where runs are kept across reloads (IndexedDB in the app). */
  declare store: KeyValueStore | undefined;
  declare fields: RunFields;
  declare errors: FieldErrors;
  /** The last run was cancelled: say so until the next run starts. */
  declare cancelled: boolean;
  /** The Impact view below is running: Run waits (they share the worker pool). */
  declare impactPending: boolean;
  /** The library's scenarios that can run: the KPI cards may be compared with one's last run. */
  declare library: readonly BaselineEntry[];
  /** What the KPI cards compare with, from the baseline picker. */
  declare baseline: Baseline | undefined;
  /** Bumped after a baseline scenario ran here, so the picker reads its new run. */
  declare baselineRevision: number;
  /** The name of the baseline scenario running here, while it runs. */
  declare baselineRunning: string | undefined;

  readonly task = new SimRunController<Ran>(this);
  /** The results on screen were computed for an earlier version of the scenario. */
  private stale = false;
  private readonly runProgress = new RunProgressController(this, this.task);

  constructor() {
    super();
    new JobAnnouncer(this, "run", this.task);
    // Per-day series are off by default: they made a run 3–4× slower (docs/benchmarks.md).
    this.fields = { replications: "", horizon: "", warmup: "", seed: "", series: false };
    this.errors = {};
    this.cancelled = false;
    this.impactPending = false;
    this.library = [];
    this.baselineRevision = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("entryId") && this.task.value?.entryId !== this.entryId && !this.task.pending) { this.cancelled = false; this.showRun(this.entryId); }
    if (changed.has("scenario") && this.scenario) {
      const old = changed.get("scenario") as Scenario | undefined;
      const same = old && old.replications === this.scenario.replications && old.horizon === this.scenario.horizon
        && old.warmup === this.scenario.warmup && old.seed === this.scenario.seed;
      if (!same && !changed.has("entryId") && !(this.task.value && !old)) { this.fields = { ...fieldsFromScenario(this.scenario), series: this.fields.series }; this.errors = {}; }
    }
    this.stale = !!this.task.value && !!this.scenario && !sameScenario(this.task.value.scenario, this.scenario);
  }

  /** Shows the entry's own last run (from memory at once, else from the store), or none. */
  private showRun(entryId: string | undefined): void {
    const held = entryId === undefined ? undefined : recallRun(entryId);
    this.setRun(held);
    if (held || entryId === undefined || !this.store) return;
    void loadRun(entryId, this.store).then((stored) => {
      if (stored && this.entryId === entryId && !this.task.value && !this.task.pending) { this.setRun(stored); this.requestUpdate(); }
    });
  }

  private setRun(run: Ran | undefined): void {
    this.task.value = run;
    this.task.status = run ? RunStatus.COMPLETE : RunStatus.INITIAL;
    if (run) this.fields = run.fields;
    else if (this.scenario) this.fields = { ...fieldsFromScenario(this.scenario), series: this.fields.series };
  }

  /** Validate the panel and start a run (what the Run button does). */
  async start(): Promise<void> {
    const parsed = parseRunFields(this.fields);
    if (!parsed.ok) { this.errors = parsed.errors; return; }
    this.errors = {};
    this.cancelled = false;
    const scenario = this.scenario, client = this.client, entryId = this.entryId ?? "", fields = this.fields;
    if (!scenario || !client || this.blockedBy || this.impactPending) return;
    const initial = { done: 0, total: parsed.options.replications, perWorker: [], elapsedMs: 0, etaMs: null };
    await this.runProgress.run(initial, async (signal, onProgress) => {
      const result = await client.run(scenario, { ...parsed.options, signal, onProgress });
      recordSpeed(runNodeDays(scenario, parsed.options), result.elapsedMs);
      const ran: Ran = withPrevious({ entryId, result, scenario, fields, ranAt: Date.now() }, recallRun(entryId));
      void saveRun(ran, this.store);
      return ran;
    });
  }

  /**
   * Runs another library scenario, the KPI cards' baseline, with this panel's settings and keeps
   * it as that scenario's last run; as a run of this view, so it is one job like Run.
   */
  async runBaseline(entry: BaselineEntry): Promise<void> {
    const parsed = parseRunFields(this.fields), client = this.client, fields = this.fields, store = this.store, held = this.task.value;
    if (!parsed.ok) { this.errors = parsed.errors; return; }
    if (!client || this.blockedBy || this.impactPending || this.task.pending) return;
    this.cancelled = false;
    const initial = { done: 0, total: parsed.options.replications, perWorker: [], elapsedMs: 0, etaMs: null };
    this.baselineRunning = entry.name;
    await this.runProgress.run(initial, async (signal, onProgress) => {
      const result = await client.run(entry.scenario, { ...parsed.options, signal, onProgress });
      await saveRun(withPrevious({ entryId: entry.id, result, scenario: entry.scenario, fields, ranAt: Date.now() }, recallRun(entry.id)), store);
      this.baselineRevision++;
      return held as Ran;
    });
    this.baselineRunning = undefined;
  }

  /**
   * Stop the running run at once and say so; the previous results (if any) stay on screen, with
   * the settings they were run with back in the fields.
   */
  cancel(): void {
    if (!this.task.pending) return;
    this.runProgress.cancel();
    this.cancelled = true;
    if (this.task.value) this.fields = this.task.value.fields;
  }

  override render() {
    if (!this.scenario) return html`<p class="muted">Open a scenario to run it.</p>`;
    const pending = this.task.status === RunStatus.PENDING;
    const parsed = parseRunFields(this.fields);
    const estimate = parsed.ok ? estimateRun(this.scenario, parsed.options, deviceSpeed(Math.min(8, navigator.hardwareConcurrency || 2))) : undefined;
    const long = !pending && estimate !== undefined && estimate.ms > CLUSTER_OFFER_MS;
    return html`
      <form @submit=${(e: Event) => { e.preventDefault(); void this.start(); }} novalidate aria-label="Run settings">
        ${FIELDS.map((f) => this.renderField(f))}
        <label class="check" title="Fan charts of on hand, backorders and fill rate by day. A run takes about three times as long."><input type="checkbox" .checked=${this.fields.series}
          @change=${(e: Event) => (this.fields = { ...this.fields, series: (e.target as HTMLInputElement).checked })}> Per-day series</label>
        <div class="buttons">
          <button class="primary" type="submit" ?disabled=${pending || !this.client || !!this.blockedBy || this.impactPending}
            aria-describedby=${this.blockedBy ? "run-blocked" : long ? "cluster-offer" : nothing}>${long ? `Run here anyway (${roughDuration(estimate!.ms)})` : "Run"}</button>
          <button type="button" ?disabled=${!pending} @click=${() => this.cancel()}>Cancel</button>
        </div>
      </form>
      ${!this.client ? html`<p class="muted">The simulation workers are not ready.</p>` : nothing}
      ${this.blockedBy ? html`<p class="muted" id="run-blocked" role="status">${blockedReason(this.blockedBy)}.</p>` : nothing}
      ${this.scenario && this.scenario.demand.length === 0 ? html`<p class="note" role="note">This scenario has no customer
        demand yet, so a run has no service or sales to measure: give a node a demand in the Network tab.</p>` : nothing}
      ${long && parsed.ok ? this.renderClusterOffer(estimate!, parsed.options) : nothing}
      ${pending && this.runProgress.progress ? this.renderProgress(this.runProgress.progress) : nothing}
      <p class="cancelled" role="status">${this.cancelled && !pending ? (this.task.value
        ? `Run cancelled. The results below are from the previous run (${this.task.value.result.replications.toLocaleString("en")} replications).`
        : "Run cancelled. Nothing was kept.") : nothing}</p>
      ${this.task.status === RunStatus.ERROR ? html`<div class="error" role="alert"><strong>The run failed.</strong> ${this.task.error}
        <br><span class="muted">Fix the scenario or the settings and run again.</span></div>` : nothing}
      ${!this.task.value && !pending && this.task.status !== RunStatus.ERROR ? html`<p class="empty muted">No results yet for
        “${this.scenario.name}”. Press <strong>${long ? "Run here anyway" : "Run"}</strong> to simulate ${this.fields.replications || "the"} replications of
        ${this.fields.horizon || "the"} days: fill rate, costs and stock per node come back with 95% intervals.</p>` : nothing}
      ${this.renderImpact(pending)}
      ${this.task.value ? html`<div class=${pending ? "stale" : ""}>
        ${this.renderProvenance(this.task.value)}
        ${pending && this.baselineRunning ? html`<p class="muted" role="status">Running “${this.baselineRunning}” to compare with; these results stay.</p>`
          : pending || this.task.status === RunStatus.ERROR ? html`<p class="muted">Results of the previous run:</p>`
          : this.stale ? html`<p class="note" role="note">These results are from before your last changes to the scenario: run again to update them.</p>` : nothing}
        <ech-baseline-picker .library=${this.library} .entryId=${this.entryId} .store=${this.store} .current=${this.task.value} .busy=${pending || !!this.blockedBy || this.impactPending}
          .revision=${this.baselineRevision} @ech-baseline=${(e: CustomEvent<Baseline | null>) => { this.baseline = e.detail ?? undefined; }}
          @ech-run-baseline=${(e: CustomEvent<BaselineEntry>) => void this.runBaseline(e.detail)}></ech-baseline-picker>
        <ech-results-view .result=${this.task.value.result} .scenario=${this.task.value.scenario} .baseline=${this.baseline}></ech-results-view></div>` : nothing}`;
  }

  /** The Impact view (scenarios with disruptions), on the run panel's replications and seed; one job at a time with Run. */
  private renderImpact(pending: boolean) {
    const parsed = parseRunFields(this.fields);
    const o = parsed.ok ? parsed.options : undefined;
    return html`<ech-impact-view .scenario=${this.scenario} .client=${this.client} .blockedBy=${this.blockedBy} .busy=${pending}
      .options=${o && { replications: o.replications, seed: o.seed, horizon: o.horizon, warmup: o.warmup }}
      @ech-job=${(e: CustomEvent<{ active: boolean }>) => { this.impactPending = e.detail.active; }}></ech-impact-view>`;
  }

  /** Said before a run longer than CLUSTER_OFFER_MS starts: how long, and the commands for a cluster with the scenario saved to a file. */
  private renderClusterOffer(e: RunEstimate, o: Parameters<typeof clusterCommands>[1]) {
    const scenario = this.scenario!, file = fileNameFor(scenario.name);
    const speed = `${(e.speed.nodeDaysPerSecond / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} million node-days a second`;
    return html`<div class="offer" id="cluster-offer" role="note" aria-label="Run on a cluster">
      <p><strong>This run would take ${roughDuration(e.ms)} on this device</strong>: ${(e.nodeDays / 1e9).toLocaleString("en", { maximumFractionDigits: 1 })} billion
        node-days at ${speed} (${e.speed.measured ? "measured on your last run" : "assumed until a run here measures it"}). A cluster runs it in a fraction of that, with the same results:</p>
      <ol>
        <li><button type="button" @click=${() => downloadText(`${JSON.stringify(scenario, null, 2)}\n`, file, "application/json")}>Save scenario to file</button> (${file})</li>
        <li>On the cluster, in a folder every node sees, with <code>echelon</code> installed (README, "Running on a cluster"), Slurm or Kubernetes:
          <pre tabindex="0" aria-label="Commands for the cluster"><code>${clusterCommands(file, o, shardsFor(e, o.replications)).join("\n")}</code></pre></li>
      </ol>
      <p class="muted">Or run it here anyway: Cancel stops it at any time.</p>
    </div>`;
  }

  /** Which scenario the results are for and when they ran. */
  private renderProvenance(ran: Ran) {
    const when = new Date(ran.ranAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    return html`<h2 class="provenance">Results of “${ran.scenario.name}” <span class="muted">· run ${when}${this.stale ? " · stale" : ""}</span></h2>`;
  }

  private renderField(f: (typeof FIELDS)[number]) {
    const id = `run-${f.key}`, error = this.errors[f.key];
    return html`<div class="field">
      <label for=${id}>${f.label}</label>
      <input id=${id} type="text" inputmode=${f.inputmode} .value=${this.fields[f.key]} title=${f.hint}
        aria-invalid=${error ? "true" : "false"} aria-describedby=${error ? `${id}-err` : nothing}
        @input=${(e: Event) => { this.fields = { ...this.fields, [f.key]: (e.target as HTMLInputElement).value }; }}>
      ${error ? html`<p class="issue" id=${`${id}-err`}>${error}</p>` : nothing}
    </div>`;
  }

  private renderProgress(p: RunProgress) {
    return html`<div class="progress" role="status" aria-live="polite">
      <progress max=${Math.max(1, p.total)} .value=${p.done} aria-label="Replications done"></progress>
      <div>${progressText(p)} · ${formatDuration(p.elapsedMs)} elapsed</div>
      ${p.perWorker.length > 0 ? html`<div class="workers">${p.perWorker.map((n, i) => html`<span>Worker ${i + 1}:
        <meter min="0" max=${Math.max(1, p.total)} .value=${n} aria-label=${`Worker ${i + 1} replications`}></meter> ${n}</span>`)}</div>` : nothing}
    </div>`;
  }
}

customElements.define("ech-run-view", RunView);
declare global {
  interface HTMLElementTagNameMap { "ech-run-view": RunView }
}
