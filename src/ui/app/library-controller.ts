/**
 * The library's actions: open, new, add an example, duplicate, rename and delete (with Undo),
 * "Make a variant" from Compare, and the optimiser's plan added beside its original. The entries
 * themselves are the shell's state; the list operations are pure (src/ui/library/library.ts).
 * It also keeps the page title on the open scenario's name, and the library's valid scenarios
 * for the views that compare them.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Scenario } from "../../sim/model/scenario.ts";
import { blankScenario, type Draft } from "../editor/index.ts";
import { BUILTIN_SCENARIOS, createEntry, duplicateEntry, entryName, removeEntry, renameEntry, restoreEntry, type LibraryAction } from "../library/index.ts";
import type { LibraryEntry } from "../storage/index.ts";
import { draftOf, type ValidationCache, type ValidDraft } from "./draft-checks.ts";

export interface LibraryHost extends ReactiveControllerHost {
  entries: readonly LibraryEntry[];
  readonly current: string | undefined;
  readonly draft: Draft | undefined;
  /** After "Make a variant of A": Compare's A (the original) and B (the variant). */
  comparePair: readonly [string, string] | undefined;
  openEntry(id: string): void;
  /** The open entry's scenario changed outside the editor (renamed): the draft takes it, as one undo step. */
  followEntry(scenario: Draft): void;
  /** Shows the Network tab, where a scenario just added is edited. */
  showNetwork(): void;
  showToast(message: string, undo?: () => void): void;
  /** Something to save changed. */
  changed(): void;
}

/** A library scenario that validates, as the compare and run views list them. */
export interface ValidEntry { readonly id: string; readonly name: string; readonly scenario: ValidDraft }

export class LibraryController implements ReactiveController {
  private validList: { entries: readonly LibraryEntry[]; list: readonly ValidEntry[] } | undefined;
  private title: string | undefined;

  constructor(private readonly host: LibraryHost, private readonly checks: ValidationCache) {
    host.addController(this);
  }

  hostUpdate() {
    const name = this.host.draft?.name;
    const title = typeof name === "string" && name ? `${name} — Echelon` : "Echelon";
    if (title !== this.title) document.title = this.title = title;
  }

  /** Listens for `ech-library` from the library list. */
  onLibrary = (e: CustomEvent<LibraryAction>) => {
    const host = this.host, a = e.detail, now = Date.now();
    switch (a.action) {
      case "open": host.openEntry(a.id); break;
      case "new": this.add(blankScenario(), "new"); break;
      case "add-example": {
        const b = BUILTIN_SCENARIOS.find((x) => x.file === a.file);
        if (b) this.add(b.scenario, `builtin:${b.file}`);
        break;
      }
      case "duplicate": {
        const r = duplicateEntry(host.entries, a.id, now);
        host.entries = r.entries;
        if (r.entry) host.openEntry(r.entry.id);
        break;
      }
      case "rename":
        host.entries = renameEntry(host.entries, a.id, a.name, now);
        if (a.id === host.current) host.followEntry(host.entries.find((x) => x.id === a.id)!.scenario);
        host.changed();
        break;
      case "delete": this.delete(a.id); break;
    }
  };

  /**
   * Adds `scenario` at the end of the library and opens it in the Network tab. `validated`: it
   * passed the validator (maybe in a worker), so it is not checked again here unless renamed.
   */
  add(scenario: Draft, origin: string, name?: string, validated = false): LibraryEntry {
    const host = this.host;
    const entry = createEntry(host.entries, scenario, origin, Date.now(), name);
    if (validated && entry.scenario.name === scenario.name) this.checks.trust(entry.scenario);
    host.entries = [...host.entries, entry];
    host.openEntry(entry.id);
    host.showNetwork();
    return entry;
  }

  /** Deletes entry `id` (the library is never left empty), with Undo in the toast. */
  delete(id: string) {
    const host = this.host;
    const r = removeEntry(host.entries, id);
    if (!r.removed) return;
    host.entries = r.entries;
    const removed = r.removed;
    if (host.entries.length === 0) host.entries = [createEntry([], blankScenario(), "new", Date.now())];
    if (id === host.current) host.openEntry(host.entries[Math.min(removed.index, host.entries.length - 1)].id);
    host.changed();
    host.showToast(`Deleted “${entryName(removed.entry)}”.`, () => {
      host.entries = restoreEntry(host.entries, removed);
      host.openEntry(removed.entry.id);
    });
  }

  /** Compare's "Make a variant of A": a copy of A, opened for editing; Compare then pairs A with it. */
  onMakeVariant = (e: CustomEvent<{ from: string }>) => {
    const host = this.host;
    const r = duplicateEntry(host.entries, e.detail.from, Date.now(), "variant");
    if (!r.entry) return;
    host.entries = r.entries;
    host.openEntry(r.entry.id);
    host.comparePair = [e.detail.from, r.entry.id];
    host.showNetwork();
  };

  /** Adds the optimiser's scenario right after the open one, opens it, and says what to do next. */
  addOptimized(scenario: Scenario, name: string) {
    const host = this.host;
    const from = host.entries.findIndex((x) => x.id === host.current);
    const entry = createEntry(host.entries, draftOf(scenario), "optimize", Date.now(), name);
    host.entries = from < 0 ? [...host.entries, entry] : [...host.entries.slice(0, from + 1), entry, ...host.entries.slice(from + 1)];
    host.openEntry(entry.id);
    host.showNetwork();
    host.showToast(`Added “${entryName(entry)}”: run it, or compare it with the original in the Compare tab.`);
  }

  /**
   * The library's valid scenarios: a new array only when the library changes, so that a mounted
   * (perhaps hidden) compare view does not recompute its diff on every render of the shell.
   */
  validEntries(): readonly ValidEntry[] {
    const entries = this.host.entries;
    if (this.validList?.entries !== entries) {
      const list = entries.flatMap((e) => {
        const scenario = this.checks.scenario(e.scenario);
        return scenario ? [{ id: e.id, name: entryName(e), scenario }] : [];
      });
      this.validList = { entries, list };
    }
    return this.validList.list;
  }
}
