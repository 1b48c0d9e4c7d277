/**
 * A guard run before anything else: a document nested deeper than LIMITS.depth (or, from a
 * JavaScript caller, one that contains itself) is refused before a recursive parser can
 * overflow the stack on it.
 */
import { formatPath, type ValidationIssue } from "./issue.ts";
import { LIMITS } from "./limits.ts";

/** The first place nested deeper than LIMITS.depth, as an issue, or undefined. */
export function depthIssue(input: unknown): ValidationIssue | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  // Shared objects (possible from JavaScript callers) are walked again only when reached at a
  // greater depth, so the walk stays linear in size × depth and still finds a self-reference.
  const shallowest = new WeakMap<object, number>();
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if ((shallowest.get(value) ?? Infinity) <= path.length) continue;
    shallowest.set(value, path.length);
    if (path.length >= LIMITS.depth) {
      return { path: formatPath(path), message: `is nested more than ${LIMITS.depth} levels deep; a scenario never needs that many` };
    }
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}
