// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../../src/ui/app/app-shell.ts";
import type { EchelonApp } from "../../../src/ui/app/app-shell.ts";
import { createMemoryStore } from "../../../src/ui/storage/store.ts";
import { saveWorkspace, type LibraryEntry } from "../../../src/ui/storage/workspace.ts";
import { encodeShareHash } from "../../../src/ui/io/share-link.ts";
import { BUILTIN_SCENARIOS } from "../../../src/ui/library/builtins.ts";
import type { LibraryController } from "../../../src/ui/app/library-controller.ts";
import type { FilesController } from "../../../src/ui/app/files-controller.ts";

// On a 2-core machine that vitest shares between two files at a time, with other jobs beside
// them, 1 s (vi.waitFor's and expect.poll's default) is too short for what these waits cover
// (the workspace's 250 ms save debounce, a share link's entry); 10 s stays well inside the unit
// project's 60 s testTimeout.
const WAIT = { timeout: 10_000 };

const retail = BUILTIN_SCENARIOS[0].scenario;

async function mount(store = createMemoryStore()) {
  const el = document.createElement("ech-app") as EchelonApp;
  el.store = store;
  document.body.replaceChildren(el);
  await vi.waitFor(() => expect(el.saveState).toBe("saved"), WAIT);
  await el.updateComplete;
  return { el, store };
}
const names = (el: EchelonApp) => el.entries.map((e) => e.scenario.name);

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, "", "/");
});

describe("<ech-app>", () => {
  it("starts with a copy of the retail scenario, draws it and saves the workspace", async () => {
    const { el, store } = await mount();
    expect(names(el)).toEqual(["Three-echelon retail"]);
    const diagram = el.shadowRoot!.querySelector("ech-network-diagram")!;
    await diagram.updateComplete;
    expect(diagram.shadowRoot!.querySelectorAll("g.node")).toHaveLength(27);
    await vi.waitFor(() => expect(store.data.get("library")).toEqual([el.entries[0].id]), WAIT);
  });

  it("restores the open scenario, its selection and the tab from storage", async () => {
    const store = createMemoryStore();
    const entries: LibraryEntry[] = [
      { id: "a", scenario: { ...retail, name: "A" }, origin: "new", updated: 1 },
      { id: "b", scenario: { ...retail, name: "B" }, origin: "new", updated: 2 },
    ];
    await saveWorkspace(store, { entries, session: { current: "b", selection: { kind: "node", index: 9 }, tab: "network" } });
    const { el } = await mount(store);
    expect(el.current).toBe("b");
    expect(el.selection).toEqual({ kind: "node", index: 9 });
    expect(el.shadowRoot!.querySelector(".scenario-name")!.textContent).toBe("B");
  });

  it("ignores a saved selection that no longer exists", async () => {
    const store = createMemoryStore();
    await saveWorkspace(store, { entries: [{ id: "a", scenario: { ...retail, name: "A" }, origin: "new", updated: 1 }], session: { current: "a", selection: { kind: "lane", index: 999 } } });
    const { el } = await mount(store);
    expect(el.selection).toEqual({ kind: "settings" });
  });

  it("answers ech-make-variant with a copy named '<name> (variant)', opened for editing", async () => {
    const { el } = await mount();
    const from = el.entries[0].id;
    // The shell listens on <ech-compare-view>, which only exists once the Compare tab has loaded.
    (el as unknown as { library: LibraryController }).library.onMakeVariant(new CustomEvent("ech-make-variant", { detail: { from } }));
    expect(names(el)).toEqual(["Three-echelon retail", "Three-echelon retail (variant)"]);
    expect(el.current).toBe(el.entries[1].id);
    expect(el.tab).toBe("network");
  });

  it("stops picking a disruption's target when disruptions are added or removed, since the index may name another", async () => {
    const { el } = await mount();
    type Shell = { armPicking(i: number | null): void; setDraft(d: unknown): void; picking?: { index: number } };
    const shell = el as unknown as Shell;
    const outage = { type: "node-outage", node: "dc-east", start: 120, end: 127 };
    shell.setDraft({ ...el.draft!, disruptions: [outage] });
    shell.armPicking(0);
    shell.setDraft({ ...el.draft!, description: "edited" });
    expect(shell.picking).toEqual({ index: 0 });
    shell.setDraft({ ...el.draft!, disruptions: [] });
    expect(shell.picking).toBeUndefined();
  });

  it("imports a CSV file as one undoable edit, and refuses a broken one with line numbers", async () => {
    const { el } = await mount();
    const open = (name: string, text: string) => (el as unknown as { files: FilesController }).files.openFiles([new File([text], name)]);
    await open("nodes.csv", "id,kind,level\ndc-east,dc,900\n");
    expect((el.draft!.nodes as { policy?: { level: number } }[])[9].policy).toEqual({ type: "base-stock", level: 900 });
    await open("lanes.csv", "from,to,leadTime\nplant,central-dc,x\n");
    expect(el.dialog?.messages).toEqual(["lanes.csv line 2: leadTime must be a number >= 0, got 'x'"]);
    (el as unknown as { undo(): void }).undo();
    expect((el.draft!.nodes as { policy?: { level: number } }[])[9].policy).toEqual({ type: "base-stock", level: 444 });
  });

  it("adds the scenario of a share link as a new library entry and clears the hash", async () => {
    history.replaceState(null, "", `/#${await encodeShareHash({ ...retail, name: "Shared" })}`);
    const { el } = await mount();
    await vi.waitFor(() => expect(names(el)).toEqual(["Three-echelon retail", "Shared"]), WAIT);
    expect(el.current).toBe(el.entries[1].id);
    expect(location.hash).toBe("");
  });
  it("opens the Optimise dialog on the current scenario and adds its variant right after it, opened", async () => {
    const { el } = await mount();
    await (el as unknown as { openOptimize(): Promise<void> }).openOptimize();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector("ech-optimize-dialog")!;
    expect(dialog.scenario!.name).toBe("Three-echelon retail");
    await dialog.updateComplete;
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(names(el)).toEqual(["Three-echelon retail", "Three-echelon retail (GSM 95%)"]);
    expect(el.current).toBe(el.entries[1].id);
    expect((el.draft!.nodes as { id: string; policy?: { type: string } }[]).filter((n) => n.policy).every((n) => n.policy!.type === "base-stock")).toBe(true);
    expect(el.shadowRoot!.querySelector("ech-optimize-dialog")).toBeNull();
    expect(el.toast?.message).toBe("Added “Three-echelon retail (GSM 95%)”: run it, or compare it with the original in the Compare tab.");
  });
  describe("tabs and the one-job-at-a-time rule", () => {
    type Shell = { showTab(tab: string): void };
    const view = <T extends Element>(el: EchelonApp, tag: string) => el.shadowRoot!.querySelector(tag) as (T & { blockedBy?: string; updateComplete: Promise<boolean> }) | null;
    async function visit(el: EchelonApp, tab: string, tag: string) {
      (el as unknown as Shell).showTab(tab);
      await vi.waitFor(() => expect(view(el, tag)).not.toBeNull(), { timeout: 5000 });
      await el.updateComplete;
    }
    const job = (from: Element, active: boolean, name = "run") =>
      from.dispatchEvent(new CustomEvent("ech-job", { bubbles: true, composed: true, detail: { view: name, active } }));

    it("keeps every visited tab's view mounted and hides the inactive panels", async () => {
      const { el } = await mount();
      await visit(el, "run", "ech-run-view");
      const run = view(el, "ech-run-view")!;
      await visit(el, "network", "ech-network-diagram");
      expect(view(el, "ech-run-view")).toBe(run);
      expect(el.shadowRoot!.querySelector<HTMLElement>("#panel-run")!.hidden).toBe(true);
      expect(el.shadowRoot!.querySelector<HTMLElement>("#panel-network")!.hidden).toBe(false);
      expect(el.shadowRoot!.querySelector("#panel-compare")!.children).toHaveLength(0);
    });

    it("blocks the other views while one view's job runs, and frees them when it ends", async () => {
      const { el } = await mount();
      await visit(el, "run", "ech-run-view");
      await visit(el, "compare", "ech-compare-view");
      await visit(el, "watch", "ech-watch-view");
      const run = view(el, "ech-run-view")!, compare = view(el, "ech-compare-view")!, watch = view(el, "ech-watch-view")!;
      job(run, true);
      await el.updateComplete;
      expect(el.busyView).toBe("run");
      expect([run.blockedBy, compare.blockedBy, watch.blockedBy]).toEqual([undefined, "run", "run"]);
      await compare.updateComplete;
      expect(compare.shadowRoot!.querySelector("#cmp-blocked")!.textContent).toBe("A run is in progress in Run & results.");
      job(compare, false, "compare");
      await el.updateComplete;
      expect(el.busyView).toBe("run");
      job(run, false);
      await el.updateComplete;
      expect([el.busyView, compare.blockedBy, watch.blockedBy]).toEqual([undefined, undefined, undefined]);
    });

    it("frees the other views when the scenario gets problems and the running view gives way to a placeholder", async () => {
      const { el } = await mount();
      await visit(el, "run", "ech-run-view");
      await visit(el, "compare", "ech-compare-view");
      job(view(el, "ech-run-view")!, true);
      await el.updateComplete;
      expect(el.busyView).toBe("run");
      (el as unknown as { setDraft(d: unknown): void }).setDraft({ ...el.draft!, horizon: -1 });
      await el.updateComplete;
      expect([el.busyView, view(el, "ech-run-view")]).toEqual([undefined, null]);
      expect(el.shadowRoot!.querySelector("#panel-run .placeholder")!.textContent).toContain("1 problem to fix");
    });

    it("pauses the Watch view's playback when its tab is left", async () => {
      const { el } = await mount();
      await visit(el, "watch", "ech-watch-view");
      const watch = view(el, "ech-watch-view")! as unknown as { pause(): void };
      const pause = vi.spyOn(watch, "pause");
      (el as unknown as Shell).showTab("run");
      expect(pause).toHaveBeenCalledTimes(1);
    });
  });
});
