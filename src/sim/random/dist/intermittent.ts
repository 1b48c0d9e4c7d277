import type { IntermittentDist } from "../../model/distribution.ts";
import type { DistSampler } from "../sampler.ts";
import type { RandomStream } from "../stream.ts";
import { isFiniteNumber, need } from "./check.ts";

/**
 * Demand occurs with `probability` p on a day, with its size then drawn from `size`; otherwise
 * 0. Scaled: the size is scaled, p is not. mean = p·μ, sd² = p(σ² + μ²) − (pμ)² for a size with
 * mean μ and sd σ. The quantile inverts the mixture (1 − p)·[x >= 0] + p·G(x): 0 for
 * u <= 1 − p, else the size's quantile at (u − (1 − p))/p. (Sizes are >= 0, as demand is.)
 */
export function createIntermittent(d: IntermittentDist, size: DistSampler): DistSampler {
  const p = d.probability;
  need(isFiniteNumber(p) && p >= 0 && p <= 1, "intermittent.probability", "must be a number in [0, 1]", p);
  const mu = size.mean, v = size.sd * size.sd;
  return {
    mean: p * mu, sd: Math.sqrt(Math.max(0, p * (v + mu * mu) - p * p * mu * mu)),
    sample: (s: RandomStream, scale: number) => (s.uniform() < p ? size.sample(s, scale) : 0),
    quantile: (u, scale) => (u <= 1 - p ? 0 : size.quantile((u - (1 - p)) / p, scale)),
    cdf: (x) => (x < 0 ? 0 : 1 - p + p * size.cdf(x)),
  };
}
