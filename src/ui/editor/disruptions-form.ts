/** The disruptions of a scenario: one-click presets, add by type, and each disruption's fields. */
import { html, nothing } from "lit";
import { DISRUPTION_TYPES } from "../../sim/model/scenario.ts";
import type { Draft, Json } from "./paths.ts";
import { messages, type FieldContext } from "./fields.ts";
import { renderDisruptionFields, summarizeDisruption } from "./disruption-fields.ts";
import { PRESETS, addDisruption, disruptionOfType, presetDisruption, removeDisruption, type PresetId } from "./what-if-edits.ts";

export interface WhatIfActions {
  /** Replaces the whole draft (structural edits: add, remove). */
  readonly replace: (draft: Draft) => void;
  /** Shows a short message (why a preset or a removal cannot be done). */
  readonly notify: (message: string) => void;
}

export function renderDisruptionsForm(ctx: FieldContext, actions: WhatIfActions) {
  const list: Json[] = Array.isArray(ctx.draft.disruptions) ? ctx.draft.disruptions : [];
  const applyPreset = (id: PresetId) => {
    const d = presetDisruption(ctx.draft, id);
    if (typeof d === "string") actions.notify(d);
    else actions.replace(addDisruption(ctx.draft, d).draft);
  };
  const addOfType = (type: string) => actions.replace(addDisruption(ctx.draft, disruptionOfType(ctx.draft, type, undefined)).draft);
  return html`<fieldset class="disruptions"><legend>Disruptions</legend>
    <div class="presets" role="group" aria-label="Quick disruptions">
      ${PRESETS.map((p) => html`<button type="button" @click=${() => applyPreset(p.id)}>${p.label}</button>`)}
    </div>
    <label class="add">Add <select aria-label="Type of disruption to add" @change=${(e: Event) => { const s = e.target as HTMLSelectElement; if (s.value) addOfType(s.value); s.value = ""; }}>
      <option value="">disruption…</option>${DISRUPTION_TYPES.map((t) => html`<option value=${t}>${t}</option>`)}
    </select></label>
    ${list.length === 0 ? html`<p class="muted">No disruptions: the network runs as planned.</p>` : nothing}
    <ol class="disruption-list">${list.map((d, i) => {
      const own = messages(ctx, `disruptions[${i}]`);
      return html`<li class="disruption field" data-path=${`disruptions[${i}]`}>
        <div class="item-head"><strong class="summary">${summarizeDisruption(d)}</strong>
          <button type="button" aria-label=${`Remove disruption ${i + 1}`} @click=${() => actions.replace(removeDisruption(ctx.draft, i))}>Remove</button></div>
        ${own.note}
        ${renderDisruptionFields(ctx, i)}
      </li>`;
    })}</ol>
  </fieldset>`;
}
