/**
 * Validation issues: what went wrong, and where in the document.
 *
 * A path names a place in the scenario the way you would write it in JavaScript:
 * `nodes[3].policy.level`. Keys that are not plain words (letters, digits, `_`, `-`) are written
 * in brackets as JSON strings: `nodes[0].holdingCost["sku 1"]`, shortened as `quote` does when
 * longer than QUOTE_MAX characters. The root is `""`.
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
    else if (typeof s === "string" && s.length <= QUOTE_MAX && PLAIN_KEY.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${quote(String(s))}]`;
  }
  return out;
}

/** `"nodes[3].policy.level: must be a number >= 0, got \"abc\""`; a root issue is just its message. */
export function formatIssue(i: ValidationIssue): string {
  return i.path === "" ? i.message : `${i.path}: ${i.message}`;
}

/** Strings longer than this are shortened when a message quotes them. */
export const QUOTE_MAX = 80;
/** How many characters of a shortened string a message keeps. */
export const QUOTE_KEEP = 60;

/**
 * User input as a message quotes it: whole when it is at most QUOTE_MAX characters, else its
 * first QUOTE_KEEP characters, "…" and its length, `"aaaa…" (1,000,000 characters)`, so that a
 * pasted file in an id cannot make a message megabytes long. `mark` is the quoting: JSON quotes
 * (the default), single quotes (CSV messages) or none (ids listed along a cycle).
 */
export function quote(s: string, mark: '"' | "'" | "" = '"'): string {
  const long = s.length > QUOTE_MAX;
  // Never cut a surrogate pair in half.
  const keep = long && /[\uD800-\uDBFF]/.test(s[QUOTE_KEEP - 1]) ? QUOTE_KEEP - 1 : QUOTE_KEEP;
  const text = long ? `${s.slice(0, keep)}…` : s;
  const quoted = mark === '"' ? JSON.stringify(text) : `${mark}${text}${mark}`;
  return long ? `${quoted} (${s.length.toLocaleString("en-US")} characters)` : quoted;
}

/** A value as quoted in a message: strings quoted (and shortened) by `quote`, containers by kind. */
export function formatValue(v: unknown): string {
  if (typeof v === "string") return quote(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v === null) return "null";
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}
