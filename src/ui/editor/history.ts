/**
 * Undo/redo of whole drafts. Drafts are immutable, so a snapshot is a reference. Typing in one
 * field makes one entry: an edit to the same field within `coalesceMs` replaces the top.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The field of the last edit and when it happened, for coalescing. */
  readonly lastKey?: string;
  readonly lastTime?: number;
}

export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records `next` as the new present; `key` names the edited field (undefined: never coalesce). */
export function record<T>(h: History<T>, next: T, key?: string, now = 0, coalesceMs = 1000): History<T> {
  if (next === h.present) return h;
  const coalesce = key !== undefined && key === h.lastKey && h.lastTime !== undefined && now - h.lastTime < coalesceMs && h.past.length > 0;
  const past = coalesce ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key, lastTime: now };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
