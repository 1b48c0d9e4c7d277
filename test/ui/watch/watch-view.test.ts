// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../../src/ui/watch/watch-view.ts";
import type { WatchView } from "../../../src/ui/watch/watch-view.ts";
import type { SimClientLike } from "../../../src/ui/run/sim-client.ts";
import { forget } from "../../../src/ui/run/view-memory.ts";
import { comparison, runResult, scenario, trace } from "../fixtures.ts";

function client() {
  const reps: number[] = [];
  const c: SimClientLike = {
    run: async () => runResult(),
    compare: async () => ({ comparison: comparison(), a: runResult(), b: runResult() }),
    trace: async (_, rep) => { reps.push(rep); return trace(); },
  };
  return { c, reps };
}
async function mount(): Promise<{ el: WatchView; reps: number[] }> {
  const { c, reps } = client();
  const el = document.createElement("ech-watch-view");
  el.scenario = scenario();
  el.client = c;
  document.body.append(el);
  await el.updateComplete;
  return { el, reps };
}
const onHand = (el: WatchView) => [...el.shadowRoot!.querySelectorAll("td.on-hand")].map((td) => td.textContent);
const key = async (el: WatchView, k: string) => {
  el.shadowRoot!.querySelector(".player")!.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, composed: true }));
  await el.updateComplete;
};

afterEach(() => { document.body.innerHTML = ""; forget("watch-view"); vi.useRealTimers(); });

describe("<ech-watch-view>", () => {
  it("loads the chosen replication and shows day 0's stock", async () => {
    const { el, reps } = await mount();
    el.replication = "3";
    await el.load();
    await el.updateComplete;
    expect(reps).toEqual([3]);
    expect(onHand(el)).toEqual(["100", "10"]);
    const diagram = el.shadowRoot!.querySelector("ech-network-diagram")!;
    expect([...diagram.nodeValues!.keys()]).toEqual(["dc", "s1"]);
  });

  it("shades the scenario's disruption windows on the daily fill-rate chart", async () => {
    const { el } = await mount();
    el.scenario = scenario({ disruptions: [{ type: "node-outage", node: "dc", start: 2, end: 4 }] });
    await el.updateComplete;
    await el.load();
    await el.updateComplete;
    const chart = el.shadowRoot!.querySelector("ech-fan-chart")!;
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelectorAll("rect.window").length).toBe(1);
  });

  it("steps with → and ← and moves shipments along their lane", async () => {
    const { el } = await mount();
    await el.load();
    await key(el, "ArrowRight");
    await key(el, "ArrowRight");
    expect(el.day).toBe(2);
    expect(onHand(el)).toEqual(["90", "0"]);
    expect(el.shadowRoot!.querySelector("ech-network-diagram")!.flows).toEqual([{ from: "dc", to: "s1", progress: 0.5, quantity: 10 }]);
    await key(el, "ArrowLeft");
    expect(el.day).toBe(1);
  });

  it("plays day by day at the chosen speed and stops at the last day; space pauses", async () => {
    vi.useFakeTimers();
    const { el } = await mount();
    await el.load();
    await key(el, " ");
    expect(el.playing).toBe(true);
    vi.advanceTimersByTime(200);   // 5 days/s: one day per 200 ms
    expect(el.day).toBe(1);
    await key(el, " ");
    vi.advanceTimersByTime(1000);
    expect([el.playing, el.day]).toEqual([false, 1]);
    el.play();
    vi.advanceTimersByTime(2000);
    expect([el.playing, el.day]).toEqual([false, 3]);
  });

  it("rejects a replication number outside the scenario's range", async () => {
    const { el, reps } = await mount();
    el.replication = "50";
    await el.load();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("#rep-err")!.textContent).toBe("Replication must be a whole number from 0 to 49");
    expect(reps).toEqual([]);
  });

  it("comes back on the same day when re-created for the same scenario", async () => {
    const { el } = await mount();
    await el.load();
    el.step(2);
    el.remove();
    const { el: again, reps } = await mount();
    expect([again.day, onHand(again), reps]).toEqual([2, ["90", "0"], []]);
  });
  it("while another view's job runs (blockedBy), Load replication is disabled with the reason and load() does nothing", async () => {
    const { el, reps } = await mount();
    el.blockedBy = "run";
    await el.updateComplete;
    const load = [...el.shadowRoot!.querySelectorAll("button")].find((b) => b.textContent === "Load replication")!;
    expect(load.disabled).toBe(true);
    expect(el.shadowRoot!.querySelector("#rep-blocked")!.textContent).toBe("A run is in progress in Run & results.");
    await el.load();
    expect(reps).toEqual([]);
  });

  it("announces its trace load with ech-job events", async () => {
    const { el } = await mount();
    const events: unknown[] = [];
    el.addEventListener("ech-job", (e) => events.push(e.detail));
    await el.load();
    await el.updateComplete;
    expect(events).toEqual([{ view: "watch", active: true }, { view: "watch", active: false }]);
  });
});
