// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReactiveController } from "lit";
import { PersistenceController, SAVE_DELAY_MS, type PersistenceHost } from "../../../src/ui/app/persistence-controller.ts";
import { createMemoryStore, type KeyValueStore } from "../../../src/ui/storage/store.ts";
import { PENDING_KEY } from "../../../src/ui/storage/pending.ts";
import { saveWorkspace, type Workspace } from "../../../src/ui/storage/workspace.ts";

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data, get length() { return data.size; }, key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, String(v)); }, removeItem: (k) => { data.delete(k); }, clear: () => data.clear(),
  };
}

const entry = (id: string, name: string) => ({ id, scenario: { name }, origin: "new", updated: 1 });

type TestHost = PersistenceHost & { pendingStorage: Storage; state: Workspace; toasts: string[]; updates: number };

/** A host with the workspace `state` holds, counting the updates it is asked for. */
function createHost(store: KeyValueStore | undefined) {
  const controllers: ReactiveController[] = [];
  const host: TestHost = {
    store, pendingStorage: memoryStorage(), jobStorage: undefined,
    state: { entries: [entry("a", "A")], session: { current: "a" } } as Workspace,
    toasts: [] as string[], updates: 0,
    workspace: () => host.state,
    showToast: (m: string) => { host.toasts.push(m); },
    addController: (c: ReactiveController) => { controllers.push(c); },
    removeController: () => undefined,
    requestUpdate: () => { host.updates++; },
    updateComplete: Promise.resolve(true),
  };
  return host;
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe("PersistenceController", () => {
  it("saves once, SAVE_DELAY_MS after the last of several changes, and says so", async () => {
    const store = createMemoryStore();
    const host = createHost(store);
    const p = new PersistenceController(host);
    await p.load();
    p.loaded(["a"]);
    expect(p.state).toBe("saved");
    const set = vi.spyOn(store, "set");
    p.changed();
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    p.changed();
    expect(p.state).toBe("saving");
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(p.state).toBe("saved");
    expect(store.data.get("library")).toEqual(["a"]);
    expect(set.mock.calls.filter(([k]) => k === "library")).toHaveLength(1);
  });

  it("when the page is hidden mid-save, writes the unsaved workspace to pendingStorage at once and saves now", async () => {
    const store = createMemoryStore();
    const host = createHost(store);
    const p = new PersistenceController(host);
    p.hostConnected();
    await p.load();
    p.loaded(["a"]);
    host.state = { entries: [entry("a", "A edited")], session: { current: "a" } };
    p.changed();
    window.dispatchEvent(new Event("pagehide"));
    expect(JSON.parse(host.pendingStorage.getItem(PENDING_KEY)!).changed).toEqual([entry("a", "A edited")]);
    await vi.runAllTimersAsync();
    expect(store.data.get("scenario:a")).toEqual(entry("a", "A edited"));
    expect(host.pendingStorage.getItem(PENDING_KEY)).toBeNull();
    p.hostDisconnected();
  });

  it("load applies the edits a page wrote to pendingStorage as it went, if IndexedDB did not get them", async () => {
    const store = createMemoryStore();
    await saveWorkspace(store, { entries: [entry("a", "A")], session: { current: "a" } });
    const host = createHost(store);
    const first = new PersistenceController(host);
    first.hostConnected();
    await first.load();
    first.loaded(["a"]);
    host.state = { entries: [entry("a", "A edited")], session: { current: "a" } };
    first.changed();
    vi.spyOn(store, "set").mockImplementation(() => new Promise(() => undefined)); // the page goes before IndexedDB answers
    window.dispatchEvent(new Event("pagehide"));
    first.hostDisconnected();
    const reloaded = createHost(store);
    reloaded.pendingStorage = host.pendingStorage;
    const ws = await new PersistenceController(reloaded).load();
    expect(ws?.entries).toEqual([entry("a", "A edited")]);
  });

  it("says when storage cannot be read or a save fails, and keeps the state 'error'", async () => {
    const broken: KeyValueStore = { ...createMemoryStore(), get: () => Promise.reject(new Error("denied")) };
    const host = createHost(broken);
    const p = new PersistenceController(host);
    expect(await p.load()).toBeUndefined();
    expect(host.store).toBeUndefined();
    expect(host.toasts).toEqual(["Could not read saved scenarios (denied); changes will not be kept."]);
    p.changed();
    await vi.runAllTimersAsync();
    expect(p.state).toBe("error");

    const failing: KeyValueStore = { ...createMemoryStore(), set: () => Promise.reject(new Error("quota exceeded")) };
    const h2 = createHost(failing);
    const q = new PersistenceController(h2);
    await q.load();
    q.changed();
    await vi.runAllTimersAsync();
    expect(q.state).toBe("error");
    expect(h2.toasts).toEqual(["Saving failed: quota exceeded. Download the scenario to keep it."]);
  });
});
