import type { UniformDist } from "../../model/distribution.ts";
import type { DistSampler } from "../sampler.ts";
import type { RandomStream } from "../stream.ts";
import { isFiniteNumber, need } from "./check.ts";

function check(d: UniformDist): void {
  need(isFiniteNumber(d.min), "uniform.min", "must be a finite number", d.min);
  need(isFiniteNumber(d.max) && d.max >= d.min, "uniform.max", `must be a number >= min (${d.min})`, d.max);
}

/** Continuous uniform on [min, max]; scaled: on [min·scale, max·scale] (mean and sd × scale). */
export function createUniform(d: UniformDist): DistSampler {
  check(d);
  const a = d.min, w = d.max - d.min;
  return {
    mean: a + w / 2, sd: w / Math.sqrt(12),
    sample: (s: RandomStream, scale: number) => scale * (a + w * s.uniform()),
    quantile: (u, scale) => scale * (a + w * u),
    cdf: (x) => (x < a ? 0 : x >= a + w ? 1 : (x - a) / w),
  };
}

/**
 * Lead times: whole days lo..hi inclusive, each with probability 1/(hi − lo + 1), where
 * lo = round(min·scale) and hi = round(max·scale), both at least 0. mean = (lo + hi)/2,
 * sd = √(((hi − lo + 1)² − 1)/12).
 */
export function createUniformDays(d: UniformDist): DistSampler {
  check(d);
  const bounds = (scale: number) => {
    const lo = Math.max(0, Math.round(d.min * scale));
    return [lo, Math.max(lo, Math.round(d.max * scale)) - lo + 1] as const;
  };
  const [lo1, n1] = bounds(1);
  return {
    mean: lo1 + (n1 - 1) / 2, sd: Math.sqrt((n1 * n1 - 1) / 12),
    sample(s: RandomStream, scale: number) {
      if (scale === 1) return lo1 + Math.floor(s.uniform() * n1);
      const [lo, n] = bounds(scale);
      return lo + Math.floor(s.uniform() * n);
    },
    quantile(u: number, scale: number) {
      const [lo, n] = bounds(scale);
      return lo + Math.min(n - 1, Math.max(0, Math.ceil(u * n) - 1));
    },
    cdf: (x) => (x < lo1 ? 0 : Math.min(1, (Math.floor(x) - lo1 + 1) / n1)),
  };
}
