/** Parameter checks that name the field: the validator should catch these first, but a bad
 *  distribution must never turn into NaN draws silently. */
export function need(ok: boolean, field: string, rule: string, got: unknown): void {
  if (!ok) throw new RangeError(`${field}: ${rule}, got ${typeof got === "number" ? String(got) : JSON.stringify(got)}`);
}

// Stryker disable next-line ConditionalExpression: Number.isFinite is false for every value that is not a number, so the typeof test changes nothing
export const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** The largest double below 1. Quantiles read u >= 1 as this, so they stay finite. */
export const U_MAX = 1 - 2 ** -53;
