/**
 * The disruptions of a scenario: the timeline (every event on one time axis, windows dragged
 * there, and Add event with the one-click presets or a blank event of a type), then each
 * disruption's fields with "Pick on diagram" beside its target.
 */
import { html } from "lit";
import type { Draft, Json } from "./paths.ts";
import { messages, type FieldContext } from "./fields.ts";
import { renderDisruptionFields, summarizeDisruption } from "./disruption-fields.ts";
import { addDisruption, disruptionOfType, horizonOf, presetDisruption, removeDisruption } from "./what-if-edits.ts";
import "./disruption-timeline.ts";
import type { AddEvent, WindowChange } from "./disruption-timeline.ts";

export interface WhatIfActions {
  /** Replaces the whole draft (structural edits: add, remove). */
  readonly replace: (draft: Draft) => void;
  /** Shows a short message (why a preset or a removal cannot be done). */
  readonly notify: (message: string) => void;
  /** Arms picking disruption `index`'s target on the network diagram, or cancels it (undefined). */
  readonly pickTarget?: (index: number | undefined) => void;
  /** The disruption whose target is being picked on the diagram, if any. */
  readonly picking?: number;
}

export function renderDisruptionsForm(ctx: FieldContext, actions: WhatIfActions) {
  const list: Json[] = Array.isArray(ctx.draft.disruptions) ? ctx.draft.disruptions : [];
  const add = (e: CustomEvent<AddEvent>) => {
    const d = "preset" in e.detail ? presetDisruption(ctx.draft, e.detail.preset) : disruptionOfType(ctx.draft, e.detail.type, undefined);
    if (typeof d === "string") actions.notify(d);
    else actions.replace(addDisruption(ctx.draft, d).draft);
  };
  // A window is written through the same edit as its start and end fields, so a drag is one undo step.
  const moveWindow = (e: CustomEvent<WindowChange>) => {
    const { index, start, end } = e.detail;
    const d = list[index];
    if (d !== null && typeof d === "object" && !Array.isArray(d)) ctx.edit(`disruptions[${index}]`, { ...d, start, end });
  };
  const warmup = typeof ctx.draft.warmup === "number" && ctx.draft.warmup >= 0 ? ctx.draft.warmup : 0;
  const pick = actions.pickTarget;
  return html`<fieldset class="disruptions"><legend>Disruptions</legend>
    <ech-disruption-timeline .disruptions=${list} .horizon=${horizonOf(ctx.draft)} .warmup=${warmup}
      @ech-add-event=${add} @ech-window-change=${moveWindow}></ech-disruption-timeline>
    <ol class="disruption-list">${list.map((d, i) => {
      const own = messages(ctx, `disruptions[${i}]`);
      const picker = pick ? { armed: actions.picking === i, toggle: () => pick(actions.picking === i ? undefined : i) } : undefined;
      return html`<li class="disruption field" data-path=${`disruptions[${i}]`}>
        <div class="item-head"><strong class="summary">${summarizeDisruption(d)}</strong>
          <button type="button" aria-label=${`Remove disruption ${i + 1}`} @click=${() => actions.replace(removeDisruption(ctx.draft, i))}>Remove</button></div>
        ${own.note}
        ${renderDisruptionFields(ctx, i, picker)}
      </li>`;
    })}</ol>
  </fieldset>`;
}
