import { area, line } from "d3-shape";
import type { Band } from "../../sim/model/result.ts";

type Scale = (v: number) => number;

export interface BandPaths {
  /** Area between the 5th and 95th percentiles. */
  readonly band: string;
  /** The median (p50) line. */
  readonly median: string;
}

const finite = (v: number | undefined): boolean => v !== undefined && Number.isFinite(v);

/**
 * SVG path strings for a fan chart: element i of the band is day `firstDay + i`. Days whose
 * values are not finite (NaN fill rate on a day without demand) break the path.
 */
export function bandPaths(band: Band, firstDay: number, x: Scale, y: Scale): BandPaths {
  const idx = band.p50.map((_, i) => i);
  const bandPath = area<number>()
    .defined((i) => finite(band.p05[i]) && finite(band.p95[i]))
    .x((i) => x(firstDay + i))
    .y0((i) => y(band.p05[i]))
    .y1((i) => y(band.p95[i]))(idx);
  const medianPath = line<number>()
    .defined((i) => finite(band.p50[i]))
    .x((i) => x(firstDay + i))
    .y((i) => y(band.p50[i]))(idx);
  return { band: bandPath ?? "", median: medianPath ?? "" };
}

/** [min, max] over the finite values of the given arrays; [0, 1] when there are none. */
export function extentOf(...arrays: readonly (readonly number[])[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const a of arrays) for (const v of a) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  return lo <= hi ? [lo, hi] : [0, 1];
}
