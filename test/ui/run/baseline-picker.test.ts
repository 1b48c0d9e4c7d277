// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/ui/run/baseline-picker.ts";
import type { BaselinePicker } from "../../../src/ui/run/baseline-picker.ts";
import type { Baseline } from "../../../src/ui/results/kpi-delta.ts";
import { forgetRuns, saveRun, withPrevious, type SavedRun } from "../../../src/ui/run/saved-runs.ts";
import { forget } from "../../../src/ui/run/view-memory.ts";
import { createMemoryStore } from "../../../src/ui/storage/store.ts";
import { runResult, scenario } from "../fixtures.ts";

const fields = { replications: "100", horizon: "20", warmup: "5", seed: "7", series: false };
const saved = (entryId: string, sc = scenario(), ranAt = 1): SavedRun => ({ entryId, result: runResult(), scenario: sc, fields, ranAt });
const library = [{ id: "open", name: "Open one", scenario: scenario() }, { id: "other", name: "Other one", scenario: scenario() }];
const settle = () => new Promise((r) => setTimeout(r, 0));

async function mount(current: SavedRun, store = createMemoryStore()) {
  const el = document.createElement("ech-baseline-picker") as BaselinePicker;
  const seen: (Baseline | null)[] = [];
  el.addEventListener("ech-baseline", (e) => seen.push((e as CustomEvent<Baseline | null>).detail));
  Object.assign(el, { library, entryId: "open", store, current });
  document.body.append(el);
  await el.updateComplete;
  return { el, seen, root: el.shadowRoot! };
}
const pick = async (el: BaselinePicker, id: string) => {
  const select = el.shadowRoot!.querySelector("select")!;
  select.value = id;
  select.dispatchEvent(new Event("change"));
  await el.updateComplete; await settle(); await el.updateComplete;
};

afterEach(() => { document.body.innerHTML = ""; forgetRuns(); forget("run-baseline"); });

describe("<ech-baseline-picker>", () => {
  it("offers the previous run and every other scenario, and sends the previous run with its seed and values", async () => {
    const { root, seen } = await mount(withPrevious(saved("open", scenario(), 2), saved("open")));
    expect([...root.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Previous run of this scenario", "Scenario: Other one"]);
    expect(seen.at(-1)).toMatchObject({ network: runResult().network, seed: 7, values: runResult().replicationValues?.network });
    expect(seen.at(-1)!.label).toMatch(/^previous run \(.+, 100 replications\)$/);
  });

  it("says another scenario has no run yet and offers to run it; then uses its stored run", async () => {
    const store = createMemoryStore();
    const { el, root, seen } = await mount(saved("open"), store);
    await pick(el, "other");
    expect(root.querySelector(".note")!.textContent!.replace(/\s+/g, " ").trim()).toBe("“Other one” has no run yet. Run “Other one” now");
    expect(seen.at(-1)).toBeNull();
    const asked: string[] = [];
    el.addEventListener("ech-run-baseline", (e) => asked.push((e as CustomEvent<{ id: string }>).detail.id));
    root.querySelector<HTMLButtonElement>(".note button")!.click();
    expect(asked).toEqual(["other"]);
    await saveRun(saved("other"), store);
    el.revision++;
    await el.updateComplete; await settle(); await el.updateComplete;
    expect(root.querySelector(".note")).toBeNull();
    expect(seen.at(-1)!.label).toMatch(/^last run of “Other one” \(.+, 100 replications\)$/);
  });

  it("marks another scenario's run stale once that scenario changed after it", async () => {
    const store = createMemoryStore();
    await saveRun(saved("other", { ...scenario(), seed: 99 }), store);
    const { el, root, seen } = await mount(saved("open"), store);
    await pick(el, "other");
    expect(root.querySelector(".note")!.textContent).toContain("“Other one” changed after its last run: the changes are shown against that run.");
    expect(seen.at(-1)?.network).toEqual(runResult().network);
  });
});
