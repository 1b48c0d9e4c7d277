import type { Trace } from "../../sim/model/batch.ts";

export interface NodeValue { readonly onHand: number; readonly backorders: number }
export interface Flow { readonly from: string; readonly to: string; readonly progress: number; readonly quantity: number }

export interface WatchFrame {
  readonly day: number;
  /** End-of-day stock per node id. */
  readonly nodeValues: Map<string, NodeValue>;
  /** Shipments on the road at the end of the day. */
  readonly flows: Flow[];
  /** Network fill rate of the day (NaN without demand). */
  readonly fillRate: number;
}

/** Clamp a day into 0 … horizon − 1. */
export function clampDay(trace: Pick<Trace, "horizon">, day: number): number {
  return Math.max(0, Math.min(trace.horizon - 1, Math.round(day)));
}

/**
 * The state of one replication at the end of `day`: each node's on hand and backorders, and
 * every shipment under way — one that departed on day d and arrives on day a is on the lane at
 * progress (day − d) / (a − d) for d <= day < a (a same-day shipment is never on the road).
 */
export function watchFrame(trace: Trace, day: number): WatchFrame {
  const t = clampDay(trace, day);
  const n = trace.nodes.length;
  const nodeValues = new Map<string, NodeValue>();
  for (let i = 0; i < n; i++) nodeValues.set(trace.nodes[i], { onHand: trace.onHand[t * n + i], backorders: trace.backorders[t * n + i] });
  const flows: Flow[] = [];
  for (let s = 0; s < trace.shipmentDepart.length; s++) {
    const d = trace.shipmentDepart[s], a = trace.shipmentArrive[s];
    if (d <= t && t < a) {
      flows.push({ from: trace.nodes[trace.shipmentFrom[s]], to: trace.nodes[trace.shipmentTo[s]], progress: (t - d) / (a - d), quantity: trace.shipmentQuantity[s] });
    }
  }
  return { day: t, nodeValues, flows, fillRate: trace.fillRate[t] };
}

/** Fill rate by day as a plain array (for the chart), NaN kept for days without demand. */
export function fillRateSeries(trace: Trace): number[] {
  return Array.from(trace.fillRate);
}
