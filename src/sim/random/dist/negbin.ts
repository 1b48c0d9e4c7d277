import type { NegBinDist } from "../../model/distribution.ts";
import type { DistSampler } from "../sampler.ts";
import type { RandomStream } from "../stream.ts";
import { normalQuantile } from "../../math/normal.ts";
import { logFactorial, logGamma } from "../../math/special.ts";
import { buildCountTable, tableCdf, tableQuantile, type CountTable } from "./count-table.ts";
import { gammaVariate } from "./gamma.ts";
import { DIRECT_MAX, poissonQuantile, poissonSumQuantile, poissonTable, poissonVariate } from "./poisson.ts";
import { isFiniteNumber, need } from "./check.ts";

/** pmf(k) = Γ(k + r)/(k! Γ(r)) · p^r (1 − p)^k, as a table of its CDF. */
function negbinTable(r: number, p: number): CountTable | null {
  const q = 1 - p, mode = r > 1 ? Math.floor(((r - 1) * q) / p) : 0;
  const logPmf = logGamma(mode + r) - logFactorial(mode) - logGamma(r) + r * Math.log(p) + mode * Math.log(q);
  return buildCountTable(mode, logPmf, (k) => ((k + r) / (k + 1)) * q, q);
}

/** The least positive normal double (2⁻¹⁰²²); below it a term no longer moves a sum of normal numbers. */
const SMALLEST_NORMAL = 2 ** -1022;

/** The smallest k with P(X <= k) >= u, summing the pmf up from P(0) = p^r. */
function negbinSumQuantile(r: number, p: number, u: number): number {
  const q = 1 - p;
  let k = 0, pk = Math.pow(p, r), F = pk;
  // Stop once the terms are subnormal: F (at least P(0), a normal number) no longer moves, so a u
  // beyond what the sum reaches in floating point (u = 1 from a copula) ends here. Waiting for
  // pk = 0 instead never ends when q > ½: the least subnormal × q rounds back to itself.
  while (F < u && pk >= SMALLEST_NORMAL) { pk *= ((k + r) / (k + 1)) * q; k++; F += pk; }
  return k;
}

/**
 * Negative binomial counts with the given mean μ and sd σ (σ² > μ): r = μ²/(σ² − μ),
 * p = μ/σ², drawn as a gamma–Poisson mixture, X ~ Poisson(Λ) with Λ ~ Gamma(r, (1 − p)/p).
 * Scaled: mean and sd × scale, so r and p are recomputed for μ·s and σ·s. If that leaves
 * σ²s² <= μs (scales below μ/σ²), no negative binomial has those moments and the draw is
 * Poisson(μ·s), the limit r → ∞, whose sd is √(μs). mean and sd are as given. The quantile is
 * exact: summed up from 0 when mean + 6 sd <= 2·DIRECT_MAX (P(0) >= e^(−mean) cannot underflow
 * then), else from a CDF table kept for the last scale used. Which one depends on the scale
 * alone, so a quantile never depends on the calls before it.
 */
export function createNegBin(d: NegBinDist): DistSampler {
  const mu = d.mean, sd = d.sd;
  need(isFiniteNumber(mu) && mu > 0, "negbin.mean", "must be a number > 0", mu);
  need(isFiniteNumber(sd) && sd * sd > mu, "negbin.sd", `must satisfy sd² > mean (${mu})`, sd);
  const v = sd * sd;
  let cached = NaN, table: CountTable | null = null;
  /** r for the scaled moments, or Infinity when they are not over-dispersed. */
  const shape = (scale: number) => {
    const m = mu * scale, excess = v * scale * scale - m;
    return excess > 0 ? (m * m) / excess : Infinity;
  };
  const tableFor = (scale: number) => {
    if (scale !== cached) {
      const r = shape(scale), m = mu * scale;
      table = m <= 0 ? null : r === Infinity ? poissonTable(m) : negbinTable(r, m / (v * scale * scale));
      cached = scale;
    }
    return table;
  };
  const r1 = shape(1), theta1 = (v - mu) / mu;
  return {
    mean: mu, sd,
    sample(s: RandomStream, scale: number) {
      if (scale === 1) return poissonVariate(s, theta1 * gammaVariate(s, r1));
      const r = shape(scale), m = mu * scale;
      if (r === Infinity) return poissonVariate(s, m);
      return poissonVariate(s, (m / r) * gammaVariate(s, r));
    },
    quantile(u: number, scale: number) {
      const m = mu * scale;
      if (!(m > 0)) return 0;
      const r = shape(scale);
      if (m + 6 * sd * scale <= 2 * DIRECT_MAX) {
        return r === Infinity ? poissonSumQuantile(m, u) : negbinSumQuantile(r, m / (v * scale * scale), u);
      }
      const t = tableFor(scale);
      if (t) return tableQuantile(t, u);
      return r === Infinity ? poissonQuantile(null, m, u) : Math.max(0, Math.round(m + sd * scale * normalQuantile(u)));
    },
    cdf(x) {
      if (x < 0) return 0;
      if (mu + 6 * sd <= 2 * DIRECT_MAX) {
        const p = mu / v, q = 1 - p;
        let pk = Math.pow(p, r1), F = pk;
        for (let k = 0; k + 1 <= x && pk > 0; k++) { pk *= ((k + r1) / (k + 1)) * q; F += pk; }
        return Math.min(1, F);
      }
      const t = tableFor(1);
      return t ? tableCdf(t, x) : NaN;
    },
  };
}
