// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/run/run-view.ts";
import type { RunView } from "../../../src/ui/run/run-view.ts";
import type { ImpactView } from "../../../src/ui/impact/impact-view.ts";
import type { RunOptions, SimClientLike } from "../../../src/ui/run/sim-client.ts";
import type { Scenario } from "../../../src/sim/model/scenario.ts";
import { forgetRuns } from "../../../src/ui/run/saved-runs.ts";
import { createMemoryStore, type KeyValueStore } from "../../../src/ui/storage/store.ts";
import { runResult, scenario, trace, comparison } from "../fixtures.ts";

// On a 2-core machine that vitest shares between two files at a time, with other jobs beside
// them, 1 s (vi.waitFor's and expect.poll's default) is too short for what these waits cover
// (the last run read back from the store); 10 s stays well inside the unit
// project's 60 s testTimeout.
const WAIT = { timeout: 10_000 };

type Call = { scenario: Scenario; options: RunOptions };

function fakeClient(run: (s: Scenario, o: RunOptions) => Promise<ReturnType<typeof runResult>>) {
  const calls: Call[] = [];
  const client: SimClientLike = {
    run: (s, o) => { calls.push({ scenario: s, options: o }); return run(s, o); },
    compare: async () => ({ comparison: comparison(), a: runResult(), b: runResult() }),
    trace: async () => trace(),
  };
  return { client, calls };
}
const never = (_: Scenario, o: RunOptions) => new Promise<never>((_, reject) =>
  o.signal?.addEventListener("abort", () => reject(Object.assign(new Error("The run was cancelled"), { name: "AbortError" }))));

async function mount(client: SimClientLike, entryId = "e1", store?: KeyValueStore): Promise<RunView> {
  const el = document.createElement("ech-run-view");
  el.scenario = scenario();
  el.entryId = entryId;
  el.store = store;
  el.client = client;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const $ = <T extends Element>(el: RunView, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const button = (el: RunView, label: string) => [...el.shadowRoot!.querySelectorAll("button")].find((b) => b.textContent!.trim() === label)!;
const type = async (el: RunView, id: string, value: string) => {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event("input"));
  await el.updateComplete;
};

afterEach(() => { document.body.innerHTML = ""; forgetRuns(); });

describe("<ech-run-view>", () => {
  it("fills the run panel from the scenario", async () => {
    const el = await mount(fakeClient(async () => runResult()).client);
    expect(["run-replications", "run-horizon", "run-warmup", "run-seed"].map((id) => $<HTMLInputElement>(el, `#${id}`).value)).toEqual(["50", "20", "5", "7"]);
  });

  it("shows a message under a bad field and does not run", async () => {
    const { client, calls } = fakeClient(async () => runResult());
    const el = await mount(client);
    await type(el, "run-warmup", "20");
    button(el, "Run").click();
    await el.updateComplete;
    expect($<HTMLElement>(el, "#run-warmup-err").textContent).toBe("Warm-up must be less than the horizon (20 days)");
    expect($<HTMLInputElement>(el, "#run-warmup").getAttribute("aria-invalid")).toBe("true");
    expect(calls).toEqual([]);
  });

  it("runs with the panel's settings and shows the results", async () => {
    const { client, calls } = fakeClient(async (_, o) => { o.onProgress?.({ done: 10, total: 10, perWorker: [5, 5], elapsedMs: 10, etaMs: 0 }); return runResult(); });
    const el = await mount(client);
    await type(el, "run-replications", "10");
    await el.start();
    await el.updateComplete;
    expect(calls[0].options).toMatchObject({ replications: 10, horizon: 20, warmup: 5, seed: 7, series: false });
    const results = $<HTMLElement & { updateComplete: Promise<boolean> }>(el, "ech-results-view");
    await results.updateComplete;
    expect(results.shadowRoot!.querySelector('[data-kpi="fillRate"] .value')!.textContent).toBe("95.3%");
  });

  it("Cancel stops a run at once and leaves the panel ready to run again", async () => {
    const el = await mount(fakeClient(never).client);
    const done = el.start();
    await el.updateComplete;
    expect(button(el, "Run").disabled).toBe(true);
    expect($<HTMLElement>(el, "progress")).not.toBeNull();
    button(el, "Cancel").click();
    await el.updateComplete;
    expect([button(el, "Run").disabled, button(el, "Cancel").disabled]).toEqual([false, true]);
    await done;
    await el.updateComplete;
    expect($(el, "[role=alert]")).toBeNull();
  });

  it("a failed run shows its message and the panel stays usable", async () => {
    const el = await mount(fakeClient(async () => { throw new Error("Worker crashed: out of memory"); }).client);
    await el.start();
    await el.updateComplete;
    expect($<HTMLElement>(el, "[role=alert]").textContent).toContain("The run failed. Worker crashed: out of memory");
    expect(button(el, "Run").disabled).toBe(false);
  });

  it("says when the scenario has no customer demand to measure", async () => {
    const el = await mount(fakeClient(async () => runResult()).client);
    expect(el.shadowRoot!.textContent).not.toContain("no customer");
    el.scenario = { ...scenario(), demand: [] };
    await el.updateComplete;
    expect($<HTMLElement>(el, "[role=note]").textContent).toMatch(/^This scenario has no customer\s+demand yet/);
  });

  it("a failed run after a good one keeps the earlier results, labelled as the previous run's", async () => {
    let fail = false;
    const el = await mount(fakeClient(async () => { if (fail) throw new Error("Worker crashed"); return runResult(); }).client);
    await el.start();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).not.toContain("Results of the previous run:");
    fail = true;
    await el.start();
    await el.updateComplete;
    expect($<HTMLElement>(el, "[role=alert]").textContent).toContain("The run failed. Worker crashed");
    expect(el.shadowRoot!.textContent).toContain("Results of the previous run:");
    expect($(el, "ech-results-view")).not.toBeNull();
  });

  it("shows the last results again when re-created (the shell re-creates it after the scenario had problems), marked stale after an edit", async () => {
    const { client } = fakeClient(async () => runResult());
    const first = await mount(client);
    await type(first, "run-replications", "10");
    await first.start();
    first.remove();
    const again = await mount(client);
    expect($<HTMLInputElement>(again, "#run-replications").value).toBe("10");
    expect($(again, "ech-results-view")).not.toBeNull();
    expect($(again, ".note")).toBeNull();
    again.scenario = { ...scenario(), warmup: 6 };
    await again.updateComplete;
    expect($<HTMLElement>(again, ".note").textContent).toBe("These results are from before your last changes to the scenario: run again to update them.");
  });
  it("shows each library entry's own results, named and time-stamped, never another scenario's", async () => {
    const { client } = fakeClient(async () => runResult());
    const el = await mount(client, "e1");
    await el.start();
    await el.updateComplete;
    expect($<HTMLElement>(el, ".provenance").textContent).toMatch(new RegExp(`^Results of “${scenario().name}” · run .+$`));
    el.entryId = "e2";
    el.scenario = { ...scenario(), name: "Other", warmup: 6 };
    await el.updateComplete;
    expect($(el, "ech-results-view")).toBeNull();
    expect($(el, ".note")).toBeNull();
    el.entryId = "e1";
    el.scenario = scenario();
    await el.updateComplete;
    expect($(el, "ech-results-view")).not.toBeNull();
    expect($(el, ".note")).toBeNull();
  });

  it("finds an entry's last run in the store after a reload", async () => {
    const store = createMemoryStore();
    const { client } = fakeClient(async () => runResult());
    const first = await mount(client, "e1", store);
    await type(first, "run-replications", "12");
    await first.start();
    first.remove();
    await new Promise((r) => setTimeout(r));
    expect(await store.keys()).toEqual(["run:e1"]);
    forgetRuns(); // what a reload loses
    const again = await mount(client, "e1", store);
    await expect.poll(() => $(again, "ech-results-view"), WAIT).not.toBeNull();
    expect($<HTMLInputElement>(again, "#run-replications").value).toBe("12");
    expect($<HTMLElement>(again, ".provenance").textContent).toContain(`Results of “${scenario().name}”`);
  });

  it("leaves per-day series off by default, and runs with them when ticked (issue 14, item 10)", async () => {
    const { client, calls } = fakeClient(async () => runResult());
    const el = await mount(client);
    const box = $<HTMLInputElement>(el, "input[type=checkbox]");
    expect(box.checked).toBe(false);
    await el.start();
    expect(calls[0].options.series).toBe(false);
    box.click();
    await el.updateComplete;
    await el.start();
    expect(calls[1].options.series).toBe(true);
  });

  it("announces its run with ech-job events: active when it starts, inactive when it ends", async () => {
    let finish!: () => void;
    const el = await mount(fakeClient(() => new Promise((resolve) => { finish = () => resolve(runResult()); })).client);
    const events: unknown[] = [];
    el.addEventListener("ech-job", (e) => events.push(e.detail));
    const done = el.start();
    await el.updateComplete;
    expect(events).toEqual([{ view: "run", active: true }]);
    finish();
    await done;
    await el.updateComplete;
    expect(events).toEqual([{ view: "run", active: true }, { view: "run", active: false }]);
  });

  it("while another view's job runs (blockedBy), Run is disabled with the reason and start() does nothing", async () => {
    const { client, calls } = fakeClient(async () => runResult());
    const el = await mount(client);
    el.blockedBy = "compare";
    await el.updateComplete;
    expect(button(el, "Run").disabled).toBe(true);
    expect($<HTMLElement>(el, "#run-blocked").textContent).toBe("A comparison is in progress in Compare.");
    expect(button(el, "Run").getAttribute("aria-describedby")).toBe("run-blocked");
    await el.start();
    expect(calls).toEqual([]);
    el.blockedBy = undefined;
    await el.updateComplete;
    expect([button(el, "Run").disabled, $(el, "#run-blocked")]).toEqual([false, null]);
  });

  it("shows the Impact view for a scenario with disruptions, on the panel's replications and seed; Run waits while it runs, and it waits while Run runs", async () => {
    const impacts: RunOptions[] = [];
    const { client } = fakeClient(never);
    const withImpact = { ...client, impact: (_: Scenario, o: RunOptions) => { impacts.push(o); return never(_, o); } } as SimClientLike;
    const el = await mount(withImpact);
    expect($(el, "ech-impact-view")!.shadowRoot!.querySelector("section")).toBeNull();
    el.scenario = scenario({ disruptions: [{ type: "node-outage", node: "dc", start: 5, end: 8 }] });
    await el.updateComplete;
    await type(el, "run-replications", "12");
    const impact = $<ImpactView>(el, "ech-impact-view");
    await impact.updateComplete;
    const runImpact = impact.shadowRoot!.querySelector("button.primary") as HTMLButtonElement;
    expect(runImpact.textContent).toBe("Run impact");
    runImpact.click();
    await impact.updateComplete;
    await el.updateComplete;
    expect([impacts.length, impacts[0].replications, impacts[0].seed, impacts[0].series]).toEqual([1, 12, 7, true]);
    expect(button(el, "Run").disabled).toBe(true);
    (impact.shadowRoot!.querySelectorAll("button")[1] as HTMLButtonElement).click();
    await impact.updateComplete;
    await el.updateComplete;
    expect(button(el, "Run").disabled).toBe(false);
    button(el, "Run").click();
    await el.updateComplete;
    await impact.updateComplete;
    expect((impact.shadowRoot!.querySelector("button.primary") as HTMLButtonElement).disabled).toBe(true);
  });
});
