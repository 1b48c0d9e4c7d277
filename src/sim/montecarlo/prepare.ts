/**
 * The scenario as a run will simulate it: the run's overrides applied (overrides.ts), then the
 * whole scenario validated again, and the run's memory checked (run-memory.ts).
 */
import type { Scenario } from "../model/scenario.ts";
import { validateScenario } from "../validate/index.ts";
import { applyOverrides, checkOverrides, type RunOverrides } from "./overrides.ts";
import { checkSeriesSize } from "./run-memory.ts";

/** An override broke a scenario rule; `issues` name each field. */
export class ScenarioError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`The scenario cannot run with these options:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "ScenarioError";
  }
}

/**
 * The scenario as it will run: overrides applied, then the whole scenario validated again (an
 * override can break a rule, e.g. a disruption window beyond a shorter horizon).
 */
export function prepareScenario(scenario: Scenario, opts: RunOverrides & { readonly series?: boolean }): Scenario {
  const s = applyOverrides(scenario, opts);
  const issues = checkOverrides(s);
  if (issues.length) throw new ScenarioError(issues);
  const v = validateScenario(s);
  if (!v.ok) throw new ScenarioError(v.errors);
  const memory = opts.series ? checkSeriesSize(v.scenario) : [];
  if (memory.length) throw new ScenarioError(memory);
  return v.scenario;
}
