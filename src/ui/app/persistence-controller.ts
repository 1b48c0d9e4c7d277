/**
 * Keeps the workbench in storage: reads the saved workspace when the shell starts, saves it to
 * IndexedDB a moment after each change (debounced, so typing saves once), and when the page goes,
 * writes unsaved edits synchronously to localStorage too (storage/pending.ts), since an IndexedDB
 * write started then can be cut off. A reload or a crashed tab loses nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { pruneSavedResults } from "../run/saved-runs.ts";
import { debounce } from "../shared/format.ts";
import { createIdbStore, loadWorkspace, saveWorkspace, type KeyValueStore, type Workspace } from "../storage/index.ts";
import { applyPending, clearPending, readPending, writePending } from "../storage/pending.ts";
import { listen } from "./listen.ts";

export type SaveState = "loading" | "saved" | "saving" | "error";

/** How long after the last change the workspace is saved. */
export const SAVE_DELAY_MS = 250;

export interface PersistenceHost extends ReactiveControllerHost {
  /** Storage: IndexedDB unless set before the shell connects (tests use a memory store). */
  store: KeyValueStore | undefined;
  /** Where unsaved edits go when the page goes: localStorage when the shell uses IndexedDB. */
  pendingStorage: Storage | undefined;
  /** Where the running job is marked (job-marker.ts): sessionStorage when the shell uses IndexedDB. */
  jobStorage: Storage | undefined;
  /** The state to save, as it is now. */
  workspace(): Workspace;
  showToast(message: string): void;
}

export class PersistenceController implements ReactiveController {
  state: SaveState = "loading";
  /** The token of the pending copy written last, cleared once a later save has reached IndexedDB. */
  private pendingToken: string | undefined;
  private saved: Workspace | undefined;
  private unlisten: (() => void) | undefined;
  private scheduleSave = debounce(() => void this.save(), SAVE_DELAY_MS);

  constructor(private readonly host: PersistenceHost) {
    host.addController(this);
  }

  hostConnected() {
    this.unlisten = listen([[window, "pagehide", this.flush], [document, "visibilitychange", this.flush]]);
  }

  hostDisconnected() {
    this.unlisten?.();
    this.flush();
  }

  /**
   * Opens storage (IndexedDB, localStorage and sessionStorage unless the host has its own) and
   * reads the saved workspace, with any edits written just before the page last went; undefined
   * when nothing is saved. When storage cannot be read it says so, and nothing will be saved.
   */
  async load(): Promise<Workspace | undefined> {
    const host = this.host;
    let ws: Workspace | undefined;
    try {
      if (!host.store) { host.store = createIdbStore(); host.pendingStorage ??= browserStorage("localStorage"); host.jobStorage ??= browserStorage("sessionStorage"); }
      ws = await loadWorkspace(host.store);
    } catch (e) {
      host.store = undefined;
      host.showToast(`Could not read saved scenarios (${(e as Error).message}); changes will not be kept.`);
    }
    this.saved = ws;
    const pending = host.store ? readPending(host.pendingStorage) : undefined;
    if (pending) { ws = applyPending(ws, pending); this.pendingToken = pending.token; }
    return ws;
  }

  /** The loaded workspace is open: from now on the state shown is the store's; results of deleted scenarios go. */
  loaded(entryIds: readonly string[]) {
    const store = this.host.store;
    if (!store) return;
    this.setState("saved");
    void pruneSavedResults(store, entryIds).catch(() => undefined);
  }

  /** Something to save changed: saves a moment later. */
  changed() {
    this.setState("saving");
    this.scheduleSave();
  }

  /**
   * The page is being hidden or unloaded, or the shell removed: start the save now, and write the
   * unsaved edits synchronously too, since an IndexedDB write started now can be cut off.
   */
  flush = (e?: Event) => {
    if (e?.type === "visibilitychange" && document.visibilityState !== "hidden") return;
    const host = this.host;
    if (host.store && (this.state === "saving" || this.state === "error")) {
      this.pendingToken = writePending(host.pendingStorage, host.workspace(), this.saved, Date.now()) ?? this.pendingToken;
    }
    this.scheduleSave.flush();
  };

  private async save() {
    const host = this.host;
    const next = host.workspace();
    if (!host.store) { this.setState("error"); return; }
    this.setState("saving");
    const token = this.pendingToken;
    try {
      await saveWorkspace(host.store, next, this.saved);
      this.saved = next;
      this.setState("saved");
      if (token) {
        clearPending(host.pendingStorage, token);
        if (this.pendingToken === token) this.pendingToken = undefined;
      }
    } catch (e) {
      this.setState("error");
      host.showToast(`Saving failed: ${(e as Error).message}. Download the scenario to keep it.`);
    }
  }

  private setState(state: SaveState) {
    if (state === this.state) return;
    this.state = state;
    this.host.requestUpdate();
  }
}

/** localStorage or sessionStorage, or undefined where the browser refuses it (storage disabled, sandboxed frame). */
export function browserStorage(kind: "localStorage" | "sessionStorage"): Storage | undefined {
  try { return window[kind]; } catch { return undefined; }
}
