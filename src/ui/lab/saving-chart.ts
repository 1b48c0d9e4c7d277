/**
 * The lab's small chart: the share of safety stock pooling saves against the correlation ρ, as
 * theory's curve 1 − √((1 + (N − 1)ρ)/N) and as simulated points with their 95% intervals, with
 * the current ρ marked. Drawn in a fixed viewBox that the page scales up, so its text grows with it.
 */
import { svg, type SVGTemplateResult } from "lit";
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { poolingSaving } from "../../sim/optimize/risk-pooling/index.ts";
import { renderAxis } from "../charts/axis.ts";
import type { SweepPoint } from "./pooling-runs.ts";

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 230;
const MARGIN = { top: 12, right: 16, bottom: 46, left: 72 };
const RHO_MAX = 0.95;
const CURVE_STEPS = 60;
export const THEORY_COLOUR = "#1f5f99";
export const SIMULATED_COLOUR = "#b3261e";

const percent = (v: number) => `${Math.round(v * 100)}%`;

export function renderSavingChart(stores: number, rho: number, points: readonly SweepPoint[]): SVGTemplateResult {
  const w = CHART_WIDTH - MARGIN.left - MARGIN.right, h = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = Math.max(0.1, poolingSaving(stores, 0), ...points.map((p) => p.saving.hi));
  const x = scaleLinear([0, RHO_MAX], [0, w]);
  const y = scaleLinear([Math.min(0, ...points.map((p) => p.saving.lo)), top], [h, 0]).nice();
  const clampY = (v: number) => y(Math.max(y.domain()[0], Math.min(y.domain()[1], v)));
  const curve = Array.from({ length: CURVE_STEPS + 1 }, (_, i) => (i / CURVE_STEPS) * RHO_MAX);
  const d = line<number>((r) => x(r), (r) => y(poolingSaving(stores, r)))(curve) ?? "";
  return svg`<g transform="translate(${MARGIN.left},${MARGIN.top})">
    <g transform="translate(0,${h})">${renderAxis(x, "bottom", { ticks: 6, label: "Correlation between stores ρ", grid: h })}</g>
    ${renderAxis(y, "left", { ticks: 5, format: percent as (v: never) => string, label: "Safety stock saved", grid: w })}
    <line class="current-rho" x1=${x(rho)} x2=${x(rho)} y1="0" y2=${h} stroke="#5b6472" stroke-dasharray="4 3"></line>
    <path class="theory" d=${d} fill="none" stroke=${THEORY_COLOUR} stroke-width="2.5"></path>
    ${points.map((p) => svg`<g class="simulated" transform="translate(${x(p.rho)},0)">
      <line y1=${clampY(p.saving.lo)} y2=${clampY(p.saving.hi)} stroke=${SIMULATED_COLOUR} stroke-width="2"></line>
      <circle cy=${clampY(p.saving.mean)} r="4.5" fill=${SIMULATED_COLOUR}><title>ρ = ${p.rho}: simulated saving ${percent(p.saving.mean)} (95% interval ${percent(p.saving.lo)} to ${percent(p.saving.hi)})</title></circle>
    </g>`)}
  </g>`;
}
