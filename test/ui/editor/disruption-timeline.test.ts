// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import "../../../src/ui/editor/disruption-timeline.ts";
import { laneTitle, type DisruptionTimeline, type WindowChange } from "../../../src/ui/editor/disruption-timeline.ts";

async function mount(disruptions: unknown[], horizon = 365, warmup = 30) {
  const el = document.createElement("ech-disruption-timeline") as DisruptionTimeline;
  Object.assign(el, { disruptions, horizon, warmup });
  const changes: WindowChange[] = [];
  el.addEventListener("ech-window-change", (e) => changes.push((e as CustomEvent<WindowChange>).detail));
  document.body.replaceChildren(el);
  await el.updateComplete;
  return { el, changes, root: el.shadowRoot! };
}

/** A pointer event as the browser sends it (jsdom has no PointerEvent). */
function pointer(type: string, clientX: number, target: Element) {
  const e = new MouseEvent(type, { clientX, button: 0, bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(e, "pointerId", { value: 1 });
  target.dispatchEvent(e);
}

/** Gives every track a width of `px` pixels, as layout would. */
function trackWidth(root: ShadowRoot, px: number) {
  for (const t of root.querySelectorAll<HTMLElement>(".track")) Object.defineProperty(t, "clientWidth", { value: px });
}

const delay = { type: "lane-delay", from: "supplier", to: "plant", extraDays: 14, start: 120, end: 134 };

describe("<ech-disruption-timeline>", () => {
  it("draws a lane per disruption, its window as a bar at its days, the warm-up shaded and random outages hatched over the horizon", async () => {
    const { root } = await mount([delay, { type: "random-outage", node: "supplier", mtbf: 90, mttr: 3 }, { type: "node-outage", node: "dc", start: "x", end: 5 }], 200, 20);
    const lanes = root.querySelectorAll(".lane");
    expect(lanes).toHaveLength(3);
    const bar = lanes[0].querySelector<HTMLElement>(".bar")!;
    expect(bar.style.getPropertyValue("--left")).toBe("60%");
    expect(bar.style.width).toBe("7%");
    expect(bar.getAttribute("aria-valuetext")).toBe("days 120–133 (weeks 18–20), 14 days");
    expect(bar.getAttribute("aria-label")).toBe("Window of disruption 1, lane-delay supplier → plant");
    expect(lanes[0].querySelector<HTMLElement>(".warmup")!.style.width).toBe("10%");
    expect(lanes[1].querySelector(".random")).not.toBeNull();
    expect(lanes[1].querySelector(".bar")).toBeNull();
    expect(lanes[1].querySelector(".days")!.textContent).toBe("random, all horizon");
    expect(lanes[2].querySelector(".bar")).toBeNull();
    expect(lanes[2].querySelector(".days")!.textContent).toBe("no window yet");
    expect([...root.querySelectorAll(".axis .tick")].map((t) => t.textContent)).toEqual(["0", "50", "100", "150", "200"]);
  });

  it("dragging a bar moves its window by whole days and emits it once, on release", async () => {
    const { root, changes, el } = await mount([delay]);
    trackWidth(root, 730); // 2 px a day
    const bar = root.querySelector<HTMLElement>(".bar")!;
    pointer("pointerdown", 300, bar);
    pointer("pointermove", 361, bar); // 30.5 days → 31
    await el.updateComplete;
    expect(root.querySelector(".days")!.textContent).toBe("days 151–164 (weeks 22–24)");
    expect(changes).toEqual([]);
    pointer("pointerup", 361, bar);
    expect(changes).toEqual([{ index: 0, start: 151, end: 165 }]);
  });

  it("dragging an end resizes the window, at least a day long and inside the horizon", async () => {
    const { root, changes } = await mount([delay]);
    trackWidth(root, 365);
    const bar = root.querySelector<HTMLElement>(".bar")!;
    pointer("pointerdown", 0, bar.querySelector(".grip.end")!);
    pointer("pointermove", -50, bar);
    pointer("pointerup", -50, bar);
    pointer("pointerdown", 0, bar.querySelector(".grip.start")!);
    pointer("pointermove", -500, bar);
    pointer("pointerup", -500, bar);
    expect(changes).toEqual([{ index: 0, start: 120, end: 121 }, { index: 0, start: 0, end: 134 }]);
  });

  it("a drag that ends where it started, or is cancelled, emits nothing", async () => {
    const { root, changes } = await mount([delay]);
    trackWidth(root, 365);
    const bar = root.querySelector<HTMLElement>(".bar")!;
    pointer("pointerdown", 10, bar);
    pointer("pointermove", 10.3, bar);
    pointer("pointerup", 10.3, bar);
    pointer("pointerdown", 10, bar);
    pointer("pointermove", 60, bar);
    pointer("pointercancel", 60, bar);
    pointer("pointerup", 60, bar);
    expect(changes).toEqual([]);
  });

  it("keys move and resize the focused window", async () => {
    const { root, changes } = await mount([delay]);
    const bar = root.querySelector<HTMLElement>(".bar")!;
    for (const [key, shiftKey] of [["ArrowLeft", false], ["ArrowRight", true], ["PageUp", false], ["Tab", false]] as const) {
      bar.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey, bubbles: true }));
    }
    expect(changes).toEqual([{ index: 0, start: 119, end: 133 }, { index: 0, start: 120, end: 135 }, { index: 0, start: 127, end: 141 }]);
  });

  it("laneTitle names the type and the target", () => {
    expect(laneTitle(delay)).toBe("lane-delay supplier → plant");
    expect(laneTitle({ type: "demand-shock", node: "*", multiplier: 2 })).toBe("demand-shock all demand");
    expect(laneTitle({ type: "node-outage", node: "dc-east" })).toBe("node-outage dc-east");
    expect(laneTitle(7)).toBe("not a disruption");
  });
});
