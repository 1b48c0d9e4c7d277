import type { Distribution } from "../model/distribution.ts";
import type { RandomStream } from "./stream.ts";
import { createConstant } from "./dist/constant.ts";
import { createNormal } from "./dist/normal.ts";
import { createPoisson } from "./dist/poisson.ts";
import { createGamma } from "./dist/gamma.ts";
import { createNegBin } from "./dist/negbin.ts";
import { createUniform, createUniformDays } from "./dist/uniform.ts";
import { createDiscrete } from "./dist/discrete.ts";
import { createEmpirical } from "./dist/empirical.ts";
import { createIntermittent } from "./dist/intermittent.ts";
import { wholeDays } from "./whole-days.ts";

/** Draws from one distribution, with a per-call scale (seasonality, trend, shocks). */
export interface Sampler {
  /** Draw one value. `scale` multiplies the mean and the sd (seasonality, trend, demand shocks; 1 = as specified). */
  sample(s: RandomStream, scale: number): number;
  /** Inverse CDF at probability u in (0,1) with the same scaling — used by the Gaussian copula so marginals stay exactly as specified. */
  quantile(u: number, scale: number): number;
  /**
   * Mean and sd of the (unscaled) distribution as drawn: for `normal` demand, of the normal
   * censored at 0 (μ + σL(μ/σ), which equals μ within 1e-6 relative once μ > 5σ); for lead
   * times, of the whole days after rounding; otherwise the scenario's own mean and sd.
   */
  readonly mean: number;
  readonly sd: number;
}

/**
 * A sampler that also knows its distribution function (at scale 1). Every sampler made here
 * is one; the whole-days rounding of lead times uses `cdf` to give exact moments.
 */
export interface DistSampler extends Sampler {
  /** P(X <= x) of the unscaled distribution as drawn. */
  cdf(x: number): number;
}

/**
 * The sampler for a demand distribution (units per day). `mean` and `sd` are exact for what is
 * drawn: for `normal`, the normal censored at 0 (negative draws become 0). Integer
 * distributions (`poisson`, `negbin`) give integers. Throws a RangeError naming the field if
 * the parameters are invalid (validation should have caught it first).
 */
export function createDemandSampler(d: Distribution): DistSampler {
  switch (d.type) {
    case "constant": return createConstant(d);
    case "normal": return createNormal(d);
    case "poisson": return createPoisson(d);
    case "gamma": return createGamma(d);
    case "negbin": return createNegBin(d);
    case "uniform": return createUniform(d);
    case "discrete": return createDiscrete(d);
    case "empirical": return createEmpirical(d);
    case "intermittent": return createIntermittent(d, createDemandSampler(d.size));
  }
  throw new RangeError(`type: unknown distribution type ${JSON.stringify((d as { type?: unknown }).type)}`);
}

/**
 * The sampler for a lead time in whole days >= 0. `uniform` gives the integers
 * round(min·scale) … round(max·scale) inclusive, each equally likely; `poisson` and `negbin`
 * are already whole; every other type draws as for demand and rounds to the nearest whole day
 * (halves up), at least 0. `mean` and `sd` are those of the whole days drawn.
 */
export function createLeadTimeSampler(d: Distribution): DistSampler {
  switch (d.type) {
    case "uniform": return createUniformDays(d);
    case "poisson": return createPoisson(d);
    case "negbin": return createNegBin(d);
    case "intermittent": return createIntermittent(d, createLeadTimeSampler(d.size));
    default: return wholeDays(createDemandSampler(d));
  }
}
