/**
 * The Optimise dialog's templates for the network search (progress, the final check) and for
 * promise vs reality: pure functions of their data, as renderAxis is for charts.
 */
import { html, nothing } from "lit";
import type { Verification } from "../../sim/optimize/index.ts";
import type { Scenario } from "../../sim/model/scenario.ts";
import { formatUnits } from "./optimize-rows.ts";
import { checkSummary, networkLine, pct, promiseRows } from "./network-rows.ts";
import type { OptimizationResult } from "../../sim/optimize/index.ts";

/** Evaluations done of the budget, as a progress bar with its words. */
export function renderSearchProgress(done: number, max: number, note: string, onCancel: () => void) {
  return html`<div class="progress" role="status" aria-live="polite">
    <progress max=${max} .value=${done} aria-label="Evaluations done"></progress>
    <span class="evals">${done} of at most ${max} evaluations</span> <button type="button" class="cancel-search" @click=${onCancel}>Cancel search</button>
    ${note ? html`<p class="muted note">${note}</p>` : nothing}</div>`;
}

/** The network search's final check, with the plain warning when the target is not met. */
export function renderCheck(result: OptimizationResult) {
  const { text, warning } = checkSummary(result), sim = result.simulation!;
  return html`<p class="check-line">${sim.evaluations} evaluations × ${sim.replicationsPerEvaluation} replications, started from ${sim.startedFrom ?? "the analytic placements"}. ${text}</p>
    ${sim.check?.verdict ? html`<p class="muted">${sim.check.verdict}</p>` : nothing}
    ${warning ? html`<p class="issue not-met" role="alert">${warning}</p>` : nothing}`;
}

/** Promise vs reality: per node the analytic promise beside the simulated service, optimistic nodes marked, then the network line. */
export function renderPromiseReality(scenario: Scenario, v: Verification) {
  const rows = promiseRows(scenario, v), optimistic = rows.filter((r) => r.optimistic).length;
  return html`<h3 id="opt-pvr-h">Promise vs reality <span class="muted">(${v.replications} replications, seed ${v.seed})</span></h3>
    <p class="network-line">${networkLine(v)}</p>
    <p class="muted">${optimistic ? `${optimistic} ${optimistic === 1 ? "node delivers" : "nodes deliver"} significantly less than the model promises (marked).` : "No node delivers significantly less than the model promises."}
      Intervals are 95%. CSL = cycle service level.</p>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="opt-pvr-h">
      <table class="pvr">
        <thead><tr><th scope="col">Node</th><th scope="col" class="text">Verdict</th><th scope="col" title="Service time: days the node promises">S</th><th scope="col">Safety stock</th>
          <th scope="col">Promised CSL</th><th scope="col">Simulated CSL</th><th scope="col">Fill rate</th><th scope="col">Internal fill rate</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr data-pvr=${r.id} class=${r.optimistic ? "optimistic" : ""}><th scope="row" title=${r.id}>${r.name}</th>
          <td class="text">${r.optimistic ? html`<strong class="flag">⚠ optimistic</strong>` : r.optimistic === false ? "kept" : "–"}</td>
          <td>${r.promise.serviceTime}</td><td>${formatUnits(r.promise.safetyStock)}</td><td>${pct(r.promise.cycleServiceLevel)}</td>
          <td>${r.cycleServiceLevel}</td><td>${r.fillRate}</td><td>${r.internalFillRate}</td></tr>`)}</tbody>
      </table>
    </div>`;
}
