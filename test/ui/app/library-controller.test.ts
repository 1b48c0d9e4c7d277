// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { LibraryController, type LibraryHost } from "../../../src/ui/app/library-controller.ts";
import { ValidationCache } from "../../../src/ui/app/draft-checks.ts";
import type { LibraryAction } from "../../../src/ui/library/index.ts";
import type { Draft } from "../../../src/ui/editor/index.ts";
import type { LibraryEntry } from "../../../src/ui/storage/index.ts";
import { BUILTIN_SCENARIOS } from "../../../src/ui/library/builtins.ts";
import { validateScenario } from "../../../src/sim/validate/index.ts";

const retail = BUILTIN_SCENARIOS[0].scenario;

type TestHost = Omit<LibraryHost, "current" | "draft"> & {
  current: string | undefined; draft: Draft | undefined; toasts: { message: string; undo?: () => void }[]; tabs: number; followed: Draft[];
};

/** A host whose openEntry just records what is open, and which keeps the toasts and tab changes it is asked for. */
function setup(names: string[] = ["A", "B"]) {
  const host: TestHost = {
    entries: names.map((name, i): LibraryEntry => ({ id: `e${i}`, scenario: { ...retail, name }, origin: "new", updated: 0 })),
    current: "e0", draft: undefined, comparePair: undefined, toasts: [], tabs: 0, followed: [],
    openEntry(id) { this.current = id; this.draft = this.entries.find((e) => e.id === id)?.scenario; },
    followEntry(scenario) { this.followed.push(scenario); },
    showNetwork() { this.tabs++; },
    showToast(message, undo) { this.toasts.push({ message, undo }); },
    changed: () => undefined,
    addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true),
  };
  const library = new LibraryController(host, new ValidationCache());
  const act = (detail: LibraryAction) => library.onLibrary(new CustomEvent("ech-library", { detail }));
  const names_ = () => host.entries.map((e) => e.scenario.name);
  return { host, library, act, names: names_ };
}

describe("LibraryController", () => {
  it("duplicate opens a copy right after the original; rename of the open entry reaches the draft", () => {
    const { host, act, names } = setup();
    act({ action: "duplicate", id: "e0" });
    expect(names()).toEqual(["A", "A (copy)", "B"]);
    expect(host.current).toBe(host.entries[1].id);
    act({ action: "rename", id: host.current!, name: "Copy renamed" });
    expect(host.followed.map((d) => d.name)).toEqual(["Copy renamed"]);
    act({ action: "rename", id: "e1", name: "B renamed" });
    expect(host.followed).toHaveLength(1);
  });

  it("delete opens the neighbour, never leaves the library empty, and its toast's Undo restores the entry", () => {
    const { host, act, names } = setup(["A"]);
    act({ action: "delete", id: "e0" });
    expect(names()).toEqual(["New scenario"]);
    expect(host.toasts.map((t) => t.message)).toEqual(["Deleted “A”."]);
    host.toasts[0].undo!();
    expect(names()).toEqual(["A", "New scenario"]);
    expect(host.current).toBe("e0");
  });

  it("Make a variant pairs the original (A) with the variant (B) for Compare", () => {
    const { host, library, names } = setup();
    library.onMakeVariant(new CustomEvent("ech-make-variant", { detail: { from: "e1" } }));
    expect(names()).toEqual(["A", "B", "B (variant)"]);
    expect(host.comparePair).toEqual(["e1", host.entries[2].id]);
    expect([host.current, host.tabs]).toEqual([host.entries[2].id, 1]);
  });

  it("adds the optimiser's scenario right after the open one, and a checked file's without checking it again", () => {
    const { host, library, names } = setup();
    const checked = validateScenario({ ...retail, name: "A" });
    if (!checked.ok) throw new Error("retail should validate");
    library.addOptimized(checked.scenario, "A (GSM 95%)");
    expect(names()).toEqual(["A", "A (GSM 95%)", "B"]);
    expect(host.toasts.at(-1)!.message).toBe("Added “A (GSM 95%)”: run it, or compare it with the original in the Compare tab.");
    const invalid = { ...retail, name: "From a file", horizon: -1 };
    library.add(invalid, "file:x.json", undefined, true);
    expect(library.validEntries().map((e) => e.name)).toEqual(["A", "A (GSM 95%)", "B", "From a file"]);
  });

  it("validEntries lists the library's valid scenarios, the same array until the library changes", () => {
    const { host, library } = setup();
    host.entries = [...host.entries, { id: "bad", scenario: { ...retail, name: "Bad", horizon: -1 }, origin: "new", updated: 0 }];
    const list = library.validEntries();
    expect(list.map((e) => e.name)).toEqual(["A", "B"]);
    expect(library.validEntries()).toBe(list);
    host.entries = host.entries.slice(1);
    expect(library.validEntries().map((e) => e.name)).toEqual(["B"]);
  });

  it("names the page after the open scenario", () => {
    const { host, library } = setup();
    host.openEntry("e1");
    library.hostUpdate();
    expect(document.title).toBe("B — Echelon");
  });
});
