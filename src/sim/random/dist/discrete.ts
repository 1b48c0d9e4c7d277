import type { DiscreteDist } from "../../model/distribution.ts";
import type { DistSampler } from "../sampler.ts";
import type { RandomStream } from "../stream.ts";
import { isFiniteNumber, need } from "./check.ts";

/**
 * `values[i]` with probability `probs[i]` (renormalised to sum to exactly 1); scaled: values ×
 * scale. Values are sorted once so that sampling and the quantile are the same inversion of the
 * distribution function: a binary search over the cumulative probabilities, O(log n).
 */
export function createDiscrete(d: DiscreteDist): DistSampler {
  const { values, probs } = d;
  need(Array.isArray(values) && values.length > 0, "discrete.values", "must be a non-empty array", values);
  need(Array.isArray(probs) && probs.length === values.length, "discrete.probs", `must have one probability per value (${values.length})`, probs);
  values.forEach((v, i) => need(isFiniteNumber(v), `discrete.values[${i}]`, "must be a finite number", v));
  probs.forEach((p, i) => need(isFiniteNumber(p) && p >= 0, `discrete.probs[${i}]`, "must be a number >= 0", p));
  const total = probs.reduce((a, b) => a + b, 0);
  need(total > 0, "discrete.probs", "must not all be 0", probs);
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  return fromAtoms(Float64Array.from(order, (i) => values[i]), Float64Array.from(order, (i) => probs[i] / total));
}

/** A sampler over sorted atoms `x` with probabilities `p` (summing to 1). */
export function fromAtoms(x: Float64Array, p: Float64Array): DistSampler {
  const n = x.length, cum = new Float64Array(n);
  let acc = 0, m1 = 0, m2 = 0;
  for (let i = 0; i < n; i++) { acc += p[i]; cum[i] = acc; m1 += p[i] * x[i]; m2 += p[i] * x[i] * x[i]; }
  cum[n - 1] = 1;
  /** The first index whose cumulative probability is >= u (or > u when `strict`). */
  const search = (u: number, strict: boolean) => {
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? cum[mid] > u : cum[mid] >= u) hi = mid; else lo = mid + 1;
    }
    return lo;
  };
  return {
    mean: m1, sd: Math.sqrt(Math.max(0, m2 - m1 * m1)),
    sample: (s: RandomStream, scale: number) => scale * x[search(s.uniform(), true)],
    quantile: (u, scale) => scale * x[search(u, false)],
    cdf(v) {
      let k = 0;
      while (k < n && x[k] <= v) k++;
      return k === 0 ? 0 : cum[k - 1];
    },
  };
}
