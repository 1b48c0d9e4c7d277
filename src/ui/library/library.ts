/** Library operations on the list of the user's scenarios: pure, entries in, entries out. */
import type { LibraryEntry } from "../storage/workspace.ts";
import type { Draft } from "../editor/paths.ts";

let counter = 0;
/** A fresh entry id. */
export function newEntryId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `e${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

export function entryName(e: LibraryEntry): string {
  const n = e.scenario?.name;
  return typeof n === "string" && n.trim() ? n : "Untitled scenario";
}

/** `name`, or `name (2)`, `name (3)`… so that no two entries share a name. */
export function uniqueName(entries: readonly LibraryEntry[], name: string): string {
  const used = new Set(entries.map(entryName));
  if (!used.has(name)) return name;
  for (let i = 2; ; i++) if (!used.has(`${name} (${i})`)) return `${name} (${i})`;
}

export function createEntry(entries: readonly LibraryEntry[], scenario: Draft, origin: string, now: number, name?: string): LibraryEntry {
  const wanted = name ?? (typeof scenario.name === "string" && scenario.name ? scenario.name : "Untitled scenario");
  return { id: newEntryId(), scenario: { ...scenario, name: uniqueName(entries, wanted) }, origin, updated: now };
}

/** A copy of entry `id`, named "<name> (copy)" or with the given suffix, placed right after it. */
export function duplicateEntry(entries: readonly LibraryEntry[], id: string, now: number, suffix = "copy"): { entries: LibraryEntry[]; entry?: LibraryEntry } {
  const i = entries.findIndex((e) => e.id === id);
  if (i < 0) return { entries: [...entries] };
  const entry = createEntry(entries, entries[i].scenario, entries[i].origin, now, `${entryName(entries[i])} (${suffix})`);
  return { entries: [...entries.slice(0, i + 1), entry, ...entries.slice(i + 1)], entry };
}

export function renameEntry(entries: readonly LibraryEntry[], id: string, name: string, now: number): LibraryEntry[] {
  return entries.map((e) => (e.id === id ? { ...e, scenario: { ...e.scenario, name }, updated: now } : e));
}

export function replaceScenario(entries: readonly LibraryEntry[], id: string, scenario: Draft, now: number): LibraryEntry[] {
  return entries.map((e) => (e.id === id ? { ...e, scenario, updated: now } : e));
}

/** Removes entry `id`; returns what is needed to undo it. */
export function removeEntry(entries: readonly LibraryEntry[], id: string): { entries: LibraryEntry[]; removed?: { entry: LibraryEntry; index: number } } {
  const index = entries.findIndex((e) => e.id === id);
  if (index < 0) return { entries: [...entries] };
  return { entries: entries.filter((e) => e.id !== id), removed: { entry: entries[index], index } };
}

export function restoreEntry(entries: readonly LibraryEntry[], removed: { entry: LibraryEntry; index: number }): LibraryEntry[] {
  const out = [...entries];
  out.splice(Math.min(removed.index, out.length), 0, removed.entry);
  return out;
}
