/**
 * JSON paths in the validator's notation (`nodes[3].policy.level`) and immutable updates at
 * such a path. The editor keeps the scenario as a plain JSON tree (it may be invalid while the
 * user types), so every edit is `setIn(draft, path, value)`.
 */
import type { Draft, Json } from "../../formats/json.ts";

export type { Draft, Json };
export type PathKey = string | number;

/** "nodes[3].policy.level" → ["nodes", 3, "policy", "level"]. */
export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return keys;
}

/** ["nodes", 3, "policy", "level"] → "nodes[3].policy.level". */
export function formatPath(keys: readonly PathKey[]): string {
  return keys.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${k}` : k), "");
}

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: string | readonly PathKey[]): unknown {
  const keys = typeof path === "string" ? parsePath(path) : path;
  let v: unknown = root;
  for (const k of keys) {
    if (v === null || typeof v !== "object") return undefined;
    // Only own entries: a draft's key "__proto__" (a product id in a per-product map) is data.
    v = Object.hasOwn(v, k) ? (v as Record<PathKey, unknown>)[k] : undefined;
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path` (objects and arrays on the way are copied, missing
 * ones created). `undefined` removes the key (an optional field left empty).
 */
export function setIn<T>(root: T, path: string | readonly PathKey[], value: unknown): T {
  const keys = typeof path === "string" ? parsePath(path) : path;
  if (keys.length === 0) return value as T;
  const [k, ...rest] = keys;
  const base: unknown = root ?? (typeof k === "number" ? [] : {});
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<PathKey, unknown>;
  const next = setIn(copy[k], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[k];
  // Defined, not assigned: assigning to "__proto__" would set the copy's prototype instead.
  else Object.defineProperty(copy, k, { value: next, writable: true, enumerable: true, configurable: true });
  return copy as T;
}
