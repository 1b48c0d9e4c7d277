/**
 * Keys JavaScript gives a meaning on every object (`__proto__`, `constructor`, `prototype`) are
 * refused wherever they stand as a key, except inside "x-…" notes, which are free text to Echelon. The schema alone cannot catch them all: zod's records
 * skip a "__proto__" key without a word, so a per-product map keyed by it would silently lose
 * that entry.
 */
import { formatPath, type ValidationIssue } from "./issue.ts";
import { RESERVED_IDS } from "./schema/fields.ts";

const RESERVED = new Set(RESERVED_IDS);

/** One issue per reserved key in `input`, in document order (`input` is known not to nest too deep nor contain itself). */
export function reservedKeyIssues(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const key = path[path.length - 1];
    // "x-…" notes are the user's own and kept as they are: nothing in Echelon assigns through them.
    if (typeof key === "string" && key.startsWith("x-")) continue;
    if (typeof key === "string" && RESERVED.has(key)) {
      issues.push({ path: formatPath(path), message: `${JSON.stringify(key)} is reserved by JavaScript and cannot be used as a key or an id; rename it` });
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
  }
  return issues;
}
