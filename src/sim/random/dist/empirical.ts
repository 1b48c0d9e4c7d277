import type { EmpiricalDist } from "../../model/distribution.ts";
import type { DistSampler } from "../sampler.ts";
import type { RandomStream } from "../stream.ts";
import { isFiniteNumber, need } from "./check.ts";

/**
 * A bootstrap of history: each of the n `values` with probability 1/n; scaled: values × scale.
 * Sampling is one index lookup, O(1). The values are sorted once, so the quantile is the
 * empirical inverse CDF: the ⌈u·n⌉-th smallest value.
 */
export function createEmpirical(d: EmpiricalDist): DistSampler {
  const { values } = d;
  need(Array.isArray(values) && values.length > 0, "empirical.values", "must be a non-empty array", values);
  values.forEach((v, i) => need(isFiniteNumber(v), `empirical.values[${i}]`, "must be a finite number", v));
  const x = Float64Array.from(values).sort(), n = x.length;
  let m1 = 0, m2 = 0;
  for (let i = 0; i < n; i++) { m1 += x[i]; m2 += x[i] * x[i]; }
  m1 /= n; m2 /= n;
  return {
    mean: m1, sd: Math.sqrt(Math.max(0, m2 - m1 * m1)),
    sample: (s: RandomStream, scale: number) => scale * x[Math.floor(s.uniform() * n)],
    quantile: (u, scale) => scale * x[Math.min(n - 1, Math.max(0, Math.ceil(u * n) - 1))],
    cdf(v) {
      let k = 0;
      while (k < n && x[k] <= v) k++;
      return k / n;
    },
  };
}
