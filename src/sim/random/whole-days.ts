import type { DistSampler } from "./sampler.ts";
import type { RandomStream } from "./stream.ts";

/**
 * Rounds a sampler's draws to the nearest whole number (halves up, as Math.round), at least 0:
 * how lead-time distributions become whole days. The moments are those of the rounded values,
 * summed exactly from the inner distribution function: P(K = k) = F(k + ½) − F(k − ½), taken
 * just below each boundary (so an atom at k + ½ counts towards k + 1).
 */
export function wholeDays(inner: DistSampler): DistSampler {
  const cdfBelow = (x: number) => inner.cdf(x - Math.max(1, Math.abs(x)) * 1e-15 - 1e-300);
  const lo = Math.max(0, Math.floor(inner.quantile(1e-15, 1)) - 1);
  const hi = Math.max(lo, Math.ceil(inner.quantile(1 - 1e-15, 1)) + 1);
  let m1 = 0, m2 = 0;
  if (hi - lo > 1e7) {
    // Too wide to sum (a lead time of millions of days): rounding changes the moments by
    // under a part in 1e12 here, so use the unrounded ones.
    m1 = inner.mean; m2 = inner.sd * inner.sd + m1 * m1;
  } else {
    let prev = lo === 0 ? 0 : cdfBelow(lo - 0.5);
    for (let k = lo; k <= hi; k++) {
      const next = cdfBelow(k + 0.5), p = next - prev;
      m1 += k * p; m2 += k * k * p;
      prev = next;
    }
  }
  const mean = m1, sd = Math.sqrt(Math.max(0, m2 - m1 * m1));
  return {
    mean, sd,
    sample: (s: RandomStream, scale: number) => Math.max(0, Math.round(inner.sample(s, scale))),
    quantile: (u: number, scale: number) => Math.max(0, Math.round(inner.quantile(u, scale))),
    cdf: (x: number) => (x < 0 ? 0 : cdfBelow(Math.floor(x) + 0.5)),
  };
}
