import { bin } from "d3-array";

export interface HistogramBin {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

/**
 * Bins of the finite values with d3's "nice" thresholds (about `count` bins). Empty when no value
 * is finite. For per-replication values when a result carries them.
 */
export function histogramBins(values: ArrayLike<number>, count = 20): HistogramBin[] {
  const finite = Array.from(values).filter(Number.isFinite);
  if (finite.length === 0) return [];
  return bin().thresholds(count)(finite).map((b) => ({ x0: b.x0 ?? 0, x1: b.x1 ?? 0, count: b.length }));
}
