/**
 * Validation issues: what went wrong, and where in the document.
 *
 * A path names a place in the scenario the way you would write it in JavaScript:
 * `nodes[3].policy.level`. Keys that are not plain words (letters, digits, `_`, `-`) are written
 * in brackets as JSON strings: `nodes[0].holdingCost["sku 1"]`. The root is `""`.
 */
import type { Scenario } from "../model/scenario.ts";

export interface ValidationIssue {
  /** Where: `"nodes[3].policy.level"`, `""` for the document itself. */
  readonly path: string;
  /** What, in plain language: `must be a number >= 0, got "abc"`. */
  readonly message: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; errors: ValidationIssue[] };

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `["nodes", 3, "policy", "level"]` → `"nodes[3].policy.level"`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (typeof s === "string" && PLAIN_KEY.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

/** `"nodes[3].policy.level: must be a number >= 0, got \"abc\""`; a root issue is just its message. */
export function formatIssue(i: ValidationIssue): string {
  return i.path === "" ? i.message : `${i.path}: ${i.message}`;
}

/** A value as quoted in a message: strings in JSON quotes (shortened), containers by kind. */
export function formatValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v === null) return "null";
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}
