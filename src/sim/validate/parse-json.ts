/** `parseScenarioJson`: JSON text to a validated scenario; a syntax error is one issue with its line and column. */
import type { ValidationResult } from "./issue.ts";
import { findSyntaxError } from "./json-syntax.ts";
import { LIMITS } from "./limits.ts";
import { validateScenario } from "./validate-scenario.ts";

export function parseScenarioJson(text: string): ValidationResult {
  if (typeof text !== "string") return { ok: false, errors: [{ path: "", message: "expected the text of a JSON file" }] };
  if (text.length > LIMITS.textLength) {
    return { ok: false, errors: [{ path: "", message: `the file is ${text.length.toLocaleString("en-US")} characters long; at most ${LIMITS.textLength.toLocaleString("en-US")} are accepted` }] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const where = findSyntaxError(body);
    const message = where === undefined
      ? `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`
      : `invalid JSON at line ${where.line}, column ${where.column}: ${where.message}`;
    return { ok: false, errors: [{ path: "", message }] };
  }
  return validateScenario(doc);
}
