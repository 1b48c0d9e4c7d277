import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import type { Scenario } from "../../sim/model/scenario.ts";
import { controlStyles } from "../shared/styles.ts";
import type { Baseline } from "../results/kpi-delta.ts";
import type { KeyValueStore } from "../storage/store.ts";
import { loadRun, type SavedRun } from "./saved-runs.ts";
import { recall, remember, sameScenario } from "./view-memory.ts";

/** A library scenario the KPI cards may be compared with. */
export interface BaselineEntry { readonly id: string; readonly name: string; readonly scenario: Scenario }

/** The picker's own choice: the open scenario's previous run. */
export const PREVIOUS = "";
const MEMORY = "run-baseline";

/** What the cards compare with for the open scenario's run `ran`, when the planner picked its previous run. */
export function previousBaseline(ran: SavedRun | undefined): Baseline | undefined {
  const p = ran?.previous;
  if (!p) return undefined;
  const when = new Date(p.ranAt).toLocaleTimeString(undefined, { timeStyle: "short" });
  return { label: `previous run (${when}, ${p.replications.toLocaleString("en")} replications)`, network: p.network, seed: p.seed, values: p.values };
}

/** Another scenario's last run as the cards' baseline. */
export function scenarioBaseline(name: string, run: SavedRun): Baseline {
  const when = new Date(run.ranAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return {
    label: `last run of “${name}” (${when}, ${run.result.replications.toLocaleString("en")} replications)`,
    network: run.result.network, seed: run.result.seed, values: run.result.replicationValues?.network,
  };
}

/**
 * "Compare with": the open scenario's previous run, or another library scenario's last run (kept
 * per scenario in IndexedDB, saved-runs.ts). Sends `ech-baseline` with the Baseline (null:
 * none); when the chosen scenario has no run, or changed since it ran, says so and offers to run
 * it with `ech-run-baseline` (the run view runs it, as one job with its own Run).
 */
export class BaselinePicker extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; align-items: center; margin: 0.5rem 0; font-size: 0.9rem; }
    .note { border-left: 3px solid var(--ech-warn); padding: 0.1rem 0.5rem; }
  `];
  static override properties = {
    library: { attribute: false },
    entryId: { attribute: false },
    store: { attribute: false },
    current: { attribute: false },
    busy: { type: Boolean },
    revision: { type: Number },
    choice: { state: true },
    loaded: { state: true },
  };
  declare library: readonly BaselineEntry[];
  /** The open library entry, whose run the cards show. */
  declare entryId: string | undefined;
  declare store: KeyValueStore | undefined;
  /** The open entry's run on screen. */
  declare current: SavedRun | undefined;
  /** A job is running: the offer to run the baseline waits. */
  declare busy: boolean;
  /** Bumped by the run view after it ran a baseline, so the picker reads that run again. */
  declare revision: number;
  /** PREVIOUS or another entry's id. */
  declare choice: string;
  /** The chosen entry's last run, once read (null: it has none). */
  declare loaded: { readonly id: string; readonly run: SavedRun | null } | undefined;

  constructor() {
    super();
    this.library = [];
    this.busy = false;
    this.revision = 0;
    this.choice = PREVIOUS;
  }

  private others(): readonly BaselineEntry[] { return this.library.filter((e) => e.id !== this.entryId); }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("entryId")) this.choice = recall<Record<string, string>>(MEMORY)?.[this.entryId ?? ""] ?? PREVIOUS;
    if (this.choice !== PREVIOUS && !this.others().some((e) => e.id === this.choice)) this.choice = PREVIOUS;
    if (changed.has("choice") || changed.has("revision") || changed.has("entryId")) this.load();
    if (changed.has("choice") || changed.has("current") || changed.has("loaded") || changed.has("library")) this.announce();
  }

  private load(): void {
    const id = this.choice;
    if (id === PREVIOUS) { this.loaded = undefined; return; }
    void loadRun(id, this.store).then((run) => { if (this.choice === id) this.loaded = { id, run: run ?? null }; });
  }

  private chosen(): BaselineEntry | undefined { return this.others().find((e) => e.id === this.choice); }

  private announce(): void {
    const entry = this.chosen(), run = this.loaded?.id === this.choice ? this.loaded.run : undefined;
    const baseline = this.choice === PREVIOUS ? previousBaseline(this.current) : entry && run ? scenarioBaseline(entry.name, run) : undefined;
    this.dispatchEvent(new CustomEvent<Baseline | null>("ech-baseline", { detail: baseline ?? null }));
  }

  private pick(id: string): void {
    this.choice = id;
    remember(MEMORY, { ...recall<Record<string, string>>(MEMORY), [this.entryId ?? ""]: id });
  }

  override render() {
    const entry = this.chosen(), loaded = this.loaded?.id === this.choice ? this.loaded : undefined;
    const stale = !!entry && !!loaded?.run && !sameScenario(loaded.run.scenario, entry.scenario);
    return html`<label for="baseline">Compare with</label>
      <select id="baseline" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
        <option value=${PREVIOUS} ?selected=${this.choice === PREVIOUS}>Previous run of this scenario</option>
        ${this.others().map((e) => html`<option value=${e.id} ?selected=${e.id === this.choice}>Scenario: ${e.name}</option>`)}
      </select>
      ${this.choice === PREVIOUS && this.current && !this.current.previous ? html`<span class="muted">No previous run yet: the next run is compared with this one.</span>` : nothing}
      ${entry && loaded && (!loaded.run || stale) ? html`<span class="note" role="status">${loaded.run
        ? `“${entry.name}” changed after its last run: the changes are shown against that run.` : `“${entry.name}” has no run yet.`}
        <button type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new CustomEvent("ech-run-baseline", { detail: entry }))}>Run “${entry.name}” now</button></span>` : nothing}`;
  }
}

customElements.define("ech-baseline-picker", BaselinePicker);
declare global {
  interface HTMLElementTagNameMap { "ech-baseline-picker": BaselinePicker }
}
