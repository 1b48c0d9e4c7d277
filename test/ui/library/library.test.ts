import { describe, expect, it } from "vitest";
import { createEntry, duplicateEntry, entryName, removeEntry, renameEntry, restoreEntry, uniqueName } from "../../../src/ui/library/library.ts";
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO } from "../../../src/ui/library/builtins.ts";
import type { LibraryEntry } from "../../../src/ui/storage/workspace.ts";

const e = (id: string, name: string): LibraryEntry => ({ id, scenario: { name }, origin: "new", updated: 0 });

describe("library", () => {
  it("bundles the curated scenarios with the default one first", () => {
    expect(BUILTIN_SCENARIOS[0].file).toBe(DEFAULT_SCENARIO);
    expect(BUILTIN_SCENARIOS.every((b) => b.scenario.format === "echelon-scenario@1")).toBe(true);
  });

  it("uniqueName numbers a name already in use", () => {
    expect(uniqueName([e("1", "A"), e("2", "A (2)")], "A")).toBe("A (3)");
    expect(uniqueName([e("1", "A")], "B")).toBe("B");
  });

  it("createEntry makes an entry with a fresh id and a unique name", () => {
    const x = createEntry([e("1", "A")], { name: "A", nodes: [] }, "file:a.json", 5);
    expect(x.id).not.toBe("1");
    expect([x.scenario.name, x.origin, x.updated]).toEqual(["A (2)", "file:a.json", 5]);
  });

  it("duplicateEntry places a named copy right after the original", () => {
    const { entries, entry } = duplicateEntry([e("1", "A"), e("2", "B")], "1", 9, "variant");
    expect(entries.map(entryName)).toEqual(["A", "A (variant)", "B"]);
    expect(entry!.updated).toBe(9);
  });

  it("renameEntry renames the scenario inside the entry", () => {
    expect(renameEntry([e("1", "A")], "1", "Z", 3)[0]).toEqual({ id: "1", scenario: { name: "Z" }, origin: "new", updated: 3 });
  });

  it("removeEntry and restoreEntry undo each other, position included", () => {
    const list = [e("1", "A"), e("2", "B"), e("3", "C")];
    const r = removeEntry(list, "2");
    expect(r.entries.map((x) => x.id)).toEqual(["1", "3"]);
    expect(restoreEntry(r.entries, r.removed!)).toEqual(list);
  });

  it("entryName falls back for a scenario without a name", () => {
    expect(entryName({ id: "1", scenario: {}, origin: "new", updated: 0 })).toBe("Untitled scenario");
  });
});
