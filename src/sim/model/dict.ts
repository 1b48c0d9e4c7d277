/**
 * Records keyed by ids that users choose (node, product). A plain `{}` inherits from
 * Object.prototype, so writing the id "__proto__" replaces the record's prototype instead of
 * adding an entry, `(o[id] ??= {})[key] = v` then writes onto Object.prototype itself, and
 * reading the id "toString" finds a function. Every id-keyed record is therefore built without a
 * prototype and read through `own`.
 */

/** A record keyed by ids. */
export type Dict<T> = { [id: string]: T };

/** An empty record with no prototype: any string is an ordinary key. */
export function dict<T>(): Dict<T> {
  return Object.create(null) as Dict<T>;
}

/** A record with no prototype holding `entries` (later entries win, as with Object.fromEntries). */
export function dictFrom<T>(entries: Iterable<readonly [string, T]>): Dict<T> {
  const d = dict<T>();
  for (const [k, v] of entries) d[k] = v;
  return d;
}

/** `record[id]` when it is the record's own entry, never something inherited. */
export function own<T>(record: { readonly [id: string]: T }, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
