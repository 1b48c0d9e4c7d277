// @vitest-environment jsdom
// A tab that Chromium ends mid-simulation (a worker's heap filled) says so on its next load.
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../../src/ui/app/app-shell.ts";
import type { EchelonApp } from "../../../src/ui/app/app-shell.ts";
import { JOB_MARK_KEY, crashedJobNotice, markJob, takeJobMark } from "../../../src/ui/app/job-marker.ts";
import { createMemoryStore } from "../../../src/ui/storage/store.ts";

// On a 2-core machine that vitest shares between two files at a time, with other jobs beside
// them, 1 s (vi.waitFor's and expect.poll's default) is too short for what these waits cover
// (the workspace's 250 ms save debounce); 10 s stays well inside the unit
// project's 60 s testTimeout.
const WAIT = { timeout: 10_000 };

function memoryStorage(initial: Record<string, string> = {}): Storage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data, get length() { return data.size; }, key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, String(v)); }, removeItem: (k) => { data.delete(k); }, clear: () => data.clear(),
  };
}

async function mount(jobStorage: Storage) {
  const el = document.createElement("ech-app") as EchelonApp;
  el.store = createMemoryStore();
  el.jobStorage = jobStorage;
  document.body.replaceChildren(el);
  await vi.waitFor(() => expect(el.saveState).toBe("saved"), WAIT);
  await el.updateComplete;
  return el;
}

afterEach(() => { document.body.replaceChildren(); });

describe("job marker", () => {
  it("markJob and takeJobMark keep one running job per tab, and taking it removes it", () => {
    const s = memoryStorage();
    markJob(s, "compare");
    expect(takeJobMark(s)).toBe("compare");
    expect(takeJobMark(s)).toBeUndefined();
    markJob(s, "run");
    markJob(s, undefined);
    expect(s.data.has(JOB_MARK_KEY)).toBe(false);
    expect(takeJobMark(memoryStorage({ [JOB_MARK_KEY]: "nonsense" }))).toBeUndefined();
  });

  it("a load that finds a job mark says the tab was ended mid-run, most likely out of memory", async () => {
    const s = memoryStorage({ [JOB_MARK_KEY]: "run" });
    const el = await mount(s);
    expect(el.dialog).toEqual(crashedJobNotice("run"));
    expect(el.dialog?.intro).toContain("a run was in progress in Run & results");
    expect(el.dialog?.intro).toContain("ran out of memory");
    expect(s.data.has(JOB_MARK_KEY)).toBe(false);
  });

  it("the shell marks a running job and unmarks it when it ends or the page unloads normally", async () => {
    const s = memoryStorage();
    const el = await mount(s);
    expect(el.dialog).toBeUndefined();
    const panel = el.shadowRoot!.querySelector("#panel-run")!;
    panel.dispatchEvent(new CustomEvent("ech-job", { bubbles: true, composed: true, detail: { view: "run", active: true } }));
    await el.updateComplete;
    expect(s.getItem(JOB_MARK_KEY)).toBe("run");
    window.dispatchEvent(new Event("pagehide"));
    expect(s.getItem(JOB_MARK_KEY)).toBeNull();
    panel.dispatchEvent(new CustomEvent("ech-job", { bubbles: true, composed: true, detail: { view: "run", active: false } }));
    await el.updateComplete;
    expect(s.getItem(JOB_MARK_KEY)).toBeNull();
  });
});
