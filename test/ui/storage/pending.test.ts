import { describe, expect, it } from "vitest";
import { PENDING_KEY, applyPending, clearPending, readPending, writePending } from "../../../src/ui/storage/pending.ts";
import type { LibraryEntry, Workspace } from "../../../src/ui/storage/workspace.ts";

const entry = (id: string, name: string, updated = 1): LibraryEntry => ({ id, scenario: { name, nodes: [] }, origin: "new", updated });

/** A Storage over a Map, as localStorage behaves. */
function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() { return data.size; },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => { data.set(k, String(v)); },
    removeItem: (k) => { data.delete(k); },
    clear: () => data.clear(),
  };
}

describe("pending workspace", () => {
  const a = entry("a", "A"), b = entry("b", "B");
  const saved: Workspace = { entries: [a, b], session: { current: "a" } };

  it("writePending writes only the entries that differ from the saved workspace, with the order and session", () => {
    const storage = memoryStorage();
    const b2 = { ...b, scenario: { name: "B2" }, updated: 2 };
    const token = writePending(storage, { entries: [b2, a], session: { current: "b", tab: "run" } }, saved, 1000);
    const p = readPending(storage)!;
    expect(p.token).toBe(token);
    expect(p.ids).toEqual(["b", "a"]);
    expect(p.changed).toEqual([b2]);
    expect(p.session).toEqual({ current: "b", tab: "run" });
  });

  it("applyPending restores the workspace as it was when the page went", () => {
    const storage = memoryStorage();
    const b2 = { ...b, scenario: { name: "B2" }, updated: 2 }, c = entry("c", "C", 3);
    writePending(storage, { entries: [c, b2], session: { current: "c" } }, saved, 1000);
    expect(applyPending(saved, readPending(storage)!)).toEqual({ entries: [c, b2], session: { current: "c" } });
  });

  it("applyPending with nothing saved yet (an edit on the first visit) keeps every pending entry", () => {
    const storage = memoryStorage();
    writePending(storage, { entries: [a], session: { current: "a" } }, undefined, 1000);
    expect(applyPending(undefined, readPending(storage)!).entries).toEqual([a]);
  });

  it("applyPending keeps a stored entry that is newer than its pending copy", () => {
    const storage = memoryStorage();
    writePending(storage, { entries: [{ ...a, scenario: { name: "old" }, updated: 5 }], session: {} }, saved, 1000);
    const newer = { ...a, scenario: { name: "newer, from another tab" }, updated: 9 };
    expect(applyPending({ entries: [newer], session: {} }, readPending(storage)!).entries).toEqual([newer]);
  });

  it("clearPending removes the copy with its token, never a newer one", () => {
    const storage = memoryStorage();
    const first = writePending(storage, saved, undefined, 1000)!;
    const second = writePending(storage, saved, undefined, 1000)!;
    clearPending(storage, first);
    expect(readPending(storage)?.token).toBe(second);
    clearPending(storage, second);
    expect(storage.data.has(PENDING_KEY)).toBe(false);
  });

  it("a full or missing storage writes nothing and throws nothing; unreadable copies are ignored", () => {
    const full = Object.assign(memoryStorage(), { setItem: () => { throw new DOMException("quota", "QuotaExceededError"); } });
    expect(writePending(full, saved, undefined, 1)).toBeUndefined();
    expect(writePending(undefined, saved, undefined, 1)).toBeUndefined();
    const storage = memoryStorage();
    storage.setItem(PENDING_KEY, "{not json");
    expect(readPending(storage)).toBeUndefined();
  });
});
