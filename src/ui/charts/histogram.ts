import { bin, extent, nice, ticks } from "d3-array";

export interface HistogramBin {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

const isFiniteNumber = (v: unknown): v is number => Number.isFinite(v);

/**
 * Bins of the finite values (NaN and null are left out) on d3's "nice" grid of about `count`
 * bins: the bounds are the nice values around the minimum and maximum, and every boundary is a
 * multiple of the step (1, 2 or 5 × a power of ten). A bin holds x0 ≤ v < x1, the last one
 * x0 ≤ v ≤ x1, so a maximum on a boundary (a fill rate of exactly 100%) stays in the last bin
 * instead of opening an empty bin past it, as d3's default domain would. When every value is the
 * same, one bin of zero width [v, v]. Empty when no value is finite.
 */
export function histogramBins(values: ArrayLike<number | null>, count = 20): HistogramBin[] {
  const finite = Array.from(values).filter(isFiniteNumber);
  const [lo, hi] = extent(finite);
  if (lo === undefined || hi === undefined) return [];
  if (lo === hi) return [{ x0: lo, x1: hi, count: finite.length }];
  const [a, b] = nice(lo, hi, count);
  const inner = ticks(a, b, count).filter((t) => t > a && t < b);
  return bin().domain([a, b]).thresholds(inner)(finite).map((g) => ({ x0: g.x0 ?? a, x1: g.x1 ?? b, count: g.length }));
}

/** About √n bins (a common rule for a few hundred values), between 5 and 40. */
export function suggestedBinCount(n: number): number {
  return Math.min(40, Math.max(5, Math.ceil(Math.sqrt(n))));
}
