/**
 * The lab's simulations: after the sliders settle (a short debounce), the two networks at the
 * current settings, then the pooled saving at each ρ of the chart, each on the worker pool. A new
 * request aborts the runs still going, and a stale result is never reported.
 */
import {
  measureSide, poolingScenario, simulatedSaving,
  type Estimate, type PoolingInputs, type PoolingLayout, type PoolingRunLength, type SimulatedSide,
} from "../../sim/optimize/risk-pooling/index.ts";
import type { SimClientLike } from "../run/sim-client.ts";
import { errorMessage, isAbortError } from "../run/sim-client.ts";

/** Quick runs, so the numbers follow the sliders: 16 replications of a year after a month's warm-up. */
export const LAB_RUN: PoolingRunLength = { horizon: 395, warmup: 30, replications: 16, seed: 2024 };
/** The chart's simulated points: ρ from 0 to 0.9 (the format allows ρ < 1). */
export const SWEEP_RHOS: readonly number[] = [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9];
/** Quiet time after the last slider move before simulating. */
export const DEBOUNCE_MS = 120;

export interface SweepPoint { readonly rho: number; readonly saving: Estimate }

export interface LabSimulation {
  /** The settings these figures were simulated at. */
  readonly inputs: PoolingInputs;
  readonly own: SimulatedSide;
  readonly pooled: SimulatedSide;
  readonly saving: Estimate;
}

export interface PoolingRunsHost {
  onSimulation(sim: LabSimulation): void;
  onSweepPoint(inputs: PoolingInputs, point: SweepPoint): void;
  onBusy(busy: boolean): void;
  onError(message: string): void;
}

/** What the chart's points depend on: every setting but ρ, which the sweep varies itself. */
export function sweepKey(inputs: PoolingInputs): string {
  const { rho: _rho, ...rest } = inputs;
  return JSON.stringify(rest);
}

export class PoolingRuns {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  /** Chart points already simulated, as `${sweepKey}@${rho}`: moving only ρ does not redo them. */
  private swept = new Set<string>();

  constructor(private readonly host: PoolingRunsHost) {}

  /** Simulate these settings once the sliders have been still for DEBOUNCE_MS. */
  request(client: SimClientLike, inputs: PoolingInputs): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.abort = undefined;
    this.timer = setTimeout(() => void this.start(client, inputs), DEBOUNCE_MS);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.abort = undefined;
  }

  private async start(client: SimClientLike, inputs: PoolingInputs): Promise<void> {
    const ctl = new AbortController();
    this.abort = ctl;
    this.host.onBusy(true);
    try {
      const [own, pooled] = await Promise.all([side(client, "own", inputs, ctl.signal), side(client, "pooled", inputs, ctl.signal)]);
      if (ctl.signal.aborted) return;
      this.host.onSimulation({ inputs, own, pooled, saving: simulatedSaving(own.safetyStock, pooled.safetyStock) });
      const key = sweepKey(inputs);
      for (const rho of SWEEP_RHOS) {
        if (this.swept.has(`${key}@${rho}`)) continue;
        const at = { ...inputs, rho };
        const [o, p] = await Promise.all([side(client, "own", at, ctl.signal), side(client, "pooled", at, ctl.signal)]);
        if (ctl.signal.aborted) return;
        this.swept.add(`${key}@${rho}`);
        this.host.onSweepPoint(inputs, { rho, saving: simulatedSaving(o.safetyStock, p.safetyStock) });
      }
    } catch (e) {
      if (!isAbortError(e) && !ctl.signal.aborted) this.host.onError(errorMessage(e));
    } finally {
      if (this.abort === ctl) { this.abort = undefined; this.host.onBusy(false); }
    }
  }
}

async function side(client: SimClientLike, layout: PoolingLayout, inputs: PoolingInputs, signal: AbortSignal): Promise<SimulatedSide> {
  const result = await client.run(poolingScenario(layout, inputs, LAB_RUN), { signal });
  return measureSide(layout, result, inputs.holdingCost);
}
