/**
 * Run options that override a scenario's fields for one run (cli.md: "Options on the command line
 * override the scenario's fields for that run only"). The result is a new scenario; validate it
 * again, since an override can break a rule (warm-up ≥ horizon, a disruption window beyond a
 * shorter horizon).
 */
import type { Scenario } from "../model/scenario.ts";

export interface RunOverrides {
  readonly replications?: number;
  readonly seed?: number | string;
  readonly horizon?: number;
  readonly warmup?: number;
}

export function applyOverrides(scenario: Scenario, o: RunOverrides): Scenario {
  const out: { -readonly [K in keyof Scenario]: Scenario[K] } = { ...scenario };
  if (o.replications !== undefined) out.replications = o.replications;
  if (o.seed !== undefined) out.seed = o.seed;
  if (o.horizon !== undefined) out.horizon = o.horizon;
  if (o.warmup !== undefined) out.warmup = o.warmup;
  return out as Scenario;
}

/** The simple checks an override must pass, each with its path (full validation catches the rest). */
export function checkOverrides(s: Scenario): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const int = (path: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) errors.push({ path, message: `must be an integer >= ${min}, got ${v}` });
  };
  int("replications", s.replications, 1);
  int("horizon", s.horizon, 1);
  int("warmup", s.warmup, 0);
  if (Number.isInteger(s.warmup) && Number.isInteger(s.horizon) && s.warmup >= s.horizon) {
    errors.push({ path: "warmup", message: `must be less than horizon (${s.horizon}), got ${s.warmup}` });
  }
  if (typeof s.seed === "number" && !Number.isInteger(s.seed)) errors.push({ path: "seed", message: `must be an integer or a string, got ${s.seed}` });
  return errors;
}
