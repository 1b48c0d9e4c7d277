/**
 * Edits not yet in IndexedDB when the page goes. IndexedDB writes are asynchronous, and one
 * started in `pagehide` is cut off by a reload, so an edit made in the last quarter second before
 * a reload would be lost. When the page is hidden or unloaded, the shell therefore also writes the
 * unsaved part of the workspace synchronously to localStorage (`writePending`); the next load
 * applies it over what IndexedDB holds (`applyPending`), and the shell clears it once IndexedDB has
 * caught up (`clearPending`, only if no newer copy was written since).
 *
 * Only the entries that differ from the last saved workspace are written, with the order of the
 * library and the session, so the copy stays small. It is JSON, so a draft keeps what JSON keeps.
 */
import type { LibraryEntry, Session, Workspace } from "./workspace.ts";

export const PENDING_KEY = "echelon:pending-workspace";

export interface PendingWorkspace {
  /** Tells one written copy from another, so that clearing never drops a newer one. */
  readonly token: string;
  /** The library's order: every id, changed or not. */
  readonly ids: readonly string[];
  /** The entries that differ from the last saved workspace. */
  readonly changed: readonly LibraryEntry[];
  readonly session: Session;
}

let written = 0;

/**
 * Writes what of `next` is not in `saved` (entries compared by reference: they are immutable).
 * Returns its token, or undefined when storage is unavailable or full (nothing else can be done
 * while the page unloads).
 */
export function writePending(storage: Storage | undefined, next: Workspace, saved: Workspace | undefined, now: number): string | undefined {
  const before = new Map(saved?.entries.map((e) => [e.id, e] as const));
  const pending: PendingWorkspace = {
    token: `${now}-${++written}`,
    ids: next.entries.map((e) => e.id),
    changed: next.entries.filter((e) => before.get(e.id) !== e),
    session: next.session,
  };
  try {
    storage?.setItem(PENDING_KEY, JSON.stringify(pending));
    return storage ? pending.token : undefined;
  } catch {
    return undefined;
  }
}

/** The pending copy, if there is a readable one. */
export function readPending(storage: Storage | undefined): PendingWorkspace | undefined {
  try {
    const p = JSON.parse(storage?.getItem(PENDING_KEY) ?? "null") as PendingWorkspace | null;
    return p && typeof p.token === "string" && Array.isArray(p.ids) && Array.isArray(p.changed) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the pending copy if it is still the one with `token`. */
export function clearPending(storage: Storage | undefined, token: string): void {
  try {
    if (readPending(storage)?.token === token) storage?.removeItem(PENDING_KEY);
  } catch { /* storage unavailable: nothing to clear */ }
}

/**
 * The workspace as it was when the page went: the pending order and session over the loaded
 * entries, each replaced by its pending copy unless the loaded one is newer (another tab saved
 * it since). An id with neither copy is skipped.
 */
export function applyPending(loaded: Workspace | undefined, pending: PendingWorkspace): Workspace {
  const stored = new Map(loaded?.entries.map((e) => [e.id, e] as const));
  const changed = new Map(pending.changed.filter(isEntry).map((e) => [e.id, e] as const));
  const entries: LibraryEntry[] = [];
  for (const id of pending.ids) {
    const s = stored.get(id), p = changed.get(id);
    const e = p && !(s && s.updated > p.updated) ? p : s;
    if (e) entries.push(e);
  }
  return { entries, session: pending.session ?? loaded?.session ?? {} };
}

const isEntry = (e: LibraryEntry) => !!e && typeof e === "object" && typeof e.id === "string" && !!e.scenario && typeof e.scenario === "object";
