import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../../src/ui/storage/store.ts";
import { loadWorkspace, saveWorkspace, type LibraryEntry, type Workspace } from "../../../src/ui/storage/workspace.ts";

const entry = (id: string, name: string): LibraryEntry => ({ id, scenario: { name, nodes: [] }, origin: "new", updated: 1 });

describe("workspace storage", () => {
  it("loadWorkspace returns undefined for a store that was never written", async () => {
    expect(await loadWorkspace(createMemoryStore())).toBeUndefined();
  });

  it("saveWorkspace then loadWorkspace restores the entries in order and the session", async () => {
    const store = createMemoryStore();
    const ws: Workspace = { entries: [entry("b", "B"), entry("a", "A")], session: { current: "a", selection: { kind: "node", index: 2 }, tab: "run" } };
    await saveWorkspace(store, ws);
    expect(await loadWorkspace(store)).toEqual(ws);
  });

  it("saveWorkspace writes only changed entries and deletes removed ones", async () => {
    const store = createMemoryStore();
    const a = entry("a", "A"), b = entry("b", "B");
    const first: Workspace = { entries: [a, b], session: {} };
    await saveWorkspace(store, first);
    const writes: string[] = [];
    const set = store.set;
    store.set = async (k, v) => { writes.push(k); return set(k, v); };
    const a2 = { ...a, scenario: { name: "A2" } };
    await saveWorkspace(store, { entries: [a2], session: {} }, first);
    expect(writes).toEqual(["scenario:a", "library", "session"]);
    expect([...store.data.keys()].sort()).toEqual(["library", "scenario:a", "session"]);
  });

  it("loadWorkspace skips an entry whose record is missing or damaged", async () => {
    const store = createMemoryStore({ library: ["a", "gone", "bad"], "scenario:a": entry("a", "A"), "scenario:bad": { id: "bad" } });
    const ws = await loadWorkspace(store);
    expect(ws?.entries.map((e) => e.id)).toEqual(["a"]);
    expect(ws?.session).toEqual({});
  });
});
