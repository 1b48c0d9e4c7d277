/**
 * `validateScenario`: the schema's structural checks, then the cross-reference checks, every
 * problem at once (structural issues first, in the order of the schema, then cross-reference
 * issues). It never throws: whatever the input, the answer is a ValidationResult.
 */
import type { Scenario } from "../model/scenario.ts";
import { crossReferenceIssues } from "./checks/index.ts";
import { obj } from "./checks/context.ts";
import { depthIssue } from "./depth.ts";
import type { ValidationIssue, ValidationResult } from "./issue.ts";
import { reservedKeyIssues } from "./reserved-keys.ts";
import { structuralIssues } from "./structure.ts";

/**
 * Check a parsed scenario document. On success `scenario` is the input itself (typed, not
 * copied, with its "x-…" notes and optional fields as written: defaults are the engine's job).
 */
export function validateScenario(input: unknown): ValidationResult {
  let errors: ValidationIssue[];
  try {
    const tooDeep = depthIssue(input);
    if (tooDeep !== undefined) return { ok: false, errors: [tooDeep] };
    errors = [...reservedKeyIssues(input), ...structuralIssues(input)];
    const doc = obj(input);
    // concat, not push(...): a network can have a million issues (1,000 nodes × 1,000 products with
    // no lane), and spreading them as one call's arguments overflows the stack.
    if (doc !== undefined) errors = errors.concat(crossReferenceIssues(doc));
  } catch (e) {
    errors = [{ path: "", message: `could not be checked: ${e instanceof Error ? e.message : String(e)}` }];
  }
  return errors.length === 0 ? { ok: true, scenario: input as Scenario } : { ok: false, errors };
}
