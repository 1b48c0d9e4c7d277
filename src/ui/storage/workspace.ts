/**
 * The user's workspace in storage: one record per scenario (`scenario:<id>`), an index with
 * their order (`library`), and the session (`session`: what was open and selected), so a reload
 * or a crashed tab comes back where it was. Saving writes only the records that changed.
 */
import type { KeyValueStore } from "./store.ts";
import type { Draft } from "../editor/paths.ts";
import type { EditorSelection } from "../editor/issues.ts";

export interface LibraryEntry {
  readonly id: string;
  /** The scenario as last edited (may be invalid). */
  readonly scenario: Draft;
  /** Where it came from: "builtin:<file>", "file:<name>", "link", "csv", or "new". */
  readonly origin: string;
  /** Milliseconds since 1970 of the last change. */
  readonly updated: number;
}

export interface Session {
  readonly current?: string;
  readonly selection?: EditorSelection;
  readonly tab?: string;
}

export interface Workspace {
  readonly entries: readonly LibraryEntry[];
  readonly session: Session;
}

const INDEX = "library";
const SESSION = "session";
const key = (id: string) => `scenario:${id}`;

/** Reads the workspace; entries whose record is missing or unreadable are skipped. */
export async function loadWorkspace(store: KeyValueStore): Promise<Workspace | undefined> {
  const index = await store.get<string[]>(INDEX);
  if (!Array.isArray(index)) return undefined;
  const entries: LibraryEntry[] = [];
  for (const id of index) {
    const e = await store.get<LibraryEntry>(key(id));
    if (e && typeof e === "object" && e.scenario && typeof e.scenario === "object") entries.push(e);
  }
  const session = (await store.get<Session>(SESSION)) ?? {};
  return { entries, session };
}

/**
 * Writes what differs from `previous` (compared by reference: entries are immutable), deletes
 * removed entries, and always writes the index and session.
 */
export async function saveWorkspace(store: KeyValueStore, next: Workspace, previous?: Workspace): Promise<void> {
  const before = new Map(previous?.entries.map((e) => [e.id, e] as const));
  for (const e of next.entries) if (before.get(e.id) !== e) await store.set(key(e.id), e);
  const ids = new Set(next.entries.map((e) => e.id));
  for (const id of before.keys()) if (!ids.has(id)) await store.del(key(id));
  await store.set(INDEX, next.entries.map((e) => e.id));
  await store.set(SESSION, next.session);
}
