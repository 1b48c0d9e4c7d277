/**
 * A guard run before anything else: a document nested deeper than LIMITS.depth (or, from a
 * JavaScript caller, one that contains itself) is refused before a recursive parser can
 * overflow the stack on it.
 */
import { formatPath, type ValidationIssue } from "./issue.ts";
import { LIMITS } from "./limits.ts";

/** The first place nested deeper than LIMITS.depth, or that contains itself, as an issue, or undefined. */
export function depthIssue(input: unknown): ValidationIssue | undefined {
  // Depth first, with an exit mark after each object's children, so `onPath` holds exactly the
  // objects from the root down to the one being walked: meeting one of them again is a cycle.
  type Step = { value: unknown; path: (string | number)[] } | { exit: object };
  const stack: Step[] = [{ value: input, path: [] }];
  const onPath = new Set<object>();
  // Shared objects (possible from JavaScript callers) are walked again only when reached at a
  // greater depth than before (deeper, their own nesting may pass the limit), so the walk stays
  // linear in size × depth.
  const deepest = new WeakMap<object, number>();
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ("exit" in step) { onPath.delete(step.exit); continue; }
    const { value, path } = step;
    if (typeof value !== "object" || value === null) continue;
    if (onPath.has(value)) return { path: formatPath(path), message: "contains itself (a JavaScript object that refers back to one that holds it); a scenario is a tree" };
    if ((deepest.get(value) ?? -1) >= path.length) continue;
    deepest.set(value, path.length);
    if (path.length >= LIMITS.depth) {
      return { path: formatPath(path), message: `is nested more than ${LIMITS.depth} levels deep; a scenario never needs that many` };
    }
    onPath.add(value);
    stack.push({ exit: value });
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}
