import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { format } from "d3-format";
import type { Trace } from "../../sim/model/batch.ts";
import type { Band } from "../../sim/model/result.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { controlStyles } from "../shared/styles.ts";
import "../network/network-diagram.ts";
import "../charts/fan-chart.ts";
import { COLORS } from "../charts/palette.ts";
import type { SimClientLike } from "../run/sim-client.ts";
import { RunStatus, SimRunController } from "../run/sim-run-controller.ts";
import { JobAnnouncer, blockedReason, type JobView } from "../run/job-events.ts";
import { recall, remember, sameScenario } from "../run/view-memory.ts";
import { clampDay, fillRateSeries, watchFrame, type WatchFrame } from "./watch-frame.ts";
import { disruptionWindows } from "../charts/windows.ts";

export const SPEEDS = [1, 2, 5, 10, 30] as const;
interface Memory { readonly scenario: Scenario; readonly replication: string; readonly trace: Trace; readonly day: number; readonly speed: number }
const MEMORY = "watch-view";
const units = format(",.0f");
const pct = format(".1%");
const pct0 = format(".0%");

/**
 * "Watch one replication": load the day-by-day trace of one replication, then play, pause, step
 * and scrub through it; stock is drawn on `<ech-network-diagram>` and shipments move along the
 * lanes. Keyboard (with the player focused): space plays/pauses, ← and → step a day.
 * While another view's job runs (`blockedBy`), Load is disabled and says why.
 */
export class WatchView extends LitElement {
  static override styles = [controlStyles, css`
    :host { display: block; }
    .pick, .controls { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 0.4rem 0; }
    .pick input { width: 6rem; }
    .player:focus-visible { outline: 2px solid var(--ech-focus, #1a73e8); }
    .player { padding: 0.25rem; }
    input[type="range"] { flex: 1; min-width: 12rem; }
    .day { font-variant-numeric: tabular-nums; min-width: 9rem; font-weight: 600; }
    /* The diagram needs about 56rem at full size (labels 12 px, nothing cut): below that the
       stock table moves under it rather than squeezing it. */
    .layout { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    .layout ech-network-diagram { flex: 3 1 56rem; min-width: 0; }
    :host([presenting]) { background: var(--ech-bg); padding: 1rem 1.5rem; overflow: auto; font-size: 1.3rem; }
    :host([presenting]) .pick { display: none; }
    :host([presenting]) .day { font-size: 1.6rem; min-width: 14rem; }
    :host([presenting]) .layout ech-network-diagram { height: 75vh; flex-basis: 80rem; }
    :host([presenting]) table { font-size: 1.1rem; }
    .layout .stock-wrap { flex: 1 1 14rem; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.82rem; }
    th, td { padding: 1px 8px; text-align: right; border-bottom: 1px solid var(--ech-border, #eee); }
    th:first-child { text-align: left; }
    .stock-wrap { max-height: 34rem; overflow: auto; }
    .layout ech-network-diagram { height: min(70vh, 34rem); }
    tr.stocked-out th, tr.stocked-out td.on-hand { color: var(--ech-error); font-weight: 600; }
    .error { border: 1px solid var(--ech-error, #b00020); border-radius: 4px; padding: 0.5rem 0.75rem; }
  `];
  static override properties = {
    scenario: { attribute: false },
    client: { attribute: false },
    blockedBy: { attribute: false },
    replication: { state: true },
    day: { state: true },
    playing: { state: true },
    speed: { state: true },
    repError: { state: true },
    presenting: { type: Boolean, reflect: true },
  };
  declare scenario: Scenario | undefined;
  declare client: SimClientLike | undefined;
  /** Another view whose simulation job is running: Load waits for it (one job at a time). */
  declare blockedBy: JobView | undefined;
  declare replication: string;
  declare day: number;
  declare playing: boolean;
  declare speed: number;
  declare repError: string;
  /** Presentation mode for a classroom: full screen where the browser allows it, large type. */
  declare presenting: boolean;

  readonly task = new SimRunController<Trace>(this);
  private frame: WatchFrame | undefined;
  private fillBand: Band | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    new JobAnnouncer(this, "watch", this.task);
    this.replication = "0";
    this.day = 0;
    this.playing = false;
    this.speed = 5;
    this.repError = "";
    this.presenting = false;
  }

  private readonly onFullscreenChange = () => { if (!document.fullscreenElement && this.presenting) this.presenting = false; };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("fullscreenchange", this.onFullscreenChange);
  }

  /** Enter or leave presentation mode (the Present button); Escape leaves full screen too. */
  togglePresenting(): void {
    this.presenting = !this.presenting;
    if (this.presenting) void this.requestFullscreen?.()?.catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }

  get trace(): Trace | undefined { return this.task.value; }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const memory = recall<Memory>(MEMORY);
    if (changed.has("scenario") && !changed.get("scenario") && this.scenario && !this.task.value && memory && sameScenario(memory.scenario, this.scenario)) {
      Object.assign(this, { replication: memory.replication, day: memory.day, speed: memory.speed });
      this.task.value = memory.trace;
      this.task.status = RunStatus.COMPLETE;
    } else if (changed.has("scenario") && changed.get("scenario") !== undefined && !sameScenario(changed.get("scenario"), this.scenario)) {
      this.pause();
      this.task.abort();
      this.task.value = undefined;
    }
    const trace = this.trace;
    if (!trace) { this.frame = undefined; this.fillBand = undefined; return; }
    this.frame = watchFrame(trace, this.day);
    if (!this.fillBand || this.fillBand.p50.length !== trace.horizon) {
      const fr = fillRateSeries(trace);
      this.fillBand = { mean: fr, p05: fr, p50: fr, p95: fr };
    }
  }

  /** Fetch the trace of the chosen replication (what the Load button does). */
  async load(): Promise<void> {
    const scenario = this.scenario, client = this.client;
    if (!scenario || !client || this.blockedBy) return;
    const t = this.replication.trim();
    const max = scenario.replications - 1;
    if (!/^\d+$/.test(t) || Number(t) > max) { this.repError = `Replication must be a whole number from 0 to ${max}`; return; }
    this.repError = "";
    this.pause();
    this.fillBand = undefined;
    await this.task.run(() => client.trace(scenario, Number(t)));
    this.day = 0;
  }

  play(): void {
    const trace = this.trace;
    if (!trace || this.playing) return;
    if (this.day >= trace.horizon - 1) this.day = 0;
    this.playing = true;
    this.restartTimer();
  }

  pause(): void {
    this.playing = false;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  toggle(): void { if (this.playing) this.pause(); else this.play(); }

  /** Move `delta` days (clamped to the horizon). */
  step(delta: number): void {
    const trace = this.trace;
    if (!trace) return;
    this.day = clampDay(trace, this.day + delta);
  }

  private restartTimer(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      const trace = this.trace;
      if (!trace || this.day >= trace.horizon - 1) { this.pause(); return; }
      this.day += 1;
    }, 1000 / this.speed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("fullscreenchange", this.onFullscreenChange);
    this.pause();
    if (this.trace && this.scenario) {
      remember<Memory>(MEMORY, { scenario: this.scenario, replication: this.replication, trace: this.trace, day: this.day, speed: this.speed });
    }
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    if (e.key === " " && tag !== "BUTTON") { e.preventDefault(); this.toggle(); }
    else if (e.key === "ArrowRight") { e.preventDefault(); this.pause(); this.step(1); }
    else if (e.key === "ArrowLeft") { e.preventDefault(); this.pause(); this.step(-1); }
  }

  override render() {
    const scenario = this.scenario;
    if (!scenario) return html`<p class="muted">Open a scenario to watch a replication.</p>`;
    const loading = this.task.status === RunStatus.PENDING;
    return html`
      <form class="pick" @submit=${(e: Event) => { e.preventDefault(); void this.load(); }} novalidate>
        <label for="rep">Replication (0–${scenario.replications - 1})</label>
        <input id="rep" type="text" inputmode="numeric" .value=${this.replication} aria-invalid=${this.repError ? "true" : "false"}
          aria-describedby=${this.repError ? "rep-err" : nothing} @input=${(e: Event) => (this.replication = (e.target as HTMLInputElement).value)}>
        <button class="primary" type="submit" ?disabled=${loading || !this.client || !!this.blockedBy}
          aria-describedby=${this.blockedBy ? "rep-blocked" : nothing}>Load replication</button>
        ${loading ? html`<span role="status">Simulating…</span>` : nothing}
        ${this.blockedBy ? html`<span class="muted" id="rep-blocked" role="status">${blockedReason(this.blockedBy)}.</span>` : nothing}
      </form>
      ${this.repError ? html`<p class="issue" id="rep-err">${this.repError}</p>` : nothing}
      ${this.task.status === RunStatus.ERROR ? html`<div class="error" role="alert"><strong>Could not load the replication.</strong> ${this.task.error}</div>` : nothing}
      ${this.trace && this.frame ? this.renderPlayer(scenario, this.trace, this.frame)
        : loading ? nothing : html`<p class="muted empty">Load a replication to play it day by day: stock at every node, shipments moving
          along the lanes, and the day's fill rate — one possible year of “${scenario.name}”.</p>`}`;
  }

  private renderPlayer(scenario: Scenario, trace: Trace, frame: WatchFrame) {
    const names = new Map(scenario.nodes.map((n) => [n.id, n.name ?? n.id]));
    const kinds = new Map(scenario.nodes.map((n) => [n.id, n.kind]));
    return html`<div class="player" tabindex="0" aria-label="Watch player. Space plays or pauses; left and right arrows step one day." @keydown=${this.onKey}>
      <div class="controls">
        <button type="button" @click=${() => this.toggle()} aria-pressed=${this.playing ? "true" : "false"}>${this.playing ? "Pause" : "Play"}</button>
        <button type="button" @click=${() => { this.pause(); this.step(-1); }} aria-label="Previous day">◀ Day</button>
        <button type="button" @click=${() => { this.pause(); this.step(1); }} aria-label="Next day">Day ▶</button>
        <label class="visually-hidden" for="scrub">Day</label>
        <input id="scrub" type="range" min="0" max=${trace.horizon - 1} step="1" .value=${String(frame.day)}
          aria-valuetext=${`Day ${frame.day}`} @input=${(e: Event) => { this.pause(); this.day = Number((e.target as HTMLInputElement).value); }}>
        <span class="day" aria-live="off">Day ${frame.day} of ${trace.horizon - 1}</span>
        <button type="button" aria-pressed=${this.presenting ? "true" : "false"} @click=${() => this.togglePresenting()}
          title="Full screen with large type, for a classroom">${this.presenting ? "Leave presentation" : "Present"}</button>
        <label>Speed <select @change=${(e: Event) => { this.speed = Number((e.target as HTMLSelectElement).value); if (this.playing) this.restartTimer(); }}>
          ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s} days/s</option>`)}</select></label>
      </div>
      <p class="muted">Replication ${trace.replication}. Network fill rate today: ${Number.isFinite(frame.fillRate) ? pct(frame.fillRate) : "no demand"};
        ${frame.flows.length} shipment${frame.flows.length === 1 ? "" : "s"} on the road.</p>
      <div class="layout">
        <ech-network-diagram .scenario=${scenario} .nodeValues=${frame.nodeValues} .flows=${frame.flows} .minScale=${this.presenting ? 1.5 : 1}></ech-network-diagram>
        <div class="stock-wrap" tabindex="0" role="region" aria-label="Stock by node"><table aria-label=${`Stock at the end of day ${frame.day}`}>
          <thead><tr><th scope="col">Node</th><th scope="col">On hand</th><th scope="col">Backorders</th></tr></thead>
          <tbody>${trace.nodes.map((id) => {
            const v = frame.nodeValues.get(id)!;
            return html`<tr data-node=${id} class=${v.onHand < 0.5 && kinds.get(id) !== "supplier" ? "stocked-out" : ""}><th scope="row">${names.get(id) ?? id}</th><td class="on-hand">${units(v.onHand)}</td><td>${units(v.backorders)}</td></tr>`;
          })}</tbody></table></div>
      </div>
      <ech-fan-chart .band=${this.fillBand} label="Network fill rate" unit="%" .showBand=${false} .zero=${false} .marker=${frame.day} .windows=${disruptionWindows(scenario)}
        .height=${160} color=${COLORS.fillRate} .format=${(v: number) => (Number.isFinite(v) ? pct(v) : "no demand")} .axisFormat=${pct0}></ech-fan-chart>
    </div>`;
  }
}

customElements.define("ech-watch-view", WatchView);
declare global {
  interface HTMLElementTagNameMap { "ech-watch-view": WatchView }
}
