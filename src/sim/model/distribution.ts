/**
 * Probability distributions, as written in a scenario file (shared/spec/scenario.md, "Distributions").
 *
 * The same shapes serve customer demand (units per day, real numbers; integer-valued
 * distributions give integers) and lane lead times (whole days >= 0). How a lead-time draw is
 * turned into whole days is part of each type's meaning:
 * - `normal` lead times are rounded to the nearest whole day, at least 0;
 * - `uniform` lead times are whole days `min..max` inclusive;
 * - `normal` demand is truncated at 0 (a negative draw becomes 0).
 */
export type Distribution =
  | ConstantDist
  | NormalDist
  | PoissonDist
  | GammaDist
  | NegBinDist
  | UniformDist
  | DiscreteDist
  | EmpiricalDist
  | IntermittentDist;

/** Always `value`. */
export interface ConstantDist { readonly type: "constant"; readonly value: number }
/** Normal with `mean` and standard deviation `sd` (demand truncated at 0; lead time rounded). */
export interface NormalDist { readonly type: "normal"; readonly mean: number; readonly sd: number }
/** Poisson counts with `mean`. */
export interface PoissonDist { readonly type: "poisson"; readonly mean: number }
/** Gamma with the given `mean` and `sd` (shape k = (mean/sd)², scale θ = sd²/mean). */
export interface GammaDist { readonly type: "gamma"; readonly mean: number; readonly sd: number }
/**
 * Negative binomial counts with the given `mean` and `sd`; requires sd² > mean (over-dispersed).
 * Parameterised as r = mean² / (sd² − mean) successes, p = mean / sd².
 */
export interface NegBinDist { readonly type: "negbin"; readonly mean: number; readonly sd: number }
/** Continuous uniform on [min, max] for demand; whole days min..max inclusive for lead times. */
export interface UniformDist { readonly type: "uniform"; readonly min: number; readonly max: number }
/** `values[i]` with probability `probs[i]`; probabilities sum to 1. */
export interface DiscreteDist { readonly type: "discrete"; readonly values: readonly number[]; readonly probs: readonly number[] }
/** Resampled with replacement from `values` (a bootstrap of history). */
export interface EmpiricalDist { readonly type: "empirical"; readonly values: readonly number[] }
/** On each day demand occurs with `probability`; its size is then drawn from `size`. */
export interface IntermittentDist { readonly type: "intermittent"; readonly probability: number; readonly size: Distribution }

export type DistributionType = Distribution["type"];
export const DISTRIBUTION_TYPES = [
  "constant", "normal", "poisson", "gamma", "negbin", "uniform", "discrete", "empirical", "intermittent",
] as const satisfies readonly DistributionType[];
