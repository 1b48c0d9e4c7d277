import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import type { Band, ComparisonResult, KpiDiff, Series } from "../../sim/model/result.ts";
import type { StockBreakdown } from "../../sim/model/stock-breakdown.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { KPI_DEFINITIONS } from "../../sim/model/kpis.ts";
import { assemblyNote } from "./assembly-note.ts";
import { controlStyles } from "../shared/styles.ts";
import { formatterFor, formatterForPrecision, statTooltip } from "../results/kpi-format.ts";
import "../charts/interval-chart.ts";
import "../charts/overlay-fan-chart.ts";
import type { FanLayer } from "../charts/overlay-fan-chart.ts";
import "../charts/tradeoff-point-chart.ts";
import "../charts/cost-chart.ts";
import { disruptionWindows, type TimeWindow } from "../charts/windows.ts";
import { COST_KPIS } from "../results/results-view.ts";
import { PanelsController } from "../results/panels-controller.ts";
import "../results/stock-breakdown.ts";
import { fileStem } from "../results/results-export.ts";
import "../results/bullwhip-chart.ts";
import { bullwhipChain, comparedSide } from "../results/bullwhip-chain.ts";
import { progressText } from "../run/progress.ts";
import { RunProgressController } from "../run/run-progress-controller.ts";
import { JobAnnouncer, blockedReason, type JobView } from "../run/job-events.ts";
import { parseRunFields } from "../run/run-options.ts";
import type { SimClientLike } from "../run/sim-client.ts";
import { RunStatus, SimRunController } from "../run/sim-run-controller.ts";
import { recall, remember, sameScenario } from "../run/view-memory.ts";
import type { KeyValueStore } from "../storage/store.ts";
import { describeChange, describeChangePath, diffScenarios } from "./scenario-diff.ts";
import { VERDICT_TEXT, formatRelative, verdict } from "./verdict.ts";
import { TRADEOFF_CAPTION, pairedText, renderTradeoffDifferences } from "./tradeoff-differences.ts";

export interface LibraryEntry { readonly id: string; readonly name: string; readonly scenario: Scenario }

/**
 * A finished comparison: the scenarios as compared, and when (ms since the epoch); `stock`, where
 * each plan's stock sits (absent from comparisons stored before it existed).
 */
interface Compared {
  readonly comparison: ComparisonResult; readonly a: LibraryEntry; readonly b: LibraryEntry; readonly ranAt?: number;
  readonly stock?: { readonly a?: StockBreakdown; readonly b?: StockBreakdown };
  /** Each side's per-day bands, for the overlaid fan charts (absent from comparisons stored before them). */
  readonly series?: { readonly a?: Series; readonly b?: Series };
}
interface Memory { readonly aId: string; readonly bId: string; readonly replications: string; readonly seed: string; readonly compared: Compared }
const MEMORY = "compare-view";
/** IndexedDB key of the last comparison that involved a library entry (as A or as B). */
const storeKey = (entryId: string) => `compare:${entryId}`;


/** KPI rows of a comparison in catalogue order. */
export function diffRows(diffs: { readonly [kpi: string]: KpiDiff }) {
  return KPI_DEFINITIONS.filter((d) => diffs[d.key]).map((def) => ({ def, d: diffs[def.key], verdict: verdict(diffs[def.key], def) }));
}

/** Compare's result panels in their default order, by heading id. */
const PANEL_IDS = ["cmp-trade-h", "cmp-chart-h", "cmp-fan-h", "cmp-cost-h", "cmp-stock-h", "cmp-bw-h", "cmp-net-h", "cmp-node-h"] as const;
type PanelId = (typeof PANEL_IDS)[number];

/** A's and B's colours on every chart that overlays or sets them side by side. */
export const SIDE_COLORS = { a: "#4e79a7", b: "#e15759" } as const;

/** Both scenarios' disruption windows, each named by its side; a window both share is drawn once. */
export function compareWindows(a: Scenario, b: Scenario): TimeWindow[] {
  const wa = disruptionWindows(a), wb = disruptionWindows(b);
  const same = (w: TimeWindow, v: TimeWindow) => w.start === v.start && w.end === v.end && w.label === v.label;
  return [
    ...wa.map((w) => ({ ...w, label: `${wb.some((v) => same(w, v)) ? "A and B" : "A"}: ${w.label}` })),
    ...wb.filter((w) => !wa.some((v) => same(w, v))).map((w) => ({ ...w, label: `B: ${w.label}` })),
  ];
}

/** The network KPIs Compare draws for A and B. */
const CHART_KPIS = KPI_DEFINITIONS.filter((d) => d.key === "fillRate" || d.key === "totalCost");

/** Default pair: A = the current scenario (else the first), B = the first other one. */
export function defaultPair(entries: readonly { id: string }[], current: string | undefined): [string, string] {
  const a = entries.find((e) => e.id === current)?.id ?? entries[0]?.id ?? "";
  const b = entries.find((e) => e.id !== a)?.id ?? "";
  return [a, b];
}

/**
 * A vs B with common random numbers: pick two library scenarios, run them through
 * `client.compare`, and read each KPI's paired difference with its 95% interval, the relative
 * change and a verdict, for the network and per node; plus what changed between the two.
 * While another view's job runs (`blockedBy`), the Compare button is disabled and says why.
 */
export class CompareView extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .pick { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-end; }
    .field { display: flex; flex-direction: column; gap: 0.15rem; }
    .field input { width: 7rem; }
    .buttons { display: flex; gap: 0.5rem; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.88rem; margin: 0.5rem 0; }
    th, td { padding: 2px 10px; border-bottom: 1px solid var(--ech-border, #ddd); text-align: right; white-space: nowrap; }
    th:first-child, td:first-child, td.verdict, th:last-child { text-align: left; }
    .better { color: #1b7a36; font-weight: 600; }
    .worse { color: #b00020; font-weight: 600; }
    .higher, .lower { color: #6a4c93; font-weight: 600; }
    .none, .undefined { color: var(--ech-muted, #666); }
    .verdict .mark { display: inline-block; width: 1.1em; }
    ul.diff { font-family: ui-monospace, monospace; font-size: 0.85rem; padding-left: 1.2rem; }
    .error { border: 1px solid var(--ech-error, #b00020); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
    section { margin: 1rem 0; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
    figure.bullwhip { margin: 0; min-width: 0; }
    .tradeoff { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    .tradeoff ech-tradeoff-point-chart { flex: 2 1 28rem; min-width: 0; }
    table.paired caption { text-align: left; font-size: 0.85rem; font-weight: 600; padding-bottom: 0.25rem; }
    table.paired { flex: 1 1 18rem; }
    p.caption { margin: 0.25rem 0; max-width: 60rem; }
    figure.bullwhip figcaption { font-size: 0.9rem; font-weight: 600; }
    .provenance { margin: 0.75rem 0 0; }
    .provenance .stale { color: var(--ech-warn); }
    .node-pick { flex-direction: row; align-items: center; gap: 0.4rem; }
    h3 { font-size: 1rem; margin: 0.5rem 0; }
    section.collapsed > :not(.section-head) { display: none; }
    .section-head { display: flex; align-items: center; gap: 0.4rem; }
    .section-head .spacer { flex: 1; }
    .move, .fold { font-size: 0.8rem; }
    .move { min-width: 1.9rem; padding-inline: 0.3rem; }
  `];
  static override properties = {
    scenarios: { attribute: false },
    current: { type: String },
    pair: { attribute: false },
    libraryCount: { type: Number },
    store: { attribute: false },
    client: { attribute: false },
    blockedBy: { attribute: false },
    aId: { state: true },
    bId: { state: true },
    replications: { state: true },
    seed: { state: true },
    fieldError: { state: true },
    node: { state: true },
    fanNode: { state: true },
  };
  declare scenarios: readonly LibraryEntry[];
  declare current: string;
  /** A and B chosen by the shell (after "Make a variant of A": the original as A, the variant as B). */
  declare pair: readonly [string, string] | undefined;
  /** How many scenarios the library holds, those with problems included (`scenarios` lists only the comparable ones). */
  declare libraryCount: number | undefined;
  /** Where the last comparison of each scenario is kept across reloads (IndexedDB in the app). */
  declare store: KeyValueStore | undefined;
  declare client: SimClientLike | undefined;
  /** Another view whose simulation job is running: Compare waits for it (one job at a time). */
  declare blockedBy: JobView | undefined;
  declare aId: string;
  declare bId: string;
  declare replications: string;
  declare seed: string;
  declare fieldError: string;
  declare node: string;
  /** The node whose backorders the overlaid fans show. */
  declare fanNode: string;

  readonly task = new SimRunController<Compared>(this);
  /** The result panels' order and which are folded away, remembered in localStorage. */
  readonly panels = new PanelsController(this, { folded: "echelon:folded-compare-panels", order: "echelon:compare-panel-order" }, PANEL_IDS);
  private readonly runProgress = new RunProgressController(this, this.task);

  constructor() {
    super();
    new JobAnnouncer(this, "compare", this.task);
    this.scenarios = [];
    this.current = "";
    this.aId = "";
    this.bId = "";
    this.replications = "";
    this.seed = "";
    this.fieldError = "";
    this.node = "";
    this.fanNode = "";
  }

  private entry(id: string): LibraryEntry | undefined { return this.scenarios.find((e) => e.id === id); }

  /** After a reload: the last comparison that involved the open scenario, if both are still in the library. */
  private restoreStored(): void {
    const store = this.store, current = this.current;
    if (!store || !current) return;
    void store.get<Memory>(storeKey(current)).catch(() => undefined).then((m) => {
      if (!m || this.task.value || this.task.pending || this.current !== current || !this.entry(m.aId) || !this.entry(m.bId)) return;
      if (this.pair && (this.pair[0] !== m.aId || this.pair[1] !== m.bId)) return;
      remember<Memory>(MEMORY, m);
      Object.assign(this, { aId: m.aId, bId: m.bId, replications: m.replications, seed: m.seed });
      this.task.value = m.compared;
      this.task.status = RunStatus.COMPLETE;
      this.requestUpdate();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const memory = recall<Memory>(MEMORY);
    if (changed.has("scenarios") && !changed.get("scenarios")?.length && this.scenarios.length && !memory) this.restoreStored();
    const pair = this.pair && this.entry(this.pair[0]) && this.entry(this.pair[1]) ? this.pair : undefined;
    if (changed.has("scenarios") && !changed.get("scenarios")?.length && !this.task.value && memory
      && this.entry(memory.aId) && this.entry(memory.bId) && (!pair || (pair[0] === memory.aId && pair[1] === memory.bId))) {
      Object.assign(this, { aId: memory.aId, bId: memory.bId, replications: memory.replications, seed: memory.seed });
      this.task.value = memory.compared;
      this.task.status = RunStatus.COMPLETE;
      return;
    }
    if (changed.has("scenarios") || changed.has("current")) {
      const ids = new Set(this.scenarios.map((e) => e.id));
      const [a, b] = defaultPair(this.scenarios, this.current);
      if (changed.has("current") || !ids.has(this.aId)) this.aId = a;
      if (!ids.has(this.bId) || this.bId === this.aId) this.bId = this.scenarios.find((e) => e.id !== this.aId)?.id ?? b;
    }
    if (pair && (changed.has("pair") || changed.has("current"))) [this.aId, this.bId] = pair;
    if ((changed.has("aId") || changed.has("scenarios")) && this.entry(this.aId) && (changed.has("aId") || this.replications === "")) {
      const s = this.entry(this.aId)!.scenario;
      this.replications = String(s.replications);
      this.seed = String(s.seed);
    }
  }

  /** Run A vs B (what the Compare button does). */
  async start(): Promise<void> {
    const a = this.entry(this.aId), b = this.entry(this.bId), client = this.client;
    if (!a || !b || !client || this.blockedBy) return;
    const parsed = parseRunFields({ replications: this.replications, seed: this.seed, horizon: String(a.scenario.horizon), warmup: String(a.scenario.warmup), series: true });
    if (!parsed.ok) { this.fieldError = parsed.errors.replications ?? parsed.errors.seed ?? Object.values(parsed.errors)[0] ?? ""; return; }
    if (parsed.options.replications < 2) { this.fieldError = "Replications must be at least 2 to give an interval"; return; }
    this.fieldError = "";
    await this.runProgress.run(undefined, async (signal, onProgress) => {
      const r = await client.compare(a.scenario, b.scenario, {
        // Per-day series on: the overlaid fans need them, and the workers reduce them (docs/benchmarks.md).
        replications: parsed.options.replications, seed: parsed.options.seed, series: true, signal, onProgress,
      });
      const compared: Compared = {
        comparison: r.comparison, a, b, ranAt: Date.now(), stock: { a: r.a.stockBreakdown, b: r.b.stockBreakdown }, series: { a: r.a.series, b: r.b.series },
      };
      const memory: Memory = { aId: a.id, bId: b.id, replications: this.replications, seed: this.seed, compared };
      remember<Memory>(MEMORY, memory);
      for (const id of [a.id, b.id]) void this.store?.set(storeKey(id), memory).catch(() => undefined);
      return compared;
    });
  }

  cancel(): void {
    this.runProgress.cancel();
  }

  private makeVariant(): void {
    this.dispatchEvent(new CustomEvent("ech-make-variant", { bubbles: true, composed: true, detail: { from: this.aId } }));
  }

  override render() {
    if (this.scenarios.length === 0) {
      return html`<p class="muted">${this.libraryCount ? `None of your ${this.libraryCount} scenarios can be compared yet: fix their problems first (Network tab).`
        : "The library is empty: save a scenario first."}</p>`;
    }
    const pending = this.task.status === RunStatus.PENDING;
    const a = this.entry(this.aId), b = this.entry(this.bId);
    const canRun = !!a && !!b && a.id !== b.id && !!this.client && !pending && !this.blockedBy;
    return html`
      <div class="pick">
        ${this.renderSelect("A", this.aId, (v) => (this.aId = v))}
        ${this.renderSelect("B", this.bId, (v) => (this.bId = v))}
        <button type="button" @click=${() => this.makeVariant()} ?disabled=${!a}>Make a variant of A</button>
        <div class="field"><label for="cmp-reps">Replications</label>
          <input id="cmp-reps" type="text" inputmode="numeric" .value=${this.replications} aria-invalid=${this.fieldError ? "true" : "false"}
            @input=${(e: Event) => (this.replications = (e.target as HTMLInputElement).value)}></div>
        <div class="field"><label for="cmp-seed">Seed</label>
          <input id="cmp-seed" type="text" .value=${this.seed} @input=${(e: Event) => (this.seed = (e.target as HTMLInputElement).value)}></div>
        <span class="buttons"><button class="primary" type="button" ?disabled=${!canRun}
          aria-describedby=${this.blockedBy ? "cmp-blocked" : nothing} @click=${() => void this.start()}>Compare A and B</button>
        <button type="button" ?disabled=${!pending} @click=${() => this.cancel()}>Cancel</button></span>
      </div>
      ${this.blockedBy ? html`<p class="muted" id="cmp-blocked" role="status">${blockedReason(this.blockedBy)}.</p>` : nothing}
      ${this.fieldError ? html`<p class="issue" role="alert">${this.fieldError}</p>` : nothing}
      ${a && b && a.id === b.id ? html`<p class="issue">Pick two different scenarios.</p>` : nothing}
      ${this.scenarios.length < 2 ? html`<p class="muted">${this.renderTooFew()}</p>` : nothing}
      ${pending ? this.renderProgress() : nothing}
      ${this.task.status === RunStatus.ERROR ? html`<div class="error" role="alert"><strong>The comparison failed.</strong> ${this.task.error}</div>` : nothing}
      ${a && b && a.id !== b.id ? this.renderDiff(a, b) : nothing}
      ${this.task.value ? this.renderComparison(this.task.value) : nothing}`;
  }

  /** Why there is nothing to compare A with, counting the scenarios that have problems. */
  private renderTooFew() {
    const total = Math.max(this.libraryCount ?? 0, this.scenarios.length), blocked = total - this.scenarios.length;
    if (blocked === 0) return "Only one scenario in the library: make a variant of A to compare against.";
    return `Only one of your ${total} scenarios can be compared: ${blocked === 1 ? "the other has" : `${blocked} have`} problems to fix first (Network tab). Or make a variant of A.`;
  }

  private renderProgress() {
    const p = this.runProgress.progress;
    return html`<div role="status" aria-live="polite"><progress max=${p?.total ?? 1} .value=${p?.done ?? 0} aria-label="Replications done"></progress>
      ${p ? progressText(p) : "Starting…"}</div>`;
  }

  private renderSelect(which: "A" | "B", value: string, set: (v: string) => void) {
    return html`<div class="field"><label for=${`cmp-${which}`}>Scenario ${which}</label>
      <select id=${`cmp-${which}`} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${this.scenarios.map((e) => html`<option value=${e.id} ?selected=${e.id === value}>${e.name}</option>`)}
      </select></div>`;
  }

  private renderDiff(a: LibraryEntry, b: LibraryEntry) {
    const changes = diffScenarios(a.scenario, b.scenario);
    const names = new Map([...a.scenario.nodes, ...b.scenario.nodes].map((n) => [n.id, n.name ?? n.id]));
    return html`<section aria-labelledby="diff-h"><h3 id="diff-h">What B changes from A</h3>
      ${changes.length === 0 ? html`<p class="muted">The two scenarios are identical.</p>`
        : html`<ul class="diff">${changes.map((c) => html`<li title=${describeChangePath(c)}>${describeChange(c, names)}</li>`)}</ul>`}</section>`;
  }

  /** When the comparison ran, and whether either scenario changed since. */
  private renderProvenance({ a, b, ranAt }: Compared) {
    const changed = [a, b].filter((e) => { const now = this.entry(e.id); return !now || !sameScenario(now.scenario, e.scenario); });
    const when = ranAt ? new Date(ranAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "";
    return html`<p class="provenance muted">${when ? `Compared ${when}` : "Compared earlier"}${changed.length
      ? html` · <strong class="stale">stale</strong>: ${changed.map((e) => `“${e.name}”`).join(" and ")} changed since; compare again to update.` : "."}</p>`;
  }

  private renderComparison(compared: Compared) {
    const { comparison: c, a, b } = compared;
    const nodes = Object.keys(c.nodes);
    const node = nodes.includes(this.node) ? this.node : nodes[0] ?? "";
    const names = new Map(b.scenario.nodes.map((n) => [n.id, n.name ?? n.id]));
    const panel = (id: string) => {
      switch (id as PanelId) {
        case "cmp-trade-h": return this.renderTradeoff(c, a, b);
        case "cmp-chart-h": return this.renderCharts(c, a, b);
        case "cmp-fan-h": return this.renderFans(compared);
        case "cmp-cost-h": return this.renderCosts(c, a, b);
        case "cmp-stock-h": return this.renderStock(compared);
        case "cmp-bw-h": return this.renderBullwhip(compared);
        case "cmp-net-h": return html`<section aria-labelledby="cmp-net-h" data-panel="cmp-net-h" class=${this.panels.fold("cmp-net-h")}><div class="section-head"><h3 id="cmp-net-h">Network: ${b.name} (B) vs ${a.name} (A), ${c.replications} paired replications, seed ${String(c.seed)}</h3><span class="spacer"></span>${this.panels.controls("cmp-net-h", "Network table")}</div>
        ${this.renderAssemblyNote(compared)}
        ${this.renderTable(c.network, "network")}</section>`;
        case "cmp-node-h": return nodes.length ? html`<section aria-labelledby="cmp-node-h" data-panel="cmp-node-h" class=${this.panels.fold("cmp-node-h")}><div class="section-head"><h3 id="cmp-node-h">${names.get(node) ?? node}: ${b.name} (B) vs ${a.name} (A)</h3><span class="spacer"></span>${this.panels.controls("cmp-node-h", "Node table")}</div>
          <div class="field node-pick"><label for="cmp-node">Node</label> <select id="cmp-node" @change=${(e: Event) => (this.node = (e.target as HTMLSelectElement).value)}>
            ${nodes.map((id) => html`<option value=${id} ?selected=${id === node}>${names.get(id) ?? id}</option>`)}</select></div>
        ${node ? this.renderTable(c.nodes[node], node) : nothing}</section>` : nothing;
      }
    };
    return html`${this.renderProvenance(compared)}${this.panels.order.map(panel)}`;
  }

  /** A vs B drawn: fill rate and cost per day by scenario (5th–95th percentile, 95% CI of the mean, median, mean). */
  private renderCharts(c: Compared["comparison"], a: LibraryEntry, b: LibraryEntry) {
    const charts = CHART_KPIS.filter((k) => c.network[k.key]);
    if (!charts.length) return nothing;
    return html`<section aria-labelledby="cmp-chart-h" data-panel="cmp-chart-h" class=${this.panels.fold("cmp-chart-h")}><div class="section-head"><h3 id="cmp-chart-h">A and B across replications</h3><span class="spacer"></span>${this.panels.controls("cmp-chart-h", "A and B across replications")}</div>
      <div class="charts">${charts.map((k) => html`<ech-interval-chart data-kpi=${k.key} label=${k.label}
        .rows=${[{ label: `A: ${a.name}`, stat: c.network[k.key].a }, { label: `B: ${b.name}`, stat: c.network[k.key].b }]}
        .format=${formatterFor(k.unit)}></ech-interval-chart>`)}</div></section>`;
  }

  /**
   * A and B on the service–inventory trade-off: mean network stock across, fill rate up, both with
   * 95% intervals; beside it the paired differences, the test the chart's bars are not (tradeoff-differences.ts).
   */
  private renderTradeoff(c: Compared["comparison"], a: LibraryEntry, b: LibraryEntry) {
    const stock = c.network.onHand, fill = c.network.fillRate;
    if (!stock || !fill) return nothing;
    const points = (["a", "b"] as const).map((k) => ({ label: `${k.toUpperCase()}: ${(k === "a" ? a : b).name}`, color: SIDE_COLORS[k], x: stock[k], y: fill[k] }));
    return html`<section aria-labelledby="cmp-trade-h" data-panel="cmp-trade-h" class=${this.panels.fold("cmp-trade-h")}><div class="section-head"><h3 id="cmp-trade-h">Trade-off: stock against fill rate</h3><span class="spacer"></span>${this.panels.controls("cmp-trade-h", "Trade-off")}</div>
      <p class="muted caption">${TRADEOFF_CAPTION}</p>
      <div class="tradeoff"><ech-tradeoff-point-chart .points=${points} xLabel="Mean network on hand (units)" yLabel="Fill rate" .xFormat=${formatterFor("units")}
        .yFormat=${formatterFor("0…1")}></ech-tradeoff-point-chart>${renderTradeoffDifferences(c.network, c.replications)}</div></section>`;
  }

  /**
   * A's and B's fans on one time axis: the network fill rate, and one node's backorders, by day,
   * with both scenarios' disruption windows shaded.
   */
  private renderFans({ series, a, b }: Compared) {
    if (!series?.a || !series.b) return html`<section aria-labelledby="cmp-fan-h" data-panel="cmp-fan-h" class=${this.panels.fold("cmp-fan-h")}><div class="section-head"><h3 id="cmp-fan-h">A and B by day</h3><span class="spacer"></span>${this.panels.controls("cmp-fan-h", "A and B by day")}</div>
      <p class="muted">This comparison was made without per-day series: compare again to see A and B by day.</p></section>`;
    const sa = series.a, sb = series.b, windows = compareWindows(a.scenario, b.scenario);
    const nodes = Object.keys(sa.nodes).filter((id) => sb.nodes[id]);
    const node = nodes.includes(this.fanNode) ? this.fanNode : nodes.find((id) => a.scenario.demand.some((d) => d.node === id)) ?? nodes[0] ?? "";
    const names = new Map([...a.scenario.nodes, ...b.scenario.nodes].map((n) => [n.id, n.name ?? n.id]));
    const layers = (pick: (s: Series) => Band | undefined): FanLayer[] =>
      ([["A", a, sa, SIDE_COLORS.a], ["B", b, sb, SIDE_COLORS.b]] as const).flatMap(([k, e, s, color]) => {
        const band = pick(s);
        return band ? [{ label: `${k}: ${e.name}`, color, band }] : [];
      });
    return html`<section aria-labelledby="cmp-fan-h" data-panel="cmp-fan-h" class=${this.panels.fold("cmp-fan-h")}><div class="section-head"><h3 id="cmp-fan-h">A and B by day</h3><span class="spacer"></span>${this.panels.controls("cmp-fan-h", "A and B by day")}</div>
      <p class="muted">Median and 5–95% of replications by day, A solid and B dashed${windows.length ? "; grey: disruption windows (hover for which scenario)" : ""}.</p>
      <div class="field node-pick"><label for="cmp-fan-node">Backorders at</label> <select id="cmp-fan-node" @change=${(e: Event) => (this.fanNode = (e.target as HTMLSelectElement).value)}>
        ${nodes.map((id) => html`<option value=${id} ?selected=${id === node}>${names.get(id) ?? id}</option>`)}</select></div>
      <div class="charts">
        <ech-overlay-fan-chart id="cmp-fan-fill" .layers=${layers((s) => s.network.fillRate)} .firstDay=${sa.firstDay} label="Network fill rate" unit="%"
          .windows=${windows} .zero=${false} .format=${formatterFor("0…1")} .height=${240}></ech-overlay-fan-chart>
        <ech-overlay-fan-chart id="cmp-fan-backorders" .layers=${layers((s) => s.nodes[node]?.backorders)} .firstDay=${sa.firstDay} label=${`Backorders at ${names.get(node) ?? node}`} unit="units"
          .windows=${windows} .height=${240}></ech-overlay-fan-chart>
      </div></section>`;
  }

  /** The network's cost per day in its parts, A's bar over B's, on one scale. */
  private renderCosts(c: Compared["comparison"], a: LibraryEntry, b: LibraryEntry) {
    const keys = COST_KPIS.filter((k) => c.network[k]);
    if (!keys.length) return nothing;
    const series = keys.map((k) => ({ key: k, label: KPI_DEFINITIONS.find((d) => d.key === k)!.label.replace(/ cost$/, "") }));
    const rows = (["a", "b"] as const).map((side) => ({ label: `${side.toUpperCase()}: ${(side === "a" ? a : b).name}`, values: Object.fromEntries(keys.map((k) => [k, c.network[k][side].mean])) }));
    return html`<section aria-labelledby="cmp-cost-h" data-panel="cmp-cost-h" class=${this.panels.fold("cmp-cost-h")}><div class="section-head"><h3 id="cmp-cost-h">Cost per day: A and B</h3><span class="spacer"></span>${this.panels.controls("cmp-cost-h", "Cost per day")}</div>
      <ech-cost-chart id="cmp-costs" .rows=${rows} .series=${series} unit="money/day"></ech-cost-chart></section>`;
  }

  /** Where the stock sits in A and in B: stacked bars by echelon, side by side (docs/kpis.md "Stock breakdown"). */
  private renderStock({ stock, a, b }: Compared) {
    if (!stock?.a || !stock.b) return nothing;
    const names = new Map([...a.scenario.nodes, ...b.scenario.nodes].map((n) => [n.id, n.name ?? n.id]));
    return html`<section aria-labelledby="cmp-stock-h" data-panel="cmp-stock-h" class=${this.panels.fold("cmp-stock-h")}><div class="section-head"><h3 id="cmp-stock-h">Where the stock sits: A and B by echelon</h3><span class="spacer"></span>${this.panels.controls("cmp-stock-h", "Where the stock sits")}</div>
      <p class="muted">A: ${a.name} · B: ${b.name}. Whiskers: 95% interval of each echelon's average total stock.</p>
      <ech-stock-breakdown .plans=${[{ label: "A", breakdown: stock.a }, { label: "B", breakdown: stock.b }]} .names=${names}
        exportName=${`${fileStem(`${a.name} vs ${b.name}`)}-stock`}></ech-stock-breakdown></section>`;
  }

  /** The bullwhip along the chain in A and in B, side by side (src/ui/results/bullwhip-chart.ts). */
  private renderBullwhip({ comparison: c, a, b }: Compared) {
    const sides = [{ key: "a", entry: a }, { key: "b", entry: b }] as const;
    const rows = sides.map(({ key, entry }) => bullwhipChain(comparedSide(c.nodes, key), entry.scenario));
    if (!rows.some((r) => r.length)) return nothing;
    // One scale for both, so a taller bar is a larger ratio across the two charts.
    const cover = rows.flat().flatMap((r) => [r.ratio.ci95[0], r.ratio.ci95[1], r.compounded ?? 1]);
    return html`<section aria-labelledby="cmp-bw-h" data-panel="cmp-bw-h" class=${this.panels.fold("cmp-bw-h")}><div class="section-head"><h3 id="cmp-bw-h">Bullwhip along the chain: A and B</h3><span class="spacer"></span>${this.panels.controls("cmp-bw-h", "Bullwhip")}</div>
      <div class="charts">${sides.map(({ key, entry }, i) => html`<figure class="bullwhip" data-side=${key}>
        <figcaption>${key.toUpperCase()}: ${entry.name}</figcaption><ech-bullwhip-chart .rows=${rows[i]} .cover=${cover}></ech-bullwhip-chart></figure>`)}</div></section>`;
  }

  private renderAssemblyNote({ a, b }: Compared) {
    const note = assemblyNote(a, b);
    return note ? html`<p class="muted assembly-note">${note}</p>` : nothing;
  }

  private renderTable(diffs: { readonly [kpi: string]: KpiDiff }, scope: string) {
    const marks = { better: "▲", worse: "▼", higher: "↑", lower: "↓", none: "·", undefined: "–" } as const;
    return html`<table data-scope=${scope}>
      <thead><tr><th scope="col">KPI</th><th scope="col">A</th><th scope="col">B</th><th scope="col">B − A (95% CI)</th><th scope="col">Change</th><th scope="col">Verdict</th></tr></thead>
      <tbody>${diffRows(diffs).map(({ def, d, verdict: v }) => {
        const f = formatterForPrecision(def.unit, (d.diff.ci95[1] - d.diff.ci95[0]) / 2);
        return html`<tr data-kpi=${def.key}>
          <th scope="row" title=${def.description}>${def.label}</th>
          <td title=${statTooltip(def, d.a)}>${f(d.a.mean)}</td>
          <td title=${statTooltip(def, d.b)}>${f(d.b.mean)}</td>
          <td>${pairedText(def, d)}</td>
          <td>${formatRelative(d.relative)}</td>
          <td class=${`verdict ${v}`}><span class="mark" aria-hidden="true">${marks[v]}</span>${VERDICT_TEXT[v]}</td>
        </tr>`;
      })}</tbody></table>`;
  }
}

customElements.define("ech-compare-view", CompareView);
declare global {
  interface HTMLElementTagNameMap { "ech-compare-view": CompareView }
}
