/**
 * `<ech-disruption-timeline>`: the scenario's disruptions on one time axis, a lane each, over the
 * horizon in days with the warm-up shaded. A windowed disruption is a bar: drag it to move its
 * window, drag an end to resize it; with the keyboard, ←/→ move it a day and Shift+←/→ make it a
 * day shorter or longer (window-drag.ts has the maths: whole days, inside the horizon, at least
 * a day long). A random outage has no window and is drawn as a hatched lane over the whole
 * horizon. **Add event** opens the presets and a blank event of any type.
 *
 * The parent owns the draft: a finished drag or key press emits `ech-window-change`
 * ({ index, start, end }); adding emits `ech-add-event` ({ preset } or { type }). Neither bubbles.
 */
import { LitElement, css, html, nothing } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import { ticks } from "d3-array";
import { DISRUPTION_TYPES } from "../../sim/model/scenario.ts";
import { controlStyles } from "../shared/styles.ts";
import { PRESETS, describeWindow, type PresetId } from "./what-if-edits.ts";
import { dayPercent, daysOfPixels, dragWindow, isDayWindow, keyWindow, type DayWindow, type DragMode } from "./window-drag.ts";

export interface WindowChange { readonly index: number; readonly start: number; readonly end: number }
export type AddEvent = { readonly preset: PresetId } | { readonly type: string };

/** About how many day labels the axis shows. */
const AXIS_TICKS = 6;
/** The narrowest a bar is drawn, so that a one-day window can still be grabbed and its ends told apart. */
const BAR_MIN_PX = 12;

interface Drag {
  readonly index: number;
  readonly mode: DragMode;
  readonly pointerId: number;
  readonly x0: number;
  readonly pxPerDay: number;
  readonly from: DayWindow;
  readonly now: DayWindow;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** "lane-delay supplier → plant", "node-outage dc-east", "demand-shock all demand". */
export function laneTitle(d: unknown): string {
  if (!isObj(d)) return "not a disruption";
  const target = d.node === "*" ? "all demand" : d.node !== undefined ? String(d.node) : d.from !== undefined || d.to !== undefined ? `${String(d.from ?? "?")} → ${String(d.to ?? "?")}` : "";
  return [String(d.type ?? "?"), target].filter(Boolean).join(" ");
}

export class DisruptionTimeline extends LitElement {
  static override properties = {
    disruptions: { attribute: false },
    horizon: { type: Number },
    warmup: { type: Number },
    drag: { state: true },
    addOpen: { state: true },
  };
  declare disruptions: readonly unknown[];
  declare horizon: number;
  declare warmup: number;
  declare drag: Drag | undefined;
  /** Whether the Add event menu is open; undefined: open only while there is nothing on the timeline. */
  declare addOpen: boolean | undefined;

  constructor() {
    super();
    this.disruptions = [];
    this.horizon = 365;
    this.warmup = 0;
  }

  override render() {
    const open = this.addOpen ?? this.disruptions.length === 0;
    return html`
      <div class="head">
        <span class="title">Timeline</span>
        <span class="muted about">days 0–${this.horizon}${this.warmup > 0 ? html` · <span class="warmup-key"></span> warm-up 0–${this.warmup - 1}` : ""}</span>
        <button type="button" aria-expanded=${open ? "true" : "false"} aria-controls="add-menu" @click=${() => (this.addOpen = !open)}>Add event</button>
      </div>
      ${open ? this.renderAddMenu() : nothing}
      ${this.disruptions.length ? html`
        ${this.renderAxis()}
        <ol class="lanes">${this.disruptions.map((d, i) => this.renderLane(d, i))}</ol>
        <p class="keys muted" id="timeline-keys">Drag a bar to move its window, or an end to resize it. Keyboard: ←/→ move it a day, Shift+←/→ shorten or lengthen it, PageUp/PageDown move a week.</p>`
        : html`<p class="muted">No disruptions: the network runs as planned.</p>`}`;
  }

  private renderAddMenu() {
    return html`<div id="add-menu" class="add-menu">
      <div class="presets" role="group" aria-label="Quick disruptions">
        ${PRESETS.map((p) => html`<button type="button" @click=${() => this.add({ preset: p.id })}>${p.label}</button>`)}
      </div>
      <label class="add">New event <select aria-label="Type of disruption to add" @change=${(e: Event) => { const s = e.target as HTMLSelectElement; if (s.value) this.add({ type: s.value }); s.value = ""; }}>
        <option value="">of type…</option>${DISRUPTION_TYPES.map((t) => html`<option value=${t}>${t}</option>`)}
      </select></label>
    </div>`;
  }

  private renderAxis() {
    const at = (t: number) => dayPercent(t, this.horizon);
    return html`<div class="axis" aria-hidden="true">
      ${this.warmup > 0 ? html`<div class="warmup" style=${styleMap({ width: `${at(this.warmup)}%` })}></div>` : nothing}
      ${ticks(0, this.horizon, AXIS_TICKS).map((t) => html`<span class="tick ${at(t) === 0 ? "first" : at(t) > 94 ? "last" : ""}" style=${styleMap({ left: `${at(t)}%` })}>${t}</span>`)}
    </div>`;
  }

  private renderLane(d: unknown, index: number) {
    const title = `${index + 1} · ${laneTitle(d)}`;
    const warmup = this.warmup > 0 ? html`<div class="warmup" style=${styleMap({ width: `${dayPercent(this.warmup, this.horizon)}%` })}></div>` : nothing;
    if (isObj(d) && d.type === "random-outage") {
      return html`<li class="lane" data-index=${index}><div class="label"><span>${title}</span><span class="days">random, all horizon</span></div>
        <div class="track">${warmup}<div class="random" title=${`Random outages: mean ${String(d.mtbf)} days up, ${String(d.mttr)} days down`}></div></div></li>`;
    }
    const w = this.windowOf(d, index);
    if (!w) {
      return html`<li class="lane" data-index=${index}><div class="label"><span>${title}</span><span class="days">no window yet</span></div>
        <div class="track">${warmup}</div></li>`;
    }
    const days = describeWindow(w.start, w.end) ?? "";
    const left = dayPercent(w.start, this.horizon), right = dayPercent(w.end, this.horizon);
    const length = w.end - w.start;
    return html`<li class="lane" data-index=${index}>
      <div class="label"><span>${title}</span><span class="days">${days}</span></div>
      <div class="track">${warmup}
        <div class="bar ${this.drag?.index === index ? "dragging" : ""}" role="slider" tabindex="0"
          style=${styleMap({ "--left": `${left}%`, width: `${Math.max(0, right - left)}%` })}
          aria-label=${`Window of disruption ${index + 1}, ${laneTitle(d)}`} aria-describedby="timeline-keys"
          aria-valuemin="0" aria-valuemax=${Math.max(0, this.horizon - length)} aria-valuenow=${w.start}
          aria-valuetext=${`${days}, ${length} day${length === 1 ? "" : "s"}`}
          @pointerdown=${(e: PointerEvent) => this.onPointerDown(e, index, w)}
          @pointermove=${this.onPointerMove} @pointerup=${this.onPointerUp} @pointercancel=${this.cancelDrag}
          @keydown=${(e: KeyboardEvent) => this.onKey(e, index, w)}>
          <span class="grip start" data-mode="start"></span><span class="grip end" data-mode="end"></span>
        </div>
      </div></li>`;
  }

  /** The window drawn for disruption `index`: the one being dragged, else the draft's. */
  private windowOf(d: unknown, index: number): DayWindow | undefined {
    if (this.drag?.index === index) return this.drag.now;
    return isObj(d) && isDayWindow(d.start, d.end) ? { start: d.start as number, end: d.end as number } : undefined;
  }

  private onPointerDown(e: PointerEvent, index: number, w: DayWindow) {
    if (e.button !== 0) return;
    const bar = e.currentTarget as HTMLElement;
    // The bar's left and width are percentages of the track's inner width (inside its border).
    const trackWidth = bar.parentElement!.clientWidth;
    const mode = ((e.target as HTMLElement).dataset.mode ?? "move") as DragMode;
    e.preventDefault();
    bar.focus();
    bar.setPointerCapture?.(e.pointerId);
    this.drag = { index, mode, pointerId: e.pointerId, x0: e.clientX, pxPerDay: trackWidth / this.horizon, from: w, now: w };
  }

  private onPointerMove = (e: PointerEvent) => {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    const now = dragWindow(drag.from, drag.mode, daysOfPixels(e.clientX - drag.x0, drag.pxPerDay), this.horizon);
    if (now.start !== drag.now.start || now.end !== drag.now.end) this.drag = { ...drag, now };
  };

  private onPointerUp = (e: PointerEvent) => {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.drag = undefined;
    if (drag.now.start !== drag.from.start || drag.now.end !== drag.from.end) this.emitWindow(drag.index, drag.now);
  };

  private cancelDrag = () => { this.drag = undefined; };

  private onKey(e: KeyboardEvent, index: number, w: DayWindow) {
    if (e.key === "Escape" && this.drag) { e.preventDefault(); this.cancelDrag(); return; }
    const next = keyWindow(w, e.key, e.shiftKey, this.horizon);
    if (!next) return;
    e.preventDefault();
    if (next.start !== w.start || next.end !== w.end) this.emitWindow(index, next);
  }

  private emitWindow(index: number, w: DayWindow) {
    const detail: WindowChange = { index, start: w.start, end: w.end };
    this.dispatchEvent(new CustomEvent("ech-window-change", { detail }));
  }

  private add(detail: AddEvent) {
    this.addOpen = undefined;
    this.dispatchEvent(new CustomEvent("ech-add-event", { detail }));
  }

  static override styles = [controlStyles, css`
    :host { display: block; margin: 0.2rem 0 0.5rem; --warmup: #e1e5ea; }
    .head { display: flex; align-items: center; gap: 0.5rem; }
    .title { font-weight: 600; }
    .about { font-size: 0.8em; flex: 1; }
    .head button { white-space: nowrap; }
    .warmup-key { display: inline-block; width: 0.9em; height: 0.7em; background: var(--warmup); border: 1px solid var(--ech-border); vertical-align: -0.05em; }
    .add-menu { border: 1px solid var(--ech-border); border-radius: 4px; padding: 0.4rem; margin: 0.3rem 0; }
    .presets { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-bottom: 0.4rem; }
    .axis { position: relative; height: 1.2em; margin: 0.4rem 0 0.1rem; font-size: 0.75em; color: var(--ech-muted); border-bottom: 1px solid var(--ech-border); }
    .tick { position: absolute; bottom: 0.1em; transform: translateX(-50%); }
    .tick.first { transform: none; }
    .tick.last { transform: translateX(-100%); }
    .lanes { list-style: none; margin: 0; padding: 0; }
    .lane { margin: 0.25rem 0; }
    .label { display: flex; justify-content: space-between; gap: 0.5rem; font-size: 0.8em; }
    .label > :first-child { min-width: 0; overflow-wrap: anywhere; }
    .label .days { color: var(--ech-muted); white-space: nowrap; }
    .track { position: relative; height: 20px; background: var(--ech-surface); border: 1px solid var(--ech-border); border-radius: 3px; }
    .warmup { position: absolute; top: 0; bottom: 0; left: 0; background: var(--warmup); }
    .axis .warmup { top: auto; height: 4px; }
    .random { position: absolute; inset: 2px 0; background: repeating-linear-gradient(135deg, var(--ech-warn) 0 3px, transparent 3px 7px); opacity: 0.55; }
    .bar { position: absolute; top: 1px; bottom: 1px; left: min(var(--left), calc(100% - ${BAR_MIN_PX}px)); min-width: ${BAR_MIN_PX}px; box-sizing: border-box; background: var(--ech-warn); border-radius: 3px; cursor: grab; touch-action: none; }
    .bar.dragging { cursor: grabbing; background: var(--ech-accent); }
    .bar:focus-visible { outline: 2px solid var(--ech-focus); outline-offset: 1px; }
    .grip { position: absolute; top: 3px; bottom: 3px; width: 5px; cursor: ew-resize; }
    .grip::after { content: ""; position: absolute; top: 0; bottom: 0; left: 2px; width: 1.5px; background: rgb(255 255 255 / 0.8); }
    .grip.start { left: 0; }
    .grip.end { right: 0; }
    .keys { font-size: 0.75em; margin: 0.3rem 0 0; }
  `];
}

customElements.define("ech-disruption-timeline", DisruptionTimeline);
declare global {
  interface HTMLElementTagNameMap { "ech-disruption-timeline": DisruptionTimeline }
}
