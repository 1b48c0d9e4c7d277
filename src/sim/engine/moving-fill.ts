/**
 * 7-day moving fill rates (kpis.md `serviceTrough`, `recoveryDays`). The moving fill rate on
 * day d is Σ served ÷ Σ demand over days d − 6 … d; it is defined for windows inside the
 * measured days (warmup … horizon − 1) with some demand.
 */
import { WINDOW } from "../kernel/accounting.ts";

function moving(dem: Float64Array, srv: Float64Array, d: number): number {
  let a = 0, b = 0;
  for (let k = d - WINDOW + 1; k <= d; k++) { a += srv[k]; b += dem[k]; }
  return b > 0 ? a / b : NaN;
}

/** Lowest 7-day moving fill rate over the measured days; NaN if no window has demand. */
export function movingFillTrough(dem: Float64Array, srv: Float64Array, warmup: number, horizon: number): number {
  let low = Infinity, a = 0, b = 0;
  for (let d = warmup; d < horizon; d++) {
    a += srv[d]; b += dem[d];
    if (d >= warmup + WINDOW) { a -= srv[d - WINDOW]; b -= dem[d - WINDOW]; }
    if (d >= warmup + WINDOW - 1 && b > 1e-9 && a / b < low) {
      // A candidate, from the 7 days themselves: the running sums drift by rounding (a window with
      // nothing served read −2e-15); sums of the days keep 0 ≤ served ≤ demand, so the rate stays
      // in [0, 1], and they replace the running sums so that the drift never builds up.
      a = 0; b = 0;
      for (let k = d - WINDOW + 1; k <= d; k++) { a += srv[k]; b += dem[k]; }
      if (b > 1e-9 && a / b < low) low = a / b;
    }
  }
  return low === Infinity ? NaN : low;
}

/**
 * Days from the first windowed disruption's start s until the 7-day moving fill rate is back
 * within 1 point of its pre-disruption level: the fill rate over the measured days before s (or
 * over days 0 … s − 1 when the warm-up covers them). The search starts at the lowest moving
 * fill rate seen from s on (the disruption's trough) and returns (first day at or after it whose
 * moving fill rate >= level − 0.01) − s: 0 when the disruption never pulls service below that
 * line. NaN without a windowed disruption, without days before s, or if service never recovers.
 */
export function recoveryDays(dem: Float64Array, srv: Float64Array, warmup: number, horizon: number, s: number): number {
  if (s < 1) return NaN;
  const from = s - warmup >= WINDOW ? warmup : 0;
  let a = 0, b = 0;
  for (let d = from; d < s; d++) { a += srv[d]; b += dem[d]; }
  if (!(b > 0)) return NaN;
  const level = a / b - 0.01;
  let trough = -1, low = Infinity;
  for (let d = Math.max(s, WINDOW - 1); d < horizon; d++) {
    const f = moving(dem, srv, d);
    if (f < low) { low = f; trough = d; }
  }
  if (trough < 0) return NaN;
  if (low >= level) return 0;
  for (let d = trough; d < horizon; d++) if (moving(dem, srv, d) >= level) return d - s;
  return NaN;
}
