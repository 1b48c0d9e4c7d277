import type { PoissonDist } from "../../model/distribution.ts";
import type { DistSampler } from "../sampler.ts";
import type { RandomStream } from "../stream.ts";
import { normalQuantile } from "../../math/normal.ts";
import { logFactorial } from "../../math/special.ts";
import { buildCountTable, tableCdf, tableQuantile, type CountTable } from "./count-table.ts";
import { isFiniteNumber, need } from "./check.ts";

/**
 * One Poisson(μ) draw: inversion by sequential search for μ < 10 (one uniform, about μ + 1
 * steps), else Hörmann's PTRS transformed rejection ("The transformed rejection method for
 * generating Poisson random variables", Insurance: Math. & Econ. 12, 1993), which needs about
 * 1.2 pairs of uniforms whatever μ.
 */
export function poissonVariate(s: RandomStream, mu: number): number {
  if (mu < 10) {
    if (!(mu > 0)) return 0;
    const u = s.uniform();
    let k = 0, p = Math.exp(-mu), F = p;
    while (u >= F && p > 0) { k++; p *= mu / k; F += p; }
    return k;
  }
  const smu = Math.sqrt(mu), b = 0.931 + 2.53 * smu, a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  const logMu = Math.log(mu);
  for (;;) {
    const U = s.uniform() - 0.5, V = s.uniform(), us = 0.5 - Math.abs(U);
    const k = Math.floor((2 * a / us + b) * U + mu + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V * invAlpha / (a / (us * us) + b)) <= -mu + k * logMu - logFactorial(k)) return k;
  }
}

/** The table of P(X <= k) for Poisson(μ), or null if too long to hold. */
export function poissonTable(mu: number): CountTable | null {
  const mode = Math.floor(mu);
  return buildCountTable(mode, -mu + mode * Math.log(mu) - logFactorial(mode), (k) => mu / (k + 1), 0);
}

/**
 * Means up to this are inverted by summing the pmf up from 0 (about 1.5 ns per unit of the
 * answer, no memory); larger ones use a CDF table kept for the last mean seen. The choice
 * depends on the mean alone, so a quantile never depends on which calls came before it.
 */
export const DIRECT_MAX = 200;

/** The smallest k with P(X <= k) >= u for Poisson(μ), μ <= DIRECT_MAX, summing up from 0. */
export function poissonSumQuantile(mu: number, u: number): number {
  let k = 0, p = Math.exp(-mu), F = p;
  while (F < u && p > 0) { k++; p *= mu / k; F += p; }
  return k;
}

/** The exact quantile from a table, with a rounded normal fallback beyond the table's reach. */
export function poissonQuantile(table: CountTable | null, mu: number, u: number): number {
  if (!(mu > 0)) return 0;
  return table ? tableQuantile(table, u) : Math.max(0, Math.round(mu + Math.sqrt(mu) * normalQuantile(u)));
}

/**
 * Poisson counts with mean μ; scaled: mean μ·scale (so the sd is √(μ·scale), not σ·scale).
 * mean = μ, sd = √μ. The quantile is exact: summed from 0 for scaled means up to DIRECT_MAX,
 * else from a CDF table kept for the last scaled mean.
 */
export function createPoisson(d: PoissonDist): DistSampler {
  const mu = d.mean;
  need(isFiniteNumber(mu) && mu >= 0, "poisson.mean", "must be a number >= 0", mu);
  let cached = NaN, table: CountTable | null = null;
  const tableFor = (m: number) => {
    if (m !== cached) { table = m > 0 ? poissonTable(m) : null; cached = m; }
    return table;
  };
  return {
    mean: mu, sd: Math.sqrt(mu),
    sample: (s, scale) => poissonVariate(s, mu * scale),
    quantile(u, scale) {
      const m = mu * scale;
      if (!(m > 0)) return 0;
      return m <= DIRECT_MAX ? poissonSumQuantile(m, u) : poissonQuantile(tableFor(m), m, u);
    },
    cdf(x) {
      if (x < 0) return 0;
      if (mu === 0) return 1;
      if (mu > DIRECT_MAX) { const t = tableFor(mu); return t ? tableCdf(t, x) : NaN; }
      let p = Math.exp(-mu), F = p;
      for (let k = 1; k <= x && p > 0; k++) { p *= mu / k; F += p; }
      return Math.min(1, F);
    },
  };
}
