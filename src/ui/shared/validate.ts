/**
 * The scenario validator (src/sim/validate), reached through `import.meta.glob` so that the
 * workbench keeps building while that module is absent; then nothing is flagged and files are
 * only checked for JSON syntax. Vite inlines the module when it exists (eager import).
 */
import type { Scenario } from "../../sim/model/index.ts";

export interface Issue { readonly path: string; readonly message: string }
export type ValidationResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly errors: readonly Issue[] };
interface Validator {
  validateScenario(input: unknown): ValidationResult;
  parseScenarioJson(text: string): ValidationResult;
  formatIssue?(issue: Issue): string;
}

const found = Object.values(import.meta.glob<Validator>("../../sim/validate/index.ts", { eager: true }));
let validator: Validator | undefined = found[0];

/** Replaces the validator (tests). */
export function setValidator(v: Validator | undefined): void {
  validator = v;
}

/** Every issue of `input` as a scenario ([] when it is valid). */
export function validate(input: unknown): readonly Issue[] {
  if (!validator) return [];
  try {
    const r = validator.validateScenario(input);
    return r.ok ? [] : r.errors;
  } catch (e) {
    return [{ path: "", message: `the validator failed: ${(e as Error).message}` }];
  }
}

/** Parses and validates scenario JSON text. */
export function parseScenario(text: string): ValidationResult {
  if (validator) {
    try {
      return validator.parseScenarioJson(text);
    } catch (e) {
      return { ok: false, errors: [{ path: "", message: `the validator failed: ${(e as Error).message}` }] };
    }
  }
  try {
    return { ok: true, scenario: JSON.parse(text) as Scenario };
  } catch (e) {
    return { ok: false, errors: [{ path: "", message: `not valid JSON: ${(e as Error).message}` }] };
  }
}

/** "nodes[3].policy.level: must be …" */
export function formatIssue(issue: Issue): string {
  return validator?.formatIssue ? validator.formatIssue(issue) : issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}
