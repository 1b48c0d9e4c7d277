/**
 * `<ech-risk-pooling-lab>`: a page a trainer projects to show risk pooling. Sliders set the
 * stores, their demand, its correlation, the lead time and the service target; beside them, each
 * store holding its own stock against one pooled stock, by theory at once and by simulation (the
 * real engine, in the workers) a moment later, with intervals, and how the saving fades as ρ grows.
 * It fills the window and never scrolls at 1280×720.
 */
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { poolingTheory, type Estimate, type PoolingInputs, type PoolingTheory } from "../../sim/optimize/risk-pooling/index.ts";
import type { SimClientLike } from "../run/sim-client.ts";
import { controlStyles } from "../shared/styles.ts";
import { DEFAULT_SETTINGS, LAB_HOLDING_COST, SLIDERS, poolingInputs, type LabSettings, type SettingKey } from "./lab-sliders.ts";
import { labStyles } from "./lab-styles.ts";
import { LAB_RUN, PoolingRuns, sweepKey, type LabSimulation, type SweepPoint } from "./pooling-runs.ts";
import { CHART_HEIGHT, CHART_WIDTH, SIMULATED_COLOUR, THEORY_COLOUR, renderSavingChart } from "./saving-chart.ts";

const units = (v: number) => Math.round(v).toLocaleString("en-US");
const money = (v: number) => v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (v: number, digits = 1) => `${(v * 100).toFixed(digits)}%`;
const interval = (e: Estimate, f: (v: number) => string, unit = "") => html`${f(e.mean)}${unit} <span class="ci">(${f(e.lo)}–${f(e.hi)}${unit})</span>`;
const percentNumber = (v: number) => (v * 100).toFixed(2);

export class RiskPoolingLab extends LitElement {
  static override properties = {
    client: { attribute: false },
    settings: { state: true },
    simulation: { state: true },
    sweeps: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  /** The page's worker client; without one the lab shows theory only. */
  declare client: SimClientLike | undefined;
  declare settings: LabSettings;
  declare simulation: LabSimulation | undefined;
  /** Simulated chart points by sweepKey(inputs). */
  declare sweeps: ReadonlyMap<string, readonly SweepPoint[]>;
  declare busy: boolean;
  declare error: string | undefined;

  private inputs: PoolingInputs = poolingInputs(DEFAULT_SETTINGS);
  private theory: PoolingTheory = poolingTheory(this.inputs);
  private runs = new PoolingRuns({
    onSimulation: (sim) => { if (sim.inputs === this.inputs) this.simulation = sim; },
    onSweepPoint: (inputs, point) => {
      const key = sweepKey(inputs), next = new Map(this.sweeps);
      next.set(key, [...(next.get(key) ?? []), point].sort((a, b) => a.rho - b.rho));
      this.sweeps = next;
    },
    onBusy: (busy) => (this.busy = busy),
    onError: (message) => (this.error = message),
  });

  constructor() {
    super();
    this.settings = DEFAULT_SETTINGS;
    this.sweeps = new Map();
    this.busy = false;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.runs.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("settings")) {
      this.inputs = poolingInputs(this.settings);
      this.theory = poolingTheory(this.inputs);
    }
    if ((changed.has("settings") || changed.has("client")) && this.client) {
      this.error = undefined;
      this.runs.request(this.client, this.inputs);
    }
  }

  private onSlide(key: SettingKey, e: Event) {
    this.settings = { ...this.settings, [key]: Number((e.target as HTMLInputElement).value) };
  }

  override render() {
    const t = this.theory, sim = this.simulation, stale = sim !== undefined && sim.inputs !== this.inputs;
    return html`
      <header>
        <h1>Risk-pooling lab</h1>
        <p class="lead">${this.settings.stores} stores: each with its own safety stock, or one stock for all?</p>
        <a class="back" href="#">Back to the workbench</a>
      </header>
      <form class="sliders" aria-label="Lab settings" @submit=${(e: Event) => e.preventDefault()}>
        ${SLIDERS.map((s) => html`<div class="slider">
          <label for="lab-${s.key}">${s.label}</label>
          <output for="lab-${s.key}" id="lab-${s.key}-value">${s.format(this.settings[s.key], this.settings)}</output>
          <input type="range" id="lab-${s.key}" name=${s.key} min=${s.min} max=${s.max} step=${s.step} .value=${String(this.settings[s.key])}
            aria-valuetext=${s.format(this.settings[s.key], this.settings)} @input=${(e: Event) => this.onSlide(s.key, e)}>
        </div>`)}
        <p class="note">Base stock reviewed daily, normal demand; cost is the safety stock's holding cost at ${LAB_HOLDING_COST.toFixed(2)} per unit per day.</p>
      </form>
      <section class="results" aria-label="Own stock against pooled stock">
        <table class=${stale ? "stale" : ""}>
          <thead><tr><th scope="col" colspan="2"><span class="visually-hidden">Figure</span></th><th scope="col">Each store its own</th><th scope="col">One pooled stock</th></tr></thead>
          <tbody>
            ${this.row("Safety stock, units", "theory", "ss-theory", units(t.own.safetyStock), units(t.pooled.safetyStock))}
            ${this.row("", "simulated", "ss-sim", sim && interval(sim.own.safetyStock, units), sim && interval(sim.pooled.safetyStock, units))}
            ${this.row("Cost per day", "theory", "cost-theory", money(t.own.cost), money(t.pooled.cost))}
            ${this.row("", "simulated", "cost-sim", sim && interval(sim.own.cost, money), sim && interval(sim.pooled.cost, money))}
            ${this.row("Fill rate delivered", "theory", "fill-theory", percent(t.own.fillRate, 2), percent(t.pooled.fillRate, 2))}
            ${this.row("", "simulated", "fill-sim", sim && interval(sim.own.fillRate, percentNumber, "%"), sim && interval(sim.pooled.fillRate, percentNumber, "%"))}
          </tbody>
        </table>
        <p class="headline" id="lab-saving">Pooling saves <strong>${percent(t.saving, 0)}</strong> of the safety stock in theory${sim
          ? html`, <span class=${stale ? "stale" : ""}>${percent(sim.saving.mean, 0)} <span class="ci">(${percent(sim.saving.lo, 0)}–${percent(sim.saving.hi, 0)})</span> simulated</span>`
          : nothing}.</p>
        <p class="status" role="status">${this.status()}</p>
      </section>
      <figure class="chart">
        <svg viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-labelledby="lab-chart-caption">${renderSavingChart(this.settings.stores, this.settings.rho, this.sweeps.get(sweepKey(this.inputs)) ?? [])}</svg>
        <figcaption id="lab-chart-caption">The saving fades as stores move together:
          <span class="key" style="--key:${THEORY_COLOUR}">theory, 1 − √((1 + (N − 1)ρ) / N)</span>
          <span class="key dot" style="--key:${SIMULATED_COLOUR}">simulated, with 95% interval</span></figcaption>
      </figure>`;
  }

  private row(figure: string, kind: "theory" | "simulated", id: string, own: unknown, pooled: unknown) {
    const pending = html`<span class="pending">${this.client ? "simulating…" : "—"}</span>`;
    return html`<tr class=${kind} id="lab-${id}">${figure ? html`<th scope="row" rowspan="2">${figure}</th>` : nothing}<td class="kind">${kind}</td>
      <td>${own ?? pending}</td><td>${pooled ?? pending}</td></tr>`;
  }

  private status(): string {
    if (this.error) return `The simulation failed: ${this.error}`;
    if (!this.client) return "Theory only: the simulation workers are not available.";
    const run = `${LAB_RUN.replications} replications of ${LAB_RUN.horizon - LAB_RUN.warmup} days each, 95% intervals`;
    return this.busy ? `Simulating (${run})…` : `Simulated: ${run}.`;
  }

  static override styles = [controlStyles, labStyles];
}

customElements.define("ech-risk-pooling-lab", RiskPoolingLab);
declare global {
  interface HTMLElementTagNameMap { "ech-risk-pooling-lab": RiskPoolingLab }
}
