/**
 * The scenario validator (src/sim/validate) as the workbench uses it: on the main thread, never
 * throwing. A validator crash becomes one issue instead of a broken page.
 */
import { formatIssue as format, parseScenarioJson, validateScenario, type ValidationResult } from "../../sim/validate/index.ts";

export interface Issue { readonly path: string; readonly message: string }
export type { ValidationResult };

const failed = (e: unknown): readonly Issue[] => [{ path: "", message: `the validator failed: ${(e as Error)?.message ?? String(e)}` }];

/** Every issue of `input` as a scenario ([] when it is valid). */
export function validate(input: unknown): readonly Issue[] {
  try {
    const r = validateScenario(input);
    return r.ok ? [] : r.errors;
  } catch (e) {
    return failed(e);
  }
}

/** Parses and validates scenario JSON text (syntax errors come with line and column). */
export function parseScenario(text: string): ValidationResult {
  try {
    return parseScenarioJson(text);
  } catch (e) {
    return { ok: false, errors: [...failed(e)] };
  }
}

/** "nodes[3].policy.level: must be …" */
export function formatIssue(issue: Issue): string {
  return format(issue);
}
