import type { NormalDist } from "../../model/distribution.ts";
import type { DistSampler } from "../sampler.ts";
import type { RandomStream } from "../stream.ts";
import { normalCdf, normalPdf, normalQuantile } from "../../math/normal.ts";
import { isFiniteNumber, need, U_MAX } from "./check.ts";

/**
 * Normal demand censored at 0: X = max(0, μ·scale + σ·scale·Z). Its `mean` and `sd` are those
 * of X, not μ and σ: E[X] = μΦ(μ/σ) + σφ(μ/σ) = μ + σL(μ/σ) and
 * E[X²] = (μ² + σ²)Φ(μ/σ) + μσφ(μ/σ). They differ from μ and σ by under 1e-6 relative once
 * μ > 5σ. The quantile is max(0, μ + σΦ⁻¹(u)), scaled (u = 1, which Φ(z) rounds to for
 * z > 8.3, is read as 1 − 2⁻⁵³, so a copula never yields an infinite demand).
 */
export function createNormal(d: NormalDist): DistSampler {
  const mu = d.mean, sigma = d.sd;
  need(isFiniteNumber(mu), "normal.mean", "must be a finite number", mu);
  need(isFiniteNumber(sigma) && sigma >= 0, "normal.sd", "must be a number >= 0", sigma);
  let mean: number, sd: number;
  if (sigma === 0) { mean = Math.max(0, mu); sd = 0; } else {
    const z = mu / sigma, P = normalCdf(z), f = normalPdf(z);
    mean = mu * P + sigma * f;
    const m2 = (mu * mu + sigma * sigma) * P + mu * sigma * f;
    sd = Math.sqrt(Math.max(0, m2 - mean * mean));
  }
  return {
    mean, sd,
    sample(s: RandomStream, scale: number) {
      const x = scale * (mu + sigma * s.normal());
// Stryker disable next-line EqualityOperator: at x = 0 both return 0
      return x > 0 ? x : 0;
    },
// Stryker disable next-line EqualityOperator: at u = U_MAX both pass U_MAX
    quantile: (u, scale) => Math.max(0, scale * (mu + sigma * normalQuantile(u < U_MAX ? u : U_MAX))),
    cdf: (x) => (x < 0 ? 0 : sigma === 0 ? (x >= mu ? 1 : 0) : normalCdf((x - mu) / sigma)),
  };
}
