/**
 * How many replications a worker runs per call. Pure arithmetic on the run's size, so the pool,
 * the CLI's shards and the network evaluator agree.
 */
import type { Scenario } from "../model/scenario.ts";

/** Node-days of one replication (stocking nodes × products × horizon): what sizes a chunk. */
export const nodeDays = (s: Scenario): number =>
  s.nodes.filter((n) => n.kind !== "supplier").length * Math.max(1, s.products?.length ?? 1) * s.horizon;

/**
 * Replications per chunk: 25–50 for cheap replications (one comlink call costs ≈ 0.1 ms), fewer
 * when a run is short (so every worker gets work) or a replication is expensive (so progress and
 * cancellation stay responsive: about 5 M node-days, ≈ 1 s, per chunk at most).
 */
export function chunkSizeFor(total: number, workers: number, nodeDaysPerReplication: number): number {
  const share = Math.ceil(total / workers);
  let size = Math.min(50, Math.max(Math.ceil(total / (8 * workers)), Math.min(25, share)));
  size = Math.min(size, Math.max(1, Math.floor(5e6 / Math.max(1, nodeDaysPerReplication))));
  return Math.max(1, size);
}
