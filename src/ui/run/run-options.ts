import type { Scenario } from "../../sim/model/scenario.ts";

/** The run panel's fields as typed text (what the inputs hold). */
export interface RunFields {
  readonly replications: string;
  readonly horizon: string;
  readonly warmup: string;
  readonly seed: string;
  readonly series: boolean;
}

export interface ParsedRunOptions {
  readonly replications: number;
  readonly horizon: number;
  readonly warmup: number;
  readonly seed: number | string;
  readonly series: boolean;
}

export type FieldErrors = Partial<Record<keyof RunFields, string>>;

/** Largest replication count the panel accepts (a 10,000-replication run is the design load). */
export const MAX_REPLICATIONS = 100_000;

export function fieldsFromScenario(s: Scenario): RunFields {
  return { replications: String(s.replications), horizon: String(s.horizon), warmup: String(s.warmup), seed: String(s.seed), series: false };
}

function wholeNumber(text: string, min: number, max: number, what: string): number | string {
  const t = text.trim();
  if (t === "") return `${what} is required`;
  if (!/^\d+$/.test(t)) return `${what} must be a whole number`;
  const n = Number(t);
  if (n < min) return `${what} must be at least ${min}`;
  if (n > max) return `${what} must be at most ${max.toLocaleString("en")}`;
  return n;
}

/**
 * Check the panel's fields; every problem is reported under its field. A seed that is an integer
 * stays a number, anything else is a string seed (the scenario format allows both).
 */
export function parseRunFields(f: RunFields): { ok: true; options: ParsedRunOptions } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const replications = wholeNumber(f.replications, 1, MAX_REPLICATIONS, "Replications");
  const horizon = wholeNumber(f.horizon, 1, 100_000, "Horizon");
  const warmup = wholeNumber(f.warmup, 0, 100_000, "Warm-up");
  if (typeof replications === "string") errors.replications = replications;
  if (typeof horizon === "string") errors.horizon = horizon;
  if (typeof warmup === "string") errors.warmup = warmup;
  else if (typeof horizon === "number" && warmup >= horizon) errors.warmup = `Warm-up must be less than the horizon (${horizon} days)`;
  const seedText = f.seed.trim();
  if (seedText === "") errors.seed = "Seed is required (a whole number or any text)";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const seed = /^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText;
  return { ok: true, options: { replications: replications as number, horizon: horizon as number, warmup: warmup as number, seed, series: f.series } };
}
