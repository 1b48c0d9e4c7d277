/**
 * The trade-off curve's defaults, shared by `echelon frontier` and the app's chart so that both
 * draw the same curve for the same scenario and seed.
 */

/** The analytic sweep runs from this service level to the next, N levels evenly spaced. */
export const SWEEP = [0.85, 0.995] as const;
export const DEFAULT_POINTS = 8;
export const DEFAULT_TARGETS = [0.9, 0.95, 0.98, 0.99] as const;
/** The headline's fill rates. */
export const HEADLINE = [0.95, 0.98] as const;
/** The optimiser's budget per target: smaller than `echelon optimize`'s 300, so that a curve takes a minute, not ten. */
export const DEFAULT_FRONTIER_EVALUATIONS = 40;
export const DEFAULT_SEARCH_REPLICATIONS = 40;

/** N service levels evenly spaced over SWEEP, rounded to 0.1%. */
export const sweep = (n: number) => Array.from({ length: n }, (_, i) => Math.round((SWEEP[0] + ((SWEEP[1] - SWEEP[0]) * i) / (n - 1)) * 1000) / 1000);
