/**
 * `<ech-app>`: the workbench. It holds the state — the library of scenarios, the draft being
 * edited with its undo history, the selection, the validation issues, the tab — and composes the
 * lit reactive controllers that act on it:
 * - PersistenceController: loads the workspace and saves every change (debounced), so a reload
 *   or a crashed tab loses nothing;
 * - FilesController: files and share links, in and out;
 * - LibraryController: the library's actions and the page title;
 * - JobController: one simulation job at a time.
 * Drafts become scenarios only through ValidationCache (draft-checks.ts).
 *
 * Every tab visited stays mounted (inactive panels are `hidden`), so a run goes on while the
 * user looks at another tab; the views share one worker pool, so the shell passes the busy view
 * to the others as `blockedBy`.
 */
import { LitElement, html, nothing } from "lit";
import type { Scenario } from "../../sim/model/scenario.ts";
import type { SimClientLike } from "../run/sim-client.ts";
import { controlStyles } from "../shared/styles.ts";
import { debounce } from "../shared/format.ts";
import type { Issue } from "../shared/validate.ts";
import { ValidationCache } from "./draft-checks.ts";
import type { KeyValueStore, LibraryEntry, Workspace } from "../storage/index.ts";
import { PersistenceController } from "./persistence-controller.ts";
import { crashedJobNotice } from "./job-marker.ts";
import { JobController } from "./job-controller.ts";
import { LibraryController } from "./library-controller.ts";
import { FilesController } from "./files-controller.ts";
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO, createEntry, replaceScenario } from "../library/index.ts";
import { blankScenario, createHistory, nodesWithIssues, record, redo, undo, type Draft, type DraftChange, type EditorSelection, type History } from "../editor/index.ts";
import type { DiagramNetwork, DiagramSelection } from "../network/index.ts";
import { applyPick, pickableTargets } from "../editor/target-pick.ts";
import type { DialogContent } from "./message-dialog.ts";
import type { OptimizeCreate } from "../optimize/optimize-dialog.ts";
import { getSimClient, loadView, type ViewName } from "./views.ts";
import { appStyles } from "./app-styles.ts";
import { listen } from "./listen.ts";
import "../network/network-diagram.ts";
import "../network/map-switch.ts";
import { XLSX_TYPE } from "../io/xlsx-type.ts";
import "../editor/scenario-editor.ts";
import "../library/scenario-library.ts";
import "./message-dialog.ts";

export const TABS = [
  { id: "network", label: "Network" },
  { id: "run", label: "Run & results", view: "run" },
  { id: "compare", label: "Compare", view: "compare" },
  { id: "watch", label: "Watch", view: "watch" },
] as const;
export type TabId = (typeof TABS)[number]["id"];

interface Toast { readonly message: string; readonly undo?: () => void }

export class EchelonApp extends LitElement {
  static override properties = {
    entries: { state: true },
    current: { state: true },
    history: { state: true },
    selection: { state: true },
    tab: { state: true },
    issues: { state: true },
    dialog: { state: true },
    toast: { state: true },
    loadedViews: { state: true },
    client: { state: true },
    optimizing: { state: true },
    tradeOff: { state: true },
    visited: { state: true },
    comparePair: { state: true },
    hintShown: { state: true },
    picking: { state: true },
  };
  declare entries: readonly LibraryEntry[];
  declare current: string | undefined;
  declare history: History<Draft> | undefined;
  declare selection: EditorSelection;
  declare tab: TabId;
  declare issues: readonly Issue[];
  declare dialog: DialogContent | undefined;
  declare toast: Toast | undefined;
  declare loadedViews: ReadonlySet<string>;
  declare client: SimClientLike | undefined;
  /** The first-use hint above the tabs, until dismissed (remembered in localStorage). */
  declare hintShown: boolean;
  /** After "Make a variant of A": Compare's A (the original) and B (the variant), until another scenario opens. */
  declare comparePair: readonly [string, string] | undefined;
  /** The scenario in the Optimise dialog while it is open. */
  declare optimizing: Scenario | undefined;
  /** The scenario in the trade-off curve dialog while it is open (src/ui/frontier/). */
  declare tradeOff: Scenario | undefined;
  /** Tabs opened at least once: their views stay mounted (hidden when not selected). */
  declare visited: ReadonlySet<TabId>;
  /** The disruption whose target is picked on the diagram (target-pick.ts), and why the last click could not be used. */
  declare picking: { readonly index: number; readonly note?: string } | undefined;
  /** How many disruptions there were when picking began. */
  private pickingAmong = 0;

  /** Storage: IndexedDB unless set before the element connects (tests use a memory store). */
  store: KeyValueStore | undefined;
  /**
   * Where unsaved edits are written synchronously when the page goes (storage/pending.ts):
   * localStorage when the shell uses IndexedDB; tests with a memory store may set one.
   */
  pendingStorage: Storage | undefined;
  /** Where the running job is marked, to tell a crash from a reload (job-marker.ts): sessionStorage, like pendingStorage. */
  jobStorage: Storage | undefined;
  private histories = new Map<string, History<Draft>>();
  private checks = new ValidationCache();
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private unlisten: (() => void) | undefined;
  private scheduleValidate = debounce(() => this.runValidation(), 100);
  private persistence = new PersistenceController(this);
  private jobs = new JobController(this, () => this.validScenario() !== undefined);
  private library = new LibraryController(this, this.checks);
  private files = new FilesController(this, this.library);

  constructor() {
    super();
    this.entries = [];
    this.selection = { kind: "settings" };
    this.tab = "network";
    this.issues = [];
    this.loadedViews = new Set();
    this.visited = new Set<TabId>(["network"]);
  }

  override connectedCallback() {
    super.connectedCallback();
    this.unlisten = listen([[window, "keydown", this.onKeyDown]]);
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unlisten?.();
  }

  /** How saving goes: shown in the header. */
  get saveState() {
    return this.persistence.state;
  }

  // ---- loading and saving ----

  private async start() {
    const ws = await this.persistence.load();
    const crashed = this.jobs.takeCrashed();
    this.hintShown = readHintDismissed(this.pendingStorage) === false;
    if (ws?.entries.length) {
      this.entries = ws.entries;
      const current = ws.entries.find((e) => e.id === ws!.session.current) ?? ws.entries[0];
      this.openEntry(current.id, ws.session.selection);
      if (TABS.some((t) => t.id === ws!.session.tab)) this.showTab(ws.session.tab as TabId);
    } else {
      const now = Date.now();
      const seeded: LibraryEntry[] = [];
      const first = BUILTIN_SCENARIOS.find((b) => b.file === DEFAULT_SCENARIO) ?? BUILTIN_SCENARIOS[0];
      seeded.push(first ? createEntry([], first.scenario, `builtin:${first.file}`, now) : createEntry([], blankScenario(), "new", now));
      this.entries = seeded;
      this.openEntry(seeded[0].id);
    }
    this.persistence.loaded(this.entries.map((e) => e.id));
    if (crashed) this.dialog = crashedJobNotice(crashed);
    await this.files.openLink();
  }

  /** What is saved: the library and the session (open scenario, selection, tab). */
  workspace(): Workspace {
    return { entries: this.entries, session: { current: this.current, selection: this.selection, tab: this.tab } };
  }

  /** Something to save changed. */
  changed() {
    this.persistence.changed();
  }

  // ---- the draft ----

  get draft(): Draft | undefined {
    return this.history?.present;
  }

  /** Opens library entry `id` for editing, with its own undo history. */
  openEntry(id: string, selection?: EditorSelection) {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return;
    if (this.comparePair && id !== this.comparePair[1]) this.comparePair = undefined;
    if (this.current && this.history) this.histories.set(this.current, this.history);
    this.current = id;
    this.picking = undefined;
    const h = this.histories.get(id);
    this.history = h && h.present === entry.scenario ? h : createHistory(entry.scenario);
    this.selection = this.validSelection(selection ?? { kind: "settings" });
    this.issues = this.checks.issues(entry.scenario);
    this.changed();
  }

  /** The open entry's scenario changed outside the editor (renamed in the library): the draft takes it, as one undo step. */
  followEntry(scenario: Draft) {
    if (!this.history) return;
    this.history = record(this.history, scenario);
    this.scheduleValidate();
  }

  private validSelection(s: EditorSelection): EditorSelection {
    const list = s.kind === "node" ? this.draft?.nodes : s.kind === "lane" ? this.draft?.lanes : undefined;
    if ((s.kind === "node" || s.kind === "lane") && !(Array.isArray(list) && s.index >= 0 && s.index < list.length)) return { kind: "settings" };
    return s;
  }

  /** Records `next` as the open scenario: one undo step (edits with the same `key` in quick succession merge). */
  setDraft(next: Draft, key?: string) {
    if (!this.history || !this.current || next === this.history.present) return;
    this.history = record(this.history, next, key, Date.now());
    this.commitDraft();
  }

  private commitDraft() {
    // Adding or removing a disruption shifts the indexes: the one being picked may be another now.
    if (this.picking && disruptionCount(this.history!.present) !== this.pickingAmong) this.picking = undefined;
    this.entries = replaceScenario(this.entries, this.current!, this.history!.present, Date.now());
    this.selection = this.validSelection(this.selection);
    this.scheduleValidate();
    this.changed();
  }

  undo = () => { if (this.history?.past.length) { this.history = undo(this.history); this.commitDraft(); } };
  private redo = () => { if (this.history?.future.length) { this.history = redo(this.history); this.commitDraft(); } };

  private runValidation() {
    if (this.draft) this.issues = this.checks.issues(this.draft);
  }

  /** The current scenario when it validates (what the run, compare and watch views need). */
  private validScenario(): Scenario | undefined {
    return this.draft && this.checks.scenario(this.draft);
  }

  // ---- the first-use hint ----

  private dismissHint() {
    this.hintShown = false;
    try { this.pendingStorage?.setItem(HINT_KEY, "dismissed"); } catch { /* storage refused: the hint returns next time */ }
  }

  // ---- optimise safety stock ----

  /** Opens the Optimise dialog on the current scenario; its module loads on first use. */
  private async openOptimize() {
    const scenario = this.validScenario();
    if (!scenario) { this.showToast("Fix the scenario's problems before optimising it."); return; }
    try {
      await import("../optimize/optimize-dialog.ts");
    } catch (e) {
      this.showToast(`The optimiser could not load: ${(e as Error).message}`);
      return;
    }
    this.optimizing = scenario;
  }

  /** The Optimise dialog's "Trade-off curve…": swaps it for the curve's dialog on the same scenario; its module loads on first use. */
  private async openTradeOff() {
    const scenario = this.optimizing ?? this.validScenario();
    if (!scenario) return;
    try {
      await import("../frontier/frontier-dialog.ts");
    } catch (e) {
      this.showToast(`The trade-off curve could not load: ${(e as Error).message}`);
      return;
    }
    this.optimizing = undefined;
    this.tradeOff = scenario;
  }

  /** The optimiser's plan (or a trade-off point's) becomes a scenario beside the one it came from. */
  private onOptimizeCreate(e: CustomEvent<OptimizeCreate>) {
    this.optimizing = undefined;
    this.tradeOff = undefined;
    this.library.addOptimized(e.detail.scenario, e.detail.name);
  }

  // ---- events ----

  private onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && this.picking) { this.picking = undefined; return; }
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === "z" && !e.shiftKey) { e.preventDefault(); this.undo(); }
    else if ((k === "z" && e.shiftKey) || k === "y") { e.preventDefault(); this.redo(); }
  };

  private onDiagramSelect(e: CustomEvent<DiagramSelection>) {
    e.stopPropagation();
    this.selection = e.detail ?? { kind: "settings" };
    this.changed();
  }

  private armPicking(index: number | null) {
    this.picking = typeof index === "number" ? { index } : undefined;
    this.pickingAmong = this.draft ? disruptionCount(this.draft) : 0;
  }

  /** A click on the diagram while picking: sets the disruption's target (one undo step), or says why it cannot. */
  private onDiagramPick(e: CustomEvent<DiagramSelection>) {
    e.stopPropagation();
    const picking = this.picking;
    if (!e.detail || !picking || !this.draft) { this.picking = undefined; return; }
    const next = applyPick(this.draft, picking.index, e.detail);
    if (typeof next === "string") this.picking = { index: picking.index, note: next };
    else { this.picking = undefined; this.setDraft(next); }
  }

  private onEditorSelect(e: CustomEvent<EditorSelection>) {
    e.stopPropagation();
    this.picking = undefined;
    this.selection = this.validSelection(e.detail);
    this.changed();
  }

  private onEditorChange(e: CustomEvent<DraftChange>) {
    this.setDraft(e.detail.draft, e.detail.key);
    if (e.detail.selection) this.selection = this.validSelection(e.detail.selection);
  }

  showToast(message: string, undoFn?: () => void) {
    clearTimeout(this.toastTimer);
    this.toast = { message, undo: undoFn };
    this.toastTimer = setTimeout(() => (this.toast = undefined), undoFn ? 10_000 : 5000);
  }

  showNetwork() {
    this.showTab("network");
  }

  private showTab(tab: TabId) {
    if (this.tab === "watch" && tab !== "watch") this.renderRoot.querySelector<HTMLElement & { pause?(): void }>("ech-watch-view")?.pause?.();
    this.tab = tab;
    if (!this.visited.has(tab)) this.visited = new Set([...this.visited, tab]);
    const view = TABS.find((t) => t.id === tab && "view" in t) as { label: string; view: ViewName } | undefined;
    if (view && !this.loadedViews.has(view.view)) {
      void loadView(view.view).then(
        () => { this.loadedViews = new Set([...this.loadedViews, view.view]); },
        (e: unknown) => this.showToast(`The ${view.label} view could not be loaded (${e instanceof Error ? e.message : String(e)}): reload the page to try again.`),
      );
      void getSimClient().then((c) => (this.client = c)).catch((e) => this.showToast(`The simulation workers could not start: ${(e as Error).message}`));
    }
    this.changed();
  }

  private onTabKey(e: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.id === this.tab);
    const next = e.key === "ArrowRight" ? (i + 1) % TABS.length : e.key === "ArrowLeft" ? (i + TABS.length - 1) % TABS.length : e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.showTab(TABS[next].id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${TABS[next].id}`)?.focus());
  }

  /** The view whose simulation job is running, if any; the other views wait for it. */
  get busyView() {
    return this.jobs.busy;
  }

  // ---- rendering ----

  override render() {
    const draft = this.draft;
    const name = draft && typeof draft.name === "string" && draft.name ? draft.name : "Untitled scenario";
    return html`
      <header>
        <h1>Echelon</h1>
        <span class="scenario-name" title=${name}>${name}</span>
        <span class="save-state" role="status">${{ loading: "Loading…", saved: "Saved", saving: "Saving…", error: "Not saved" }[this.saveState]}</span>
        <nav class="actions" aria-label="Scenario actions">
          <button @click=${this.undo} ?disabled=${!this.history?.past.length} title="Undo (Ctrl+Z)">Undo</button>
          <button @click=${this.redo} ?disabled=${!this.history?.future.length} title="Redo (Ctrl+Shift+Z)">Redo</button>
          <button @click=${() => this.renderRoot.querySelector<HTMLInputElement>("#file-input")?.click()} title="Open a scenario JSON file or an Excel workbook, or import nodes, lanes or demand from CSV or Excel">Open file…</button>
          <input id="file-input" type="file" accept=".json,.csv,.xlsx,application/json,text/csv,${XLSX_TYPE}" multiple hidden aria-label="Open file"
            @change=${(e: Event) => { const input = e.target as HTMLInputElement; const files = [...(input.files ?? [])]; input.value = ""; void this.files.openFiles(files); }}>
          <button @click=${() => this.files.save()}>Save file</button>
          <button @click=${() => void this.files.share()}>Share link</button>
          <label class="templates">Spreadsheet
            <select @change=${(e: Event) => { const s = e.target as HTMLSelectElement; const v = s.value; s.value = ""; void this.files.spreadsheet(v); }}>
              <option value="">export…</option>
              <optgroup label="This network"><option value="xlsx">Excel workbook (.xlsx)</option><option value="nodes">nodes.csv</option><option value="lanes">lanes.csv</option><option value="demand">demand.csv</option></optgroup>
              <optgroup label="Empty CSV templates"><option value="template:nodes">nodes.csv</option><option value="template:lanes">lanes.csv</option><option value="template:demand">demand.csv</option></optgroup>
            </select></label>
          <a href="#lab" style="color: inherit" title="An interactive page on risk pooling, for training: own stock against pooled stock">Risk-pooling lab</a>
        </nav>
      </header>
      <aside aria-label="Scenario library">
        <ech-library .entries=${this.entries} .current=${this.current} .examples=${BUILTIN_SCENARIOS} @ech-library=${this.library.onLibrary}></ech-library>
      </aside>
      <main>
        ${this.hintShown ? html`<p class="first-use" role="note"><span>New here? Run the scenario in <strong>Run &amp; results</strong>, then try a
          <strong>What-if</strong> or <strong>Optimise…</strong> in the Network tab, and <strong>Compare</strong> the variant with the original.</span>
          <button @click=${() => this.dismissHint()}>Got it</button></p>` : nothing}
        <div role="tablist" aria-label="Workbench views" @keydown=${this.onTabKey}>
          ${TABS.map((t) => html`<button role="tab" id="tab-${t.id}" aria-controls="panel-${t.id}" aria-selected=${t.id === this.tab ? "true" : "false"}
            tabindex=${t.id === this.tab ? 0 : -1} @click=${() => this.showTab(t.id)}>${t.label}${t.id === "network" && this.issues.length ? html` <span class="badge" aria-label="${this.issues.length} problems">${this.issues.length}</span>` : nothing}</button>`)}
        </div>
        ${TABS.map((t) => html`<section role="tabpanel" id="panel-${t.id}" aria-labelledby="tab-${t.id}" ?hidden=${t.id !== this.tab} class="panel ${t.id}"
          @ech-job=${this.jobs.onJob}>${this.visited.has(t.id) ? this.renderTab(t.id) : nothing}</section>`)}
      </main>
      ${this.toast ? html`<div class="toast" role="status">${this.toast.message}
        ${this.toast.undo ? html`<button @click=${() => { this.toast?.undo?.(); this.toast = undefined; }}>Undo</button>` : nothing}
        <button aria-label="Dismiss" @click=${() => (this.toast = undefined)}>×</button></div>` : nothing}
      ${this.files.dragging ? html`<div class="drop" aria-hidden="true">Drop a scenario JSON file or an Excel workbook to open it, or a CSV file to import it</div>` : nothing}
      <ech-message-dialog .content=${this.dialog} @ech-dialog-close=${() => (this.dialog = undefined)}></ech-message-dialog>
      ${this.optimizing ? html`<ech-optimize-dialog .scenario=${this.optimizing} @ech-optimize-create=${this.onOptimizeCreate}
        @ech-optimize-close=${() => (this.optimizing = undefined)} @ech-frontier-open=${() => void this.openTradeOff()}></ech-optimize-dialog>` : nothing}
      ${this.tradeOff ? html`<ech-frontier-dialog .scenario=${this.tradeOff} @ech-optimize-create=${this.onOptimizeCreate}
        @ech-frontier-close=${() => (this.tradeOff = undefined)}></ech-frontier-dialog>` : nothing}`;
  }

  private renderTab(tab: TabId) {
    const draft = this.draft;
    if (!draft) return html`<p class="placeholder">Loading your scenarios…</p>`;
    if (tab === "network") {
      const diagramSel: DiagramSelection = this.selection.kind === "node" || this.selection.kind === "lane" ? this.selection : null;
      const pick = this.picking && this.selection.kind === "whatifs" ? pickableTargets(draft, this.picking.index, this.picking.note) : undefined;
      const network: DiagramNetwork = draft;
      return html`<div class="network-view">
        <ech-network-views .scenario=${network} .selection=${diagramSel} .issueNodes=${nodesWithIssues(draft, this.issues)} @ech-select=${this.onDiagramSelect}>
        <ech-network-diagram .scenario=${network} .selection=${diagramSel} .issueNodes=${nodesWithIssues(draft, this.issues)} .pick=${pick}
          @ech-select=${this.onDiagramSelect} @ech-pick=${this.onDiagramPick}></ech-network-diagram>
        </ech-network-views>
        <ech-scenario-editor .draft=${draft} .selection=${this.selection} .issues=${this.issues} .picking=${pick ? this.picking!.index : undefined}
          @ech-select=${this.onEditorSelect} @ech-change=${this.onEditorChange}
          @ech-pick-arm=${(e: CustomEvent<number | null>) => { this.armPicking(e.detail); }}
          @ech-optimize=${() => void this.openOptimize()}></ech-scenario-editor>
      </div>`;
    }
    const view = TABS.find((t) => t.id === tab) as { view: ViewName };
    if (!this.loadedViews.has(view.view)) return html`<p class="placeholder">This view is loading…</p>`;
    if (tab === "compare") {
      return html`<ech-compare-view .scenarios=${this.library.validEntries()} .current=${this.current ?? ""} .pair=${this.comparePair} .libraryCount=${this.entries.length} .store=${this.store} .client=${this.client} .blockedBy=${this.jobs.blockerFor("compare")}
        @ech-make-variant=${this.library.onMakeVariant}></ech-compare-view>`;
    }
    const scenario = this.validScenario();
    if (!scenario) {
      const problems = this.checks.issues(draft).length;
      return html`<div class="placeholder"><p>This scenario has ${problems} problem${problems === 1 ? "" : "s"} to fix before it can be simulated.</p>
        <button class="primary" @click=${() => this.showTab("network")}>Show the problems</button></div>`;
    }
    return tab === "run"
      ? html`<ech-run-view .scenario=${scenario} .entryId=${this.current} .store=${this.store} .library=${this.library.validEntries()} .client=${this.client} .blockedBy=${this.jobs.blockerFor("run")}></ech-run-view>`
      : html`<ech-watch-view .scenario=${scenario} .client=${this.client} .blockedBy=${this.jobs.blockerFor("watch")}></ech-watch-view>`;
  }

  static override styles = [controlStyles, appStyles];
}

const HINT_KEY = "echelon:first-use-hint";

/** Whether the first-use hint was dismissed; undefined without storage (then the hint stays hidden). */
function readHintDismissed(storage: Storage | undefined): boolean | undefined {
  try { return storage ? storage.getItem(HINT_KEY) === "dismissed" : undefined; } catch { return undefined; }
}

customElements.define("ech-app", EchelonApp);
declare global {
  interface HTMLElementTagNameMap { "ech-app": EchelonApp }
}

function disruptionCount(draft: Draft): number {
  const list = (draft as { disruptions?: unknown }).disruptions;
  return Array.isArray(list) ? list.length : 0;
}
